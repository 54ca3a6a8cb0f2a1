Feature: GMM freeing private pages, and the bad input it refuses
  A VM gives private pages back by id and names the account they were charged to. The seed says only that
  free pages go back on LIFOs; what may be freed, and the statuses for what may not, come from later
  VirtualBox (interpretation I-GMM-6): a page in no chunk is not found, a free page is already free, a
  shared page is not private and must be released on the shared path, another VM's page is not the
  caller's, and an account cannot give back more than it holds. The kit checks the whole request before
  changing anything, so a request with one bad page frees none.

  @GMM-FREE-1 @profile:gmm
  Scenario: Freeing another VM's page is refused
    Source: 002_3fe6e2f6006bd6e3.txt, "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 1 page
    And VM B has allocated 1 page
    When VM B frees VM A's page 1
    Then the call is rejected with VERR_GMM_NOT_PAGE_OWNER
    And nothing has changed

  @GMM-FREE-2 @profile:gmm
  Scenario: Freeing a free page is refused
    Source: 002_3fe6e2f6006bd6e3.txt, "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 2 pages
    And VM A has freed its page 1
    When VM A frees its page 1
    Then the call is rejected with VERR_GMM_PAGE_ALREADY_FREE
    And nothing has changed

  @GMM-FREE-3 @profile:gmm
  Scenario: Freeing a shared page through the private path is refused
    Source: 002_3fe6e2f6006bd6e3.txt, "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 2 pages
    And VM A has shared its page 1
    When VM A frees the shared page through the private path
    Then the call is rejected with VERR_GMM_PAGE_NOT_PRIVATE
    And nothing has changed

  @GMM-FREE-4 @profile:gmm
  Scenario: A request with one bad page frees none of its pages
    Source: 002_3fe6e2f6006bd6e3.txt, "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 2 pages
    When VM A frees its page 1 and page 0x5000 in one call
    Then the call is rejected with VERR_GMM_PAGE_NOT_FOUND
    And nothing has changed

  @GMM-FREE-5 @profile:gmm
  Scenario: Naming the same page twice in one request is refused
    Source: 002_3fe6e2f6006bd6e3.txt, "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 2 pages
    When VM A frees its page 1 twice in one call
    Then the call is rejected with VERR_GMM_PAGE_ALREADY_FREE
    And nothing has changed

  @GMM-FREE-6 @profile:gmm
  Scenario: Freeing more pages from an account than it holds is refused
    Source: 002_3fe6e2f6006bd6e3.txt, "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 1 page
    When VM A frees its page 1 from the SHADOW account
    Then the call is rejected with VERR_GMM_ATTEMPT_TO_FREE_TOO_MUCH
    And nothing has changed

  @GMM-FREE-7 @profile:gmm
  Scenario: Freeing gives the pages back to the VM's account
    Source: 002_3fe6e2f6006bd6e3.txt, "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 3 pages
    When VM A frees its pages 1 to 2
    Then VM A has 1 BASE page allocated
