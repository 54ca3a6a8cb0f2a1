Feature: GMM allocation order and the host memory limit
  The seed asks for an allocation strategy that keeps chunks full, so that few chunks hold few pages
  each. The kit fixes one order (interpretation I-GMM-5), after later VirtualBox: a VM's next private page
  comes first from its own chunks (the chunks it took from the host or adopted), fewest free pages first;
  then from a completely free chunk, which the VM adopts; then from any other chunk of private pages,
  fewest free pages first; and only then from a new chunk taken from the host, as long as the host memory
  limit has room for it. A request the limit cannot cover is refused whole with VERR_GMM_HIT_GLOBAL_LIMIT
  and changes nothing. Chunks of shared pages do not serve private allocations while any of these steps can.
  When none can, the seeds disagree: seed 000 never mixes shared and private pages in a chunk, seed 002 allows
  it "if we're really stressed on memory". An adapter declares which it follows
  (gmm.shared-chunk-private-pages, see CONFORMANCE.md, "Declared readings").

  @GMM-ALLOC-1 @profile:gmm
  Scenario Outline: The first page comes from a new chunk, associated with the allocating VM (<edition> chunks)
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Page Allocation Strategy"
    Given a GMM with <edition> chunks
    When VM A allocates 1 page
    Then the new page comes from chunk 1
    And chunk 1 has affinity to VM A

    @variant:seed-1mb
    Examples: the seed's edition
      | edition |
      | 1 MB    |

    @variant:current-2mb
    Examples: later VirtualBox
      | edition |
      | 2 MB    |

  @GMM-ALLOC-2 @profile:gmm
  Scenario Outline: Among its own chunks a VM takes the one with the fewest free pages (<edition> chunks)
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Page Allocation Strategy"
    Given a GMM with <edition> chunks
    And VM A has allocated <pages> pages
    And VM A has freed its pages 1 to 10
    When VM A allocates 1 page
    Then the new page comes from chunk 1

    @variant:seed-1mb
    Examples: the seed's edition: chunk 1 has 10 free pages, chunk 2 has 251
      | edition | pages |
      | 1 MB    | 261   |

    @variant:current-2mb
    Examples: later VirtualBox: chunk 1 has 10 free pages, chunk 2 has 507
      | edition | pages |
      | 2 MB    | 517   |

  @GMM-ALLOC-3 @profile:gmm
  Scenario Outline: A VM takes its own chunk before another VM's fuller one
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Page Allocation Strategy"
    Given a GMM with <chunks> chunks
    And VM A has filled 1 chunk
    And VM B has filled 1 chunk
    And VM A has freed its pages 1 to 100
    And VM B has freed its pages 1 to 3
    When VM A allocates 1 page
    Then the new page comes from chunk 1

    Examples:
      | chunks |
      | 1 MB   |
      | 2 MB   |

  @GMM-ALLOC-5 @profile:gmm
  Scenario Outline: A VM takes the chunk it adopted before another VM's fuller one
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Page Allocation Strategy"
    Given a GMM with <chunks> chunks
    And VM A has filled 1 chunk
    And VM B has filled 1 chunk
    And VM B has freed its pages 1 to <all>
    And VM C has allocated 1 page
    And VM A has freed its pages 1 to 3
    When VM C allocates 1 page
    Then the new page comes from chunk 2

    Examples:
      | chunks | all |
      | 1 MB   | 256 |
      | 2 MB   | 512 |

  @GMM-ALLOC-4 @profile:gmm @variant:no-own-chunk
  Scenario Outline: Without chunks of its own a VM takes a completely free chunk before a partly used one
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Page Allocation Strategy"
    Given a GMM with <chunks> chunks
    And VM A has filled 1 chunk
    And VM B has filled 1 chunk
    And VM A has freed its pages 1 to 3
    And VM B has freed its pages 1 to <all>
    When VM C allocates 1 page
    Then the new page comes from chunk 2

    Examples:
      | chunks | all |
      | 1 MB   | 256 |
      | 2 MB   | 512 |

  @GMM-ALLOC-4 @profile:gmm @variant:own-chunks-full
  Scenario Outline: A VM whose own chunks are full takes a completely free chunk before another VM's partly used one
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Page Allocation Strategy"
    Given a GMM with <chunks> chunks
    And VM A has filled 1 chunk
    And VM B has filled 1 chunk
    And VM C has filled 1 chunk
    And VM A has freed its pages 1 to 3
    And VM B has freed its pages 1 to <all>
    When VM C allocates 1 page
    Then the new page comes from chunk 2

    Examples:
      | chunks | all |
      | 1 MB   | 256 |
      | 2 MB   | 512 |

  @GMM-ALLOC-5 @profile:gmm @variant:vm-without-chunks
  Scenario Outline: A VM adopts the completely free chunk it allocates from
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Page Allocation Strategy"
    Given a GMM with <chunks> chunks
    And VM A has filled 1 chunk
    And VM B has filled 1 chunk
    And VM B has freed its pages 1 to <all>
    When VM C allocates 1 page
    Then chunk 2 has affinity to VM C

    Examples:
      | chunks | all |
      | 1 MB   | 256 |
      | 2 MB   | 512 |

  @GMM-ALLOC-5 @profile:gmm @variant:vm-with-full-chunks
  Scenario Outline: A VM with full chunks of its own also adopts the completely free chunk it allocates from
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Page Allocation Strategy"
    Given a GMM with <chunks> chunks
    And VM A has filled 1 chunk
    And VM B has filled 1 chunk
    And VM C has filled 1 chunk
    And VM B has freed its pages 1 to <all>
    When VM C allocates 1 page
    Then chunk 2 has affinity to VM C

    Examples:
      | chunks | all |
      | 1 MB   | 256 |
      | 2 MB   | 512 |

  @GMM-ALLOC-6 @profile:gmm @variant:one-other-vm
  Scenario Outline: Among other VMs' chunks a VM takes the one with the fewest free pages
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Page Allocation Strategy"
    Given a GMM with <chunks> chunks
    And VM A has filled 2 chunks
    And VM A has freed its pages 1 to 3
    And VM A has freed its pages <from> to <to>
    When VM B allocates 1 page
    Then the new page comes from chunk 1

    Examples:
      | chunks | from | to  |
      | 1 MB   | 257  | 296 |
      | 2 MB   | 513  | 552 |

  @GMM-ALLOC-6 @profile:gmm @variant:several-other-vms
  Scenario Outline: Among several other VMs' chunks a VM takes the one with the fewest free pages, whoever owns it
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Page Allocation Strategy"
    Given a GMM with <chunks> chunks
    And VM A has filled 1 chunk
    And VM B has filled 1 chunk
    And VM A has freed its pages 1 to 40
    And VM B has freed its pages 1 to 3
    When VM C allocates 1 page
    Then the new page comes from chunk 2

    Examples:
      | chunks |
      | 1 MB   |
      | 2 MB   |

  @GMM-ALLOC-7 @profile:gmm @variant:other-vm
  Scenario: When every chunk is full a new chunk is taken for the allocating VM
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Page Allocation Strategy"
    Given a GMM
    And VM A has filled 1 chunk
    When VM B allocates 1 page
    Then the new page comes from chunk 2
    And chunk 2 has affinity to VM B

  @GMM-ALLOC-7 @profile:gmm @variant:owner-of-full-chunks
  Scenario: A VM whose own chunks are full gets a new chunk of its own
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Page Allocation Strategy"
    Given a GMM
    And VM A has filled 1 chunk
    When VM A allocates 1 page
    Then the new page comes from chunk 2
    And chunk 2 has affinity to VM A

  @GMM-ALLOC-8 @profile:gmm
  Scenario Outline: A request for <count> pages spans new chunks <chunks> (<edition> chunks)
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Page Allocation Strategy"
    Given a GMM with <edition> chunks
    When VM A allocates <count> pages
    Then the new pages come from chunks <chunks>

    @variant:two-chunks @variant:seed-1mb @variant:current-2mb
    Examples: one page more than a chunk
      | edition | count | chunks     |
      | 1 MB    | 257   | 1 and 2    |
      | 2 MB    | 513   | 1 and 2    |

    @variant:three-chunks @variant:seed-1mb @variant:current-2mb
    Examples: more than two chunks
      | edition | count | chunks     |
      | 1 MB    | 600   | 1, 2 and 3 |
      | 2 MB    | 1100  | 1, 2 and 3 |

  @GMM-ALLOC-9 @profile:gmm
  Scenario Outline: A request beyond the host memory limit is refused whole (<edition> chunks, <count> <account> pages)
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Page Allocation Strategy"
    Given a GMM with <edition> chunks and room for 1 chunk
    And VM A has allocated 1 page
    When VM A allocates <count> <account> pages
    Then the call is rejected with VERR_GMM_HIT_GLOBAL_LIMIT
    And nothing has changed

    @variant:one-page-short @variant:base-account @variant:seed-1mb @variant:current-2mb
    Examples: one page more than the host holds
      | edition | count | account |
      | 1 MB    | 256   | BASE    |
      | 2 MB    | 512   | BASE    |

    @variant:one-page-short @variant:shadow-account @variant:fixed-account @variant:current-2mb
    Examples: one page more than the host holds, in the other accounts
      | edition | count | account |
      | 2 MB    | 512   | SHADOW  |
      | 2 MB    | 512   | FIXED   |

    @variant:many-pages-short @variant:base-account @variant:shadow-account @variant:fixed-account @variant:seed-1mb @variant:current-2mb
    Examples: far more than the host holds
      | edition | count | account |
      | 1 MB    | 1000  | FIXED   |
      | 2 MB    | 2000  | SHADOW  |
      | 2 MB    | 5000  | BASE    |

  @GMM-ALLOC-10 @profile:gmm @variant:other-vm
  Scenario: Once the host memory limit is used up, even one more page is refused
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Page Allocation Strategy"
    Given a GMM with room for 1 chunk
    And VM A has filled 1 chunk
    When VM B allocates 1 page
    Then the call is rejected with VERR_GMM_HIT_GLOBAL_LIMIT
    And nothing has changed

  @GMM-ALLOC-10 @profile:gmm @variant:same-vm
  Scenario: Once the host memory limit is used up, the VM that used it up is refused one more page
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Page Allocation Strategy"
    Given a GMM with room for 1 chunk
    And VM A has filled 1 chunk
    When VM A allocates 1 page
    Then the call is rejected with VERR_GMM_HIT_GLOBAL_LIMIT
    And nothing has changed

  @GMM-ALLOC-11 @profile:gmm @variant:in-use
  Scenario: While the host memory limit has room for a new chunk, free pages in chunks of shared pages do not serve private allocations
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Page Allocation Strategy"
    Given a GMM with room for 3 chunks
    And VM A has filled 1 chunk
    And VM A has shared its page 1
    When VM A allocates 2 pages
    Then the new pages come from chunks 1 and 3

  @GMM-ALLOC-11 @profile:gmm @variant:emptied
  Scenario: While the host memory limit has room for a new chunk, a chunk of shared pages left completely free does not serve private allocations
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Page Allocation Strategy"
    Given a GMM with room for 3 chunks
    And VM A has filled 1 chunk
    And VM A has shared its page 1
    And VM A has released the shared page 1 time
    When VM A allocates 2 pages
    Then the new pages come from chunks 1 and 3

  @GMM-ALLOC-11 @profile:gmm @variant:in-use @reading:gmm.shared-chunk-private-pages=never
  Scenario: Free pages in chunks of shared pages do not serve private allocations, even when memory is short
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Page Allocation Strategy"
    Given a GMM with room for 2 chunks
    And VM A has filled 1 chunk
    And VM A has shared its page 1
    When VM A allocates 2 pages
    Then the call is rejected with VERR_GMM_HIT_GLOBAL_LIMIT
    And nothing has changed

  @GMM-ALLOC-11 @profile:gmm @variant:emptied @reading:gmm.shared-chunk-private-pages=never
  Scenario: A chunk of shared pages left completely free still does not serve private allocations, even when memory is short
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Page Allocation Strategy"
    Given a GMM with room for 2 chunks
    And VM A has filled 1 chunk
    And VM A has shared its page 1
    And VM A has released the shared page 1 time
    When VM A allocates 2 pages
    Then the call is rejected with VERR_GMM_HIT_GLOBAL_LIMIT
    And nothing has changed

  @GMM-ALLOC-11 @profile:gmm @variant:in-use @reading:gmm.shared-chunk-private-pages=when-stressed
  Scenario: When memory is really short, a private allocation takes a free page of a chunk of shared pages rather than fail
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Page Allocation Strategy"
    Given a GMM with room for 2 chunks
    And VM A has filled 1 chunk
    And VM A has shared its page 1
    When VM A allocates 2 pages
    Then the new pages come from chunks 1 and 2 in any order

  @GMM-ALLOC-11 @profile:gmm @variant:emptied @reading:gmm.shared-chunk-private-pages=when-stressed
  Scenario: When memory is really short, a private allocation takes a page of a chunk of shared pages left completely free
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Page Allocation Strategy"
    Given a GMM with room for 2 chunks
    And VM A has filled 1 chunk
    And VM A has shared its page 1
    And VM A has released the shared page 1 time
    When VM A allocates 2 pages
    Then the new pages come from chunks 1 and 2 in any order

  @GMM-ALLOC-12 @profile:gmm
  Scenario Outline: A request for <count> pages is refused as bad input
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Page Allocation Strategy"
    Given a GMM
    And VM A has allocated 1 page
    When VM A allocates <count> pages
    Then the call is rejected with VERR_INVALID_PARAMETER
    And nothing has changed

    @variant:no-pages
    Examples: no page at all
      | count   |
      | 0       |

    @variant:too-many-pages
    Examples: 2^20 pages, one more than a request may ask for
      | count   |
      | 1048576 |

  @GMM-ALLOC-13 @profile:gmm
  Scenario Outline: A request larger than the VM's free pages uses them up first, then goes on in a new chunk (<edition> chunks)
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Page Allocation Strategy"
    Given a GMM with <edition> chunks
    And VM A has allocated <before> pages
    When VM A allocates 5 pages
    Then the new pages come from chunks 1 and 2
    And VM A's page <last in chunk 1> is in chunk 1
    And VM A's page <first in chunk 2> is in chunk 2

    @variant:seed-1mb
    Examples: the seed's edition: 2 pages left in chunk 1
      | edition | before | last in chunk 1 | first in chunk 2 |
      | 1 MB    | 254    | 256             | 257              |

    @variant:current-2mb
    Examples: later VirtualBox: 2 pages left in chunk 1
      | edition | before | last in chunk 1 | first in chunk 2 |
      | 2 MB    | 510    | 512             | 513              |
