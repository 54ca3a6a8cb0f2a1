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
  Scenario Outline: A fresh chunk chains its free pages in ascending order (chunk <chunk>, <edition> chunks)
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM with <edition> chunks
    When VM A allocates <pages> pages
    Then the free LIFO of chunk <chunk> starts with 2, 3 and 4

    @variant:first-chunk @variant:seed-1mb @variant:current-2mb
    Examples: the first chunk
      | edition | pages | chunk |
      | 1 MB    | 2     | 1     |
      | 2 MB    | 2     | 1     |

    @variant:later-chunk @variant:seed-1mb @variant:current-2mb
    Examples: a chunk taken in the middle of a request
      | edition | pages | chunk |
      | 1 MB    | 258   | 2     |
      | 2 MB    | 514   | 2     |

  @GMM-LIFO-2 @profile:gmm-introspection @variant:middle-page @variant:several-frees
  Scenario: A freed page goes on the head of its chunk's free LIFO
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 5 pages
    And VM A has freed its page 2
    When VM A frees its page 4
    Then the free LIFO of chunk 1 starts with 3, 1 and 5

  @GMM-LIFO-2 @profile:gmm-introspection @variant:first-page @variant:one-free
  Scenario: The first page of a chunk, freed, goes on the head of the chunk's free LIFO
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 5 pages
    When VM A frees its page 1
    Then the free LIFO of chunk 1 starts with 0, 5 and 6

  @GMM-LIFO-2 @profile:gmm-introspection @variant:last-page @variant:one-free
  Scenario: The last page of a full chunk, freed, is the whole free LIFO
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM with 2 MB chunks
    And VM A has filled 1 chunk
    When VM A frees its page 512
    Then the free LIFO of chunk 1 starts with 511
    And the free LIFO of chunk 1 holds 1 page

  @GMM-LIFO-3 @profile:gmm @variant:several-frees @variant:first-chunk
  Scenario: The next allocation takes the page freed last
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 5 pages
    And VM A has freed its page 2
    And VM A has freed its page 4
    When VM A allocates 1 page
    Then VM A's page 6 has the id of its page 4

  @GMM-LIFO-3 @profile:gmm @variant:one-free @variant:later-chunk
  Scenario: The next allocation takes the one page freed in a later chunk
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM with 2 MB chunks
    And VM A has filled 2 chunks
    And VM A has freed its page 600
    When VM A allocates 1 page
    Then VM A's page 1025 has the id of its page 600

  @GMM-SET-1 @profile:gmm-introspection
  Scenario Outline: With <edition> chunks each free set has <lists> lists
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Page Allocation Strategy"
    Given a GMM with <edition> chunks
    Then each free set has <lists> lists
    And the private free set has <lists> lists
    And the shared free set has <lists> lists

    @variant:seed-1mb
    Examples: the seed's edition
      | edition | lists |
      | 1 MB    | 16    |

    @variant:current-2mb
    Examples: later VirtualBox
      | edition | lists |
      | 2 MB    | 33    |

  @GMM-SET-2 @profile:gmm-introspection
  Scenario Outline: With <edition> chunks a chunk with <free> free pages is on list <list>
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Page Allocation Strategy"
    Given a GMM with <edition> chunks
    When VM A allocates <used> pages
    Then chunk 1 is on list <list> of the private free set

    @variant:seed-1mb @variant:private-set
    Examples: the seed's edition: list (free - 1) >> 4
      | edition | used | free | list |
      | 1 MB    | 1    | 255  | 15   |
      | 1 MB    | 16   | 240  | 14   |
      | 1 MB    | 239  | 17   | 1    |
      | 1 MB    | 240  | 16   | 0    |
      | 1 MB    | 255  | 1    | 0    |

    @variant:current-2mb @variant:private-set
    Examples: later VirtualBox: list free >> 4
      | edition | used | free | list |
      | 2 MB    | 1    | 511  | 31   |
      | 2 MB    | 496  | 16   | 1    |
      | 2 MB    | 497  | 15   | 0    |
      | 2 MB    | 511  | 1    | 0    |

  @GMM-SET-2 @profile:gmm-introspection
  Scenario Outline: With <edition> chunks a chunk of shared pages with <free> free pages is on list <list> of the shared set
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Page Allocation Strategy"
    Given a GMM with <edition> chunks
    And VM A has allocated 20 pages
    And VM A has shared its pages 1 to 16
    When VM A shares its page 17
    Then chunk 2 is on list <list> of the shared free set

    @variant:seed-1mb @variant:shared-set
    Examples: the seed's edition
      | edition | free | list |
      | 1 MB    | 239  | 14   |

    @variant:current-2mb @variant:shared-set
    Examples: later VirtualBox
      | edition | free | list |
      | 2 MB    | 495  | 30   |

  @GMM-SET-3 @profile:gmm-introspection
  Scenario Outline: With <edition> chunks a completely free chunk is on list <list>
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Page Allocation Strategy"
    Given a GMM with <edition> chunks
    And VM A has filled 1 chunk
    When VM A frees its pages 1 to <pages>
    Then chunk 1 is on list <list> of the private free set

    @variant:seed-1mb @variant:private-set
    Examples: the seed's edition: the last list
      | edition | pages | list |
      | 1 MB    | 256   | 15   |

    @variant:current-2mb @variant:private-set
    Examples: later VirtualBox: the dedicated list
      | edition | pages | list |
      | 2 MB    | 512   | 32   |

  @GMM-SET-3 @profile:gmm-introspection
  Scenario Outline: With <edition> chunks a chunk of shared pages left completely free is on list <list> of the shared set
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Page Allocation Strategy"
    Given a GMM with <edition> chunks
    And VM A has allocated 2 pages
    And VM A has shared its page 1
    When VM A releases the shared page
    Then chunk 2 is on list <list> of the shared free set

    @variant:seed-1mb @variant:shared-set
    Examples: the seed's edition
      | edition | list |
      | 1 MB    | 15   |

    @variant:current-2mb @variant:shared-set
    Examples: later VirtualBox
      | edition | list |
      | 2 MB    | 32   |

  @GMM-SET-4 @profile:gmm-introspection
  Scenario Outline: A chunk without free pages is on no list (<edition> chunks)
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Page Allocation Strategy"
    Given a GMM with <edition> chunks
    When VM A allocates <pages> pages
    Then chunk 1 is on no list of either free set

    @variant:private-set @variant:seed-1mb
    Examples: the seed's edition
      | edition | pages |
      | 1 MB    | 256   |

    @variant:private-set @variant:current-2mb
    Examples: later VirtualBox
      | edition | pages |
      | 2 MB    | 512   |

  @GMM-SET-4 @profile:gmm-introspection
  Scenario Outline: A chunk of shared pages without free pages is on no list (<edition> chunks)
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Page Allocation Strategy"
    Given a GMM with <edition> chunks
    And VM A has filled 1 chunk
    And VM A has shared its pages 1 to <but-one>
    When VM A shares its page <last>
    Then chunk 2 is on no list of either free set

    @variant:shared-set @variant:seed-1mb
    Examples: the seed's edition
      | edition | but-one | last |
      | 1 MB    | 255     | 256  |

    @variant:shared-set @variant:current-2mb
    Examples: later VirtualBox
      | edition | but-one | last |
      | 2 MB    | 511     | 512  |

  @GMM-SET-5 @profile:gmm-introspection
  Scenario Outline: A chunk joining a list goes to its head (<edition> chunks)
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Page Allocation Strategy"
    Given a GMM with <edition> chunks
    And VM A has filled 2 chunks
    And VM A has freed its page 1
    When VM A frees its page <first of chunk 2>
    Then list 0 of the private free set holds chunks 2 and 1

    @variant:no-list @variant:seed-1mb @variant:current-2mb
    Examples: a full chunk that gets a page back
      | edition | first of chunk 2 |
      | 1 MB    | 257              |
      | 2 MB    | 513              |

  @GMM-SET-5 @profile:gmm-introspection
  Scenario Outline: A chunk moving to another list goes to that list's head (<edition> chunks)
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Page Allocation Strategy"
    Given a GMM with <edition> chunks
    And VM A has filled 2 chunks
    And VM A has freed its pages 1 to <chunk 1 frees>
    And VM A has freed its pages <from> to <to>
    When VM A frees its page <next>
    Then list 1 of the private free set holds chunks 2 and 1

    @variant:another-list @variant:seed-1mb @variant:current-2mb
    Examples: chunk 2 moves from list 0 to list 1
      | edition | chunk 1 frees | from | to  | next |
      | 1 MB    | 17            | 257  | 272 | 273  |
      | 2 MB    | 16            | 513  | 527 | 528  |

  @GMM-SET-6 @profile:gmm-introspection
  Scenario Outline: A chunk whose list does not change keeps its place (<edition> chunks)
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Page Allocation Strategy"
    Given a GMM with <edition> chunks
    And VM A has filled 2 chunks
    And VM A has freed its page 1
    And VM A has freed its page <first of chunk 2>
    When VM A frees its page 2
    Then list 0 of the private free set holds chunks 2 and 1

    @variant:page-freed @variant:seed-1mb @variant:current-2mb
    Examples: a page of the chunk behind the head is freed
      | edition | first of chunk 2 |
      | 1 MB    | 257              |
      | 2 MB    | 513              |

  @GMM-SET-6 @profile:gmm-introspection
  Scenario Outline: A chunk that gives a page to an allocation without changing list keeps its place (<edition> chunks)
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Page Allocation Strategy"
    Given a GMM with <edition> chunks
    And VM A has filled 1 chunk
    And VM B has filled 1 chunk
    And VM A has freed its pages 1 to 3
    And VM B has freed its page 1
    When VM A allocates 1 page
    Then list 0 of the private free set holds chunks 2 and 1

    @variant:page-allocated @variant:seed-1mb @variant:current-2mb
    Examples: VM A takes a page from its chunk behind VM B's at the head
      | edition |
      | 1 MB    |
      | 2 MB    |

  @GMM-SET-7 @profile:gmm-introspection @variant:allocation
  Scenario: Each free set records the sum of its chunks' free pages
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Page Allocation Strategy"
    Given a GMM
    And VM A has filled 2 chunks
    And VM A has freed its pages 1 to 20
    And VM A has shared its page 30
    When VM B allocates 7 pages
    Then each free set records the sum of its chunks' free pages

  @GMM-SET-7 @profile:gmm-introspection
  Scenario Outline: Each free set still records the sum of its chunks' free pages after <change>
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Page Allocation Strategy"
    Given a GMM
    And VM A has filled 2 chunks
    And VM A has freed its pages 1 to 20
    And VM A has shared its page 30
    When <action>
    Then each free set records the sum of its chunks' free pages

    @variant:free
    Examples: pages freed
      | change        | action                         |
      | a free        | VM A frees its pages 40 to 45  |

    @variant:sharing
    Examples: a page shared
      | change        | action                         |
      | a share       | VM A shares its page 31        |

    @variant:shared-release
    Examples: a shared page released
      | change        | action                         |
      | a release     | VM A releases the shared page  |

  @GMM-SET-7 @profile:gmm-introspection @variant:cleanup-repair
  Scenario: The free sets still add up after cleanup repaired a chunk's counters
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Page Allocation Strategy"
    Given a GMM with 2 MB chunks
    And VM A has allocated 3 pages
    And VM B has allocated 2 pages
    And chunk 1's statistics are overwritten with 7 free, 9 private and 1 shared pages
    When VM A is cleaned up
    Then each free set records the sum of its chunks' free pages

  @GMM-SET-8 @profile:gmm-introspection
  Scenario Outline: A chunk of shared pages is on the shared free set (<edition> chunks)
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Tracking Structures And Their Cost", "Kernel Space"
    Given a GMM with <edition> chunks
    And VM A has allocated 2 pages
    When VM A shares its page 1
    Then chunk 2 is on list <list> of the shared free set

    @variant:shared-set @variant:seed-1mb
    Examples: the seed's edition
      | edition | list |
      | 1 MB    | 15   |

    @variant:shared-set @variant:current-2mb
    Examples: later VirtualBox
      | edition | list |
      | 2 MB    | 31   |

  @GMM-SET-8 @profile:gmm-introspection
  Scenario Outline: A chunk of private pages is on the private free set (<edition> chunks)
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Tracking Structures And Their Cost", "Kernel Space"
    Given a GMM with <edition> chunks
    When VM A allocates 2 pages
    Then chunk 1 is on list <list> of the private free set

    @variant:private-set @variant:seed-1mb
    Examples: the seed's edition
      | edition | list |
      | 1 MB    | 15   |

    @variant:private-set @variant:current-2mb
    Examples: later VirtualBox
      | edition | list |
      | 2 MB    | 31   |

  @GMM-SET-9 @profile:gmm
  Scenario Outline: Freeing <what> moves as many pages of its chunk from private to free (<edition> chunks)
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Page Allocation Strategy"
    Given a GMM with <edition> chunks
    And VM A has allocated <allocated> pages
    When VM A frees its pages 1 to <freed>
    Then chunk 1 has <free> free, <private> private and 0 shared pages

    @variant:one-page @variant:seed-1mb @variant:current-2mb
    Examples: one page
      | what     | edition | allocated | freed | free | private |
      | a page   | 1 MB    | 3         | 1     | 254  | 2       |
      | a page   | 2 MB    | 3         | 1     | 510  | 2       |

    @variant:several-pages @variant:seed-1mb @variant:current-2mb
    Examples: several pages in one request
      | what     | edition | allocated | freed | free | private |
      | 4 pages  | 1 MB    | 10        | 4     | 250  | 6       |
      | 4 pages  | 2 MB    | 10        | 4     | 506  | 6       |

  @GMM-SET-9 @profile:gmm @variant:pages-of-two-chunks @variant:current-2mb
  Scenario: Freeing pages of two chunks in one request moves each chunk's own pages from private to free
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Page Allocation Strategy"
    Given a GMM with 2 MB chunks
    And VM A has allocated 600 pages
    When VM A frees its pages 510 to 515
    Then chunk 1 has 3 free, 509 private and 0 shared pages
    And chunk 2 has 427 free, 85 private and 0 shared pages

  @GMM-SET-10 @profile:gmm-introspection
  Scenario Outline: A chunk of shared pages stays on the shared free set when its last shared page is freed (<edition> chunks)
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Tracking Structures And Their Cost", "Kernel Space"
    Given a GMM with <edition> chunks
    And VM A has allocated 2 pages
    And VM A has shared its page 1
    When VM A releases the shared page
    Then chunk 2 is on no list of the private free set
    And chunk 2 is on list <list> of the shared free set

    @variant:seed-1mb
    Examples: the seed's edition
      | edition | list |
      | 1 MB    | 15   |

    @variant:current-2mb
    Examples: later VirtualBox
      | edition | list |
      | 2 MB    | 32   |
