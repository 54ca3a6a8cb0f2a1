Feature: Large pages: bad input is refused and changes nothing
  The MMU refuses memory slots that are empty, not aligned to 4 KB pages (or, on 2 MB host pages, not
  starting on a 2 MB host boundary), outside the 52-bit guest-physical address space, or overlapping a
  slot it has; guest addresses in no slot; large mappings off a 2 MB boundary; and unshadowing a page table
  that has no shadow left. Unshadowing checks the frame's counter first: if it already says no page of
  the frame is write-protected, taking one off would take it below zero (below -1 in the minus-one
  encoding), and the call is refused for that; otherwise a page without shadows is refused for being
  unshadowed (interpretation I-LP-4). Every refusal carries a typed status and leaves the slots, the
  counters, the write protections and the shadow entries as they were.

  @LP-BAD-1 @profile:large-pages
  Scenario Outline: A slot from <from> to <to> holds no memory and is refused
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    When I add a memory slot from <from> to <to> on 4 KB pages at host 8 GB
    Then the call is rejected with SLOT_EMPTY
    And the MMU is as it was before the refused call

    @variant:zero-size
    Examples: of size zero
      | from | to   |
      | 2 GB | 2 GB |

    @variant:negative-size
    Examples: of negative size
      | from | to   |
      | 2 GB | 1 GB |

  @LP-BAD-2 @profile:large-pages
  Scenario Outline: A slot from <from> to <to> on <pages> at host <host> is misaligned and refused
    Source: kvm-devel, large pages, January 2008 [004], reply, paragraph 1 (alignment and two memslots)
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    When I add a memory slot from <from> to <to> on <pages> at host <host>
    Then the call is rejected with SLOT_MISALIGNED
    And the MMU is as it was before the refused call

    @variant:guest-base-off-page
    Examples: a guest base off a 4 KB boundary
      | from            | to            | pages      | host        |
      | 1 GB + 1 KB     | 2 GB          | 4 KB pages | 8 GB        |

    @variant:size-off-page
    Examples: a size that is not whole 4 KB pages
      | from            | to            | pages      | host        |
      | 1 GB            | 2 GB + 2 KB   | 4 KB pages | 8 GB        |

    @variant:host-base-off-page
    Examples: a host base off a 4 KB boundary
      | from            | to            | pages      | host        |
      | 1 GB            | 2 GB          | 4 KB pages | 8 GB + 2 KB |
      | 1 GB            | 2 GB          | 2 MB pages | 8 GB + 2 KB |

    @variant:large-host-base-off-frame
    Examples: 2 MB host pages whose host base is off a 2 MB boundary
      | from            | to            | pages      | host        |
      | 1 GB            | 2 GB          | 2 MB pages | 8 GB + 4 KB |
      | 1 GB            | 2 GB          | 2 MB pages | 8 GB + 1 MB |

  @LP-BAD-3 @profile:large-pages @variant:one-existing-slot
  Scenario Outline: A slot from <from> to <to> overlapping the slot from 2 MB to 1 GB is refused
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    When I add a memory slot from <from> to <to> on 4 KB pages at host 8 GB
    Then the call is rejected with SLOT_OVERLAP
    And the MMU is as it was before the refused call

    @variant:overlaps-start
    Examples: over the slot's start
      | from        | to          |
      | 1 MB        | 2 MB + 4 KB |

    @variant:overlaps-end
    Examples: over the slot's end
      | from        | to          |
      | 1 GB - 4 KB | 2 GB        |

    @variant:inside
    Examples: inside the slot
      | from        | to          |
      | 4 MB        | 8 MB        |

    @variant:encloses
    Examples: around the slot
      | from        | to          |
      | 1 MB        | 2 GB        |

    @variant:same-range
    Examples: the slot's own range
      | from        | to          |
      | 2 MB        | 1 GB        |

  @LP-BAD-3 @profile:large-pages @variant:several-existing-slots
  Scenario Outline: A slot from <from> to <to> overlapping only one of three slots is refused
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    And a memory slot from 2 GB to 3 GB on 4 KB pages at host 8 GB
    And a memory slot from 4 GB to 5 GB on 4 KB pages at host 12 GB
    When I add a memory slot from <from> to <to> on 4 KB pages at host 16 GB
    Then the call is rejected with SLOT_OVERLAP
    And the MMU is as it was before the refused call

    @variant:overlaps-start
    Examples: over the middle slot's start
      | from        | to          |
      | 1 GB        | 2 GB + 4 KB |

    @variant:overlaps-end
    Examples: over the middle slot's end
      | from        | to          |
      | 3 GB - 4 KB | 4 GB        |

    @variant:inside
    Examples: inside the middle slot
      | from        | to          |
      | 2 GB + 4 KB | 2 GB + 8 KB |

  @LP-BAD-4 @profile:large-pages
  Scenario Outline: A slot from <from> to <to> outside the guest-physical address space is refused
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    When I add a memory slot from <from> to <to> on 4 KB pages at host 8 GB
    Then the call is rejected with SLOT_OUT_OF_RANGE
    And there is no memory slot

    @variant:starts-below-zero
    Examples: starting below 0
      | from                 | to                   |
      | -4 KB                | 4 KB                 |

    @variant:ends-above-top
    Examples: ending past 2^52
      | from                 | to                   |
      | 0xFFFFFFFFFF000      | 0x10000000001000     |

  @LP-BAD-4 @profile:large-pages @variant:ends-at-top
  Scenario: A slot ending exactly at the top of the guest-physical address space is accepted
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    When I add a memory slot from 0xFFFFFFFFFF000 to 0x10000000000000 on 4 KB pages at host 8 GB
    Then the memory slots are:
      | from            | to               | host pages |
      | 0xFFFFFFFFFF000 | 0x10000000000000 | 4 KB       |

  @LP-BAD-5 @profile:large-pages @variant:new-slot-below
  Scenario: Adding a slot that ends where another starts is accepted
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    When I add a memory slot from 1 MB to 2 MB on 4 KB pages at host 8 GB
    Then the memory slots are:
      | from | to   | host pages |
      | 1 MB | 2 MB | 4 KB       |
      | 2 MB | 1 GB | 2 MB       |

  @LP-BAD-5 @profile:large-pages @variant:new-slot-above
  Scenario: Adding a slot that starts where another ends is accepted
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    When I add a memory slot from 1 GB to 2 GB on 4 KB pages at host 8 GB
    Then the memory slots are:
      | from | to   | host pages |
      | 2 MB | 1 GB | 2 MB       |
      | 1 GB | 2 GB | 4 KB       |

  @LP-BAD-6 @profile:large-pages
  Scenario Outline: Guest memory from <from> to <to> that is bad input adds no slot, with the large-page option <option>
    Source: kvm-devel, large pages, January 2008 [004], reply, paragraph 1 (alignment and two memslots)
    Given a shadow-paging MMU with the option to back guest memory with large pages <option>
    And guest memory from 2 MB to 1 GB
    When I add guest memory from <from> to <to>
    Then the call is rejected with <status>
    And the MMU is as it was before the refused call

    @variant:option-on @variant:empty @variant:misaligned @variant:out-of-range
    Examples: with the option, empty, misaligned or out of range
      | option | from        | to          | status            |
      | on     | 2 GB        | 2 GB        | SLOT_EMPTY        |
      | on     | 1 GB + 2 KB | 2 GB        | SLOT_MISALIGNED   |
      | on     | -2 MB       | 0 MB        | SLOT_OUT_OF_RANGE |

    @variant:option-on @variant:overlapping @variant:overlap-in-body
    Examples: with the option, overlapping where the large-page slot would go
      | option | from        | to          | status            |
      | on     | 1 MB        | 4 MB        | SLOT_OVERLAP      |

    @variant:option-on @variant:overlapping @variant:overlap-in-head
    Examples: with the option, overlapping only where the 4 KB head would go
      | option | from        | to          | status            |
      | on     | 1 GB - 1 MB | 2 GB        | SLOT_OVERLAP      |

    @variant:option-on @variant:overlapping @variant:overlap-in-tail
    Examples: with the option, overlapping only where the 4 KB tail would go
      | option | from        | to          | status            |
      | on     | 0 MB        | 2 MB + 4 KB | SLOT_OVERLAP      |

    @variant:option-off @variant:empty @variant:misaligned @variant:overlapping @variant:out-of-range
    Examples: without the option
      | option | from        | to          | status            |
      | off    | 2 GB        | 2 GB        | SLOT_EMPTY        |
      | off    | 1 GB + 2 KB | 2 GB        | SLOT_MISALIGNED   |
      | off    | 1 MB        | 4 MB        | SLOT_OVERLAP      |
      | off    | -2 MB       | 0 MB        | SLOT_OUT_OF_RANGE |

  @LP-BAD-7 @profile:large-pages @variant:never-shadowed @variant:start-on-boundary
  Scenario Outline: Unshadowing a page table that was never shadowed, with <other> shadowed in its frame, is refused
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU with counters from <encoding>
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    And the guest page table at <other> is shadowed
    When I unshadow the guest page table at 4 MB + 8 KB
    Then the call is rejected with PAGE_NOT_SHADOWED
    And the MMU is as it was before the refused call

    @variant:count-from-zero
    Examples: counting from zero
      | encoding  | other        |
      | zero      | 4 MB + 12 KB |
      | zero      | 4 MB         |

    @variant:count-from-minus-one
    Examples: counting from minus one
      | encoding  | other        |
      | minus one | 4 MB + 12 KB |

  @LP-BAD-7 @profile:large-pages @variant:shadow-already-dropped @variant:start-on-boundary
  Scenario Outline: Unshadowing a page table whose only shadow was dropped already, with another table still shadowed in its frame, is refused (counting from <encoding>)
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU with counters from <encoding>
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    And the guest page table at 4 MB + 8 KB is shadowed
    And the guest page table at 4 MB + 12 KB is shadowed
    And the guest page table at 4 MB + 8 KB is unshadowed
    When I unshadow the guest page table at 4 MB + 8 KB
    Then the call is rejected with PAGE_NOT_SHADOWED
    And the MMU is as it was before the refused call

    @variant:count-from-zero
    Examples: counting from zero
      | encoding  |
      | zero      |

    @variant:count-from-minus-one
    Examples: counting from minus one
      | encoding  |
      | minus one |

  @LP-BAD-7 @profile:large-pages @variant:never-shadowed @variant:start-off-boundary @variant:count-from-zero
  Scenario: In a slot starting off a 2 MB boundary, unshadowing a page table that was never shadowed, with a table in the upper half of its frame shadowed, is refused
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    And a memory slot from 1 MB to 1 GB on 4 KB pages at host 4 GB
    And the guest page table at 5 MB + 8 KB is shadowed
    When I unshadow the guest page table at 4 MB + 8 KB
    Then the call is rejected with PAGE_NOT_SHADOWED
    And the MMU is as it was before the refused call

  @LP-BAD-8 @profile:large-pages @variant:start-on-boundary
  Scenario Outline: Unshadowing in a frame whose counter already says no page is write-protected is refused (from <encoding>, on <pages>)
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU with counters from <encoding>
    And a memory slot from 2 MB to 1 GB on <pages> at host 4 GB
    And the guest page table at 6 MB is shadowed
    When I unshadow the guest page table at 4 MB + 8 KB
    Then the call is rejected with WRITE_PROTECT_COUNT_UNDERFLOW
    And the MMU is as it was before the refused call

    @variant:count-from-zero @variant:host-2m-aligned
    Examples: counting from zero on an aligned 2 MB host page
      | encoding  | pages      |
      | zero      | 2 MB pages |

    @variant:count-from-zero @variant:host-4k
    Examples: counting from zero on 4 KB host pages
      | encoding  | pages      |
      | zero      | 4 KB pages |

    @variant:count-from-minus-one @variant:host-2m-aligned
    Examples: counting from minus one on an aligned 2 MB host page
      | encoding  | pages      |
      | minus one | 2 MB pages |

    @variant:count-from-minus-one @variant:host-4k
    Examples: counting from minus one on 4 KB host pages
      | encoding  | pages      |
      | minus one | 4 KB pages |

  @LP-BAD-8 @profile:large-pages @variant:start-off-boundary
  Scenario Outline: In a slot from 1 MB on <pages>, unshadowing in a frame whose counter says no page is write-protected is refused (from <encoding>)
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU with counters from <encoding>
    And a memory slot from 1 MB to 1 GB on <pages> at host 4 GB
    And the guest page table at 5 MB + 8 KB is shadowed
    When I unshadow the guest page table at 6 MB + 8 KB
    Then the call is rejected with WRITE_PROTECT_COUNT_UNDERFLOW
    And the MMU is as it was before the refused call

    @variant:count-from-zero @variant:host-4k
    Examples: counting from zero on 4 KB host pages
      | encoding  | pages      |
      | zero      | 4 KB pages |

    @variant:count-from-minus-one @variant:host-2m-misaligned
    Examples: counting from minus one on 2 MB host pages half a frame off
      | encoding  | pages      |
      | minus one | 2 MB pages |

    @variant:count-from-zero @variant:host-2m-misaligned
    Examples: counting from zero on 2 MB host pages half a frame off
      | encoding  | pages      |
      | zero      | 2 MB pages |

  @LP-BAD-9 @profile:large-pages @variant:head-frame
  Scenario: Unshadowing a page table that was never shadowed in the frame the slot's start cuts is refused
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    And a memory slot from 1 MB to 1 GB on 4 KB pages at host 4 GB
    When I unshadow the guest page table at 1 MB + 8 KB
    Then the call is rejected with PAGE_NOT_SHADOWED
    And the MMU is as it was before the refused call

  @LP-BAD-9 @profile:large-pages @variant:tail-frame
  Scenario: Unshadowing a page table that was never shadowed in the frame the slot's end cuts is refused
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 7 MB on 4 KB pages at host 4 GB
    And the guest page table at 6 MB + 4 KB is shadowed
    When I unshadow the guest page table at 6 MB + 8 KB
    Then the call is rejected with PAGE_NOT_SHADOWED
    And the MMU is as it was before the refused call

  @LP-BAD-10 @profile:large-pages
  Scenario Outline: "<action>" at an address in no slot is refused
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 2
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    And a memory slot from 2 GB to 3 GB on 2 MB pages at host 6 GB
    When I <action>
    Then the call is rejected with NO_SLOT
    And the MMU is as it was before the refused call

    @variant:above-every-slot @variant:shadow-table @variant:unshadow-table @variant:real-mode-entry @variant:guest-large-entry @variant:large-decision
    Examples: above every slot
      | action                                                        |
      | shadow the guest page table at 4 GB                           |
      | unshadow the guest page table at 4 GB                         |
      | shadow the real-mode pseudo entry for 4 GB                    |
      | shadow the guest large entry mapping 4 MB to 4 GB             |
      | ask whether the 2 MB guest frame at 4 GB may be shadowed large |

    @variant:between-slots @variant:shadow-table @variant:unshadow-table @variant:real-mode-entry @variant:guest-large-entry @variant:large-decision
    Examples: between two slots
      | action                                                        |
      | shadow the guest page table at 1 GB + 8 KB                    |
      | unshadow the guest page table at 1 GB + 8 KB                  |
      | shadow the real-mode pseudo entry for 1 GB                    |
      | shadow the guest large entry mapping 4 MB to 1 GB + 2 MB      |
      | ask whether the 2 MB guest frame at 1 GB may be shadowed large |

    @variant:below-every-slot @variant:shadow-table @variant:unshadow-table @variant:real-mode-entry @variant:guest-large-entry @variant:large-decision
    Examples: below every slot
      | action                                                        |
      | shadow the guest page table at 8 KB                           |
      | unshadow the guest page table at 8 KB                         |
      | shadow the real-mode pseudo entry for 0 MB                    |
      | shadow the guest large entry mapping 4 MB to 0 MB             |
      | ask whether the 2 MB guest frame at 0 MB may be shadowed large |

  @LP-BAD-10 @profile:large-pages @variant:nested-frame
  Scenario Outline: Under nested paging, mapping the frame at <frame>, in no slot, in the nested page table is refused
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 2
    Given a nested-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    And a memory slot from 2 GB to 3 GB on 2 MB pages at host 6 GB
    When I map the 2 MB guest frame at <frame> in the nested page table
    Then the call is rejected with NO_SLOT
    And the MMU is as it was before the refused call

    @variant:above-every-slot
    Examples: above every slot
      | frame |
      | 4 GB  |

    @variant:between-slots
    Examples: between two slots
      | frame |
      | 1 GB  |

    @variant:below-every-slot
    Examples: below every slot
      | frame |
      | 0 MB  |

  @LP-BAD-11 @profile:large-pages @variant:guest-pse-entry
  Scenario Outline: A guest large entry over the frame at <frame>, partly outside every slot, is refused
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 2
    Given a shadow-paging MMU
    And a memory slot from 1 MB to 5 MB on 4 KB pages at host 4 GB
    When I shadow the guest large entry mapping 2 GB to <frame>
    Then the call is rejected with NO_SLOT
    And the MMU is as it was before the refused call

    @variant:frame-head-outside
    Examples: the frame's head outside
      | frame |
      | 0 MB  |

    @variant:frame-tail-outside
    Examples: the frame's tail outside
      | frame |
      | 4 MB  |

  @LP-BAD-11 @profile:large-pages @variant:frame-tail-outside
  Scenario Outline: <mapping> over a frame whose tail lies outside every slot is refused
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 2
    Given a <paging> MMU
    And a memory slot from 1 MB to 5 MB on 4 KB pages at host 4 GB
    When I <action>
    Then the call is rejected with NO_SLOT
    And the MMU is as it was before the refused call

    @variant:real-mode-pseudo-entry
    Examples: a real-mode pseudo entry
      | mapping                  | paging        | action                                                       |
      | A real-mode pseudo entry | shadow-paging | shadow the real-mode pseudo entry for 4 MB                    |

    @variant:nested-frame
    Examples: a nested frame
      | mapping                  | paging        | action                                                       |
      | A nested mapping         | nested-paging | map the 2 MB guest frame at 4 MB in the nested page table     |

    @variant:large-decision
    Examples: asking whether the frame may be shadowed large
      | mapping                  | paging        | action                                                       |
      | Asking about a mapping   | shadow-paging | ask whether the 2 MB guest frame at 4 MB may be shadowed large |

  @LP-BAD-11 @profile:large-pages @variant:hole-in-frame
  Scenario Outline: <mapping> over a frame whose two ends lie in slots but with a hole between them is refused
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 2
    Given a <paging> MMU
    And a memory slot from 2 MB to 5 MB on 4 KB pages at host 4 GB
    And a memory slot from 5 MB + 4 KB to 1 GB on 4 KB pages at host 6 GB
    When I <action>
    Then the call is rejected with NO_SLOT
    And the MMU is as it was before the refused call

    @variant:guest-pse-entry
    Examples: a guest PSE entry
      | mapping                  | paging        | action                                                       |
      | A guest large entry      | shadow-paging | shadow the guest large entry mapping 2 GB to 4 MB             |

    @variant:real-mode-pseudo-entry
    Examples: a real-mode pseudo entry
      | mapping                  | paging        | action                                                       |
      | A real-mode pseudo entry | shadow-paging | shadow the real-mode pseudo entry for 4 MB                    |

    @variant:nested-frame
    Examples: a nested frame
      | mapping                  | paging        | action                                                       |
      | A nested mapping         | nested-paging | map the 2 MB guest frame at 4 MB in the nested page table     |

    @variant:large-decision
    Examples: asking whether the frame may be shadowed large
      | mapping                  | paging        | action                                                       |
      | Asking about a mapping   | shadow-paging | ask whether the 2 MB guest frame at 4 MB may be shadowed large |

  @LP-BAD-12 @profile:large-pages
  Scenario Outline: A guest large entry mapping <gva> to <gpa> is off a 2 MB boundary and refused
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 2
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    And the guest large entry mapping 2 GB to 4 MB is shadowed
    When I shadow the guest large entry mapping <gva> to <gpa>
    Then the call is rejected with MISALIGNED_LARGE_MAPPING
    And the MMU is as it was before the refused call

    @variant:gpa-off-boundary @variant:one-page-off
    Examples: the guest-physical address one page off
      | gva         | gpa         |
      | 2 GB        | 4 MB + 4 KB |

    @variant:gpa-off-boundary @variant:half-frame-off
    Examples: the guest-physical address half a frame off
      | gva         | gpa         |
      | 2 GB        | 5 MB        |

    @variant:gva-off-boundary @variant:one-page-off
    Examples: the guest-virtual address one page off
      | gva         | gpa         |
      | 2 GB + 4 KB | 4 MB        |

    @variant:gva-off-boundary @variant:half-frame-off
    Examples: the guest-virtual address half a frame off
      | gva         | gpa         |
      | 2 GB + 1 MB | 4 MB        |

  @LP-BAD-13 @profile:large-pages
  Scenario Outline: Asking about the frame at <frame>, off a 2 MB boundary, under <paging> is refused
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 2
    Given a <paging> MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    When I ask whether the 2 MB guest frame at <frame> may be shadowed large
    Then the call is rejected with MISALIGNED_LARGE_MAPPING

    @variant:shadow-paging @variant:one-page-off
    Examples: under shadow paging, one page off
      | paging        | frame       |
      | shadow-paging | 4 MB + 4 KB |

    @variant:shadow-paging @variant:half-frame-off
    Examples: under shadow paging, half a frame off
      | paging        | frame       |
      | shadow-paging | 5 MB        |

    @variant:nested-paging @variant:one-page-off @variant:half-frame-off
    Examples: under nested paging
      | paging        | frame       |
      | nested-paging | 4 MB + 4 KB |
      | nested-paging | 5 MB        |

  @LP-BAD-14 @profile:large-pages-introspection
  Scenario Outline: Asking for counters where <what> is refused
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    And a memory slot from 1 MB to 7 MB on 4 KB pages at host 4 GB
    When I ask for the <question>
    Then the call is rejected with NO_SLOT

    @variant:counters-of-slot @variant:not-a-slot-start
    Examples: the counters of a slot at an address where no slot starts
      | what                             | question                                      |
      | no slot starts                   | counters of the slot from 2 MB                |

    @variant:count-of-frame @variant:head-frame-without-counter
    Examples: the count of the frame the slot's start cuts
      | what                             | question                                      |
      | the frame has no counter         | write-protect count of the 2 MB frame at 0 MB |

    @variant:count-of-frame @variant:tail-frame-without-counter
    Examples: the count of the frame the slot's end cuts
      | what                             | question                                      |
      | the frame at the end has no counter | write-protect count of the 2 MB frame at 6 MB |

    @variant:count-of-frame @variant:counters-of-slot @variant:outside-every-slot
    Examples: a frame or slot outside every slot
      | what                             | question                                      |
      | the frame lies in no slot        | write-protect count of the 2 MB frame at 2 GB |
      | no slot is there                 | counters of the slot from 2 GB                |

  @LP-BAD-15 @profile:large-pages
  Scenario Outline: <mapping> off a 2 MB boundary, at <gpa>, is refused
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 2
    Given a <paging> MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    When I <action>
    Then the call is rejected with MISALIGNED_LARGE_MAPPING
    And the MMU is as it was before the refused call

    @variant:real-mode-pseudo-entry
    Examples: a real-mode pseudo entry
      | mapping                  | gpa         | paging        | action                                                        |
      | A real-mode pseudo entry | 4 MB + 4 KB | shadow-paging | shadow the real-mode pseudo entry for 4 MB + 4 KB              |
      | A real-mode pseudo entry | 5 MB        | shadow-paging | shadow the real-mode pseudo entry for 5 MB                     |

    @variant:nested-frame
    Examples: a nested frame
      | mapping                  | gpa         | paging        | action                                                        |
      | A nested mapping         | 4 MB + 4 KB | nested-paging | map the 2 MB guest frame at 4 MB + 4 KB in the nested page table |
      | A nested mapping         | 5 MB        | nested-paging | map the 2 MB guest frame at 5 MB in the nested page table      |
