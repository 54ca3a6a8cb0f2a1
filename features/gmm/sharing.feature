Feature: GMM shared pages: dedicated chunks and reference counts
  When identical guest pages can be shared, one read-only copy serves every VM, and PGM makes it
  copy-on-write. The GMM does not track which VMs use a shared page, only how many references it has. The
  design puts shared pages in chunks of their own, so that private and shared pages never mix in a chunk.
  Sharing a VM's private page therefore moves its content to a page in a chunk dedicated to shared pages,
  with one reference, and frees the private page. Other VMs take further references; each release drops
  one, and the page is freed when the count reaches zero. Each reference counts as a BASE page of the VM
  holding it. Only a private page of the VM itself can be shared, and only shared pages can be used or
  released on the shared path.

  @GMM-SHARE-1 @profile:gmm
  Scenario: A shared page lives in a chunk dedicated to shared pages
    Source: 000_20bc3ec9f13f3511.txt, "Tracking Structures And Their Cost", "Kernel Space"
    Given a GMM
    And VM A has allocated 2 pages
    When VM A shares its page 1
    Then the shared page is in a chunk dedicated to shared pages

  @GMM-SHARE-2 @profile:gmm
  Scenario: A newly shared page has one reference
    Source: 002_3fe6e2f6006bd6e3.txt, "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 2 pages
    When VM A shares its page 1
    Then the shared page has 1 reference

  @GMM-SHARE-3 @profile:gmm
  Scenario: Sharing frees the VM's private page
    Source: 000_20bc3ec9f13f3511.txt, "Tracking Structures And Their Cost", "Kernel Space"
    Given a GMM
    And VM A has allocated 2 pages
    When VM A shares its page 1
    Then VM A's page 1 is free

  @GMM-SHARE-4 @profile:gmm
  Scenario: Sharing turns one of the VM's private pages into a shared one
    Source: 002_3fe6e2f6006bd6e3.txt, "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 2 pages
    When VM A shares its page 1
    Then VM A has 1 private page and 1 shared page

  @GMM-SHARE-5 @profile:gmm
  Scenario: Each VM using a shared page adds one reference
    Source: 002_3fe6e2f6006bd6e3.txt, "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 1 page
    And VM A has shared its page 1
    When VM B uses the shared page
    Then the shared page has 2 references

  @GMM-SHARE-6 @profile:gmm
  Scenario: Releasing a reference keeps the page shared while others remain
    Source: 002_3fe6e2f6006bd6e3.txt, "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 1 page
    And VM A has shared its page 1
    And VM B has used the shared page
    When VM B releases the shared page
    Then the shared page has 1 reference

  @GMM-SHARE-7 @profile:gmm
  Scenario: Releasing the last reference frees the shared page
    Source: 002_3fe6e2f6006bd6e3.txt, "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 1 page
    And VM A has shared its page 1
    When VM A releases the shared page
    Then the shared page is free

  @GMM-SHARE-8 @profile:gmm
  Scenario: A second shared page joins the chunk of the first
    Source: 000_20bc3ec9f13f3511.txt, "Tracking Structures And Their Cost", "Kernel Space"
    Given a GMM
    And VM A has allocated 2 pages
    And VM A has shared its page 1
    When VM A shares its page 2
    Then the new page comes from chunk 2

  @GMM-SHARE-9 @profile:gmm
  Scenario: The GMM counts each shared page once and every further reference as a duplicate
    Source: 002_3fe6e2f6006bd6e3.txt, "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 1 page
    And VM A has shared its page 1
    And VM B has used the shared page
    When VM C uses the shared page
    Then the statistics show 1 allocated, 1 shared and 2 duplicate pages

  @GMM-SHARE-10 @profile:gmm
  Scenario: A reference to a shared page counts as a BASE page of the VM holding it
    Source: 002_3fe6e2f6006bd6e3.txt, "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 1 page
    And VM A has shared its page 1
    When VM B uses the shared page
    Then VM B has 1 BASE page allocated

  @GMM-SHARE-11 @profile:gmm
  Scenario: A reference beyond the VM's BASE reservation is refused
    Source: 002_3fe6e2f6006bd6e3.txt, "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 1 page
    And VM A has shared its page 1
    And VM B has reserved 1 pages in each account
    And VM B has allocated 1 page
    When VM B uses the shared page
    Then the call is rejected with VERR_GMM_HIT_VM_ACCOUNT_LIMIT
    And nothing has changed

  @GMM-SHARE-12 @profile:gmm
  Scenario: Sharing a free page is refused
    Source: 002_3fe6e2f6006bd6e3.txt, "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 2 pages
    And VM A has freed its page 1
    When VM A shares its page 1
    Then the call is rejected with VERR_GMM_PAGE_ALREADY_FREE
    And nothing has changed

  @GMM-SHARE-13 @profile:gmm
  Scenario: Sharing a page that is already shared is refused
    Source: 002_3fe6e2f6006bd6e3.txt, "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 1 page
    And VM A has shared its page 1
    When VM A shares the shared page
    Then the call is rejected with VERR_GMM_PAGE_NOT_PRIVATE
    And nothing has changed

  @GMM-SHARE-14 @profile:gmm
  Scenario: Sharing another VM's private page is refused
    Source: 002_3fe6e2f6006bd6e3.txt, "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 1 page
    And VM B has allocated 1 page
    When VM B shares VM A's page 1
    Then the call is rejected with VERR_GMM_NOT_PAGE_OWNER
    And nothing has changed

  @GMM-SHARE-15 @profile:gmm
  Scenario Outline: A private page handed to the shared path is refused (<action>)
    Source: 002_3fe6e2f6006bd6e3.txt, "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 1 page
    When VM A <action> its page 1 as a shared page
    Then the call is rejected with VERR_GMM_PAGE_NOT_SHARED
    And nothing has changed

    Examples:
      | action   |
      | uses     |
      | releases |

  @GMM-SHARE-16 @profile:gmm
  Scenario: Releasing a shared page the VM holds no reference to is refused
    Source: 002_3fe6e2f6006bd6e3.txt, "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 1 page
    And VM A has shared its page 1
    And VM B has allocated 1 page
    When VM B releases the shared page
    Then the call is rejected with VERR_GMM_NOT_PAGE_OWNER
    And nothing has changed

  @GMM-SHARE-16 @profile:gmm
  Scenario: A VM cannot release more references than it took
    Source: 002_3fe6e2f6006bd6e3.txt, "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 1 page
    And VM A has shared its page 1
    And VM B has used the shared page 2 times
    And VM B has released the shared page 2 times
    When VM B releases the shared page
    Then the call is rejected with VERR_GMM_NOT_PAGE_OWNER
    And nothing has changed

  @GMM-SHARE-17 @profile:gmm
  Scenario: Sharing is refused when the host memory limit leaves no room for a chunk of shared pages
    Source: 002_3fe6e2f6006bd6e3.txt, "Memory Over-Commitment Management"
    Given a GMM with room for 1 chunk
    And VM A has filled 1 chunk
    When VM A shares its page 1
    Then the call is rejected with VERR_GMM_HIT_GLOBAL_LIMIT
    And nothing has changed

  @GMM-SHARE-18 @profile:gmm
  Scenario: A shared page with 65535 references takes no more
    Source: 002_3fe6e2f6006bd6e3.txt, "GMMPAGE"
    Given a GMM
    And VM A has allocated 1 page
    And VM A has shared its page 1
    And VM B has used the shared page 65534 times
    When VM B uses the shared page
    Then the call is rejected with VERR_OUT_OF_RANGE
    And nothing has changed
