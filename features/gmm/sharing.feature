Feature: GMM shared pages: dedicated chunks and reference counts
  When identical guest pages can be shared, one read-only copy serves every VM, and PGM makes it
  copy-on-write. The GMM does not track which VMs use a shared page, only how many references it has. The
  design puts shared pages in chunks of their own, so that private and shared pages never mix in a chunk.
  Sharing a VM's private page therefore moves its content to a page in a chunk dedicated to shared pages,
  with one reference, and frees the private page. Other VMs take further references; each release drops
  one, and the page is freed when the count reaches zero. Each reference counts as a BASE page of the VM
  holding it. Only a private page of the VM itself can be shared, and only shared pages can be used or
  released on the shared path.

  A VM may hold several references to one page, and the GMM counts references, not pages: a VM's shared
  page count, its BASE pages and what its cleanup leaves behind all go up by one per reference. A VM whose
  count is zero holds nothing to release. Whether the GMM also knows which pages a VM's references are to
  is a declared reading (gmm.shared-page-holders, see CONFORMANCE.md, "Declared readings"): the seeds count
  references only and call tracking the users "impractical and expensive". When the
  chunk of shared pages is full, the next shared page goes into a new chunk dedicated to shared pages.

  @GMM-SHARE-1 @profile:gmm @variant:one-vm
  Scenario: A shared page lives in a chunk dedicated to shared pages
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Tracking Structures And Their Cost", "Kernel Space"
    Given a GMM
    And VM A has allocated 2 pages
    When VM A shares its page 1
    Then the shared page is in a chunk dedicated to shared pages

  @GMM-SHARE-1 @profile:gmm @variant:several-vms
  Scenario: A page another VM shares from a chunk of private pages also lives in a chunk dedicated to shared pages
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Tracking Structures And Their Cost", "Kernel Space"
    Given a GMM
    And VM A has allocated 1 page
    And VM B has allocated 2 pages
    And VM A has shared its page 1
    When VM B shares its page 2
    Then the shared page is in a chunk dedicated to shared pages

  @GMM-SHARE-2 @profile:gmm @variant:first-shared-page
  Scenario: A newly shared page has one reference
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 2 pages
    When VM A shares its page 1
    Then the shared page has 1 reference

  @GMM-SHARE-2 @profile:gmm @variant:next-shared-page
  Scenario: A page shared next to a page with several references starts with one reference of its own
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 2 pages
    And VM A has shared its page 1
    And VM B has used the shared page 2 times
    When VM A shares its page 2
    Then the shared page has 1 reference

  @GMM-SHARE-3 @profile:gmm @variant:one-of-several
  Scenario: Sharing frees the VM's private page
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Tracking Structures And Their Cost", "Kernel Space"
    Given a GMM
    And VM A has allocated 2 pages
    When VM A shares its page 1
    Then VM A's page 1 is free

  @GMM-SHARE-3 @profile:gmm @variant:only-page
  Scenario: Sharing a VM's only page frees it
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Tracking Structures And Their Cost", "Kernel Space"
    Given a GMM
    And VM A has allocated 1 page
    When VM A shares its page 1
    Then VM A's page 1 is free

  @GMM-SHARE-4 @profile:gmm @variant:one-share
  Scenario: Sharing turns one of the VM's private pages into a shared one
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 2 pages
    When VM A shares its page 1
    Then VM A has 1 private page and 1 shared page

  @GMM-SHARE-4 @profile:gmm @variant:several-shares
  Scenario: Each page a VM shares turns one more private page into a shared one
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 3 pages
    And VM A has shared its page 1
    When VM A shares its page 2
    Then VM A has 1 private page and 2 shared pages

  @GMM-SHARE-5 @profile:gmm @variant:one-other-vm
  Scenario: Each VM using a shared page adds one reference
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 1 page
    And VM A has shared its page 1
    When VM B uses the shared page
    Then the shared page has 2 references

  @GMM-SHARE-5 @profile:gmm @variant:several-other-vms
  Scenario: A third VM using a shared page adds a third reference
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 1 page
    And VM A has shared its page 1
    And VM B has used the shared page
    When VM C uses the shared page
    Then the shared page has 3 references

  @GMM-SHARE-5 @profile:gmm @variant:same-vm-again
  Scenario: A VM using a shared page it already uses adds another reference
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 1 page
    And VM A has shared its page 1
    And VM B has used the shared page
    When VM B uses the shared page
    Then the shared page has 3 references

  @GMM-SHARE-6 @profile:gmm @variant:other-vm
  Scenario: Releasing a reference keeps the page shared while others remain
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 1 page
    And VM A has shared its page 1
    And VM B has used the shared page
    When VM B releases the shared page
    Then the shared page has 1 reference

  @GMM-SHARE-6 @profile:gmm @variant:sharer
  Scenario: The VM that shared a page releasing its reference keeps the page shared for the others
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 1 page
    And VM A has shared its page 1
    And VM B has used the shared page
    When VM A releases the shared page
    Then the shared page has 1 reference

  @GMM-SHARE-6 @profile:gmm @variant:vm-with-several-references
  Scenario: A VM holding several references releasing one keeps the page shared
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 1 page
    And VM A has shared its page 1
    And VM B has used the shared page 2 times
    When VM B releases the shared page
    Then the shared page has 2 references

  @GMM-SHARE-7 @profile:gmm @variant:sharer
  Scenario: Releasing the last reference frees the shared page
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 1 page
    And VM A has shared its page 1
    When VM A releases the shared page
    Then the shared page is free

  @GMM-SHARE-7 @profile:gmm @variant:other-vm
  Scenario: Another VM releasing the last reference, after the sharer released its own, frees the shared page
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 1 page
    And VM A has shared its page 1
    And VM B has used the shared page
    And VM A has released the shared page 1 time
    When VM B releases the shared page
    Then the shared page is free

  @GMM-SHARE-8 @profile:gmm @variant:same-vm
  Scenario: A second shared page joins the chunk of the first
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Tracking Structures And Their Cost", "Kernel Space"
    Given a GMM
    And VM A has allocated 2 pages
    And VM A has shared its page 1
    When VM A shares its page 2
    Then the new page comes from chunk 2

  @GMM-SHARE-8 @profile:gmm @variant:other-vm
  Scenario: A page another VM shares joins the chunk of shared pages the first VM's page is in
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Tracking Structures And Their Cost", "Kernel Space"
    Given a GMM
    And VM A has allocated 1 page
    And VM B has allocated 1 page
    And VM A has shared its page 1
    When VM B shares its page 1
    Then the new page comes from chunk 2

  @GMM-SHARE-9 @profile:gmm @variant:one-shared-page
  Scenario: The GMM counts each shared page once and every further reference as a duplicate
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 1 page
    And VM A has shared its page 1
    And VM B has used the shared page
    When VM C uses the shared page
    Then the statistics show 1 allocated, 1 shared and 2 duplicate pages

  @GMM-SHARE-9 @profile:gmm @variant:several-shared-pages
  Scenario: With several shared pages the GMM counts each once and every further reference to any as a duplicate
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 2 pages
    And VM A has shared its pages 1 to 2
    And VM B has used every shared page
    When VM C uses the shared page
    Then the statistics show 2 allocated, 2 shared and 3 duplicate pages

  @GMM-SHARE-10 @profile:gmm @variant:one-reference
  Scenario: A reference to a shared page counts as a BASE page of the VM holding it
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 1 page
    And VM A has shared its page 1
    When VM B uses the shared page
    Then VM B has 1 BASE page allocated

  @GMM-SHARE-10 @profile:gmm @variant:several-references
  Scenario: Each of a VM's references to one shared page counts as a BASE page of its own
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 1 page
    And VM A has shared its page 1
    And VM B has used the shared page
    When VM B uses the shared page
    Then VM B has 2 BASE pages allocated

  @GMM-SHARE-11 @profile:gmm @variant:first-reference
  Scenario: A reference beyond the VM's BASE reservation is refused
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 1 page
    And VM A has shared its page 1
    And VM B has reserved 1 pages in each account
    And VM B has allocated 1 page
    When VM B uses the shared page
    Then the call is rejected with VERR_GMM_HIT_VM_ACCOUNT_LIMIT
    And nothing has changed

  @GMM-SHARE-11 @profile:gmm @variant:further-reference
  Scenario: A further reference to a page the VM already uses is refused beyond its BASE reservation
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 1 page
    And VM A has shared its page 1
    And VM B has reserved 2 pages in each account
    And VM B has allocated 1 page
    And VM B has used the shared page
    When VM B uses the shared page
    Then the call is rejected with VERR_GMM_HIT_VM_ACCOUNT_LIMIT
    And nothing has changed

  @GMM-SHARE-12 @profile:gmm @variant:freed-page
  Scenario: Sharing a freed page is refused
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 2 pages
    And VM A has freed its page 1
    When VM A shares its page 1
    Then the call is rejected with VERR_GMM_PAGE_ALREADY_FREE
    And nothing has changed

  @GMM-SHARE-12 @profile:gmm @variant:never-allocated-page
  Scenario: Sharing a page of a chunk that was never handed out is refused as free
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM with 2 MB chunks
    And VM A has allocated 1 page
    When VM A shares page 0x205
    Then the call is rejected with VERR_GMM_PAGE_ALREADY_FREE
    And nothing has changed

  @GMM-SHARE-13 @profile:gmm
  Scenario: Sharing a page that is already shared is refused
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 1 page
    And VM A has shared its page 1
    When VM A shares the shared page
    Then the call is rejected with VERR_GMM_PAGE_NOT_PRIVATE
    And nothing has changed

  @GMM-SHARE-14 @profile:gmm
  Scenario: Sharing another VM's private page is refused
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 1 page
    And VM B has allocated 1 page
    When VM B shares VM A's page 1
    Then the call is rejected with VERR_GMM_NOT_PAGE_OWNER
    And nothing has changed

  @GMM-SHARE-15 @profile:gmm
  Scenario Outline: A private page handed to the shared path is refused (<action>)
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 1 page
    When VM A <action> its page 1 as a shared page
    Then the call is rejected with VERR_GMM_PAGE_NOT_SHARED
    And nothing has changed

    @variant:private-page @variant:use-shared
    Examples: using it
      | action   |
      | uses     |

    @variant:private-page @variant:release-shared
    Examples: releasing it
      | action   |
      | releases |

  @GMM-SHARE-15 @profile:gmm
  Scenario Outline: A free page handed to the shared path is refused (<action>)
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM with 2 MB chunks
    And VM A has allocated 1 page
    When VM A <action> page 0x205 as a shared page
    Then the call is rejected with VERR_GMM_PAGE_NOT_SHARED
    And nothing has changed

    @variant:free-page @variant:use-shared
    Examples: using it
      | action   |
      | uses     |

    @variant:free-page @variant:release-shared
    Examples: releasing it
      | action   |
      | releases |

  @GMM-SHARE-16 @profile:gmm @variant:never-held
  Scenario: Releasing a shared page is refused for a VM that holds no shared reference at all
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 1 page
    And VM A has shared its page 1
    And VM B has allocated 1 page
    When VM B releases the shared page
    Then the call is rejected with VERR_GMM_NOT_PAGE_OWNER
    And nothing has changed

  @GMM-SHARE-16 @profile:gmm @variant:released-all
  Scenario: A VM cannot release more references than it took
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 1 page
    And VM A has shared its page 1
    And VM B has used the shared page 2 times
    And VM B has released the shared page 2 times
    When VM B releases the shared page
    Then the call is rejected with VERR_GMM_NOT_PAGE_OWNER
    And nothing has changed

  @GMM-SHARE-16 @profile:gmm @variant:holds-other-pages @reading:gmm.shared-page-holders=tracked
  Scenario: A GMM that knows each page's holders refuses a VM's release of a shared page it holds none of, while it holds others
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 1 page
    And VM A has shared its page 1
    And VM B has allocated 1 page
    And VM B has shared its page 1
    When VM B releases shared page 1
    Then the call is rejected with VERR_GMM_NOT_PAGE_OWNER
    And nothing has changed

  @GMM-SHARE-16 @profile:gmm @variant:holds-other-pages @reading:gmm.shared-page-holders=counted
  Scenario: A GMM that only counts references lets a VM holding a shared reference release any shared page, one reference from its count
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 1 page
    And VM A has shared its page 1
    And VM B has allocated 1 page
    And VM B has shared its page 1
    When VM B releases shared page 1
    Then the call succeeds
    And VM B has 0 private pages and 0 shared pages

  @GMM-SHARE-17 @profile:gmm @variant:none-yet
  Scenario: Sharing is refused when the host memory limit leaves no room for a chunk of shared pages
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Memory Over-Commitment Management"
    Given a GMM with room for 1 chunk
    And VM A has filled 1 chunk
    When VM A shares its page 1
    Then the call is rejected with VERR_GMM_HIT_GLOBAL_LIMIT
    And nothing has changed

  @GMM-SHARE-17 @profile:gmm @variant:all-full
  Scenario: Sharing is refused when the chunks of shared pages are full and the host memory limit leaves no room for another
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Memory Over-Commitment Management"
    Given a GMM with 1 MB chunks and room for 3 chunks
    And VM A has allocated 257 pages
    And VM A has shared its pages 1 to 256
    When VM A shares its page 257
    Then the call is rejected with VERR_GMM_HIT_GLOBAL_LIMIT
    And nothing has changed

  @GMM-SHARE-18 @profile:gmm
  Scenario: A shared page with 65535 references takes no more
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMPAGE"
    Given a GMM
    And VM A has allocated 1 page
    And VM A has shared its page 1
    And VM B has used the shared page 65534 times
    When VM B uses the shared page
    Then the call is rejected with VERR_OUT_OF_RANGE
    And nothing has changed

  @GMM-SHARE-19 @profile:gmm
  Scenario Outline: When the chunk of shared pages is full, sharing takes a new chunk dedicated to shared pages (<edition> chunks)
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Tracking Structures And Their Cost", "Kernel Space"
    Given a GMM with <edition> chunks
    And VM A has allocated <pages> pages
    And VM A has shared its pages 1 to <full>
    When VM A shares its page <pages>
    Then the new page comes from chunk 4
    And chunk 4 is dedicated to shared pages

    @variant:seed-1mb
    Examples: the seed's edition: chunk 3 holds 256 shared pages
      | edition | pages | full |
      | 1 MB    | 257   | 256  |

    @variant:current-2mb
    Examples: later VirtualBox: chunk 3 holds 512 shared pages
      | edition | pages | full |
      | 2 MB    | 513   | 512  |

  @GMM-SHARE-20 @profile:gmm
  Scenario Outline: A VM's shared page count is the number of references it holds: <what>
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 2 pages
    And VM A has shared its pages 1 to 2
    And <before>
    When <action>
    Then VM B has 0 private pages and <count> shared pages

    @variant:one-reference @variant:taken
    Examples: one reference taken
      | what                                   | before                              | action                        | count |
      | a first reference                      | VM B has reserved its pages         | VM B uses the shared page     | 1     |

    @variant:several-references-one-page @variant:taken
    Examples: a second reference to the same page
      | what                                   | before                              | action                        | count |
      | a second reference to one page         | VM B has used the shared page       | VM B uses the shared page     | 2     |

    @variant:several-pages @variant:taken
    Examples: a reference to each of two pages, then one more
      | what                                   | before                              | action                        | count |
      | a third reference, over two pages      | VM B has used every shared page     | VM B uses the shared page     | 3     |

    @variant:one-reference @variant:released
    Examples: the only reference released
      | what                                   | before                              | action                        | count |
      | its only reference given back          | VM B has used the shared page       | VM B releases the shared page | 0     |

    @variant:several-references-one-page @variant:released
    Examples: one of three references to one page released
      | what                                   | before                              | action                        | count |
      | one of three references given back     | VM B has used the shared page 3 times | VM B releases the shared page | 2   |

    @variant:several-pages @variant:released
    Examples: one of the references to two pages released
      | what                                   | before                              | action                        | count |
      | one reference of two pages given back  | VM B has used every shared page     | VM B releases the shared page | 1     |
