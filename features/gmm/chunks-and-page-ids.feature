Feature: GMM chunks and page ids
  The global memory manager (GMM) takes guest RAM from the host in fixed-size chunks and hands it out page
  by page. The seed's chunks are 1 MB (256 pages of 4 KB); later VirtualBox uses 2 MB chunks of 512 pages.
  Two constants are involved, which the seed confuses: GMM_CHUNK_SHIFT is log2 of the chunk size in bytes
  (20 or 21), GMM_CHUNKID_SHIFT is log2 of the pages per chunk (8 or 9). Every chunk has an id, never NIL
  (0), and every page an id built from it:

      idPage = (idChunk << GMM_CHUNKID_SHIFT) | iPage

  so the first page of chunk 1 is 0x100 with 1 MB chunks and 0x200 with 2 MB chunks. Page ids above the
  last valid one (0x0FFFFFFF in the seed's edition, 0xFFFFFFF0 later) are refused as bad input; a valid
  id that names no chunk is a page that is not found. Chunks are kept by id, with a 32-entry chunk TLB in
  front of the lookup.

  @GMM-ID-1 @profile:gmm
  Scenario Outline: A <edition> chunk holds <pages> pages, with chunk shift <shift> and chunk id shift <idshift>
    Source: 002_3fe6e2f6006bd6e3.txt, "GMM - The Global Memory Manager"
    Given a GMM with <edition> chunks
    Then the chunk shift is <shift>, the chunk id shift is <idshift> and a chunk holds <pages> pages

    Examples:
      | edition | shift | idshift | pages |
      | 1 MB    | 20    | 8       | 256   |
      | 2 MB    | 21    | 9       | 512   |

  @GMM-ID-2 @profile:gmm
  Scenario Outline: The third page of chunk 1 has id <id> with <edition> chunks
    Source: 002_3fe6e2f6006bd6e3.txt, "GMM - The Global Memory Manager"
    Given a GMM with <edition> chunks
    When VM A allocates 3 pages
    Then VM A's page 3 has id <id>

    Examples:
      | edition | id    |
      | 1 MB    | 0x102 |
      | 2 MB    | 0x202 |

  @GMM-ID-3 @profile:gmm
  Scenario Outline: Page <n> of a fresh VM has id <id> with <edition> chunks: the index is the low bits
    Source: 002_3fe6e2f6006bd6e3.txt, "GMM - The Global Memory Manager"
    Given a GMM with <edition> chunks
    When VM A allocates <n> pages
    Then VM A's page <n> has id <id>

    Examples:
      | edition | n   | id    |
      | 1 MB    | 256 | 0x1FF |
      | 1 MB    | 257 | 0x200 |
      | 2 MB    | 512 | 0x3FF |
      | 2 MB    | 513 | 0x400 |

  @GMM-ID-4 @profile:gmm
  Scenario: The NIL page id names no page
    Source: 002_3fe6e2f6006bd6e3.txt, "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 1 page
    When VM A frees page 0x0
    Then the call is rejected with VERR_GMM_PAGE_NOT_FOUND
    And nothing has changed

  @GMM-ID-5 @profile:gmm
  Scenario Outline: A page id above the last valid one is refused with <edition> chunks (VM A <action> page <id>)
    Source: 002_3fe6e2f6006bd6e3.txt, "GMM - The Global Memory Manager"
    Given a GMM with <edition> chunks
    And VM A has allocated 1 page
    When VM A <action> page <id>
    Then the call is rejected with VERR_INVALID_PARAMETER
    And nothing has changed

    Examples:
      | edition | action   | id                          |
      | 1 MB    | frees    | 0x10000000                  |
      | 2 MB    | frees    | 0xFFFFFFF1                  |
      | 2 MB    | frees    | 0xFFFFFFFF                  |
      | 2 MB    | shares   | 0xFFFFFFF1                  |
      | 1 MB    | uses     | 0x10000000 as a shared page |
      | 2 MB    | releases | 0xFFFFFFF1 as a shared page |

  @GMM-ID-5 @profile:gmm
  Scenario Outline: Looking up a page id above the last valid one is refused (<edition> chunks, page <id>)
    Source: 002_3fe6e2f6006bd6e3.txt, "GMM - The Global Memory Manager"
    Given a GMM with <edition> chunks
    And VM A has allocated 1 page
    When I look up page <id>
    Then the call is rejected with VERR_INVALID_PARAMETER
    And nothing has changed

    Examples:
      | edition | id         |
      | 1 MB    | 0x10000000 |
      | 2 MB    | 0xFFFFFFF1 |

  @GMM-ID-6 @profile:gmm
  Scenario Outline: With <edition> chunks the last page id is <page> and the last chunk id <chunk>
    Source: 002_3fe6e2f6006bd6e3.txt, "GMM - The Global Memory Manager"
    Given a GMM with <edition> chunks
    Then the last page id is <page> and the last chunk id is <chunk>

    Examples:
      | edition | page       | chunk    |
      | 1 MB    | 0x0FFFFFFF | 0xFFFFF  |
      | 2 MB    | 0xFFFFFFF0 | 0x7FFFFF |

  @GMM-ID-7 @profile:gmm
  Scenario Outline: The last valid page id <id> is a page id, only not found, with <edition> chunks
    Source: 002_3fe6e2f6006bd6e3.txt, "GMM - The Global Memory Manager"
    Given a GMM with <edition> chunks
    And VM A has allocated 1 page
    When VM A frees page <id>
    Then the call is rejected with VERR_GMM_PAGE_NOT_FOUND
    And nothing has changed

    Examples:
      | edition | id         |
      | 1 MB    | 0x0FFFFFFF |
      | 2 MB    | 0xFFFFFFF0 |

  @GMM-ID-8 @profile:gmm
  Scenario Outline: Chunk id <chunk> is NIL or beyond the last and is refused with <edition> chunks
    Source: 002_3fe6e2f6006bd6e3.txt, "GMM - The Global Memory Manager"
    Given a GMM with <edition> chunks
    And VM A has allocated 1 page
    When I look up chunk <chunk>
    Then the call is rejected with VERR_INVALID_PARAMETER

    Examples:
      | edition | chunk    |
      | 1 MB    | 0x100000 |
      | 2 MB    | 0x800000 |
      | 2 MB    | 0        |

  @GMM-ID-9 @profile:gmm
  Scenario: The first chunk gets id 1, never the NIL id
    Source: 002_3fe6e2f6006bd6e3.txt, "GMM - The Global Memory Manager"
    Given a GMM
    When VM A allocates 1 page
    Then the GMM holds chunks 1

  @GMM-ID-10 @profile:gmm
  Scenario: A new chunk gets the id after the previous one, not a freed lower id
    Source: 002_3fe6e2f6006bd6e3.txt, "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has filled 1 chunk
    And VM B has filled 1 chunk
    And VM A has been cleaned up
    When VM C allocates 1 page
    Then the new page comes from chunk 3

  @GMM-ID-12 @profile:gmm
  Scenario Outline: A valid chunk id that names no chunk is not found (chunk <chunk>, <edition> chunks)
    Source: 000_20bc3ec9f13f3511.txt, "Tracking Structures And Their Cost", "Kernel Space"
    Given a GMM with <edition> chunks
    And VM A has allocated 1 page
    When I look up chunk <chunk>
    Then the call is rejected with VERR_GMM_CHUNK_NOT_FOUND

    Examples:
      | edition | chunk    |
      | 2 MB    | 5        |
      | 1 MB    | 0xFFFFF  |
      | 2 MB    | 0x7FFFFF |

  @GMM-ID-13 @profile:gmm
  Scenario: A valid page id in a chunk that does not exist is not found
    Source: 002_3fe6e2f6006bd6e3.txt, "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 1 page
    When VM A frees page 0x5000
    Then the call is rejected with VERR_GMM_PAGE_NOT_FOUND
    And nothing has changed

  @GMM-ID-14 @profile:gmm-introspection
  Scenario: A fresh GMM's chunk TLB holds no chunk
    Source: 002_3fe6e2f6006bd6e3.txt, "GMMR0Init"
    Given a GMM
    Then every chunk TLB entry is NIL

  @GMM-ID-15 @profile:gmm-introspection
  Scenario: Looking a page up caches its chunk in TLB entry (chunk id modulo 32)
    Source: 002_3fe6e2f6006bd6e3.txt, "GMMCHUNKTLB"
    Given a GMM with 1 MB chunks
    And VM A has filled 33 chunks
    When I look up VM A's page 8448
    Then chunk TLB entry 1 holds chunk 33

  @GMM-ID-16 @profile:gmm-introspection
  Scenario: A chunk given back to the host leaves the chunk TLB
    Source: 002_3fe6e2f6006bd6e3.txt, "GMMCHUNKTLB"
    Given a GMM
    And VM A has filled 1 chunk
    And VM B has filled 1 chunk
    And I have looked up VM A's page 1
    When VM A is cleaned up
    Then chunk TLB entry 1 holds chunk 0
