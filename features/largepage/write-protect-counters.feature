Feature: Large pages: one write-protect counter per 2 MB frame of a memory slot
  A shadow MMU write-protects every guest page that holds a page table it shadows, so that it sees the
  guest's writes to that table. A 2 MB guest frame may only be shadowed by one large entry while none of
  its 512 pages is write-protected: a large entry would let the guest write to a shadowed table unseen.

  To answer "is any page of this frame write-protected?" without scanning 512 pages, every memory slot
  keeps one counter per 2 MB frame lying wholly inside it, packed in one array. Shadowing a page table
  adds one to the counter of its frame, unshadowing takes one off. A slot for 1 MB to 1 GB thus has 511
  counters, for the frames at 2 MB, 4 MB, ... up to 1 GB - 2 MB; the frame at 0 is cut by the slot's
  edge and has none (interpretation I-LP-1). A table may be shadowed more than once (a 32-bit guest table
  is shadowed by two PAE shadow tables, for example), and every shadow counts (interpretation I-LP-2).

  @LP-CNT-1 @profile:large-pages-introspection
  Scenario: A slot for 1 MB to 1 GB has 511 counters, the first for the frame at 2 MB
    Source: 004_7b1186024e4e8869.txt, "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    And a memory slot from 1 MB to 1 GB on 4 KB pages at host 4 GB
    Then the slot from 1 MB has 511 write-protect counters, the first for the 2 MB frame at 2 MB

  @LP-CNT-2 @profile:large-pages-introspection
  Scenario Outline: A new slot from <from> to <to> counts no write-protected page in any frame
    Source: 004_7b1186024e4e8869.txt, "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    And a memory slot from <from> to <to> on <pages> at host 4 GB
    Then every raw counter of the slot from <from> is 0

    Examples:
      | from | to   | pages      |
      | 1 MB | 1 GB | 4 KB pages |
      | 2 MB | 1 GB | 2 MB pages |

  @LP-CNT-3 @profile:large-pages-introspection
  Scenario: Shadowing a page table at 4 MB + 8 KB counts it in the frame at 4 MB
    Source: 004_7b1186024e4e8869.txt, "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    And a memory slot from 1 MB to 1 GB on 4 KB pages at host 4 GB
    When I shadow the guest page table at 4 MB + 8 KB
    Then the 2 MB frame at 4 MB counts 1 write-protected page
    And the raw counter of the 2 MB frame at 4 MB is 1

  @LP-CNT-4 @profile:large-pages-introspection
  Scenario Outline: Shadowing a page table at 4 MB + 8 KB leaves the counter of the frame at <frame> alone
    Source: 004_7b1186024e4e8869.txt, "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    And a memory slot from 1 MB to 1 GB on 4 KB pages at host 4 GB
    When I shadow the guest page table at 4 MB + 8 KB
    Then the 2 MB frame at <frame> counts 0 write-protected pages

    Examples:
      | frame |
      | 2 MB  |
      | 6 MB  |

  @LP-CNT-5 @profile:large-pages-introspection
  Scenario: Unshadowing the page table at 4 MB + 8 KB takes it off the frame's counter again
    Source: 004_7b1186024e4e8869.txt, "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    And a memory slot from 1 MB to 1 GB on 4 KB pages at host 4 GB
    And the guest page table at 4 MB + 8 KB is shadowed
    And the guest page table at 4 MB + 16 KB is shadowed
    When I unshadow the guest page table at 4 MB + 8 KB
    Then the 2 MB frame at 4 MB counts 1 write-protected page

  @LP-CNT-6 @profile:large-pages
  Scenario: A page table shadowed twice stays write-protected until it is unshadowed twice
    Source: 004_7b1186024e4e8869.txt, "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    And a memory slot from 1 MB to 1 GB on 4 KB pages at host 4 GB
    And the guest page table at 4 MB + 8 KB is shadowed
    And the guest page table at 4 MB + 8 KB is shadowed again
    When I unshadow the guest page table at 4 MB + 8 KB
    Then the page at 4 MB + 8 KB is write-protected

  @LP-CNT-7 @profile:large-pages
  Scenario: A page table in the frame the slot's edge cuts can be shadowed and unshadowed
    Source: 004_7b1186024e4e8869.txt, "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    And a memory slot from 1 MB to 1 GB on 4 KB pages at host 4 GB
    When I shadow the guest page table at 1 MB + 4 KB
    Then the page at 1 MB + 4 KB is write-protected

  @LP-CNT-8 @profile:large-pages
  Scenario: A page whose last shadow is gone is no longer write-protected
    Source: 004_7b1186024e4e8869.txt, "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    And a memory slot from 1 MB to 1 GB on 4 KB pages at host 4 GB
    And the guest page table at 4 MB + 8 KB is shadowed
    When I unshadow the guest page table at 4 MB + 8 KB
    Then the page at 4 MB + 8 KB is not write-protected
