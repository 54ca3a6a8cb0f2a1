Feature: GMM freeing private pages, and the bad input it refuses
  A VM gives private pages back by id and names the account they were charged to. The seed says only that
  free pages go back on LIFOs; what may be freed, and the statuses for what may not, come from later
  VirtualBox (interpretation I-GMM-6): a page in no chunk is not found, a free page is already free, a
  shared page is not private and must be released on the shared path, another VM's page is not the
  caller's, and an account cannot give back more than it holds. The kit checks the whole request before
  changing anything, so a request with one bad page frees none.

  @GMM-FREE-1 @profile:gmm @variant:one-page
  Scenario: Freeing another VM's page is refused
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 1 page
    And VM B has allocated 1 page
    When VM B frees VM A's page 1
    Then the call is rejected with VERR_GMM_NOT_PAGE_OWNER
    And nothing has changed

  @GMM-FREE-1 @profile:gmm @variant:among-own-pages
  Scenario: Another VM's page among the VM's own pages in one request is refused
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 1 page
    And VM B has allocated 3 pages
    When VM B frees its page 1, VM A's page 1 and its page 2 in one call
    Then the call is rejected with VERR_GMM_NOT_PAGE_OWNER
    And nothing has changed

  @GMM-FREE-2 @profile:gmm @variant:freed-page
  Scenario: Freeing a freed page is refused
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 2 pages
    And VM A has freed its page 1
    When VM A frees its page 1
    Then the call is rejected with VERR_GMM_PAGE_ALREADY_FREE
    And nothing has changed

  @GMM-FREE-2 @profile:gmm @variant:never-allocated-page
  Scenario: Freeing a page of a chunk that was never handed out is refused as already free
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM with 2 MB chunks
    And VM A has allocated 2 pages
    When VM A frees page 0x205
    Then the call is rejected with VERR_GMM_PAGE_ALREADY_FREE
    And nothing has changed

  @GMM-FREE-3 @profile:gmm
  Scenario: Freeing a shared page through the private path is refused
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 2 pages
    And VM A has shared its page 1
    When VM A frees the shared page through the private path
    Then the call is rejected with VERR_GMM_PAGE_NOT_PRIVATE
    And nothing has changed

  @GMM-FREE-4 @profile:gmm @variant:not-found @variant:bad-page-last
  Scenario: A request with one bad page frees none of its pages
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 2 pages
    When VM A frees its page 1 and page 0x5000 in one call
    Then the call is rejected with VERR_GMM_PAGE_NOT_FOUND
    And nothing has changed

  @GMM-FREE-4 @profile:gmm
  Scenario Outline: A request with one bad page frees none of its pages (<pages>)
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 4 pages
    And VM A has shared its page 4
    And VM B has allocated 1 page
    And VM A has freed its page 2
    When VM A frees <pages> in one call
    Then the call is rejected with <status>
    And nothing has changed

    @variant:not-found @variant:bad-page-first
    Examples: a page no chunk holds, first
      | pages                             | status                     |
      | page 0x5000 and its page 1        | VERR_GMM_PAGE_NOT_FOUND    |

    @variant:already-free @variant:bad-page-last
    Examples: a free page, last
      | pages                             | status                     |
      | its page 1 and its page 2         | VERR_GMM_PAGE_ALREADY_FREE |

    @variant:other-vms-page @variant:bad-page-last
    Examples: another VM's page, last
      | pages                             | status                     |
      | its page 1 and VM B's page 1      | VERR_GMM_NOT_PAGE_OWNER    |

    @variant:shared-page @variant:bad-page-first
    Examples: a shared page, first
      | pages                             | status                     |
      | the shared page and its page 3    | VERR_GMM_PAGE_NOT_PRIVATE  |

  @GMM-FREE-5 @profile:gmm @variant:adjacent
  Scenario: Naming the same page twice in a row in one request is refused
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 2 pages
    When VM A frees its page 1 twice in one call
    Then the call is rejected with VERR_GMM_PAGE_ALREADY_FREE
    And nothing has changed

  @GMM-FREE-5 @profile:gmm @variant:apart
  Scenario: Naming the same page twice, with another page between, in one request is refused
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 3 pages
    When VM A frees its page 1, its page 2 and its page 1 in one call
    Then the call is rejected with VERR_GMM_PAGE_ALREADY_FREE
    And nothing has changed

  @GMM-FREE-6 @profile:gmm
  Scenario Outline: Freeing more pages from the <account> account than it holds is refused
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 1 <charged> page
    When VM A frees its page 1 from the <account> account
    Then the call is rejected with VERR_GMM_ATTEMPT_TO_FREE_TOO_MUCH
    And nothing has changed

    @variant:shadow-account
    Examples: a BASE page freed from SHADOW
      | charged | account |
      | BASE    | SHADOW  |

    @variant:base-account
    Examples: a FIXED page freed from BASE
      | charged | account |
      | FIXED   | BASE    |

    @variant:fixed-account
    Examples: a SHADOW page freed from FIXED
      | charged | account |
      | SHADOW  | FIXED   |

  @GMM-FREE-7 @profile:gmm @variant:base-account
  Scenario: Freeing gives the pages back to the VM's account
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 3 pages
    When VM A frees its pages 1 to 2
    Then VM A has 1 BASE page allocated

  @GMM-FREE-7 @profile:gmm
  Scenario Outline: Freeing <account> pages gives them back to the <account> account and to no other
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 2 BASE pages
    And VM A has allocated 3 SHADOW pages
    And VM A has allocated 4 FIXED pages
    When VM A frees its pages <from> to <to> from the <account> account
    Then VM A has <base> BASE, <shadow> SHADOW and <fixed> FIXED pages allocated

    @variant:base-account
    Examples: a BASE page
      | account | from | to | base | shadow | fixed |
      | BASE    | 1    | 1  | 1    | 3      | 4     |

    @variant:shadow-account
    Examples: two SHADOW pages
      | account | from | to | base | shadow | fixed |
      | SHADOW  | 3    | 4  | 2    | 1      | 4     |

    @variant:fixed-account
    Examples: three FIXED pages
      | account | from | to | base | shadow | fixed |
      | FIXED   | 6    | 8  | 2    | 3      | 1     |
