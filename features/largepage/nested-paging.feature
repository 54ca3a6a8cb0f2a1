Feature: Large pages: nested paging maps aligned memory large always
  With nested paging (AMD's NPT, Intel's EPT) the CPU walks the guest's own page tables and a second,
  nested table that maps guest-physical to host memory. The hypervisor no longer shadows the guest's
  tables, so it write-protects nothing, and no counter can stand in the way: every 2 MB guest frame that
  sits on an aligned 2 MB host page is mapped by one large nested entry, whatever the guest keeps in it.
  Only the host backing and the alignment still decide. Shadow-paging operations are refused on such an
  MMU, and the nested table does not exist under shadow paging (interpretation I-LP-7).

  @LP-NPT-1 @profile:large-pages
  Scenario: Under nested paging a frame on an aligned 2 MB host page is mapped by one 2 MB nested entry
    Source: 004_7b1186024e4e8869.txt, reply, paragraph 5 (Nested Paging)
    Given a nested-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    When I map the 2 MB guest frame at 4 MB in the nested page table
    Then the mapping decision is LARGE
    And 4 MB + 8 KB is translated by a 2 MB entry to 4 MB

  @LP-NPT-2 @profile:large-pages
  Scenario Outline: Under nested paging a frame of a slot from <from> on <pages> is mapped by 4 KB nested entries
    Source: 004_7b1186024e4e8869.txt, reply, paragraph 5 (Nested Paging)
    Given a nested-paging MMU
    And a memory slot from <from> to 1 GB on <pages> at host 4 GB
    When I map the 2 MB guest frame at 4 MB in the nested page table
    Then the mapping decision is <decision>
    And 4 MB + 8 KB is translated by a writable 4 KB entry

    Examples:
      | from | pages      | decision              |
      | 2 MB | 4 KB pages | SMALL_HOST_NOT_LARGE  |
      | 1 MB | 2 MB pages | SMALL_HOST_MISALIGNED |

  @LP-NPT-3 @profile:large-pages
  Scenario: Under nested paging guest page tables are not write-protected, so shadowing one is refused
    Source: 004_7b1186024e4e8869.txt, reply, paragraph 5 (Nested Paging)
    Given a nested-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    When I shadow the guest page table at 4 MB + 8 KB
    Then the call is rejected with WRONG_PAGING_MODE
    And the MMU is as it was before the refused call

  @LP-NPT-4 @profile:large-pages
  Scenario Outline: Under nested paging shadowing the guest's <entry> is refused
    Source: 004_7b1186024e4e8869.txt, reply, paragraph 5 (Nested Paging)
    Given a nested-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    When I shadow the guest's <entry> for the 2 MB frame at 4 MB
    Then the call is rejected with WRONG_PAGING_MODE
    And the MMU is as it was before the refused call

    Examples:
      | entry                  |
      | large entry            |
      | real-mode pseudo entry |

  @LP-NPT-5 @profile:large-pages
  Scenario: Under shadow paging there is no nested page table to map a frame in
    Source: 004_7b1186024e4e8869.txt, reply, paragraph 5 (Nested Paging)
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    When I map the 2 MB guest frame at 4 MB in the nested page table
    Then the call is rejected with WRONG_PAGING_MODE
    And the MMU is as it was before the refused call

  @LP-NPT-6 @profile:large-pages
  Scenario: Under nested paging unshadowing a guest page table is refused
    Source: 004_7b1186024e4e8869.txt, reply, paragraph 5 (Nested Paging)
    Given a nested-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    When I unshadow the guest page table at 4 MB + 8 KB
    Then the call is rejected with WRONG_PAGING_MODE
    And the MMU is as it was before the refused call
