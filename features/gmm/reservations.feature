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
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0InitPerVMData"
    Given a GMM
    And VM A is registered
    When VM A asks for its per-VM data
    Then the per-VM data has policy TBD and priority NORMAL

  @GMM-RES-2 @profile:gmm
  Scenario: A new VM has every counter zero
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0InitPerVMData"
    Given a GMM
    And VM A is registered
    When VM A asks for its per-VM data
    Then the per-VM data has every counter zero

  @GMM-RES-3 @profile:gmm
  Scenario Outline: Allocating <account> pages before the initial reservation is refused
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Memory Over-Commitment Management"
    Given a GMM
    And VM A is registered
    When VM A allocates 1 <account> page
    Then the call is rejected with VERR_WRONG_ORDER
    And nothing has changed

    @variant:base-account
    Examples: BASE
      | account |
      | BASE    |

    @variant:shadow-account
    Examples: SHADOW
      | account |
      | SHADOW  |

    @variant:fixed-account
    Examples: FIXED
      | account |
      | FIXED   |

  @GMM-RES-4 @profile:gmm
  Scenario Outline: The reservation, policy <policy> and priority <priority> are recorded
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Memory Over-Commitment Management"
    Given a GMM
    And VM A is registered
    When VM A reserves 100 base, 10 shadow and 5 fixed pages with policy <policy> and priority <priority>
    Then VM A has reserved 100 base, 10 shadow and 5 fixed pages
    And VM A has policy <policy> and priority <priority>

    @variant:no-oc @variant:high
    Examples: no over-commitment, high priority
      | policy | priority |
      | NO_OC  | HIGH     |

    @variant:tbd @variant:normal
    Examples: policy to be decided, normal priority
      | policy | priority |
      | TBD    | NORMAL   |

    @variant:tbd @variant:low
    Examples: policy to be decided, low priority
      | policy | priority |
      | TBD    | LOW      |

  @GMM-RES-5 @profile:gmm
  Scenario Outline: A reservation of <base>, <shadow> and <fixed> pages with <policy> and <priority> is refused
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Memory Over-Commitment Management"
    Given a GMM
    And VM A is registered
    When VM A reserves <base> base, <shadow> shadow and <fixed> fixed pages with policy <policy> and priority <priority>
    Then the call is rejected with VERR_INVALID_PARAMETER
    And nothing has changed

    @variant:zero-base
    Examples: no BASE pages
      | base | shadow | fixed | policy  | priority |
      | 0    | 1      | 1     | TBD     | NORMAL   |

    @variant:zero-shadow
    Examples: no SHADOW pages
      | base | shadow | fixed | policy  | priority |
      | 1    | 0      | 1     | TBD     | NORMAL   |

    @variant:zero-fixed
    Examples: no FIXED pages
      | base | shadow | fixed | policy  | priority |
      | 1    | 1      | 0     | TBD     | NORMAL   |

    @variant:negative-count
    Examples: a negative count
      | base | shadow | fixed | policy  | priority |
      | 1    | 1      | -5    | TBD     | NORMAL   |
      | -1   | 1      | 1     | NO_OC   | NORMAL   |

    @variant:invalid-policy
    Examples: the INVALID policy
      | base | shadow | fixed | policy  | priority |
      | 1    | 1      | 1     | INVALID | NORMAL   |

    @variant:invalid-priority
    Examples: the INVALID priority
      | base | shadow | fixed | policy  | priority |
      | 1    | 1      | 1     | TBD     | INVALID  |

  @GMM-RES-6 @profile:gmm
  Scenario: A second initial reservation is refused
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Memory Over-Commitment Management"
    Given a GMM
    And VM A has reserved 10 pages in each account
    When VM A reserves 20 base, 20 shadow and 20 fixed pages with policy TBD and priority NORMAL
    Then the call is rejected with VERR_WRONG_ORDER
    And nothing has changed

  @GMM-RES-7 @profile:gmm
  Scenario: Updating a reservation before the initial one is refused
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Memory Over-Commitment Management"
    Given a GMM
    And VM A is registered
    When VM A updates its reservation to 20 pages in each account
    Then the call is rejected with VERR_WRONG_ORDER
    And nothing has changed

  @GMM-RES-8 @profile:gmm
  Scenario Outline: An update replaces the reservation: <pages> pages in each account
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Memory Over-Commitment Management"
    Given a GMM
    And VM A has reserved 10 pages in each account
    When VM A updates its reservation to <pages> pages in each account
    Then VM A has reserved <pages> base, <pages> shadow and <pages> fixed pages

    @variant:raised
    Examples: a larger reservation
      | pages |
      | 20    |

    @variant:lowered
    Examples: a smaller reservation
      | pages |
      | 5     |

  @GMM-RES-9 @profile:gmm
  Scenario Outline: A VM cannot allocate beyond its <account> reservation
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Memory Over-Commitment Management"
    Given a GMM
    And VM A has reserved 4 pages in each account
    When VM A allocates 5 <account> pages
    Then the call is rejected with VERR_GMM_HIT_VM_ACCOUNT_LIMIT
    And nothing has changed

    @variant:nothing-allocated @variant:base-account
    Examples: BASE
      | account |
      | BASE    |

    @variant:nothing-allocated @variant:shadow-account
    Examples: SHADOW
      | account |
      | SHADOW  |

    @variant:nothing-allocated @variant:fixed-account
    Examples: FIXED
      | account |
      | FIXED   |

  @GMM-RES-9 @profile:gmm
  Scenario Outline: A VM cannot allocate beyond its <account> reservation in several requests
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Memory Over-Commitment Management"
    Given a GMM
    And VM A has reserved 4 pages in each account
    And VM A has allocated 3 <account> pages
    When VM A allocates 2 <account> pages
    Then the call is rejected with VERR_GMM_HIT_VM_ACCOUNT_LIMIT
    And nothing has changed

    @variant:partly-allocated @variant:base-account
    Examples: BASE
      | account |
      | BASE    |

    @variant:partly-allocated @variant:shadow-account
    Examples: SHADOW
      | account |
      | SHADOW  |

    @variant:partly-allocated @variant:fixed-account
    Examples: FIXED
      | account |
      | FIXED   |

  @GMM-RES-10 @profile:gmm
  Scenario Outline: A VM may allocate its whole <account> reservation
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Memory Over-Commitment Management"
    Given a GMM
    And VM A has reserved 4 pages in each account
    When VM A allocates 4 <account> pages
    Then the call succeeds

    @variant:one-request @variant:base-account
    Examples: BASE
      | account |
      | BASE    |

    @variant:one-request @variant:shadow-account
    Examples: SHADOW
      | account |
      | SHADOW  |

    @variant:one-request @variant:fixed-account
    Examples: FIXED
      | account |
      | FIXED   |

  @GMM-RES-10 @profile:gmm
  Scenario Outline: A VM may allocate its whole <account> reservation in several requests
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Memory Over-Commitment Management"
    Given a GMM
    And VM A has reserved 4 pages in each account
    And VM A has allocated 2 <account> pages
    When VM A allocates 2 <account> pages
    Then the call succeeds

    @variant:several-requests @variant:base-account
    Examples: BASE
      | account |
      | BASE    |

    @variant:several-requests @variant:shadow-account
    Examples: SHADOW
      | account |
      | SHADOW  |

    @variant:several-requests @variant:fixed-account
    Examples: FIXED
      | account |
      | FIXED   |

  @GMM-RES-11 @profile:gmm @variant:one-vm
  Scenario: Under policy TBD a VM may reserve more than the host has
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Memory Over-Commitment Management"
    Given a GMM with room for 1 chunk
    And VM A is registered
    When VM A reserves 100000 base, 1 shadow and 1 fixed pages with policy TBD and priority LOW
    Then the call succeeds

  @GMM-RES-11 @profile:gmm @variant:several-vms
  Scenario: Under policy TBD several VMs may each reserve more than the host has
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Memory Over-Commitment Management"
    Given a GMM with room for 1 chunk
    And VM A has reserved 100000 base, 1 shadow and 1 fixed pages with policy TBD
    And VM B is registered
    When VM B reserves 100000 base, 1 shadow and 1 fixed pages with policy TBD and priority LOW
    Then the call succeeds

  @GMM-RES-12 @profile:gmm @variant:with-no-oc-vm
  Scenario: Under policy NO_OC the reservations together must fit in host memory
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Memory Over-Commitment Management"
    Given a GMM with room for 512 pages
    And VM A has reserved 300 base, 1 shadow and 1 fixed pages with policy NO_OC
    And VM B is registered
    When VM B reserves 100 base, 50 shadow and 70 fixed pages with policy NO_OC and priority NORMAL
    Then the call is rejected with VERR_GMM_MEMORY_RESERVATION_DECLINED
    And nothing has changed

  @GMM-RES-12 @profile:gmm @variant:alone
  Scenario: Under policy NO_OC a VM alone cannot reserve more than the host has
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Memory Over-Commitment Management"
    Given a GMM with room for 512 pages
    And VM A is registered
    When VM A reserves 500 base, 10 shadow and 10 fixed pages with policy NO_OC and priority NORMAL
    Then the call is rejected with VERR_GMM_MEMORY_RESERVATION_DECLINED
    And nothing has changed

  @GMM-RES-12 @profile:gmm @variant:with-tbd-vm
  Scenario: Under policy NO_OC a TBD VM's over-committing reservation does not count
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Memory Over-Commitment Management"
    Given a GMM with room for 512 pages
    And VM A has reserved 100000 base, 1 shadow and 1 fixed pages with policy TBD
    And VM B is registered
    When VM B reserves 300 base, 1 shadow and 1 fixed pages with policy NO_OC and priority NORMAL
    Then the call succeeds

  @GMM-RES-12 @profile:gmm @variant:with-cleaned-up-vm
  Scenario: Under policy NO_OC the reservation of a cleaned-up NO_OC VM no longer counts
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Memory Over-Commitment Management"
    Given a GMM with room for 512 pages
    And VM A has reserved 300 base, 1 shadow and 1 fixed pages with policy NO_OC
    And VM C is registered
    And VM A has been cleaned up
    And VM B is registered
    When VM B reserves 300 base, 1 shadow and 1 fixed pages with policy NO_OC and priority NORMAL
    Then the call succeeds

  @GMM-RES-13 @profile:gmm @variant:alone
  Scenario: Under policy NO_OC an update beyond host memory is declined
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Memory Over-Commitment Management"
    Given a GMM with room for 512 pages
    And VM A has reserved 100 base, 1 shadow and 1 fixed pages with policy NO_OC
    When VM A updates its reservation to 200 pages in each account
    Then the call is rejected with VERR_GMM_MEMORY_RESERVATION_DECLINED
    And nothing has changed

  @GMM-RES-13 @profile:gmm @variant:with-no-oc-vm
  Scenario: Under policy NO_OC an update that fits alone but not with the other NO_OC VMs is declined
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Memory Over-Commitment Management"
    Given a GMM with room for 512 pages
    And VM A has reserved 300 base, 1 shadow and 1 fixed pages with policy NO_OC
    And VM B has reserved 100 base, 1 shadow and 1 fixed pages with policy NO_OC
    When VM B updates its reservation to 80 pages in each account
    Then the call is rejected with VERR_GMM_MEMORY_RESERVATION_DECLINED
    And nothing has changed

  @GMM-RES-14 @profile:gmm @variant:several-vms
  Scenario: The GMM counts the pages all VMs reserved and the VMs that reserved
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Memory Over-Commitment Management"
    Given a GMM
    And VM A has reserved 10 pages in each account
    And VM B has reserved 5 pages in each account
    And VM C is registered
    When VM C asks for its per-VM data
    Then the statistics show 45 reserved pages and 2 registered VMs

  @GMM-RES-14 @profile:gmm @variant:one-vm
  Scenario: The GMM counts the pages one VM reserved, and that VM
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Memory Over-Commitment Management"
    Given a GMM
    And VM A has reserved 10 pages in each account
    When VM A asks for its per-VM data
    Then the statistics show 30 reserved pages and 1 registered VM

  @GMM-RES-15 @profile:gmm
  Scenario Outline: An update raises what the VM may allocate in the <account> account
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Memory Over-Commitment Management"
    Given a GMM
    And VM A has reserved 4 pages in each account
    And VM A has allocated 4 <account> pages
    And VM A updates its reservation to 8 pages in each account
    When VM A allocates 4 <account> pages
    Then the call succeeds

    @variant:base-account
    Examples: BASE
      | account |
      | BASE    |

    @variant:shadow-account
    Examples: SHADOW
      | account |
      | SHADOW  |

    @variant:fixed-account
    Examples: FIXED
      | account |
      | FIXED   |

  @GMM-RES-17 @profile:gmm
  Scenario Outline: An update to <pages> pages in each account is refused
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Memory Over-Commitment Management"
    Given a GMM
    And VM A has reserved 10 pages in each account
    When VM A updates its reservation to <pages> pages in each account
    Then the call is rejected with VERR_INVALID_PARAMETER
    And nothing has changed

    @variant:zero-count
    Examples: no pages
      | pages |
      | 0     |

    @variant:negative-count
    Examples: a negative count
      | pages |
      | -1    |

  @GMM-RES-17 @profile:gmm
  Scenario Outline: An update with one bad count, <base> base, <shadow> shadow and <fixed> fixed pages, is refused
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Memory Over-Commitment Management"
    Given a GMM
    And VM A has reserved 10 pages in each account
    When VM A updates its reservation to <base> base, <shadow> shadow and <fixed> fixed pages
    Then the call is rejected with VERR_INVALID_PARAMETER
    And nothing has changed

    @variant:base-account @variant:zero-count
    Examples: in BASE
      | base | shadow | fixed |
      | 0    | 20     | 20    |

    @variant:shadow-account @variant:negative-count
    Examples: in SHADOW
      | base | shadow | fixed |
      | 20   | -3     | 20    |

    @variant:fixed-account @variant:zero-count
    Examples: in FIXED
      | base | shadow | fixed |
      | 20   | 20     | 0     |

  @GMM-RES-18 @profile:gmm
  Scenario: Under policy NO_OC reservations that fill host memory exactly are accepted
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Memory Over-Commitment Management"
    Given a GMM with room for 512 pages
    And VM A has reserved 300 base, 1 shadow and 1 fixed pages with policy NO_OC
    And VM B is registered
    When VM B reserves 100 base, 50 shadow and 60 fixed pages with policy NO_OC and priority NORMAL
    Then the call succeeds
