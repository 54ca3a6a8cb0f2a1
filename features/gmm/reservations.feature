Feature: GMM reservations, over-commitment policy and priority
  Before a VM allocates, it reserves pages in three accounts: BASE (RAM, ROM), SHADOW (the shadow page
  pool) and FIXED (MMIO2, the hypervisor heap), with an over-commitment policy and a priority. A new VM
  starts with every counter zero, policy TBD and priority NORMAL. The seed only sketches over-commitment
  (a per-VM policy, and "prevent overtaxing the host") and later VirtualBox stores the policy without acting
  on it. The kit decides (interpretation I-GMM-7): a VM never allocates beyond its reservation in an
  account; under policy NO_OC the reservations of all NO_OC VMs together must fit in host memory, or the
  reservation is declined; under TBD a VM may reserve more than the host has (over-commitment), and the host
  memory limit still caps what is really allocated. Priority is recorded and has no effect.

  @GMM-RES-1 @profile:gmm
  Scenario: A new VM has policy TBD and priority NORMAL
    Source: 002_3fe6e2f6006bd6e3.txt, "GMMR0InitPerVMData"
    Given a GMM
    And VM A is registered
    When VM A asks for its per-VM data
    Then the per-VM data has policy TBD and priority NORMAL

  @GMM-RES-2 @profile:gmm
  Scenario: A new VM has every counter zero
    Source: 002_3fe6e2f6006bd6e3.txt, "GMMR0InitPerVMData"
    Given a GMM
    And VM A is registered
    When VM A asks for its per-VM data
    Then the per-VM data has every counter zero

  @GMM-RES-3 @profile:gmm
  Scenario: Allocating before the initial reservation is refused
    Source: 002_3fe6e2f6006bd6e3.txt, "Memory Over-Commitment Management"
    Given a GMM
    And VM A is registered
    When VM A allocates 1 page
    Then the call is rejected with VERR_WRONG_ORDER
    And nothing has changed

  @GMM-RES-4 @profile:gmm
  Scenario: The reservation, policy and priority are recorded
    Source: 002_3fe6e2f6006bd6e3.txt, "Memory Over-Commitment Management"
    Given a GMM
    And VM A is registered
    When VM A reserves 100 base, 10 shadow and 5 fixed pages with policy NO_OC and priority HIGH
    Then VM A has reserved 100 base, 10 shadow and 5 fixed pages
    And VM A has policy NO_OC and priority HIGH

  @GMM-RES-5 @profile:gmm
  Scenario Outline: A reservation of <base>, <shadow> and <fixed> pages with <policy> and <priority> is refused
    Source: 002_3fe6e2f6006bd6e3.txt, "Memory Over-Commitment Management"
    Given a GMM
    And VM A is registered
    When VM A reserves <base> base, <shadow> shadow and <fixed> fixed pages with policy <policy> and priority <priority>
    Then the call is rejected with VERR_INVALID_PARAMETER
    And nothing has changed

    Examples:
      | base | shadow | fixed | policy  | priority |
      | 0    | 1      | 1     | TBD     | NORMAL   |
      | 1    | 0      | 1     | TBD     | NORMAL   |
      | 1    | 1      | 0     | TBD     | NORMAL   |
      | 1    | 1      | -5    | TBD     | NORMAL   |
      | 1    | 1      | 1     | INVALID | NORMAL   |
      | 1    | 1      | 1     | TBD     | INVALID  |

  @GMM-RES-6 @profile:gmm
  Scenario: A second initial reservation is refused
    Source: 002_3fe6e2f6006bd6e3.txt, "Memory Over-Commitment Management"
    Given a GMM
    And VM A has reserved 10 pages in each account
    When VM A reserves 20 base, 20 shadow and 20 fixed pages with policy TBD and priority NORMAL
    Then the call is rejected with VERR_WRONG_ORDER
    And nothing has changed

  @GMM-RES-7 @profile:gmm
  Scenario: Updating a reservation before the initial one is refused
    Source: 002_3fe6e2f6006bd6e3.txt, "Memory Over-Commitment Management"
    Given a GMM
    And VM A is registered
    When VM A updates its reservation to 20 pages in each account
    Then the call is rejected with VERR_WRONG_ORDER
    And nothing has changed

  @GMM-RES-8 @profile:gmm
  Scenario: An update replaces the reservation
    Source: 002_3fe6e2f6006bd6e3.txt, "Memory Over-Commitment Management"
    Given a GMM
    And VM A has reserved 10 pages in each account
    When VM A updates its reservation to 20 pages in each account
    Then VM A has reserved 20 base, 20 shadow and 20 fixed pages

  @GMM-RES-9 @profile:gmm
  Scenario Outline: A VM cannot allocate beyond its <account> reservation
    Source: 002_3fe6e2f6006bd6e3.txt, "Memory Over-Commitment Management"
    Given a GMM
    And VM A has reserved 4 pages in each account
    When VM A allocates 5 <account> pages
    Then the call is rejected with VERR_GMM_HIT_VM_ACCOUNT_LIMIT
    And nothing has changed

    Examples:
      | account |
      | BASE    |
      | SHADOW  |
      | FIXED   |

  @GMM-RES-10 @profile:gmm
  Scenario Outline: A VM may allocate its whole <account> reservation
    Source: 002_3fe6e2f6006bd6e3.txt, "Memory Over-Commitment Management"
    Given a GMM
    And VM A has reserved 4 pages in each account
    When VM A allocates 4 <account> pages
    Then the call succeeds

    Examples:
      | account |
      | BASE    |
      | SHADOW  |
      | FIXED   |

  @GMM-RES-11 @profile:gmm
  Scenario: Under policy TBD a VM may reserve more than the host has
    Source: 002_3fe6e2f6006bd6e3.txt, "Memory Over-Commitment Management"
    Given a GMM with room for 1 chunk
    And VM A is registered
    When VM A reserves 100000 base, 1 shadow and 1 fixed pages with policy TBD and priority LOW
    Then the call succeeds

  @GMM-RES-12 @profile:gmm
  Scenario: Under policy NO_OC the reservations together must fit in host memory
    Source: 002_3fe6e2f6006bd6e3.txt, "Memory Over-Commitment Management"
    Given a GMM with 2 MB chunks and room for 1 chunk
    And VM A has reserved 300 base, 1 shadow and 1 fixed pages with policy NO_OC
    And VM B is registered
    When VM B reserves 100 base, 50 shadow and 70 fixed pages with policy NO_OC and priority NORMAL
    Then the call is rejected with VERR_GMM_MEMORY_RESERVATION_DECLINED
    And nothing has changed

  @GMM-RES-13 @profile:gmm
  Scenario: Under policy NO_OC an update beyond host memory is declined
    Source: 002_3fe6e2f6006bd6e3.txt, "Memory Over-Commitment Management"
    Given a GMM with 2 MB chunks and room for 1 chunk
    And VM A has reserved 100 base, 1 shadow and 1 fixed pages with policy NO_OC
    When VM A updates its reservation to 200 pages in each account
    Then the call is rejected with VERR_GMM_MEMORY_RESERVATION_DECLINED
    And nothing has changed

  @GMM-RES-14 @profile:gmm
  Scenario: The GMM counts the pages all VMs reserved and the VMs that reserved
    Source: 002_3fe6e2f6006bd6e3.txt, "Memory Over-Commitment Management"
    Given a GMM
    And VM A has reserved 10 pages in each account
    And VM B has reserved 5 pages in each account
    And VM C is registered
    When VM C asks for its per-VM data
    Then the statistics show 45 reserved pages and 2 registered VMs

  @GMM-RES-15 @profile:gmm
  Scenario: An update raises what the VM may allocate
    Source: 002_3fe6e2f6006bd6e3.txt, "Memory Over-Commitment Management"
    Given a GMM
    And VM A has reserved 4 pages in each account
    And VM A has allocated 4 pages
    And VM A updates its reservation to 8 pages in each account
    When VM A allocates 4 pages
    Then the call succeeds

  @GMM-RES-17 @profile:gmm
  Scenario Outline: An update to <pages> pages in each account is refused
    Source: 002_3fe6e2f6006bd6e3.txt, "Memory Over-Commitment Management"
    Given a GMM
    And VM A has reserved 10 pages in each account
    When VM A updates its reservation to <pages> pages in each account
    Then the call is rejected with VERR_INVALID_PARAMETER
    And nothing has changed

    Examples:
      | pages |
      | 0     |
      | -1    |

  @GMM-RES-18 @profile:gmm
  Scenario: Under policy NO_OC reservations that fill host memory exactly are accepted
    Source: 002_3fe6e2f6006bd6e3.txt, "Memory Over-Commitment Management"
    Given a GMM with 2 MB chunks and room for 1 chunk
    And VM A has reserved 300 base, 1 shadow and 1 fixed pages with policy NO_OC
    And VM B is registered
    When VM B reserves 100 base, 50 shadow and 60 fixed pages with policy NO_OC and priority NORMAL
    Then the call succeeds
