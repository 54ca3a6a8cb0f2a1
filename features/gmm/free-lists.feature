Feature: GMM free lists: per-chunk LIFOs and free sets bucketed by free count
  Inside a chunk the free pages form a LIFO: freeing pushes a page on the head, allocating pops the head.
  A fresh chunk chains its pages in ascending order. Across chunks, the GMM keeps two free sets, one for
  chunks of private pages and one for chunks of shared pages. Each set is an array of lists, and a chunk
  sits on the list its free page count selects, so that allocation can prefer nearly full chunks. The
  seed's example (1 MB chunks, 16 lists, "1-7, then 8-15") does not add up; the kit takes the rule of each
  edition (interpretation I-GMM-4):

      1 MB edition: 16 lists, list = (free - 1) >> 4: 1-16, 17-32, ..., 241-256
      2 MB edition: 33 lists, list = free >> 4: 1-15, 16-31, ..., 496-511, and list 32 for 512 (empty chunk)

  A chunk with no free page is on no list. Linking puts a chunk at the head of its list, and a chunk moves
  only when its list changes.

  @GMM-LIFO-1 @profile:gmm-introspection
  Scenario: A fresh chunk chains its free pages in ascending order
    Source: 002_3fe6e2f6006bd6e3.txt, "GMM - The Global Memory Manager"
    Given a GMM
    When VM A allocates 2 pages
    Then the free LIFO of chunk 1 starts with 2, 3 and 4

  @GMM-LIFO-2 @profile:gmm-introspection
  Scenario: A freed page goes on the head of its chunk's free LIFO
    Source: 002_3fe6e2f6006bd6e3.txt, "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 5 pages
    And VM A has freed its page 2
    When VM A frees its page 4
    Then the free LIFO of chunk 1 starts with 3, 1 and 5

  @GMM-LIFO-3 @profile:gmm
  Scenario: The next allocation takes the page freed last
    Source: 002_3fe6e2f6006bd6e3.txt, "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 5 pages
    And VM A has freed its page 2
    And VM A has freed its page 4
    When VM A allocates 1 page
    Then VM A's page 6 has the id of its page 4

  @GMM-SET-1 @profile:gmm-introspection
  Scenario Outline: With <edition> chunks each free set has <lists> lists
    Source: 002_3fe6e2f6006bd6e3.txt, "Page Allocation Strategy"
    Given a GMM with <edition> chunks
    Then each free set has <lists> lists
    And the private free set has <lists> lists
    And the shared free set has <lists> lists

    Examples:
      | edition | lists |
      | 1 MB    | 16    |
      | 2 MB    | 33    |

  @GMM-SET-2 @profile:gmm-introspection
  Scenario Outline: With <edition> chunks a chunk with <free> free pages is on list <list>
    Source: 002_3fe6e2f6006bd6e3.txt, "Page Allocation Strategy"
    Given a GMM with <edition> chunks
    When VM A allocates <used> pages
    Then chunk 1 is on list <list> of the private free set

    Examples:
      | edition | used | free | list |
      | 1 MB    | 1    | 255  | 15   |
      | 1 MB    | 16   | 240  | 14   |
      | 1 MB    | 239  | 17   | 1    |
      | 1 MB    | 240  | 16   | 0    |
      | 1 MB    | 255  | 1    | 0    |
      | 2 MB    | 1    | 511  | 31   |
      | 2 MB    | 496  | 16   | 1    |
      | 2 MB    | 497  | 15   | 0    |
      | 2 MB    | 511  | 1    | 0    |

  @GMM-SET-3 @profile:gmm-introspection
  Scenario Outline: With <edition> chunks a completely free chunk is on list <list>
    Source: 002_3fe6e2f6006bd6e3.txt, "Page Allocation Strategy"
    Given a GMM with <edition> chunks
    And VM A has filled 1 chunk
    When VM A frees its pages 1 to <pages>
    Then chunk 1 is on list <list> of the private free set

    Examples:
      | edition | pages | list |
      | 1 MB    | 256   | 15   |
      | 2 MB    | 512   | 32   |

  @GMM-SET-4 @profile:gmm-introspection
  Scenario: A chunk without free pages is on no list
    Source: 002_3fe6e2f6006bd6e3.txt, "Page Allocation Strategy"
    Given a GMM
    And VM A has filled 1 chunk
    Then chunk 1 is on no list of either free set

  @GMM-SET-5 @profile:gmm-introspection
  Scenario Outline: A chunk joining a list goes to its head (<edition> chunks)
    Source: 002_3fe6e2f6006bd6e3.txt, "Page Allocation Strategy"
    Given a GMM with <edition> chunks
    And VM A has filled 2 chunks
    And VM A has freed its page 1
    When VM A frees its page <first of chunk 2>
    Then list 0 of the private free set holds chunks 2 and 1

    Examples:
      | edition | first of chunk 2 |
      | 1 MB    | 257              |
      | 2 MB    | 513              |

  @GMM-SET-6 @profile:gmm-introspection
  Scenario Outline: A chunk whose list does not change keeps its place (<edition> chunks)
    Source: 002_3fe6e2f6006bd6e3.txt, "Page Allocation Strategy"
    Given a GMM with <edition> chunks
    And VM A has filled 2 chunks
    And VM A has freed its page 1
    And VM A has freed its page <first of chunk 2>
    When VM A frees its page 2
    Then list 0 of the private free set holds chunks 2 and 1

    Examples:
      | edition | first of chunk 2 |
      | 1 MB    | 257              |
      | 2 MB    | 513              |

  @GMM-SET-7 @profile:gmm-introspection
  Scenario: Each free set records the sum of its chunks' free pages
    Source: 002_3fe6e2f6006bd6e3.txt, "Page Allocation Strategy"
    Given a GMM
    And VM A has filled 2 chunks
    And VM A has freed its pages 1 to 20
    And VM A has shared its page 30
    When VM B allocates 7 pages
    Then each free set records the sum of its chunks' free pages

  @GMM-SET-7 @profile:gmm-introspection
  Scenario: The free sets still add up after cleanup repaired a chunk's counters
    Source: 002_3fe6e2f6006bd6e3.txt, "Page Allocation Strategy"
    Given a GMM with 2 MB chunks
    And VM A has allocated 3 pages
    And VM B has allocated 2 pages
    And chunk 1's statistics are overwritten with 7 free, 9 private and 1 shared pages
    When VM A is cleaned up
    Then each free set records the sum of its chunks' free pages

  @GMM-SET-8 @profile:gmm-introspection
  Scenario: A chunk of shared pages is on the shared free set
    Source: 000_20bc3ec9f13f3511.txt, "Tracking Structures And Their Cost", "Kernel Space"
    Given a GMM with 2 MB chunks
    And VM A has allocated 2 pages
    When VM A shares its page 1
    Then chunk 2 is on list 31 of the shared free set

  @GMM-SET-9 @profile:gmm
  Scenario: Freeing a page moves one page of its chunk from private to free
    Source: 002_3fe6e2f6006bd6e3.txt, "Page Allocation Strategy"
    Given a GMM with 2 MB chunks
    And VM A has allocated 3 pages
    When VM A frees its page 1
    Then chunk 1 has 510 free, 2 private and 0 shared pages
