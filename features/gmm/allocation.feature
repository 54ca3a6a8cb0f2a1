Feature: GMM allocation order and the host memory limit
  The seed asks for an allocation strategy that keeps chunks full, so that few chunks hold few pages
  each. The kit fixes one order (interpretation I-GMM-5), after later VirtualBox: a VM's next private page
  comes first from its own chunks (the chunks it took from the host or adopted), fewest free pages first;
  then from a completely free chunk, which the VM adopts; then from any other chunk of private pages,
  fewest free pages first; and only then from a new chunk taken from the host, as long as the host memory
  limit has room for it. A request the limit cannot cover is refused whole with VERR_GMM_HIT_GLOBAL_LIMIT
  and changes nothing. Chunks of shared pages never serve private allocations.

  @GMM-ALLOC-1 @profile:gmm
  Scenario: The first page comes from a new chunk, associated with the allocating VM
    Source: 002_3fe6e2f6006bd6e3.txt, "Page Allocation Strategy"
    Given a GMM
    When VM A allocates 1 page
    Then the new page comes from chunk 1
    And chunk 1 has affinity to VM A

  @GMM-ALLOC-2 @profile:gmm
  Scenario: Among its own chunks a VM takes the one with the fewest free pages
    Source: 002_3fe6e2f6006bd6e3.txt, "Page Allocation Strategy"
    Given a GMM with 2 MB chunks
    And VM A has allocated 517 pages
    And VM A has freed its pages 1 to 10
    When VM A allocates 1 page
    Then the new page comes from chunk 1

  @GMM-ALLOC-3 @profile:gmm
  Scenario: A VM takes its own chunk before another VM's fuller one
    Source: 002_3fe6e2f6006bd6e3.txt, "Page Allocation Strategy"
    Given a GMM with 2 MB chunks
    And VM A has filled 1 chunk
    And VM B has filled 1 chunk
    And VM A has freed its pages 1 to 100
    And VM B has freed its pages 1 to 3
    When VM A allocates 1 page
    Then the new page comes from chunk 1

  @GMM-ALLOC-4 @profile:gmm
  Scenario: Without chunks of its own a VM takes a completely free chunk before a partly used one
    Source: 002_3fe6e2f6006bd6e3.txt, "Page Allocation Strategy"
    Given a GMM with 2 MB chunks
    And VM A has filled 1 chunk
    And VM B has filled 1 chunk
    And VM A has freed its pages 1 to 3
    And VM B has freed its pages 1 to 512
    When VM C allocates 1 page
    Then the new page comes from chunk 2

  @GMM-ALLOC-5 @profile:gmm
  Scenario: A VM adopts the completely free chunk it allocates from
    Source: 002_3fe6e2f6006bd6e3.txt, "Page Allocation Strategy"
    Given a GMM with 2 MB chunks
    And VM A has filled 1 chunk
    And VM B has filled 1 chunk
    And VM B has freed its pages 1 to 512
    When VM C allocates 1 page
    Then chunk 2 has affinity to VM C

  @GMM-ALLOC-6 @profile:gmm
  Scenario: Among other VMs' chunks a VM takes the one with the fewest free pages
    Source: 002_3fe6e2f6006bd6e3.txt, "Page Allocation Strategy"
    Given a GMM with 2 MB chunks
    And VM A has filled 2 chunks
    And VM A has freed its pages 1 to 3
    And VM A has freed its pages 513 to 552
    When VM B allocates 1 page
    Then the new page comes from chunk 1

  @GMM-ALLOC-7 @profile:gmm
  Scenario: When every chunk is full a new chunk is taken for the allocating VM
    Source: 002_3fe6e2f6006bd6e3.txt, "Page Allocation Strategy"
    Given a GMM
    And VM A has filled 1 chunk
    When VM B allocates 1 page
    Then the new page comes from chunk 2
    And chunk 2 has affinity to VM B

  @GMM-ALLOC-8 @profile:gmm
  Scenario Outline: A request larger than a chunk spans new chunks (<edition> chunks)
    Source: 002_3fe6e2f6006bd6e3.txt, "Page Allocation Strategy"
    Given a GMM with <edition> chunks
    When VM A allocates <count> pages
    Then the new pages come from chunks 1 and 2

    Examples:
      | edition | count |
      | 1 MB    | 257   |
      | 2 MB    | 513   |

  @GMM-ALLOC-9 @profile:gmm
  Scenario Outline: A request beyond the host memory limit is refused whole (<edition> chunks)
    Source: 002_3fe6e2f6006bd6e3.txt, "Page Allocation Strategy"
    Given a GMM with <edition> chunks and room for 1 chunk
    And VM A has allocated 1 page
    When VM A allocates <count> pages
    Then the call is rejected with VERR_GMM_HIT_GLOBAL_LIMIT
    And nothing has changed

    Examples:
      | edition | count |
      | 1 MB    | 256   |
      | 2 MB    | 512   |

  @GMM-ALLOC-10 @profile:gmm
  Scenario: Once the host memory limit is used up, even one more page is refused
    Source: 002_3fe6e2f6006bd6e3.txt, "Page Allocation Strategy"
    Given a GMM with room for 1 chunk
    And VM A has filled 1 chunk
    When VM B allocates 1 page
    Then the call is rejected with VERR_GMM_HIT_GLOBAL_LIMIT
    And nothing has changed

  @GMM-ALLOC-11 @profile:gmm
  Scenario: Free pages in chunks of shared pages do not serve private allocations
    Source: 002_3fe6e2f6006bd6e3.txt, "Page Allocation Strategy"
    Given a GMM with room for 2 chunks
    And VM A has filled 1 chunk
    And VM A has shared its page 1
    When VM A allocates 2 pages
    Then the call is rejected with VERR_GMM_HIT_GLOBAL_LIMIT
    And nothing has changed

  @GMM-ALLOC-12 @profile:gmm
  Scenario Outline: A request for <count> pages is refused as bad input
    Source: 002_3fe6e2f6006bd6e3.txt, "Page Allocation Strategy"
    Given a GMM
    And VM A has allocated 1 page
    When VM A allocates <count> pages
    Then the call is rejected with VERR_INVALID_PARAMETER
    And nothing has changed

    Examples:
      | count   |
      | 0       |
      | 1048576 |
