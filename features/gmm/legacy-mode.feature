Feature: GMM legacy mode: pages only from chunks the VM seeded itself
  On hosts where the GMM cannot allocate physical memory itself, it runs in legacy mode: ring 3 locks a
  chunk's worth of its own memory and hands it over (seeding a chunk). Such a chunk belongs to the VM that
  seeded it, and only that VM allocates from it. When a VM's own chunks run out, the allocation is refused
  with VERR_GMM_SEED_ME so that the VM seeds another chunk. There is no page sharing in legacy mode, and
  seeding outside legacy mode is not supported.

  @GMM-LEG-1 @profile:gmm
  Scenario: In legacy mode a VM without a seeded chunk is told to seed one
    Source: 002_3fe6e2f6006bd6e3.txt, "Legacy Mode for Non-Tier-1 Platforms"
    Given a legacy-mode GMM
    And VM A has reserved its pages
    When VM A allocates 1 page
    Then the call is rejected with VERR_GMM_SEED_ME
    And nothing has changed

  @GMM-LEG-2 @profile:gmm
  Scenario: In legacy mode a VM allocates from the chunk it seeded
    Source: 002_3fe6e2f6006bd6e3.txt, "Legacy Mode for Non-Tier-1 Platforms"
    Given a legacy-mode GMM
    And VM A has seeded a chunk
    When VM A allocates 1 page
    Then the new page comes from chunk 1

  @GMM-LEG-2 @profile:gmm
  Scenario Outline: In legacy mode a VM may allocate every page of the chunk it seeded (<edition> chunks)
    Source: 002_3fe6e2f6006bd6e3.txt, "Legacy Mode for Non-Tier-1 Platforms"
    Given a legacy-mode GMM with <edition> chunks
    And VM A has seeded a chunk
    When VM A allocates <pages> pages
    Then the new pages come from chunk 1

    Examples:
      | edition | pages |
      | 1 MB    | 256   |
      | 2 MB    | 512   |

  @GMM-LEG-3 @profile:gmm
  Scenario: In legacy mode a VM cannot allocate from another VM's seeded chunk
    Source: 002_3fe6e2f6006bd6e3.txt, "Legacy Mode for Non-Tier-1 Platforms"
    Given a legacy-mode GMM
    And VM A has seeded a chunk
    And VM B has reserved its pages
    When VM B allocates 1 page
    Then the call is rejected with VERR_GMM_SEED_ME
    And nothing has changed

  @GMM-LEG-4 @profile:gmm
  Scenario: In legacy mode a seeded chunk belongs to the VM that seeded it
    Source: 002_3fe6e2f6006bd6e3.txt, "Legacy Mode for Non-Tier-1 Platforms"
    Given a legacy-mode GMM
    And VM A has reserved its pages
    When VM A seeds a chunk
    Then chunk 1 has affinity to VM A

  @GMM-LEG-5 @profile:gmm
  Scenario: Legacy mode has no page sharing
    Source: 002_3fe6e2f6006bd6e3.txt, "Legacy Mode for Non-Tier-1 Platforms"
    Given a legacy-mode GMM
    And VM A has seeded a chunk
    And VM A has allocated 1 page
    When VM A shares its page 1
    Then the call is rejected with VERR_NOT_SUPPORTED
    And nothing has changed

  @GMM-LEG-5 @profile:gmm
  Scenario: In legacy mode a page cannot be used as a shared page
    Source: 002_3fe6e2f6006bd6e3.txt, "Legacy Mode for Non-Tier-1 Platforms"
    Given a legacy-mode GMM
    And VM A has seeded a chunk
    And VM A has allocated 1 page
    When VM A uses its page 1 as a shared page
    Then the call is rejected with VERR_NOT_SUPPORTED
    And nothing has changed

  @GMM-LEG-6 @profile:gmm
  Scenario: Seeding a chunk outside legacy mode is not supported
    Source: 002_3fe6e2f6006bd6e3.txt, "Legacy Mode for Non-Tier-1 Platforms"
    Given a GMM
    And VM A has reserved its pages
    When VM A seeds a chunk
    Then the call is rejected with VERR_NOT_SUPPORTED
    And nothing has changed

  @GMM-LEG-7 @profile:gmm
  Scenario: Seeding a chunk returns the new chunk's id
    Source: 002_3fe6e2f6006bd6e3.txt, "Legacy Mode for Non-Tier-1 Platforms"
    Given a legacy-mode GMM
    And VM A has reserved its pages
    When VM A seeds a chunk
    Then the seeded chunk is chunk 1

  @GMM-LEG-8 @profile:gmm
  Scenario: A seeded chunk counts against the host memory limit
    Source: 002_3fe6e2f6006bd6e3.txt, "Legacy Mode for Non-Tier-1 Platforms"
    Given a legacy-mode GMM with room for 1 chunk
    And VM A has seeded a chunk
    When VM A seeds a chunk
    Then the call is rejected with VERR_GMM_HIT_GLOBAL_LIMIT
    And nothing has changed

  @GMM-LEG-9 @profile:gmm
  Scenario: In legacy mode cleanup gives back only the chunks the VM seeded
    Source: 002_3fe6e2f6006bd6e3.txt, "Legacy Mode for Non-Tier-1 Platforms"
    Given a legacy-mode GMM
    And VM A has seeded a chunk
    And VM B has seeded a chunk
    When VM A is cleaned up
    Then the cleanup gave back chunk 1
