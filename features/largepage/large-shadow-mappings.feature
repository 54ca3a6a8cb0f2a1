Feature: Large pages: when a 2 MB guest mapping is shadowed by one large entry
  A guest maps 2 MB at once with a large (PSE) page-directory entry, and a guest in real mode, which has
  no paging at all, is run on pseudo entries that map guest-physical memory at the same addresses. The
  shadow MMU mirrors such a 2 MB mapping with one large shadow entry only if all of these hold:

    - the 2 MB guest frame lies wholly inside one memory slot (only such frames have a counter);
    - the slot's host memory is made of 2 MB host pages;
    - the guest frame starts exactly on one of those host pages (the 2 MB guest-physical address is
      2 MB aligned in host memory too), since one entry cannot map a frame spread over two host pages;
    - the frame's write-protect counter says that none of its 4 KB pages is write-protected.

  Otherwise it uses 512 4 KB shadow entries, each mapping the matching 4 KB of the guest frame, and maps
  the write-protected pages among them read-only. The MMU reports the first condition that failed, in the
  order above.

  @LP-MAP-1 @profile:large-pages
  Scenario: A guest large entry over a free frame on an aligned 2 MB host page is shadowed by one 2 MB entry
    Source: 004_7b1186024e4e8869.txt, "Here's a rough sketch of my proposal", item 2
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    When I shadow the guest large entry mapping 2 GB to 4 MB
    Then the mapping decision is LARGE
    And 2 GB + 1 MB is translated by a 2 MB entry to 4 MB

  @LP-MAP-2 @profile:large-pages
  Scenario: A real-mode pseudo entry over a free frame on an aligned 2 MB host page is shadowed by one 2 MB entry
    Source: 004_7b1186024e4e8869.txt, "Here's a rough sketch of my proposal", item 2
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    When I shadow the real-mode pseudo entry for 4 MB
    Then the mapping decision is LARGE
    And 4 MB + 12 KB is translated by a 2 MB entry to 4 MB

  @LP-MAP-3 @profile:large-pages
  Scenario Outline: The guest's <entry> over a frame on 4 KB host pages is shadowed by 4 KB entries
    Source: 004_7b1186024e4e8869.txt, "Here's a rough sketch of my proposal", item 2
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 4 KB pages at host 4 GB
    When I shadow the guest's <entry> for the 2 MB frame at 4 MB
    Then the mapping decision is SMALL_HOST_NOT_LARGE
    And 4 MB + 12 KB is translated by a 4 KB entry to 4 MB + 12 KB

    Examples:
      | entry                  |
      | large entry            |
      | real-mode pseudo entry |

  @LP-MAP-4 @profile:large-pages
  Scenario Outline: The guest's <entry> over a frame of a 1 MB to 1 GB slot on 2 MB host pages at host 4 GB is shadowed by 4 KB entries
    Source: 004_7b1186024e4e8869.txt, reply, paragraph 1 (alignment and two memslots)
    Given a shadow-paging MMU
    And a memory slot from 1 MB to 1 GB on 2 MB pages at host 4 GB
    When I shadow the guest's <entry> for the 2 MB frame at 4 MB
    Then the mapping decision is SMALL_HOST_MISALIGNED
    And 4 MB + 2 MB - 4 KB is translated by a 4 KB entry to 4 MB + 2 MB - 4 KB

    Examples:
      | entry                  |
      | large entry            |
      | real-mode pseudo entry |

  @LP-MAP-5 @profile:large-pages
  Scenario Outline: The guest's <entry> over a frame holding a shadowed page table is shadowed by 4 KB entries
    Source: 004_7b1186024e4e8869.txt, "Here's a rough sketch of my proposal", item 2
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    And the guest page table at 4 MB + 8 KB is shadowed
    When I shadow the guest's <entry> for the 2 MB frame at 4 MB
    Then the mapping decision is SMALL_WRITE_PROTECTED
    And 4 MB + 12 KB is translated by a 4 KB entry to 4 MB + 12 KB

    Examples:
      | entry                  |
      | large entry            |
      | real-mode pseudo entry |

  @LP-MAP-6 @profile:large-pages
  Scenario: Once the last shadowed page table in a frame is unshadowed, the frame is shadowed large again
    Source: 004_7b1186024e4e8869.txt, "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    And the guest page table at 4 MB + 8 KB is shadowed
    And the guest page table at 4 MB + 8 KB is unshadowed
    When I shadow the guest large entry mapping 2 GB to 4 MB
    Then the mapping decision is LARGE

  @LP-MAP-7 @profile:large-pages
  Scenario: A frame split between two slots has no counter and is shadowed by 4 KB entries
    Source: 004_7b1186024e4e8869.txt, "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 5 MB on 2 MB pages at host 4 GB
    And a memory slot from 5 MB to 1 GB on 2 MB pages at host 6 GB
    When I shadow the guest large entry mapping 2 GB to 4 MB
    Then the mapping decision is SMALL_FRAME_NOT_IN_ONE_SLOT
    And 2 GB + 1 MB + 4 KB is translated by a 4 KB entry to 5 MB + 4 KB

  @LP-MAP-8 @profile:large-pages
  Scenario: Among the 4 KB entries of a frame, the one over a shadowed page table is read-only
    Source: 004_7b1186024e4e8869.txt, "Here's a rough sketch of my proposal", item 2
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    And the guest page table at 4 MB + 8 KB is shadowed
    When I shadow the guest large entry mapping 2 GB to 4 MB
    Then 2 GB + 8 KB is translated by a read-only 4 KB entry

  @LP-MAP-9 @profile:large-pages
  Scenario Outline: Among the 4 KB entries of a frame, the one at <offset> over an unshadowed page is writable
    Source: 004_7b1186024e4e8869.txt, "Here's a rough sketch of my proposal", item 2
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    And the guest page table at 4 MB + 8 KB is shadowed
    When I shadow the guest large entry mapping 2 GB to 4 MB
    Then 2 GB + <offset> is translated by a writable 4 KB entry

    Examples:
      | offset |
      | 0 KB   |
      | 4 KB   |
      | 12 KB  |
      | 2044 KB |

  @LP-MAP-10 @profile:large-pages
  Scenario Outline: Shadowing a guest large entry again, now mapping <gpa>, replaces its shadow entries by <size> ones
    Source: 004_7b1186024e4e8869.txt, "Here's a rough sketch of my proposal", item 2
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    And the guest page table at 10 MB + 8 KB is shadowed
    And the guest large entry mapping 2 GB to <first> is shadowed
    When I shadow the guest large entry mapping 2 GB to <gpa>
    Then 2 GB + 4 KB is translated by a <size> entry to <target>

    Examples:
      | first | gpa   | size | target       |
      | 4 MB  | 8 MB  | 2 MB | 8 MB         |
      | 4 MB  | 10 MB | 4 KB | 10 MB + 4 KB |
      | 10 MB | 8 MB  | 2 MB | 8 MB         |
