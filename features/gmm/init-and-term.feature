Feature: GMM initialisation and termination
  The GMM is created once, when the ring-0 module loads: it starts with no chunks, no pages, every chunk TLB
  entry empty, and its magic set to GMM_MAGIC (0x19540414). Termination gives every chunk back to the host,
  reports each chunk that was not completely free, and changes the magic so that the instance is no longer
  valid: the seed adds one to it, later VirtualBox inverts it (0xE6ABFBEB). After termination every call is
  refused with VERR_GMM_INSTANCE.

  @GMM-INIT-1 @profile:gmm
  Scenario Outline: A new GMM holds no chunks and no pages (<gmm>)
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0Init"
    Given <gmm>
    Then the GMM holds no chunks and no pages

    @variant:normal-mode @variant:seed-1mb @variant:current-2mb
    Examples: in normal mode
      | gmm                                |
      | a GMM with 1 MB chunks             |
      | a GMM with 2 MB chunks             |

    @variant:legacy-mode @variant:seed-1mb @variant:current-2mb
    Examples: in legacy mode
      | gmm                                |
      | a legacy-mode GMM with 1 MB chunks |
      | a legacy-mode GMM with 2 MB chunks |

  @GMM-INIT-2 @profile:gmm-introspection
  Scenario Outline: A new GMM carries the magic 0x19540414 (<edition> chunks)
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0Init"
    Given a GMM with <edition> chunks
    Then the magic is 0x19540414

    @variant:seed-1mb
    Examples: the seed's edition
      | edition |
      | 1 MB    |

    @variant:current-2mb
    Examples: later VirtualBox
      | edition |
      | 2 MB    |

  @GMM-TERM-1 @profile:gmm @variant:private-chunk @variant:one-chunk
  Scenario: Termination reports the chunks that are not completely free
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0Term"
    Given a GMM with 2 MB chunks
    And VM A has filled 2 chunks
    And VM A has freed its pages 513 to 1024
    When the GMM is terminated
    Then termination reports chunk 1

  @GMM-TERM-1 @profile:gmm @variant:private-chunk @variant:several-chunks
  Scenario: Termination reports every chunk of private pages still in use
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0Term"
    Given a GMM with 2 MB chunks
    And VM A has allocated 1100 pages
    When the GMM is terminated
    Then termination reports chunks 1, 2 and 3

  @GMM-TERM-1 @profile:gmm @variant:shared-chunk @variant:one-chunk
  Scenario: Termination reports a chunk that holds only shared pages
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0Term"
    Given a GMM
    And VM A has allocated 1 page
    And VM A has shared its page 1
    When the GMM is terminated
    Then termination reports chunk 2

  @GMM-TERM-2 @profile:gmm @variant:private-chunk
  Scenario: Termination with every chunk free reports no chunk
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0Term"
    Given a GMM
    And VM A has allocated 2 pages and freed them
    When the GMM is terminated
    Then termination reports no chunk

  @GMM-TERM-2 @profile:gmm @variant:shared-chunk
  Scenario: Termination with a chunk of shared pages emptied again reports no chunk
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0Term"
    Given a GMM
    And VM A has allocated 1 page
    And VM A has shared its page 1
    And VM A has released the shared page 1 time
    When the GMM is terminated
    Then termination reports no chunk

  @GMM-TERM-3 @profile:gmm-introspection
  Scenario Outline: Termination changes the magic to <magic> (<edition> chunks)
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0Term"
    Given a GMM with <edition> chunks
    When the GMM is terminated
    Then the magic is <magic>

    @variant:seed-1mb
    Examples: the seed's edition adds one
      | edition | magic      |
      | 1 MB    | 0x19540415 |

    @variant:current-2mb
    Examples: later VirtualBox inverts it
      | edition | magic      |
      | 2 MB    | 0xE6ABFBEB |

  @GMM-TERM-4 @profile:gmm
  Scenario Outline: After termination every call is refused: <action>
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0Term"
    Given a GMM
    And VM A has allocated 1 page
    And the GMM has been terminated
    When <action>
    Then the call is rejected with VERR_GMM_INSTANCE

    @variant:allocate
    Examples: allocating
      | action                        |
      | VM A allocates 1 page         |

    @variant:free
    Examples: freeing
      | action                        |
      | VM A frees its page 1         |

    @variant:cleanup
    Examples: cleaning up
      | action                        |
      | VM A is cleaned up            |

    @variant:per-vm-data
    Examples: reading per-VM data
      | action                        |
      | VM A asks for its per-VM data |

    @variant:page-lookup
    Examples: looking a page up
      | action                        |
      | I look up page 0x200          |

    @variant:chunk-lookup
    Examples: looking a chunk up
      | action                        |
      | I look up chunk 1             |

    @variant:terminate
    Examples: terminating again
      | action                        |
      | the GMM is terminated         |

    @variant:register
    Examples: registering a VM
      | action                        |
      | VM B registers                |

    @variant:chunk-ids
    Examples: listing the chunks
      | action                        |
      | I list the chunk ids          |

    @variant:statistics
    Examples: reading the statistics
      | action                        |
      | I ask for the statistics      |

    @variant:share
    Examples: sharing
      | action                        |
      | VM A shares its page 1        |

    @variant:use-shared
    Examples: using a shared page
      | action                                 |
      | VM A uses page 0x400 as a shared page  |

    @variant:release-shared
    Examples: releasing a shared page
      | action                                     |
      | VM A releases page 0x400 as a shared page  |

    @variant:seed
    Examples: seeding a chunk
      | action                        |
      | VM A seeds a chunk            |

    @variant:reserve
    Examples: reserving
      | action                                                                               |
      | VM A reserves 1 base, 1 shadow and 1 fixed pages with policy TBD and priority NORMAL |

    @variant:update-reservation
    Examples: updating a reservation
      | action                                                  |
      | VM A updates its reservation to 2 pages in each account |

  @GMM-TERM-5 @profile:gmm-introspection
  Scenario Outline: After termination the internals can no longer be read: <action>
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0Term"
    Given a GMM
    And VM A has allocated 1 page
    And the GMM has been terminated
    When <action>
    Then the call is rejected with VERR_GMM_INSTANCE

    @variant:raw-word
    Examples: a page's raw word
      | action                                              |
      | I read the raw word of page 0x200                   |

    @variant:free-lifo
    Examples: a chunk's free LIFO
      | action                                              |
      | I read the free LIFO of chunk 1                     |

    @variant:free-set-lists
    Examples: a free set's lists
      | action                                              |
      | I read the lists of the private free set            |
      | I read the lists of the shared free set             |

    @variant:free-set-pages
    Examples: a free set's free page count
      | action                                              |
      | I read the free page count of the private free set  |
      | I read the free page count of the shared free set   |

    @variant:chunk-tlb
    Examples: the chunk TLB
      | action                                              |
      | I read the chunk TLB                                |

  @GMM-TERM-5 @profile:gmm-introspection @variant:magic
  Scenario: After termination the magic can still be read
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMR0Term"
    Given a GMM
    And VM A has allocated 1 page
    And the GMM has been terminated
    When I read the magic
    Then the call succeeds
