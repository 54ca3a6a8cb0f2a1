Feature: GMM VM cleanup: free exactly the VM's private pages, recount, repair, release
  When a VM terminates, the GMM walks the chunks holding its pages (the kit keeps a per-VM index, so the
  cost follows the VM's own pages, not the pool) and puts each private page of that VM straight back on its
  chunk's free LIFO. While there it recounts every visited chunk's free, private and shared pages, and
  reports and repairs counters that do not add up. Chunks the VM was associated with lose the association,
  and chunks left completely free go back to the host. The VM's references to shared pages are left behind
  (the GMM does not know which they are) and counted as such. When the last VM goes, everything is flushed.
  The per-VM data is left INVALID: policy and priority INVALID, every counter zero. The seed's version of
  this code leaves the last-VM branch empty and never lowers a counter (interpretation I-GMM-8).

  @GMM-CLEAN-1 @profile:gmm
  Scenario: Cleanup frees the VM's private pages
    Source: 002_3fe6e2f6006bd6e3.txt, "gmmR0FreeVMPagesInChunk"
    Given a GMM
    And VM A has allocated 3 pages
    And VM B has allocated 2 pages
    When VM A is cleaned up
    Then VM A's page 3 is free

  @GMM-CLEAN-2 @profile:gmm
  Scenario: Cleanup leaves other VMs' private pages alone
    Source: 002_3fe6e2f6006bd6e3.txt, "gmmR0FreeVMPagesInChunk"
    Given a GMM
    And VM A has allocated 3 pages
    And VM B has allocated 2 pages
    When VM A is cleaned up
    Then VM B's page 1 is private to VM B

  @GMM-CLEAN-3 @profile:gmm
  Scenario: Cleanup reports how many private pages it freed
    Source: 002_3fe6e2f6006bd6e3.txt, "GMMR0CleanupVM"
    Given a GMM
    And VM A has allocated 3 pages
    And VM B has allocated 2 pages
    When VM A is cleaned up
    Then the cleanup freed 3 pages

  @GMM-CLEAN-4 @profile:gmm-introspection
  Scenario: Cleanup puts the freed pages on the head of the chunk's free LIFO, lowest index first
    Source: 002_3fe6e2f6006bd6e3.txt, "gmmR0FreeVMPagesInChunk"
    Given a GMM
    And VM A has allocated 3 pages
    And VM B has allocated 2 pages
    When VM A is cleaned up
    Then the free LIFO of chunk 1 starts with 0, 1, 2 and 5

  @GMM-CLEAN-5 @profile:gmm-introspection
  Scenario: Cleanup reports a chunk whose counters do not match its pages
    Source: 002_3fe6e2f6006bd6e3.txt, "gmmR0FreeVMPagesInChunk"
    Given a GMM with 2 MB chunks
    And VM A has allocated 3 pages
    And VM B has allocated 2 pages
    And chunk 1's statistics are overwritten with 7 free, 9 private and 1 shared pages
    When VM A is cleaned up
    Then the cleanup reports chunk 1 with free 10/510, private 6/2 and shared 1/0

  @GMM-CLEAN-6 @profile:gmm-introspection
  Scenario: Cleanup repairs a chunk whose counters do not match its pages
    Source: 002_3fe6e2f6006bd6e3.txt, "gmmR0FreeVMPagesInChunk"
    Given a GMM with 2 MB chunks
    And VM A has allocated 3 pages
    And VM B has allocated 2 pages
    And chunk 1's statistics are overwritten with 7 free, 9 private and 1 shared pages
    When VM A is cleaned up
    Then chunk 1 records 510 free, 2 private and 0 shared pages

  @GMM-CLEAN-7 @profile:gmm
  Scenario: Cleanup of consistent chunks reports no bogus statistics
    Source: 002_3fe6e2f6006bd6e3.txt, "gmmR0FreeVMPagesInChunk"
    Given a GMM
    And VM A has allocated 3 pages
    And VM B has allocated 2 pages
    When VM A is cleaned up
    Then the cleanup reports no bogus statistics

  @GMM-CLEAN-8 @profile:gmm
  Scenario: After cleanup the VM's policy and priority are INVALID
    Source: 002_3fe6e2f6006bd6e3.txt, "GMMR0CleanupVM"
    Given a GMM
    And VM A has allocated 3 pages
    And VM B has allocated 2 pages
    And VM A has been cleaned up
    When VM A asks for its per-VM data
    Then the per-VM data has policy INVALID and priority INVALID

  @GMM-CLEAN-9 @profile:gmm
  Scenario: After cleanup the VM's counters are zero
    Source: 002_3fe6e2f6006bd6e3.txt, "GMMR0CleanupVM"
    Given a GMM
    And VM A has allocated 3 pages
    And VM B has allocated 2 pages
    And VM A has been cleaned up
    When VM A asks for its per-VM data
    Then the per-VM data has every counter zero

  @GMM-CLEAN-10 @profile:gmm
  Scenario: Cleanup gives completely free chunks back to the host
    Source: 002_3fe6e2f6006bd6e3.txt, "GMMR0CleanupVM"
    Given a GMM
    And VM A has filled 1 chunk
    And VM B has filled 1 chunk
    When VM A is cleaned up
    Then the cleanup gave back chunk 1

  @GMM-CLEAN-11 @profile:gmm
  Scenario: Cleanup keeps chunks that still hold other VMs' pages
    Source: 002_3fe6e2f6006bd6e3.txt, "GMMR0CleanupVM"
    Given a GMM
    And VM A has allocated 3 pages
    And VM B has allocated 2 pages
    When VM A is cleaned up
    Then the cleanup gave back no chunk

  @GMM-CLEAN-12 @profile:gmm
  Scenario: Cleanup removes the VM's association with its chunks
    Source: 002_3fe6e2f6006bd6e3.txt, "gmmR0FreeVMPagesInChunk"
    Given a GMM
    And VM A has allocated 3 pages
    And VM B has allocated 2 pages
    When VM A is cleaned up
    Then chunk 1 has no affinity

  @GMM-CLEAN-13 @profile:gmm
  Scenario: Cleanup leaves the VM's shared references behind
    Source: 002_3fe6e2f6006bd6e3.txt, "GMMR0CleanupVM"
    Given a GMM
    And VM A has allocated 1 page
    And VM A has shared its page 1
    And VM B has used the shared page
    When VM A is cleaned up
    Then the shared page has 2 references

  @GMM-CLEAN-14 @profile:gmm
  Scenario: Cleanup counts the shared references it left behind
    Source: 002_3fe6e2f6006bd6e3.txt, "GMMR0CleanupVM"
    Given a GMM
    And VM A has allocated 1 page
    And VM A has shared its page 1
    And VM B has used the shared page
    When VM A is cleaned up
    Then the statistics show 1 shared page left behind

  @GMM-CLEAN-15 @profile:gmm
  Scenario: Cleanup takes the VM's pages and reservation out of the global counts
    Source: 002_3fe6e2f6006bd6e3.txt, "GMMR0CleanupVM"
    Given a GMM
    And VM A has reserved 10 pages in each account
    And VM A has allocated 3 pages
    And VM B has reserved 5 pages in each account
    And VM B has allocated 2 pages
    When VM A is cleaned up
    Then the statistics show 2 allocated, 0 shared and 0 duplicate pages
    And the statistics show 15 reserved pages and 1 registered VM

  @GMM-CLEAN-16 @profile:gmm
  Scenario: The last VM's cleanup flushes every chunk and page
    Source: 002_3fe6e2f6006bd6e3.txt, "GMMR0CleanupVM"
    Given a GMM
    And VM A has allocated 3 pages
    And VM A has shared its page 1
    And VM B has allocated 2 pages
    And VM B has been cleaned up
    When VM A is cleaned up
    Then the GMM holds no chunks and no pages

  @GMM-CLEAN-17 @profile:gmm
  Scenario: The last VM's cleanup says so
    Source: 002_3fe6e2f6006bd6e3.txt, "GMMR0CleanupVM"
    Given a GMM
    And VM A has allocated 3 pages
    When VM A is cleaned up
    Then the cleanup reports that it was the last VM's

  @GMM-CLEAN-18 @profile:gmm
  Scenario: Cleaning a VM up twice is refused
    Source: 002_3fe6e2f6006bd6e3.txt, "GMMR0CleanupVM"
    Given a GMM
    And VM A has allocated 3 pages
    And VM B has allocated 2 pages
    And VM A has been cleaned up
    When VM A is cleaned up
    Then the call is rejected with VERR_WRONG_ORDER
    And nothing has changed

  @GMM-VM-1 @profile:gmm
  Scenario Outline: A VM handle that was never handed out is refused: <action>
    Source: 002_3fe6e2f6006bd6e3.txt, "GMMR0CleanupVM"
    Given a GMM
    And VM A has allocated 1 page
    When <action>
    Then the call is rejected with VERR_INVALID_VM_HANDLE
    And nothing has changed

    Examples:
      | action                                                                               |
      | VM X allocates 1 page                                                                |
      | VM X frees VM A's page 1                                                             |
      | VM X is cleaned up                                                                   |
      | VM X asks for its per-VM data                                                        |
      | VM X reserves 1 base, 1 shadow and 1 fixed pages with policy TBD and priority NORMAL |
      | VM X updates its reservation to 2 pages in each account                              |

  @GMM-VM-2 @profile:gmm
  Scenario Outline: The handle of a cleaned-up VM is refused: <action>
    Source: 002_3fe6e2f6006bd6e3.txt, "GMMR0CleanupVM"
    Given a GMM
    And VM A has allocated 1 page
    And VM B has allocated 1 page
    And VM B has shared its page 1
    And VM A has been cleaned up
    When <action>
    Then the call is rejected with VERR_INVALID_VM_HANDLE
    And nothing has changed

    Examples:
      | action                                                                               |
      | VM A allocates 1 page                                                                |
      | VM A frees its page 1                                                                |
      | VM A uses the shared page                                                            |
      | VM A reserves 1 base, 1 shadow and 1 fixed pages with policy TBD and priority NORMAL |
