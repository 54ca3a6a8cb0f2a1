Feature: GMM chunks and page ids
  The global memory manager (GMM) takes guest RAM from the host in fixed-size chunks and hands it out page
  by page. The seed's chunks are 1 MB (256 pages of 4 KB); later VirtualBox uses 2 MB chunks of 512 pages.
  The seed builds page ids with GMM_CHUNK_SHIFT, which it defines as log2(chunk size / page size): 8 for
  1 MB chunks. Later VirtualBox gives that name to log2 of the chunk size in bytes (20, then 21) and calls
  the page-index width GMM_CHUNKID_SHIFT (8, then 9). Either naming conforms; what is checked is the width
  itself, through the page ids. Every chunk has an id, never NIL (0), and every page an id built from it:

      idPage = (idChunk << page-index width) | iPage

  so the first page of chunk 1 is 0x100 with 1 MB chunks and 0x200 with 2 MB chunks. Page ids above the
  last valid one (0x0FFFFFFF in the seed's edition, 0xFFFFFFF0 later) are refused as bad input; a valid
  id that names no chunk is a page that is not found. Chunks are kept by id, with a 32-entry chunk TLB in
  front of the lookup.

  @GMM-ID-1 @profile:gmm
  Scenario Outline: A <edition> chunk holds <pages> pages, the page index taking the low <bits> bits of a page id
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM with <edition> chunks
    When VM A allocates <more> pages
    Then a chunk holds <pages> pages of 4 KB and a page id keeps the page index in its low <bits> bits
    And VM A's page <pages> has id <last>
    And VM A's page <more> has id <next>

    @variant:seed-1mb
    Examples: the seed's edition
      | edition | pages | bits | more | last  | next  |
      | 1 MB    | 256   | 8    | 257  | 0x1ff | 0x200 |

    @variant:current-2mb
    Examples: later VirtualBox
      | edition | pages | bits | more | last  | next  |
      | 2 MB    | 512   | 9    | 513  | 0x3ff | 0x400 |

  @GMM-ID-2 @profile:gmm
  Scenario Outline: Page <n> of a fresh VM is page <index> of chunk <chunk> and has id <id> (<edition> chunks)
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM with <edition> chunks
    When VM A allocates <n> pages
    Then VM A's page <n> has id <id>

    @variant:first-page @variant:seed-1mb @variant:current-2mb @variant:first-chunk @variant:later-chunk
    Examples: the first page of a chunk
      | edition | n   | chunk | index | id    |
      | 1 MB    | 1   | 1     | 0     | 0x100 |
      | 1 MB    | 257 | 2     | 0     | 0x200 |
      | 2 MB    | 1   | 1     | 0     | 0x200 |
      | 2 MB    | 513 | 2     | 0     | 0x400 |

    @variant:middle-page @variant:seed-1mb @variant:current-2mb @variant:first-chunk @variant:later-chunk
    Examples: a page in the middle of a chunk
      | edition | n   | chunk | index | id    |
      | 1 MB    | 3   | 1     | 2     | 0x102 |
      | 1 MB    | 400 | 2     | 143   | 0x28F |
      | 2 MB    | 3   | 1     | 2     | 0x202 |
      | 2 MB    | 900 | 2     | 387   | 0x583 |

    @variant:last-page @variant:seed-1mb @variant:current-2mb @variant:first-chunk @variant:later-chunk
    Examples: the last page of a chunk
      | edition | n    | chunk | index | id    |
      | 1 MB    | 256  | 1     | 255   | 0x1FF |
      | 1 MB    | 512  | 2     | 255   | 0x2FF |
      | 2 MB    | 512  | 1     | 511   | 0x3FF |
      | 2 MB    | 1024 | 2     | 511   | 0x5FF |

  @GMM-ID-3 @profile:gmm
  Scenario Outline: Page <n> of a fresh VM has id <id> with <edition> chunks: the index is the low bits
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM with <edition> chunks
    When VM A allocates <n> pages
    Then VM A's page <n> has id <id>

    @variant:seed-1mb
    Examples: the seed's edition: 8 index bits
      | edition | n   | id    |
      | 1 MB    | 256 | 0x1FF |
      | 1 MB    | 257 | 0x200 |

    @variant:current-2mb
    Examples: later VirtualBox: 9 index bits
      | edition | n   | id    |
      | 2 MB    | 512 | 0x3FF |
      | 2 MB    | 513 | 0x400 |

  @GMM-ID-4 @profile:gmm
  Scenario Outline: The NIL page id names no page: <action> is refused as not found
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 2 pages
    When <action>
    Then the call is rejected with VERR_GMM_PAGE_NOT_FOUND
    And nothing has changed

    @variant:nil-alone @variant:free
    Examples: freeing it
      | action              |
      | VM A frees page 0x0 |

    @variant:nil-alone @variant:share
    Examples: sharing it
      | action               |
      | VM A shares page 0x0 |

    @variant:nil-alone @variant:use-shared
    Examples: using it as a shared page
      | action                              |
      | VM A uses page 0x0 as a shared page |

    @variant:nil-alone @variant:release-shared
    Examples: releasing it as a shared page
      | action                                  |
      | VM A releases page 0x0 as a shared page |

    @variant:nil-alone @variant:look-up
    Examples: looking it up
      | action                |
      | I look up page 0x0    |

    @variant:nil-among-pages @variant:free
    Examples: naming it next to a real page in one request
      | action                                          |
      | VM A frees its page 1 and page 0x0 in one call  |
      | VM A frees page 0x0 and its page 2 in one call  |

  @GMM-ID-5 @profile:gmm
  Scenario Outline: A page id above the last valid one is refused with <edition> chunks (VM A <action> page <id>)
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM with <edition> chunks
    And VM A has allocated 1 page
    When VM A <action> page <id>
    Then the call is rejected with VERR_INVALID_PARAMETER
    And nothing has changed

    @variant:free @variant:seed-1mb @variant:current-2mb
    Examples: freeing it
      | edition | action | id         |
      | 1 MB    | frees  | 0x10000000 |
      | 2 MB    | frees  | 0xFFFFFFF1 |
      | 2 MB    | frees  | 0xFFFFFFFF |

    @variant:share @variant:seed-1mb @variant:current-2mb
    Examples: sharing it
      | edition | action | id         |
      | 1 MB    | shares | 0x10000000 |
      | 2 MB    | shares | 0xFFFFFFF1 |

    @variant:use-shared @variant:seed-1mb @variant:current-2mb
    Examples: using it as a shared page
      | edition | action | id                          |
      | 1 MB    | uses   | 0x10000000 as a shared page |
      | 2 MB    | uses   | 0xFFFFFFF1 as a shared page |

    @variant:release-shared @variant:seed-1mb @variant:current-2mb
    Examples: releasing it as a shared page
      | edition | action   | id                          |
      | 1 MB    | releases | 0x10000000 as a shared page |
      | 2 MB    | releases | 0xFFFFFFF1 as a shared page |

  @GMM-ID-5 @profile:gmm
  Scenario Outline: Looking up a page id above the last valid one is refused (<edition> chunks, page <id>)
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM with <edition> chunks
    And VM A has allocated 1 page
    When I look up page <id>
    Then the call is rejected with VERR_INVALID_PARAMETER
    And nothing has changed

    @variant:look-up @variant:seed-1mb
    Examples: the seed's edition
      | edition | id         |
      | 1 MB    | 0x10000000 |

    @variant:look-up @variant:current-2mb
    Examples: later VirtualBox
      | edition | id         |
      | 2 MB    | 0xFFFFFFF1 |

  @GMM-ID-6 @profile:gmm
  Scenario Outline: With <edition> chunks the last page id is <page> and the last chunk id <chunk>
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM with <edition> chunks
    Then the last page id is <page> and the last chunk id is <chunk>

    @variant:seed-1mb
    Examples: the seed's edition
      | edition | page       | chunk    |
      | 1 MB    | 0x0FFFFFFF | 0xFFFFF  |

    @variant:current-2mb
    Examples: later VirtualBox
      | edition | page       | chunk    |
      | 2 MB    | 0xFFFFFFF0 | 0x7FFFFF |

  @GMM-ID-7 @profile:gmm
  Scenario Outline: The last valid page id is a page id, only not found, with <edition> chunks (<action>)
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM with <edition> chunks
    And VM A has allocated 1 page
    When <action>
    Then the call is rejected with VERR_GMM_PAGE_NOT_FOUND
    And nothing has changed

    @variant:free @variant:seed-1mb @variant:current-2mb
    Examples: freeing it
      | edition | action                     |
      | 1 MB    | VM A frees page 0x0FFFFFFF |
      | 2 MB    | VM A frees page 0xFFFFFFF0 |

    @variant:share @variant:seed-1mb @variant:current-2mb
    Examples: sharing it
      | edition | action                      |
      | 1 MB    | VM A shares page 0x0FFFFFFF |
      | 2 MB    | VM A shares page 0xFFFFFFF0 |

    @variant:use-shared @variant:seed-1mb @variant:current-2mb
    Examples: using it as a shared page
      | edition | action                                     |
      | 1 MB    | VM A uses page 0x0FFFFFFF as a shared page |
      | 2 MB    | VM A uses page 0xFFFFFFF0 as a shared page |

    @variant:release-shared @variant:seed-1mb @variant:current-2mb
    Examples: releasing it as a shared page
      | edition | action                                         |
      | 1 MB    | VM A releases page 0x0FFFFFFF as a shared page |
      | 2 MB    | VM A releases page 0xFFFFFFF0 as a shared page |

    @variant:look-up @variant:seed-1mb @variant:current-2mb
    Examples: looking it up
      | edition | action                    |
      | 1 MB    | I look up page 0x0FFFFFFF |
      | 2 MB    | I look up page 0xFFFFFFF0 |

  @GMM-ID-8 @profile:gmm
  Scenario Outline: Chunk id <chunk> is NIL or beyond the last and is refused with <edition> chunks
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM with <edition> chunks
    And VM A has allocated 1 page
    When I look up chunk <chunk>
    Then the call is rejected with VERR_INVALID_PARAMETER

    @variant:above-last-chunk-id @variant:seed-1mb @variant:current-2mb
    Examples: the chunk id after the last
      | edition | chunk    |
      | 1 MB    | 0x100000 |
      | 2 MB    | 0x800000 |

    @variant:nil-chunk-id @variant:seed-1mb @variant:current-2mb
    Examples: the NIL chunk id
      | edition | chunk |
      | 1 MB    | 0     |
      | 2 MB    | 0     |

  @GMM-ID-9 @profile:gmm
  Scenario Outline: The first chunk gets id 1, never the NIL id (<edition> chunks)
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM with <edition> chunks
    When VM A allocates 1 page
    Then the GMM holds chunks 1

    @variant:allocated-chunk @variant:seed-1mb
    Examples: the seed's edition
      | edition |
      | 1 MB    |

    @variant:allocated-chunk @variant:current-2mb
    Examples: later VirtualBox
      | edition |
      | 2 MB    |

  @GMM-ID-9 @profile:gmm @variant:seeded-chunk @variant:current-2mb
  Scenario: The first chunk a VM seeds in legacy mode gets id 1, never the NIL id
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a legacy-mode GMM
    And VM A has reserved its pages
    When VM A seeds a chunk
    Then the GMM holds chunks 1

  @GMM-ID-10 @profile:gmm @variant:private-chunk
  Scenario: A new chunk gets the id after the previous one, not a freed lower id
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has filled 1 chunk
    And VM B has filled 1 chunk
    And VM A has been cleaned up
    When VM C allocates 1 page
    Then the new page comes from chunk 3

  @GMM-ID-10 @profile:gmm @variant:shared-chunk
  Scenario: A new chunk for shared pages also gets the id after the previous one, not a freed lower id
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has filled 1 chunk
    And VM B has filled 1 chunk
    And VM A has been cleaned up
    When VM B shares its page 1
    Then the new page comes from chunk 3

  @GMM-ID-10 @profile:gmm @variant:seeded-chunk
  Scenario: A chunk seeded in legacy mode also gets the id after the previous one, not a freed lower id
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a legacy-mode GMM
    And VM A has seeded a chunk
    And VM B has seeded a chunk
    And VM A has been cleaned up
    When VM C seeds a chunk
    Then the seeded chunk is chunk 3

  @GMM-ID-12 @profile:gmm
  Scenario Outline: A valid chunk id that names no chunk is not found (chunk <chunk>, <edition> chunks)
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Tracking Structures And Their Cost", "Kernel Space"
    Given a GMM with <edition> chunks
    And VM A has allocated 1 page
    When I look up chunk <chunk>
    Then the call is rejected with VERR_GMM_CHUNK_NOT_FOUND

    @variant:never-created @variant:seed-1mb @variant:current-2mb
    Examples: a chunk id not handed out yet
      | edition | chunk |
      | 1 MB    | 5     |
      | 2 MB    | 5     |

    @variant:last-chunk-id @variant:seed-1mb @variant:current-2mb
    Examples: the last chunk id
      | edition | chunk    |
      | 1 MB    | 0xFFFFF  |
      | 2 MB    | 0x7FFFFF |

  @GMM-ID-12 @profile:gmm
  Scenario Outline: A chunk given back to the host is no longer found (<edition> chunks)
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Tracking Structures And Their Cost", "Kernel Space"
    Given a GMM with <edition> chunks
    And VM A has filled 1 chunk
    And VM B has filled 1 chunk
    And VM A has been cleaned up
    When I look up chunk 1
    Then the call is rejected with VERR_GMM_CHUNK_NOT_FOUND

    @variant:given-back @variant:seed-1mb
    Examples: the seed's edition
      | edition |
      | 1 MB    |

    @variant:given-back @variant:current-2mb
    Examples: later VirtualBox
      | edition |
      | 2 MB    |

  @GMM-ID-13 @profile:gmm
  Scenario Outline: A valid page id in a chunk that was never created is not found (<action>)
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 1 page
    When <action>
    Then the call is rejected with VERR_GMM_PAGE_NOT_FOUND
    And nothing has changed

    @variant:never-created @variant:free
    Examples: freeing it
      | action                 |
      | VM A frees page 0x5000 |

    @variant:never-created @variant:share
    Examples: sharing it
      | action                  |
      | VM A shares page 0x5000 |

    @variant:never-created @variant:use-shared
    Examples: using it as a shared page
      | action                                 |
      | VM A uses page 0x5000 as a shared page |

    @variant:never-created @variant:release-shared
    Examples: releasing it as a shared page
      | action                                     |
      | VM A releases page 0x5000 as a shared page |

    @variant:never-created @variant:look-up
    Examples: looking it up
      | action                |
      | I look up page 0x5000 |

  @GMM-ID-13 @profile:gmm
  Scenario Outline: A page of a chunk given back to the host is not found (<action>)
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has filled 1 chunk
    And VM B has filled 1 chunk
    And VM A has been cleaned up
    When <action>
    Then the call is rejected with VERR_GMM_PAGE_NOT_FOUND
    And nothing has changed

    @variant:given-back @variant:free
    Examples: freeing it
      | action                   |
      | VM B frees VM A's page 1 |

    @variant:given-back @variant:share
    Examples: sharing it
      | action                    |
      | VM B shares VM A's page 1 |

    @variant:given-back @variant:use-shared
    Examples: using it as a shared page
      | action                                   |
      | VM B uses VM A's page 1 as a shared page |

    @variant:given-back @variant:release-shared
    Examples: releasing it as a shared page
      | action                                       |
      | VM B releases VM A's page 1 as a shared page |

    @variant:given-back @variant:look-up
    Examples: looking it up
      | action                  |
      | I look up VM A's page 1 |

  @GMM-ID-14 @profile:gmm-introspection
  Scenario: A fresh GMM's chunk TLB holds no chunk
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0Init"
    Given a GMM
    Then every chunk TLB entry is NIL

  @GMM-ID-15 @profile:gmm-introspection
  Scenario Outline: Looking up <what> caches chunk <chunk> in chunk TLB entry <entry>, its id modulo 32
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMCHUNKTLB"
    Given a GMM with 1 MB chunks
    And VM A has filled 33 chunks
    When <action>
    Then chunk TLB entry <entry> holds chunk <chunk>

    @variant:page-lookup @variant:below-32 @variant:exactly-32 @variant:above-32
    Examples: looking a page up
      | what         | action                    | chunk | entry |
      | a page       | I look up VM A's page 1300 | 6     | 6     |
      | a page       | I look up VM A's page 8192 | 32    | 0     |
      | a page       | I look up VM A's page 8448 | 33    | 1     |

    @variant:chunk-lookup @variant:below-32 @variant:exactly-32 @variant:above-32
    Examples: looking a chunk up
      | what         | action             | chunk | entry |
      | a chunk      | I look up chunk 6  | 6     | 6     |
      | a chunk      | I look up chunk 32 | 32    | 0     |
      | a chunk      | I look up chunk 33 | 33    | 1     |

  @GMM-ID-16 @profile:gmm-introspection @variant:private-chunk
  Scenario: A chunk given back to the host leaves the chunk TLB
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMCHUNKTLB"
    Given a GMM
    And VM A has filled 1 chunk
    And VM B has filled 1 chunk
    And I have looked up VM A's page 1
    When VM A is cleaned up
    Then chunk TLB entry 1 holds chunk 0

  @GMM-ID-16 @profile:gmm-introspection @variant:shared-chunk
  Scenario: A chunk of shared pages given back to the host leaves the chunk TLB
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMCHUNKTLB"
    Given a GMM
    And VM A has allocated 1 page
    And VM B has allocated 1 page
    And VM A has shared its page 1
    And VM A has released the shared page 1 time
    And I have looked up the shared page
    When VM A is cleaned up
    Then chunk TLB entry 2 holds chunk 0

  @GMM-ID-17 @profile:gmm-introspection
  Scenario: Giving a chunk back leaves its TLB entry alone when the entry caches another chunk
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMCHUNKTLB"
    Given a GMM with 1 MB chunks
    And VM B has filled 1 chunk
    And VM A has filled 32 chunks
    And VM A has freed its page 8192
    And VM C has allocated 1 page
    And VM B has freed its pages 1 to 256
    And I have looked up VM C's page 1
    When VM A is cleaned up
    Then chunk TLB entry 1 holds chunk 33
