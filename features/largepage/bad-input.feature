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
    Source: 004_7b1186024e4e8869.txt, "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    When I add a memory slot from <from> to <to> on 4 KB pages at host 8 GB
    Then the call is rejected with SLOT_EMPTY
    And the MMU is as it was before the refused call

    Examples:
      | from | to   |
      | 2 GB | 2 GB |
      | 2 GB | 1 GB |

  @LP-BAD-2 @profile:large-pages
  Scenario Outline: A slot from <from> to <to> on <pages> at host <host> is misaligned and refused
    Source: 004_7b1186024e4e8869.txt, reply, paragraph 1 (alignment and two memslots)
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    When I add a memory slot from <from> to <to> on <pages> at host <host>
    Then the call is rejected with SLOT_MISALIGNED
    And the MMU is as it was before the refused call

    Examples:
      | from            | to            | pages      | host        |
      | 1 GB + 1 KB     | 2 GB          | 4 KB pages | 8 GB        |
      | 1 GB            | 2 GB + 2 KB   | 4 KB pages | 8 GB        |
      | 1 GB            | 2 GB          | 4 KB pages | 8 GB + 2 KB |
      | 1 GB            | 2 GB          | 2 MB pages | 8 GB + 4 KB |
      | 1 GB            | 2 GB          | 2 MB pages | 8 GB + 1 MB |

  @LP-BAD-3 @profile:large-pages
  Scenario Outline: A slot from <from> to <to> overlapping the slot from 2 MB to 1 GB is refused
    Source: 004_7b1186024e4e8869.txt, "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    When I add a memory slot from <from> to <to> on 4 KB pages at host 8 GB
    Then the call is rejected with SLOT_OVERLAP
    And the MMU is as it was before the refused call

    Examples:
      | from        | to          |
      | 1 MB        | 2 MB + 4 KB |
      | 1 GB - 4 KB | 2 GB        |
      | 4 MB        | 8 MB        |
      | 1 MB        | 2 GB        |
      | 2 MB        | 1 GB        |

  @LP-BAD-4 @profile:large-pages
  Scenario Outline: A slot from <from> to <to> outside the guest-physical address space is refused
    Source: 004_7b1186024e4e8869.txt, "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    When I add a memory slot from <from> to <to> on 4 KB pages at host 8 GB
    Then the call is rejected with SLOT_OUT_OF_RANGE
    And there is no memory slot

    Examples:
      | from                 | to                   |
      | -4 KB                | 4 KB                 |
      | 0xFFFFFFFFFF000      | 0x10000000001000     |

  @LP-BAD-4 @profile:large-pages
  Scenario: A slot ending exactly at the top of the guest-physical address space is accepted
    Source: 004_7b1186024e4e8869.txt, "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    When I add a memory slot from 0xFFFFFFFFFF000 to 0x10000000000000 on 4 KB pages at host 8 GB
    Then the memory slots are:
      | from            | to               | host pages |
      | 0xFFFFFFFFFF000 | 0x10000000000000 | 4 KB       |

  @LP-BAD-5 @profile:large-pages
  Scenario: Adding slots that touch but do not overlap is accepted
    Source: 004_7b1186024e4e8869.txt, "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    When I add a memory slot from 1 MB to 2 MB on 4 KB pages at host 8 GB
    Then the memory slots are:
      | from | to   | host pages |
      | 1 MB | 2 MB | 4 KB       |
      | 2 MB | 1 GB | 2 MB       |

  @LP-BAD-6 @profile:large-pages
  Scenario Outline: Guest memory from <from> to <to> that is bad input adds no slot, even with the large-page option
    Source: 004_7b1186024e4e8869.txt, reply, paragraph 1 (alignment and two memslots)
    Given a shadow-paging MMU with the option to back guest memory with large pages on
    And guest memory from 2 MB to 1 GB
    When I add guest memory from <from> to <to>
    Then the call is rejected with <status>
    And the MMU is as it was before the refused call

    Examples:
      | from        | to          | status          |
      | 2 GB        | 2 GB        | SLOT_EMPTY      |
      | 1 GB + 2 KB | 2 GB        | SLOT_MISALIGNED |
      | 1 MB        | 4 MB        | SLOT_OVERLAP    |
      | -2 MB       | 0 MB        | SLOT_OUT_OF_RANGE |

  @LP-BAD-7 @profile:large-pages
  Scenario Outline: Unshadowing a page table that was never shadowed, with <other> shadowed in its frame, is refused
    Source: 004_7b1186024e4e8869.txt, "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU with counters from <encoding>
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    And the guest page table at <other> is shadowed
    When I unshadow the guest page table at 4 MB + 8 KB
    Then the call is rejected with PAGE_NOT_SHADOWED
    And the MMU is as it was before the refused call

    Examples:
      | encoding  | other        |
      | zero      | 4 MB + 12 KB |
      | minus one | 4 MB + 12 KB |
      | zero      | 4 MB         |

  @LP-BAD-8 @profile:large-pages
  Scenario Outline: Unshadowing in a frame whose counter already says no page is write-protected is refused (from <encoding>)
    Source: 004_7b1186024e4e8869.txt, "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU with counters from <encoding>
    And a memory slot from 2 MB to 1 GB on <pages> at host 4 GB
    And the guest page table at 6 MB is shadowed
    When I unshadow the guest page table at 4 MB + 8 KB
    Then the call is rejected with WRITE_PROTECT_COUNT_UNDERFLOW
    And the MMU is as it was before the refused call

    Examples:
      | encoding  | pages      |
      | zero      | 2 MB pages |
      | minus one | 2 MB pages |
      | minus one | 4 KB pages |

  @LP-BAD-9 @profile:large-pages
  Scenario: Unshadowing a page table in a frame without counter that was never shadowed is refused
    Source: 004_7b1186024e4e8869.txt, "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    And a memory slot from 1 MB to 1 GB on 4 KB pages at host 4 GB
    When I unshadow the guest page table at 1 MB + 8 KB
    Then the call is rejected with PAGE_NOT_SHADOWED
    And the MMU is as it was before the refused call

  @LP-BAD-10 @profile:large-pages
  Scenario Outline: "<action>" at an address in no slot is refused
    Source: 004_7b1186024e4e8869.txt, "Here's a rough sketch of my proposal", item 2
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    When I <action>
    Then the call is rejected with NO_SLOT
    And the MMU is as it was before the refused call

    Examples:
      | action                                                      |
      | shadow the guest page table at 2 GB                         |
      | unshadow the guest page table at 2 GB                       |
      | shadow the real-mode pseudo entry for 2 GB                  |
      | shadow the guest large entry mapping 4 MB to 2 GB           |
      | ask whether the 2 MB guest frame at 2 GB may be shadowed large |

  @LP-BAD-11 @profile:large-pages
  Scenario Outline: A guest large entry over the frame at <frame>, partly outside every slot, is refused
    Source: 004_7b1186024e4e8869.txt, "Here's a rough sketch of my proposal", item 2
    Given a shadow-paging MMU
    And a memory slot from 1 MB to 5 MB on 4 KB pages at host 4 GB
    When I shadow the guest large entry mapping 2 GB to <frame>
    Then the call is rejected with NO_SLOT
    And the MMU is as it was before the refused call

    Examples:
      | frame |
      | 0 MB  |
      | 4 MB  |

  @LP-BAD-12 @profile:large-pages
  Scenario Outline: A guest large entry mapping <gva> to <gpa> is off a 2 MB boundary and refused
    Source: 004_7b1186024e4e8869.txt, "Here's a rough sketch of my proposal", item 2
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    And the guest large entry mapping 2 GB to 4 MB is shadowed
    When I shadow the guest large entry mapping <gva> to <gpa>
    Then the call is rejected with MISALIGNED_LARGE_MAPPING
    And the MMU is as it was before the refused call

    Examples:
      | gva         | gpa         |
      | 2 GB        | 4 MB + 4 KB |
      | 2 GB + 1 MB | 4 MB        |

  @LP-BAD-13 @profile:large-pages
  Scenario: Asking about a frame off a 2 MB boundary is refused
    Source: 004_7b1186024e4e8869.txt, "Here's a rough sketch of my proposal", item 2
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    When I ask whether the 2 MB guest frame at 4 MB + 4 KB may be shadowed large
    Then the call is rejected with MISALIGNED_LARGE_MAPPING

  @LP-BAD-14 @profile:large-pages-introspection
  Scenario Outline: Asking for counters where <what> is refused
    Source: 004_7b1186024e4e8869.txt, "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    And a memory slot from 1 MB to 1 GB on 4 KB pages at host 4 GB
    When I ask for the <question>
    Then the call is rejected with NO_SLOT

    Examples:
      | what                             | question                                     |
      | no slot starts                   | counters of the slot from 2 MB               |
      | the frame has no counter         | write-protect count of the 2 MB frame at 0 MB |
      | the frame lies in no slot        | write-protect count of the 2 MB frame at 2 GB |
