Feature: GMM legacy mode: pages only from chunks the VM seeded itself
  On hosts where the GMM cannot allocate physical memory itself, it runs in legacy mode: ring 3 locks a
  chunk's worth of its own memory and hands it over (seeding a chunk). Such a chunk belongs to the VM that
  seeded it, and only that VM allocates from it. When a VM's own chunks run out, the allocation is refused
  with VERR_GMM_SEED_ME so that the VM seeds another chunk. There is no page sharing in legacy mode, and
  seeding outside legacy mode is not supported.

  The GMM finds out for itself whether it must run in legacy mode: when it initialises it tries to allocate
  a little physically non-contiguous memory from the host. A host that answers "not supported" gets a GMM
  in legacy mode, asked for or not; a host that merely fails the attempt (short of memory at that moment)
  does not (interpretation I-GMM-14).

  @GMM-LEG-1 @profile:gmm @variant:no-seeded-chunk
  Scenario: In legacy mode a VM without a seeded chunk is told to seed one
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Legacy Mode for Non-Tier-1 Platforms"
    Given a legacy-mode GMM
    And VM A has reserved its pages
    When VM A allocates 1 page
    Then the call is rejected with VERR_GMM_SEED_ME
    And nothing has changed

  @GMM-LEG-1 @profile:gmm @variant:seeded-chunk-full
  Scenario: In legacy mode a VM whose seeded chunk is full is told to seed another
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Legacy Mode for Non-Tier-1 Platforms"
    Given a legacy-mode GMM
    And VM A has seeded a chunk
    And VM A has filled 1 chunk
    When VM A allocates 1 page
    Then the call is rejected with VERR_GMM_SEED_ME
    And nothing has changed

  @GMM-LEG-1 @profile:gmm @variant:request-exceeds-free
  Scenario: In legacy mode a request larger than the free pages of the VM's seeded chunk is refused whole
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Legacy Mode for Non-Tier-1 Platforms"
    Given a legacy-mode GMM with 2 MB chunks
    And VM A has seeded a chunk
    And VM A has allocated 500 pages
    When VM A allocates 20 pages
    Then the call is rejected with VERR_GMM_SEED_ME
    And nothing has changed

  @GMM-LEG-2 @profile:gmm @variant:one-seeded-chunk
  Scenario: In legacy mode a VM allocates from the chunk it seeded
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Legacy Mode for Non-Tier-1 Platforms"
    Given a legacy-mode GMM
    And VM A has seeded a chunk
    When VM A allocates 1 page
    Then the new page comes from chunk 1

  @GMM-LEG-2 @profile:gmm
  Scenario Outline: In legacy mode a VM may allocate every page of the chunk it seeded (<edition> chunks)
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Legacy Mode for Non-Tier-1 Platforms"
    Given a legacy-mode GMM with <edition> chunks
    And VM A has seeded a chunk
    When VM A allocates <pages> pages
    Then the new pages come from chunk 1

    @variant:one-seeded-chunk @variant:seed-1mb
    Examples: the seed's edition
      | edition | pages |
      | 1 MB    | 256   |

    @variant:one-seeded-chunk @variant:current-2mb
    Examples: later VirtualBox
      | edition | pages |
      | 2 MB    | 512   |

  @GMM-LEG-2 @profile:gmm
  Scenario Outline: In legacy mode one request may take pages from every chunk the VM seeded (<edition> chunks)
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Legacy Mode for Non-Tier-1 Platforms"
    Given a legacy-mode GMM with <edition> chunks
    And VM A has seeded a chunk
    And VM A has seeded a chunk
    When VM A allocates <pages> pages
    Then the new pages come from chunks 1 and 2 in any order

    @variant:several-seeded-chunks @variant:seed-1mb
    Examples: the seed's edition
      | edition | pages |
      | 1 MB    | 300   |

    @variant:several-seeded-chunks @variant:current-2mb
    Examples: later VirtualBox
      | edition | pages |
      | 2 MB    | 600   |

  @GMM-LEG-3 @profile:gmm @variant:no-own-chunk
  Scenario: In legacy mode a VM cannot allocate from another VM's seeded chunk
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Legacy Mode for Non-Tier-1 Platforms"
    Given a legacy-mode GMM
    And VM A has seeded a chunk
    And VM B has reserved its pages
    When VM B allocates 1 page
    Then the call is rejected with VERR_GMM_SEED_ME
    And nothing has changed

  @GMM-LEG-3 @profile:gmm @variant:own-chunk-full
  Scenario: In legacy mode a VM whose seeded chunk is full cannot fall back on another VM's seeded chunk
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Legacy Mode for Non-Tier-1 Platforms"
    Given a legacy-mode GMM
    And VM A has seeded a chunk
    And VM B has seeded a chunk
    And VM B has filled 1 chunk
    When VM B allocates 1 page
    Then the call is rejected with VERR_GMM_SEED_ME
    And nothing has changed

  @GMM-LEG-4 @profile:gmm @variant:first-seeder
  Scenario: In legacy mode a seeded chunk belongs to the VM that seeded it
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Legacy Mode for Non-Tier-1 Platforms"
    Given a legacy-mode GMM
    And VM A has reserved its pages
    When VM A seeds a chunk
    Then chunk 1 has affinity to VM A

  @GMM-LEG-4 @profile:gmm @variant:later-seeder
  Scenario: In legacy mode a chunk seeded by a second VM belongs to that VM
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Legacy Mode for Non-Tier-1 Platforms"
    Given a legacy-mode GMM
    And VM A has seeded a chunk
    And VM B has reserved its pages
    When VM B seeds a chunk
    Then chunk 2 has affinity to VM B

  @GMM-LEG-5 @profile:gmm @variant:share
  Scenario: Legacy mode has no page sharing
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Legacy Mode for Non-Tier-1 Platforms"
    Given a legacy-mode GMM
    And VM A has seeded a chunk
    And VM A has allocated 1 page
    When VM A shares its page 1
    Then the call is rejected with VERR_NOT_SUPPORTED
    And nothing has changed

  @GMM-LEG-5 @profile:gmm @variant:use-shared
  Scenario: In legacy mode a page cannot be used as a shared page
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Legacy Mode for Non-Tier-1 Platforms"
    Given a legacy-mode GMM
    And VM A has seeded a chunk
    And VM A has allocated 1 page
    When VM A uses its page 1 as a shared page
    Then the call is rejected with VERR_NOT_SUPPORTED
    And nothing has changed

  @GMM-LEG-6 @profile:gmm
  Scenario: Seeding a chunk outside legacy mode is not supported
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Legacy Mode for Non-Tier-1 Platforms"
    Given a GMM
    And VM A has reserved its pages
    When VM A seeds a chunk
    Then the call is rejected with VERR_NOT_SUPPORTED
    And nothing has changed

  @GMM-LEG-7 @profile:gmm @variant:first-seed
  Scenario: Seeding a chunk returns the new chunk's id
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Legacy Mode for Non-Tier-1 Platforms"
    Given a legacy-mode GMM
    And VM A has reserved its pages
    When VM A seeds a chunk
    Then the seeded chunk is chunk 1

  @GMM-LEG-7 @profile:gmm @variant:later-seed
  Scenario: Seeding a second chunk returns that chunk's id
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Legacy Mode for Non-Tier-1 Platforms"
    Given a legacy-mode GMM
    And VM A has seeded a chunk
    When VM A seeds a chunk
    Then the seeded chunk is chunk 2

  @GMM-LEG-8 @profile:gmm @variant:same-vm
  Scenario: A seeded chunk counts against the host memory limit
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Legacy Mode for Non-Tier-1 Platforms"
    Given a legacy-mode GMM with room for 1 chunk
    And VM A has seeded a chunk
    When VM A seeds a chunk
    Then the call is rejected with VERR_GMM_HIT_GLOBAL_LIMIT
    And nothing has changed

  @GMM-LEG-8 @profile:gmm @variant:other-vm
  Scenario: A chunk another VM seeded counts against the host memory limit too
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Legacy Mode for Non-Tier-1 Platforms"
    Given a legacy-mode GMM with room for 1 chunk
    And VM A has seeded a chunk
    And VM B has reserved its pages
    When VM B seeds a chunk
    Then the call is rejected with VERR_GMM_HIT_GLOBAL_LIMIT
    And nothing has changed

  @GMM-LEG-9 @profile:gmm @variant:one-seeded-chunk
  Scenario: In legacy mode cleanup gives back only the chunks the VM seeded
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Legacy Mode for Non-Tier-1 Platforms"
    Given a legacy-mode GMM
    And VM A has seeded a chunk
    And VM B has seeded a chunk
    When VM A is cleaned up
    Then the cleanup gave back chunk 1

  @GMM-LEG-9 @profile:gmm @variant:several-seeded-chunks
  Scenario: In legacy mode cleanup gives back every chunk the VM seeded, and only those
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Legacy Mode for Non-Tier-1 Platforms"
    Given a legacy-mode GMM
    And VM A has seeded a chunk
    And VM B has seeded a chunk
    And VM A has seeded a chunk
    When VM A is cleaned up
    Then the cleanup gave back chunks 1 and 3

  @GMM-LEG-10 @profile:gmm @variant:seeding-accepted @variant:not-asked
  Scenario: On a host without physically non-contiguous allocations the GMM accepts seeded chunks, unasked
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0Init"
    Given a GMM on a host without physically non-contiguous allocations
    And VM A has reserved its pages
    When VM A seeds a chunk
    Then the seeded chunk is chunk 1

  @GMM-LEG-10 @profile:gmm @variant:told-to-seed @variant:not-asked
  Scenario: On a host without physically non-contiguous allocations a VM without a seeded chunk is told to seed one
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0Init"
    Given a GMM on a host without physically non-contiguous allocations
    And VM A has reserved its pages
    When VM A allocates 1 page
    Then the call is rejected with VERR_GMM_SEED_ME
    And nothing has changed

  @GMM-LEG-10 @profile:gmm @variant:sharing-refused @variant:not-asked
  Scenario: On a host without physically non-contiguous allocations the GMM has no page sharing
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0Init"
    Given a GMM with 1 MB chunks on a host without physically non-contiguous allocations
    And VM A has seeded a chunk
    And VM A has allocated 1 page
    When VM A shares its page 1
    Then the call is rejected with VERR_NOT_SUPPORTED
    And nothing has changed

  @GMM-LEG-10 @profile:gmm @variant:seeding-accepted @variant:asked
  Scenario: Legacy mode asked for on a host without physically non-contiguous allocations is legacy mode
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0Init"
    Given a legacy-mode GMM on a host without physically non-contiguous allocations
    And VM A has reserved its pages
    When VM A seeds a chunk
    Then the seeded chunk is chunk 1

  @GMM-LEG-11 @profile:gmm @variant:seeding-refused
  Scenario: A GMM whose probe for physically non-contiguous memory merely failed is not in legacy mode: seeding is refused
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0Init"
    Given a GMM on a host whose probe for physically non-contiguous memory fails for want of memory
    And VM A has reserved its pages
    When VM A seeds a chunk
    Then the call is rejected with VERR_NOT_SUPPORTED
    And nothing has changed

  @GMM-LEG-11 @profile:gmm @variant:chunk-from-host
  Scenario: A GMM whose probe for physically non-contiguous memory merely failed takes chunks from the host itself
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0Init"
    Given a GMM on a host whose probe for physically non-contiguous memory fails for want of memory
    When VM A allocates 1 page
    Then the new page comes from chunk 1

  @GMM-LEG-11 @profile:gmm @variant:sharing-accepted
  Scenario: A GMM whose probe for physically non-contiguous memory merely failed shares pages
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0Init"
    Given a GMM on a host whose probe for physically non-contiguous memory fails for want of memory
    And VM A has allocated 1 page
    When VM A shares its page 1
    Then the shared page has 1 reference
