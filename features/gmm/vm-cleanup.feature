Feature: GMM VM cleanup: free exactly the VM's private pages, recount, repair, release
  When a VM terminates, the GMM walks the chunks holding its pages (the kit keeps a per-VM index, so the
  cost follows the VM's own pages, not the pool) and puts each private page of that VM straight back on its
  chunk's free LIFO. While there it recounts every visited chunk's free, private and shared pages, and
  reports and repairs counters that do not add up. Chunks the VM was associated with lose the association,
  and chunks left completely free go back to the host. The VM's references to shared pages are left behind
  (the GMM does not know which they are) and counted as such, one for each reference: a VM holding three
  references to one page leaves three behind. When the last VM goes, everything is flushed.
  The per-VM data is left INVALID: policy and priority INVALID, every counter zero. The seed's version of
  this code leaves the last-VM branch empty and never lowers a counter (interpretation I-GMM-8).

  @GMM-CLEAN-1 @profile:gmm @variant:own-chunk @variant:base-account
  Scenario: Cleanup frees the VM's private pages
    Source: VirtualBox GMMR0.cpp of 2007 [002], "gmmR0FreeVMPagesInChunk"
    Given a GMM
    And VM A has allocated 3 pages
    And VM B has allocated 2 pages
    When VM A is cleaned up
    Then VM A's page 3 is free

  @GMM-CLEAN-1 @profile:gmm @variant:several-own-chunks
  Scenario: Cleanup frees the VM's private pages in each of its chunks
    Source: VirtualBox GMMR0.cpp of 2007 [002], "gmmR0FreeVMPagesInChunk"
    Given a GMM with 2 MB chunks
    And VM A has allocated 3 pages
    And VM B has allocated 2 pages
    And VM A has allocated 600 pages
    And VM B has allocated 1 page
    When VM A is cleaned up
    Then every page of VM A is free

  @GMM-CLEAN-1 @profile:gmm @variant:other-vms-chunk
  Scenario: Cleanup frees the VM's private pages in another VM's chunk
    Source: VirtualBox GMMR0.cpp of 2007 [002], "gmmR0FreeVMPagesInChunk"
    Given a GMM
    And VM B has allocated 3 pages
    And VM A has allocated 2 pages
    When VM A is cleaned up
    Then every page of VM A is free

  @GMM-CLEAN-1 @profile:gmm @variant:base-account @variant:shadow-account @variant:fixed-account
  Scenario: Cleanup frees the VM's private pages of every account
    Source: VirtualBox GMMR0.cpp of 2007 [002], "gmmR0FreeVMPagesInChunk"
    Given a GMM
    And VM A has allocated 1 BASE page
    And VM A has allocated 1 SHADOW page
    And VM A has allocated 1 FIXED page
    And VM B has allocated 1 page
    When VM A is cleaned up
    Then every page of VM A is free

  @GMM-CLEAN-2 @profile:gmm @variant:one-other-vm @variant:shared-with-vm
  Scenario: Cleanup leaves other VMs' private pages alone
    Source: VirtualBox GMMR0.cpp of 2007 [002], "gmmR0FreeVMPagesInChunk"
    Given a GMM
    And VM A has allocated 3 pages
    And VM B has allocated 2 pages
    When VM A is cleaned up
    Then VM B's page 1 is private to VM B

  @GMM-CLEAN-2 @profile:gmm @variant:several-other-vms @variant:others-own-chunk @variant:shared-with-vm
  Scenario: Cleanup leaves alone the pages of every other VM, in its chunks and theirs
    Source: VirtualBox GMMR0.cpp of 2007 [002], "gmmR0FreeVMPagesInChunk"
    Given a GMM
    And VM B has filled 1 chunk
    And VM A has allocated 3 pages
    And VM C has allocated 2 pages
    When VM A is cleaned up
    Then VM B's page 256 is private to VM B
    And VM C's page 2 is private to VM C

  @GMM-CLEAN-3 @profile:gmm @variant:one-chunk @variant:one-account
  Scenario: Cleanup reports how many private pages it freed
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0CleanupVM"
    Given a GMM
    And VM A has allocated 3 pages
    And VM B has allocated 2 pages
    When VM A is cleaned up
    Then the cleanup freed 3 pages

  @GMM-CLEAN-3 @profile:gmm @variant:several-chunks @variant:one-account
  Scenario: Cleanup reports the private pages it freed in all the VM's chunks
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0CleanupVM"
    Given a GMM with 2 MB chunks
    And VM A has filled 2 chunks
    And VM B has allocated 2 pages
    When VM A is cleaned up
    Then the cleanup freed 1024 pages

  @GMM-CLEAN-3 @profile:gmm @variant:one-chunk @variant:several-accounts
  Scenario: Cleanup reports the private pages it freed of every account
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0CleanupVM"
    Given a GMM
    And VM A has allocated 2 BASE pages
    And VM A has allocated 3 SHADOW pages
    And VM A has allocated 4 FIXED pages
    And VM B has allocated 1 page
    When VM A is cleaned up
    Then the cleanup freed 9 pages

  @GMM-CLEAN-4 @profile:gmm-introspection @variant:contiguous
  Scenario: Cleanup puts the freed pages on the head of the chunk's free LIFO, lowest index first
    Source: VirtualBox GMMR0.cpp of 2007 [002], "gmmR0FreeVMPagesInChunk"
    Given a GMM
    And VM A has allocated 3 pages
    And VM B has allocated 2 pages
    When VM A is cleaned up
    Then the free LIFO of chunk 1 starts with 0, 1, 2 and 5

  @GMM-CLEAN-4 @profile:gmm-introspection @variant:interleaved
  Scenario: Cleanup pushes the VM's pages between other VMs' pages from the highest index down
    Source: VirtualBox GMMR0.cpp of 2007 [002], "gmmR0FreeVMPagesInChunk"
    Given a GMM
    And VM A has allocated 1 page
    And VM B has allocated 1 page
    And VM A has allocated 1 page
    And VM B has allocated 1 page
    And VM A has allocated 1 page
    When VM A is cleaned up
    Then the free LIFO of chunk 1 starts with 0, 2, 4 and 5

  @GMM-CLEAN-5 @profile:gmm-introspection
  Scenario Outline: Cleanup reports a chunk whose <counter> does not match its pages
    Source: VirtualBox GMMR0.cpp of 2007 [002], "gmmR0FreeVMPagesInChunk"
    Given a GMM with <chunks> chunks
    And VM A has allocated 3 pages
    And VM B has allocated 2 pages
    And chunk 1's statistics are overwritten with <free> free, <private> private and <shared> shared pages
    When VM A is cleaned up
    Then the cleanup reports chunk 1 with free <report>

    @variant:all-counts
    Examples: every counter wrong
      | counter        | chunks | free | private | shared | report                             |
      | every counter  | 1 MB   | 7    | 9       | 1      | 10/254, private 6/2 and shared 1/0 |
      | every counter  | 2 MB   | 7    | 9       | 1      | 10/510, private 6/2 and shared 1/0 |

    @variant:free-count
    Examples: only the free count wrong
      | counter        | chunks | free | private | shared | report                              |
      | free count     | 1 MB   | 100  | 5       | 0      | 103/254, private 2/2 and shared 0/0 |
      | free count     | 2 MB   | 100  | 5       | 0      | 103/510, private 2/2 and shared 0/0 |

    @variant:private-count
    Examples: only the private count wrong
      | counter        | chunks | free | private | shared | report                              |
      | private count  | 1 MB   | 251  | 9       | 0      | 254/254, private 6/2 and shared 0/0 |
      | private count  | 2 MB   | 507  | 9       | 0      | 510/510, private 6/2 and shared 0/0 |

    @variant:shared-count
    Examples: only the shared count wrong
      | counter        | chunks | free | private | shared | report                              |
      | shared count   | 1 MB   | 251  | 5       | 4      | 254/254, private 2/2 and shared 4/0 |
      | shared count   | 2 MB   | 507  | 5       | 4      | 510/510, private 2/2 and shared 4/0 |

  @GMM-CLEAN-6 @profile:gmm-introspection
  Scenario Outline: Cleanup repairs a chunk whose <counter> does not match its pages
    Source: VirtualBox GMMR0.cpp of 2007 [002], "gmmR0FreeVMPagesInChunk"
    Given a GMM with <chunks> chunks
    And VM A has allocated 3 pages
    And VM B has allocated 2 pages
    And chunk 1's statistics are overwritten with <free> free, <private> private and <shared> shared pages
    When VM A is cleaned up
    Then chunk 1 records <counted> free, 2 private and 0 shared pages

    @variant:all-counts
    Examples: every counter wrong
      | counter        | chunks | free | private | shared | counted |
      | every counter  | 1 MB   | 7    | 9       | 1      | 254     |
      | every counter  | 2 MB   | 7    | 9       | 1      | 510     |

    @variant:free-count
    Examples: only the free count wrong
      | counter        | chunks | free | private | shared | counted |
      | free count     | 1 MB   | 100  | 5       | 0      | 254     |
      | free count     | 2 MB   | 100  | 5       | 0      | 510     |

    @variant:private-count
    Examples: only the private count wrong
      | counter        | chunks | free | private | shared | counted |
      | private count  | 1 MB   | 251  | 9       | 0      | 254     |
      | private count  | 2 MB   | 507  | 9       | 0      | 510     |

    @variant:shared-count
    Examples: only the shared count wrong
      | counter        | chunks | free | private | shared | counted |
      | shared count   | 1 MB   | 251  | 5       | 4      | 254     |
      | shared count   | 2 MB   | 507  | 5       | 4      | 510     |

  @GMM-CLEAN-7 @profile:gmm @variant:private-chunk @variant:one-chunk
  Scenario: Cleanup of consistent chunks reports no bogus statistics
    Source: VirtualBox GMMR0.cpp of 2007 [002], "gmmR0FreeVMPagesInChunk"
    Given a GMM
    And VM A has allocated 3 pages
    And VM B has allocated 2 pages
    When VM A is cleaned up
    Then the cleanup reports no bogus statistics

  @GMM-CLEAN-7 @profile:gmm @variant:shared-chunk @variant:several-chunks
  Scenario: Cleanup that visits a consistent chunk of shared pages reports no bogus statistics
    Source: VirtualBox GMMR0.cpp of 2007 [002], "gmmR0FreeVMPagesInChunk"
    Given a GMM
    And VM A has allocated 2 pages
    And VM A has shared its page 1
    And VM B has used the shared page
    And VM B has allocated 1 page
    When VM A is cleaned up
    Then the cleanup reports no bogus statistics

  @GMM-CLEAN-7 @profile:gmm @variant:private-chunk @variant:several-chunks
  Scenario: Cleanup of several consistent chunks of private pages reports no bogus statistics
    Source: VirtualBox GMMR0.cpp of 2007 [002], "gmmR0FreeVMPagesInChunk"
    Given a GMM with 2 MB chunks
    And VM A has allocated 600 pages
    And VM B has allocated 2 pages
    When VM A is cleaned up
    Then the cleanup reports no bogus statistics

  @GMM-CLEAN-8 @profile:gmm @variant:with-pages
  Scenario: After cleanup the VM's policy and priority are INVALID
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0CleanupVM"
    Given a GMM
    And VM A has allocated 3 pages
    And VM B has allocated 2 pages
    And VM A has been cleaned up
    When VM A asks for its per-VM data
    Then the per-VM data has policy INVALID and priority INVALID

  @GMM-CLEAN-8 @profile:gmm @variant:never-reserved
  Scenario: After cleanup a VM that never reserved has policy and priority INVALID
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0CleanupVM"
    Given a GMM
    And VM A is registered
    And VM B has allocated 2 pages
    And VM A has been cleaned up
    When VM A asks for its per-VM data
    Then the per-VM data has policy INVALID and priority INVALID

  @GMM-CLEAN-9 @profile:gmm @variant:with-pages
  Scenario: After cleanup the VM's counters are zero
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0CleanupVM"
    Given a GMM
    And VM A has allocated 3 pages
    And VM B has allocated 2 pages
    And VM A has been cleaned up
    When VM A asks for its per-VM data
    Then the per-VM data has every counter zero

  @GMM-CLEAN-9 @profile:gmm @variant:with-shared-references
  Scenario: After cleanup the counters of a VM that held shared references are zero
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0CleanupVM"
    Given a GMM
    And VM A has allocated 2 pages
    And VM A has shared its page 1
    And VM B has used the shared page 2 times
    And VM B has been cleaned up
    When VM B asks for its per-VM data
    Then the per-VM data has every counter zero

  @GMM-CLEAN-9 @profile:gmm @variant:never-reserved
  Scenario: After cleanup the counters of a VM that never reserved are zero
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0CleanupVM"
    Given a GMM
    And VM A is registered
    And VM B has allocated 2 pages
    And VM A has been cleaned up
    When VM A asks for its per-VM data
    Then the per-VM data has every counter zero

  @GMM-CLEAN-10 @profile:gmm @variant:by-the-cleanup @variant:cleaned-vms-chunk @variant:private-chunk
  Scenario: Cleanup gives completely free chunks back to the host
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0CleanupVM"
    Given a GMM
    And VM A has filled 1 chunk
    And VM B has filled 1 chunk
    When VM A is cleaned up
    Then the cleanup gave back chunk 1

  @GMM-CLEAN-10 @profile:gmm @variant:before-the-cleanup @variant:cleaned-vms-chunk @variant:private-chunk
  Scenario: Cleanup gives back a chunk of the VM's that its frees had already emptied
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0CleanupVM"
    Given a GMM
    And VM A has filled 1 chunk
    And VM B has filled 1 chunk
    And VM A has freed all its pages
    When VM A is cleaned up
    Then the cleanup gave back chunk 1

  @GMM-CLEAN-10 @profile:gmm @variant:before-the-cleanup @variant:other-vms-chunk @variant:by-the-cleanup @variant:private-chunk
  Scenario: Cleanup also gives back another VM's chunk that is completely free
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0CleanupVM"
    Given a GMM
    And VM B has filled 1 chunk
    And VM A has filled 1 chunk
    And VM B has freed all its pages
    When VM A is cleaned up
    Then the cleanup gave back chunks 1 and 2

  @GMM-CLEAN-10 @profile:gmm @variant:shared-chunk @variant:before-the-cleanup @variant:cleaned-vms-chunk
  Scenario: Cleanup gives back a chunk of shared pages that is completely free
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0CleanupVM"
    Given a GMM
    And VM A has allocated 1 page
    And VM B has allocated 1 page
    And VM A has shared its page 1
    And VM A has released the shared page 1 time
    When VM A is cleaned up
    Then the cleanup gave back chunk 2

  @GMM-CLEAN-11 @profile:gmm @variant:private-pages
  Scenario: Cleanup keeps chunks that still hold other VMs' pages
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0CleanupVM"
    Given a GMM
    And VM A has allocated 3 pages
    And VM B has allocated 2 pages
    When VM A is cleaned up
    Then the cleanup gave back no chunk

  @GMM-CLEAN-11 @profile:gmm @variant:shared-pages
  Scenario: Cleanup keeps a chunk of shared pages other VMs still reference
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0CleanupVM"
    Given a GMM
    And VM A has allocated 1 page
    And VM A has shared its page 1
    And VM B has used the shared page
    When VM A is cleaned up
    Then the GMM still holds chunk 2

  @GMM-CLEAN-12 @profile:gmm @variant:created-chunk @variant:one-chunk
  Scenario: Cleanup removes the VM's association with its chunks
    Source: VirtualBox GMMR0.cpp of 2007 [002], "gmmR0FreeVMPagesInChunk"
    Given a GMM
    And VM A has allocated 3 pages
    And VM B has allocated 2 pages
    When VM A is cleaned up
    Then chunk 1 has no affinity

  @GMM-CLEAN-12 @profile:gmm @variant:created-chunk @variant:several-chunks
  Scenario: Cleanup removes the VM's association with each of its chunks
    Source: VirtualBox GMMR0.cpp of 2007 [002], "gmmR0FreeVMPagesInChunk"
    Given a GMM with 2 MB chunks
    And VM A has allocated 3 pages
    And VM B has allocated 2 pages
    And VM A has allocated 600 pages
    And VM B has allocated 1 page
    When VM A is cleaned up
    Then chunk 1 has no affinity
    And chunk 2 has no affinity

  @GMM-CLEAN-12 @profile:gmm @variant:adopted-chunk @variant:one-chunk
  Scenario: Cleanup removes the VM's association with a chunk it adopted
    Source: VirtualBox GMMR0.cpp of 2007 [002], "gmmR0FreeVMPagesInChunk"
    Given a GMM with 2 MB chunks
    And VM A has filled 1 chunk
    And VM B has filled 1 chunk
    And VM B has freed its pages 1 to 512
    And VM C has allocated 3 pages
    And VM A has allocated 1 page
    When VM C is cleaned up
    Then chunk 2 has no affinity

  @GMM-CLEAN-13 @profile:gmm @variant:one-reference @variant:sharer
  Scenario: Cleanup leaves the VM's shared references behind
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0CleanupVM"
    Given a GMM
    And VM A has allocated 1 page
    And VM A has shared its page 1
    And VM B has used the shared page
    When VM A is cleaned up
    Then the shared page has 2 references

  @GMM-CLEAN-13 @profile:gmm @variant:several-references @variant:other-vm
  Scenario: Cleanup leaves behind every one of the VM's references to a shared page
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0CleanupVM"
    Given a GMM
    And VM A has allocated 1 page
    And VM A has shared its page 1
    And VM B has used the shared page 3 times
    When VM B is cleaned up
    Then the shared page has 4 references

  @GMM-CLEAN-14 @profile:gmm @variant:one-reference
  Scenario: Cleanup counts the shared references it left behind
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0CleanupVM"
    Given a GMM
    And VM A has allocated 1 page
    And VM A has shared its page 1
    And VM B has used the shared page
    When VM A is cleaned up
    Then the statistics show 1 shared page left behind

  @GMM-CLEAN-14 @profile:gmm @variant:several-references-one-page
  Scenario: Cleanup counts each reference it left behind, not each page: three references to one page are three
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0CleanupVM"
    Given a GMM
    And VM A has allocated 1 page
    And VM A has shared its page 1
    And VM B has used the shared page 3 times
    When VM B is cleaned up
    Then the statistics show 3 shared pages left behind

  @GMM-CLEAN-14 @profile:gmm @variant:several-pages
  Scenario: Cleanup counts the references it left behind to each of several shared pages
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0CleanupVM"
    Given a GMM
    And VM A has allocated 2 pages
    And VM A has shared its pages 1 to 2
    And VM B has used every shared page
    When VM A is cleaned up
    Then the statistics show 2 shared pages left behind

  @GMM-CLEAN-15 @profile:gmm @variant:private-only @variant:one-account
  Scenario: Cleanup takes the VM's pages and reservation out of the global counts
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0CleanupVM"
    Given a GMM
    And VM A has reserved 10 pages in each account
    And VM A has allocated 3 pages
    And VM B has reserved 5 pages in each account
    And VM B has allocated 2 pages
    When VM A is cleaned up
    Then the statistics show 2 allocated, 0 shared and 0 duplicate pages
    And the statistics show 15 reserved pages and 1 registered VM

  @GMM-CLEAN-15 @profile:gmm @variant:with-shared-references @variant:one-account
  Scenario: Cleanup takes the VM's private pages out of the global counts and leaves the shared page it still references
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0CleanupVM"
    Given a GMM
    And VM A has reserved 10 pages in each account
    And VM A has allocated 3 pages
    And VM A has shared its page 1
    And VM B has reserved 5 pages in each account
    And VM B has allocated 2 pages
    And VM B has used the shared page
    When VM A is cleaned up
    Then the statistics show 3 allocated, 1 shared and 1 duplicate pages
    And the statistics show 15 reserved pages and 1 registered VM

  @GMM-CLEAN-15 @profile:gmm @variant:private-only @variant:several-accounts
  Scenario: Cleanup takes the VM's pages of every account out of the global counts
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0CleanupVM"
    Given a GMM
    And VM A has reserved 10 pages in each account
    And VM A has allocated 2 BASE pages
    And VM A has allocated 3 SHADOW pages
    And VM A has allocated 4 FIXED pages
    And VM B has reserved 5 pages in each account
    And VM B has allocated 2 pages
    When VM A is cleaned up
    Then the statistics show 2 allocated, 0 shared and 0 duplicate pages
    And the statistics show 15 reserved pages and 1 registered VM

  @GMM-CLEAN-16 @profile:gmm @variant:shared-pages-left-behind @variant:last-of-several
  Scenario: The last VM's cleanup flushes every chunk and page
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0CleanupVM"
    Given a GMM
    And VM A has allocated 3 pages
    And VM A has shared its page 1
    And VM B has allocated 2 pages
    And VM B has been cleaned up
    When VM A is cleaned up
    Then the GMM holds no chunks and no pages

  @GMM-CLEAN-16 @profile:gmm @variant:no-shared-pages @variant:only-vm
  Scenario: The only VM's cleanup flushes every chunk and page
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0CleanupVM"
    Given a GMM
    And VM A has allocated 600 pages
    When VM A is cleaned up
    Then the GMM holds no chunks and no pages

  @GMM-CLEAN-17 @profile:gmm @variant:only-vm
  Scenario: The last VM's cleanup says so
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0CleanupVM"
    Given a GMM
    And VM A has allocated 3 pages
    When VM A is cleaned up
    Then the cleanup reports that it was the last VM's

  @GMM-CLEAN-17 @profile:gmm @variant:last-of-several
  Scenario: The cleanup of the last of several VMs says it was the last
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0CleanupVM"
    Given a GMM
    And VM A has allocated 3 pages
    And VM B has allocated 2 pages
    And VM B has been cleaned up
    When VM A is cleaned up
    Then the cleanup reports that it was the last VM's

  @GMM-CLEAN-18 @profile:gmm @variant:not-last-vm
  Scenario: Cleaning a VM up twice is refused
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0CleanupVM"
    Given a GMM
    And VM A has allocated 3 pages
    And VM B has allocated 2 pages
    And VM A has been cleaned up
    When VM A is cleaned up
    Then the call is rejected with VERR_WRONG_ORDER
    And nothing has changed

  @GMM-CLEAN-18 @profile:gmm @variant:last-vm
  Scenario: Cleaning the last VM up a second time, after everything was flushed, is refused
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0CleanupVM"
    Given a GMM
    And VM A has allocated 3 pages
    And VM A has been cleaned up
    When VM A is cleaned up
    Then the call is rejected with VERR_WRONG_ORDER
    And nothing has changed

  @GMM-CLEAN-20 @profile:gmm @variant:with-pages
  Scenario: A cleanup while another VM still holds pages is not the last VM's and keeps that VM's chunk
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0CleanupVM"
    Given a GMM
    And VM A has allocated 3 pages
    And VM B has allocated 2 pages
    When VM A is cleaned up
    Then the cleanup reports that it was not the last VM's
    And the GMM holds chunks 1

  @GMM-CLEAN-20 @profile:gmm @variant:without-pages
  Scenario: A cleanup while another VM is registered without pages is not the last VM's either
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0CleanupVM"
    Given a GMM
    And VM A has allocated 3 pages
    And VM B has reserved its pages
    When VM A is cleaned up
    Then the cleanup reports that it was not the last VM's

  @GMM-VM-1 @profile:gmm
  Scenario Outline: A VM handle that was never handed out is refused: <action>
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0CleanupVM"
    Given a GMM
    And VM A has allocated 1 page
    When <action>
    Then the call is rejected with VERR_INVALID_VM_HANDLE
    And nothing has changed

    @variant:allocate
    Examples: allocating
      | action                                                                               |
      | VM X allocates 1 page                                                                |

    @variant:free
    Examples: freeing
      | action                                                                               |
      | VM X frees VM A's page 1                                                             |

    @variant:cleanup
    Examples: cleaning up
      | action                                                                               |
      | VM X is cleaned up                                                                   |

    @variant:per-vm-data
    Examples: reading per-VM data
      | action                                                                               |
      | VM X asks for its per-VM data                                                        |

    @variant:reserve
    Examples: reserving
      | action                                                                               |
      | VM X reserves 1 base, 1 shadow and 1 fixed pages with policy TBD and priority NORMAL |

    @variant:update-reservation
    Examples: updating a reservation
      | action                                                                               |
      | VM X updates its reservation to 2 pages in each account                              |

    @variant:share
    Examples: sharing
      | action                                                                               |
      | VM X shares VM A's page 1                                                            |

    @variant:use-shared
    Examples: using a shared page
      | action                                                                               |
      | VM X uses VM A's page 1 as a shared page                                             |

    @variant:release-shared
    Examples: releasing a shared page
      | action                                                                               |
      | VM X releases VM A's page 1 as a shared page                                         |

  @GMM-VM-1 @profile:gmm @variant:seed
  Scenario: A VM handle that was never handed out is refused: VM X seeds a chunk in legacy mode
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0CleanupVM"
    Given a legacy-mode GMM
    And VM A has seeded a chunk
    When VM X seeds a chunk
    Then the call is rejected with VERR_INVALID_VM_HANDLE
    And nothing has changed

  # Handles start at 1: 0 is NIL, the handle of no VM (a chunk without affinity records it), and a negative
  # handle is out of range (interpretation I-GMM-21).
  @GMM-VM-1 @profile:gmm
  Scenario Outline: A handle no VM is given, NIL or negative, is refused: <action>
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0CleanupVM"
    Given a GMM
    And VM A has allocated 1 page
    When <action>
    Then the call is rejected with VERR_INVALID_VM_HANDLE
    And nothing has changed

    @variant:allocate
    Examples: allocating
      | action                                           |
      | the VM with handle 0 allocates 1 page            |
      | the VM with handle -1 allocates 1 page           |

    @variant:free
    Examples: freeing
      | action                                           |
      | the VM with handle 0 frees VM A's page 1         |
      | the VM with handle -1 frees VM A's page 1        |

    @variant:cleanup
    Examples: cleaning up
      | action                                           |
      | the VM with handle 0 is cleaned up               |
      | the VM with handle -1 is cleaned up              |

  @GMM-VM-2 @profile:gmm
  Scenario Outline: The handle of a cleaned-up VM is refused: <action>
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0CleanupVM"
    Given a GMM
    And VM A has allocated 1 page
    And VM B has allocated 1 page
    And VM B has shared its page 1
    And VM A has been cleaned up
    When <action>
    Then the call is rejected with VERR_INVALID_VM_HANDLE
    And nothing has changed

    @variant:allocate
    Examples: allocating
      | action                                                                               |
      | VM A allocates 1 page                                                                |

    @variant:free
    Examples: freeing
      | action                                                                               |
      | VM A frees its page 1                                                                |

    @variant:use-shared
    Examples: using a shared page
      | action                                                                               |
      | VM A uses the shared page                                                            |

    @variant:reserve
    Examples: reserving
      | action                                                                               |
      | VM A reserves 1 base, 1 shadow and 1 fixed pages with policy TBD and priority NORMAL |

    @variant:share
    Examples: sharing
      | action                                                                               |
      | VM A shares its page 1                                                               |

    @variant:release-shared
    Examples: releasing a shared page
      | action                                                                               |
      | VM A releases the shared page                                                        |

    @variant:update-reservation
    Examples: updating a reservation
      | action                                                                               |
      | VM A updates its reservation to 2 pages in each account                              |

  @GMM-VM-2 @profile:gmm @variant:seed
  Scenario: The handle of a cleaned-up VM is refused: VM A seeds a chunk in legacy mode
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0CleanupVM"
    Given a legacy-mode GMM
    And VM A has seeded a chunk
    And VM B has seeded a chunk
    And VM A has been cleaned up
    When VM A seeds a chunk
    Then the call is rejected with VERR_INVALID_VM_HANDLE
    And nothing has changed

  @GMM-VM-3 @profile:gmm
  Scenario: The per-VM data of a cleaned-up VM can still be read
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0CleanupVM"
    Given a GMM
    And VM A has allocated 1 page
    And VM B has allocated 1 page
    And VM A has been cleaned up
    When VM A asks for its per-VM data
    Then the call succeeds

  @GMM-VM-4 @profile:gmm @variant:live-vm
  Scenario: A VM registered next to a live one gets a handle of its own
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0CleanupVM"
    Given a GMM
    And VM A is registered
    When VM B registers
    Then the new VM's handle is none of the earlier VMs' handles

  @GMM-VM-4 @profile:gmm @variant:cleaned-up-vm
  Scenario: A VM registered after another was cleaned up does not get the cleaned-up VM's handle
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0CleanupVM"
    Given a GMM
    And VM A has allocated 1 page
    And VM B has allocated 1 page
    And VM A has been cleaned up
    When VM C registers
    Then the new VM's handle is none of the earlier VMs' handles
