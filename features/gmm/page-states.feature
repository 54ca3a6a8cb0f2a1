Feature: GMM page states: private, shared and free
  Every page of every chunk is in one of three states. A private page backs one page of one VM and records
  which VM and which guest page frame it backs, so that pages can later be shared or moved. A shared page
  is read-only, copy-on-write for the VMs using it, and carries only a reference count: tracking its users
  would cost too much. A free page belongs to no one and sits on its chunk's free list. The guest page frame
  number a private page records is limited by its field: 0xFFFFFFF0 is the last one, 0xFFFFFFF1 marks a page
  whose guest address is unknown (unshareable), and anything larger is bad input.

  @GMM-STATE-1 @profile:gmm
  Scenario: An allocated page is private to its VM and records the guest page frame
    Source: 002_3fe6e2f6006bd6e3.txt, "GMM - The Global Memory Manager"
    Given a GMM
    When VM A allocates a page for guest pfn 0x1234
    Then the new page is private to VM A and records guest pfn 0x1234

  @GMM-STATE-1 @profile:gmm
  Scenario: Guest page frame 0 is recorded as frame 0, not as a missing guest address
    Source: 002_3fe6e2f6006bd6e3.txt, "GMM - The Global Memory Manager"
    Given a GMM
    When VM A allocates a page for guest pfn 0
    Then the new page is private to VM A and records guest pfn 0

  @GMM-STATE-2 @profile:gmm
  Scenario: A page allocated without a guest address records the unshareable frame 0xFFFFFFF1
    Source: 000_20bc3ec9f13f3511.txt, "Tracking Structures And Their Cost", "Kernel Space"
    Given a GMM
    When VM A allocates a page without a guest address
    Then the new page is private to VM A and records guest pfn 0xFFFFFFF1

  @GMM-STATE-3 @profile:gmm
  Scenario Outline: A guest pfn of <pfn> does not fit a private page and is refused
    Source: 002_3fe6e2f6006bd6e3.txt, "GMMPAGE"
    Given a GMM
    And VM A has allocated 1 page
    When VM A allocates a page for guest pfn <pfn>
    Then the call is rejected with VERR_INVALID_PARAMETER
    And nothing has changed

    Examples:
      | pfn         |
      | 0xFFFFFFF1  |
      | 0x100000000 |

  @GMM-STATE-4 @profile:gmm
  Scenario: The last guest pfn a private page can record, 0xFFFFFFF0, is accepted
    Source: 002_3fe6e2f6006bd6e3.txt, "GMMPAGE"
    Given a GMM
    When VM A allocates a page for guest pfn 0xFFFFFFF0
    Then the new page is private to VM A and records guest pfn 0xFFFFFFF0

  @GMM-STATE-5 @profile:gmm
  Scenario: A freed page is free
    Source: 002_3fe6e2f6006bd6e3.txt, "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 2 pages
    When VM A frees its page 1
    Then VM A's page 1 is free

  @GMM-STATE-6 @profile:gmm
  Scenario: The host page frame handed out with a page is the one the GMM records for it
    Source: 002_3fe6e2f6006bd6e3.txt, "GMM - The Global Memory Manager"
    Given a GMM
    When VM A allocates 1 page
    Then the new page's host pfn is the one the page records

  @GMM-STATE-6 @profile:gmm
  Scenario: Using a shared page hands out the shared page and the host page frame the GMM records for it
    Source: 002_3fe6e2f6006bd6e3.txt, "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 1 page
    And VM A has shared its page 1
    When VM B uses the shared page
    Then the call returns the shared page with the host pfn the page records

  @GMM-STATE-8 @profile:gmm
  Scenario Outline: Pages get distinct host page frames, consecutive within a chunk (<edition> chunks)
    Source: 002_3fe6e2f6006bd6e3.txt, "GMM - The Global Memory Manager"
    Given a GMM with <edition> chunks
    And VM B has allocated 3 pages
    When VM A allocates <count> pages
    Then the new pages have distinct host page frames, consecutive within each chunk

    Examples:
      | edition | count |
      | 1 MB    | 600   |
      | 2 MB    | 1100  |

  @GMM-STATE-7 @profile:gmm
  Scenario: A VM's private page count follows its allocations and frees
    Source: 002_3fe6e2f6006bd6e3.txt, "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 3 pages
    When VM A frees its page 2
    Then VM A has 2 private pages and 0 shared pages
