Feature: Large pages: nested paging maps aligned memory large always
  With nested paging (AMD's NPT, Intel's EPT) the CPU walks the guest's own page tables and a second,
  nested table that maps guest-physical to host memory. The hypervisor no longer shadows the guest's
  tables, so it write-protects nothing, and no counter can stand in the way: every 2 MB guest frame that
  sits on an aligned 2 MB host page is mapped by one large nested entry, whatever the guest keeps in it.
  Only the host backing and the alignment still decide. Shadow-paging operations are refused on such an
  MMU, and the nested table does not exist under shadow paging (interpretation I-LP-7).

  @LP-NPT-1 @profile:large-pages @variant:inner-frame @variant:count-from-zero
  Scenario: Under nested paging a frame on an aligned 2 MB host page is mapped by one 2 MB nested entry
    Source: kvm-devel, large pages, January 2008 [004], reply, paragraph 5 (Nested Paging)
    Given a nested-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    When I map the 2 MB guest frame at 4 MB in the nested page table
    Then the mapping decision is LARGE
    And 4 MB + 8 KB is translated by a 2 MB entry to 4 MB

  @LP-NPT-1 @profile:large-pages
  Scenario Outline: Under nested paging counting from <encoding>, the slot's <which> frame at <frame> is mapped by one 2 MB nested entry
    Source: kvm-devel, large pages, January 2008 [004], reply, paragraph 5 (Nested Paging)
    Given a nested-paging MMU with counters from <encoding>
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    When I map the 2 MB guest frame at <frame> in the nested page table
    Then the mapping decision is LARGE
    And <frame> + 2 MB - 4 KB is translated by a 2 MB entry to <frame>

    @variant:first-frame @variant:count-from-zero
    Examples: the first frame, counting from zero
      | encoding  | which | frame       |
      | zero      | first | 2 MB        |

    @variant:last-frame @variant:count-from-zero
    Examples: the last frame, counting from zero
      | encoding  | which | frame       |
      | zero      | last  | 1 GB - 2 MB |

    @variant:inner-frame @variant:count-from-minus-one
    Examples: a frame inside, counting from minus one
      | encoding  | which | frame       |
      | minus one | inner | 4 MB        |

  @LP-NPT-2 @profile:large-pages
  Scenario Outline: Under nested paging a frame of a slot from <from> on <pages> is mapped by 4 KB nested entries
    Source: kvm-devel, large pages, January 2008 [004], reply, paragraph 5 (Nested Paging)
    Given a nested-paging MMU
    And a memory slot from <from> to 1 GB on <pages> at host 4 GB
    When I map the 2 MB guest frame at 4 MB in the nested page table
    Then the mapping decision is <decision>
    And 4 MB + 8 KB is translated by a writable 4 KB entry

    @variant:host-4k
    Examples: 4 KB host pages
      | from | pages      | decision              |
      | 2 MB | 4 KB pages | SMALL_HOST_NOT_LARGE  |

    @variant:host-2m-misaligned
    Examples: 2 MB host pages half a frame off
      | from | pages      | decision              |
      | 1 MB | 2 MB pages | SMALL_HOST_MISALIGNED |

  @LP-NPT-3 @profile:large-pages
  Scenario Outline: Under nested paging guest page tables are not write-protected, so shadowing the one at <table> is refused
    Source: kvm-devel, large pages, January 2008 [004], reply, paragraph 5 (Nested Paging)
    Given a nested-paging MMU
    And a memory slot from <from> to 1 GB on 2 MB pages at host 4 GB
    When I shadow the guest page table at <table>
    Then the call is rejected with WRONG_PAGING_MODE
    And the MMU is as it was before the refused call

    @variant:frame-with-counter
    Examples: in a frame with a counter
      | from | table       |
      | 2 MB | 4 MB + 8 KB |

    @variant:frame-without-counter
    Examples: in the frame the slot's start cuts
      | from | table       |
      | 1 MB | 1 MB + 8 KB |

  @LP-NPT-4 @profile:large-pages
  Scenario Outline: Under nested paging shadowing the guest's <entry> is refused
    Source: kvm-devel, large pages, January 2008 [004], reply, paragraph 5 (Nested Paging)
    Given a nested-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    When I shadow the guest's <entry> for the 2 MB frame at 4 MB
    Then the call is rejected with WRONG_PAGING_MODE
    And the MMU is as it was before the refused call

    @variant:guest-pse-entry
    Examples: a guest PSE entry
      | entry                  |
      | large entry            |

    @variant:real-mode-pseudo-entry
    Examples: a real-mode pseudo entry
      | entry                  |
      | real-mode pseudo entry |

  @LP-NPT-5 @profile:large-pages
  Scenario Outline: Under shadow paging there is no nested page table to map a frame in, even one on <pages>
    Source: kvm-devel, large pages, January 2008 [004], reply, paragraph 5 (Nested Paging)
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on <pages> at host 4 GB
    When I map the 2 MB guest frame at 4 MB in the nested page table
    Then the call is rejected with WRONG_PAGING_MODE
    And the MMU is as it was before the refused call

    @variant:host-2m-aligned
    Examples: an aligned 2 MB host page
      | pages      |
      | 2 MB pages |

    @variant:host-4k
    Examples: 4 KB host pages
      | pages      |
      | 4 KB pages |

  @LP-NPT-6 @profile:large-pages
  Scenario Outline: Under nested paging unshadowing the guest page table at <table> is refused
    Source: kvm-devel, large pages, January 2008 [004], reply, paragraph 5 (Nested Paging)
    Given a nested-paging MMU
    And a memory slot from <from> to 1 GB on 2 MB pages at host 4 GB
    When I unshadow the guest page table at <table>
    Then the call is rejected with WRONG_PAGING_MODE
    And the MMU is as it was before the refused call

    @variant:frame-with-counter
    Examples: in a frame with a counter
      | from | table       |
      | 2 MB | 4 MB + 8 KB |

    @variant:frame-without-counter
    Examples: in the frame the slot's start cuts
      | from | table       |
      | 1 MB | 1 MB + 8 KB |

  @LP-NPT-7 @profile:large-pages
  Scenario Outline: Under nested paging a frame split at <split> between two slots is mapped by 4 KB nested entries, each to its own slot's page
    Source: kvm-devel, large pages, January 2008 [004], reply, paragraph 5 (Nested Paging)
    Given a nested-paging MMU
    And a memory slot from 2 MB to <split> on 2 MB pages at host 4 GB
    And a memory slot from <split> to 1 GB on 2 MB pages at host 6 GB
    When I map the 2 MB guest frame at 4 MB in the nested page table
    Then the mapping decision is SMALL_FRAME_NOT_IN_ONE_SLOT
    And <split> - 4 KB is translated by a 4 KB entry to <split> - 4 KB
    And <split> is translated by a 4 KB entry to <split>

    @variant:mid-frame
    Examples: split in the middle
      | split       |
      | 5 MB        |

    @variant:one-page-into-frame
    Examples: split one page into the frame
      | split       |
      | 4 MB + 4 KB |

  @LP-NPT-8 @profile:large-pages
  Scenario Outline: "<action>" under <paging> at an address that is also bad is refused for the paging mode first
    Source: kvm-devel, large pages, January 2008 [004], reply, paragraph 5 (Nested Paging)
    Given a <paging> MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    When I <action>
    Then the call is rejected with WRONG_PAGING_MODE
    And the MMU is as it was before the refused call

    @variant:nested-paging @variant:address-in-no-slot
    Examples: shadow-paging calls under nested paging, at an address in no slot
      | paging        | action                                             |
      | nested-paging | shadow the guest page table at 2 GB                |
      | nested-paging | unshadow the guest page table at 2 GB              |
      | nested-paging | shadow the real-mode pseudo entry for 2 GB         |

    @variant:nested-paging @variant:address-off-boundary
    Examples: shadowing a guest large entry under nested paging, off a 2 MB boundary
      | paging        | action                                             |
      | nested-paging | shadow the guest large entry mapping 2 GB + 1 MB to 4 MB |
      | nested-paging | shadow the real-mode pseudo entry for 4 MB + 4 KB  |

    @variant:shadow-paging @variant:address-in-no-slot
    Examples: mapping a nested frame under shadow paging, in no slot
      | paging        | action                                             |
      | shadow-paging | map the 2 MB guest frame at 2 GB in the nested page table |

    @variant:shadow-paging @variant:address-off-boundary
    Examples: mapping a nested frame under shadow paging, off a 2 MB boundary
      | paging        | action                                             |
      | shadow-paging | map the 2 MB guest frame at 4 MB + 4 KB in the nested page table |
