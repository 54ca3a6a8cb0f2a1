Feature: GMM serialisation: many VMs at once
  The GMM is global: every VM on the host calls it, from its own threads, at the same time. The seed
  serialises it with one simple fast mutex. Whatever the interleaving, every page handed out has exactly
  one owner, and the pages still add up: every page of every chunk is either free or in use.

  @GMM-LOCK-1 @profile:gmm
  Scenario Outline: Pages handed out to VMs calling at once have one owner each (<edition> chunks)
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Serializing"
    Given a GMM with <edition> chunks
    When 6 VMs each allocate 300 pages and free every other one, all at once
    Then every kept page is private to the VM that allocated it and no page has two owners

    @variant:seed-1mb
    Examples: the seed's edition
      | edition |
      | 1 MB    |

    @variant:current-2mb
    Examples: later VirtualBox
      | edition |
      | 2 MB    |

  @GMM-LOCK-2 @profile:gmm
  Scenario Outline: Pages add up after VMs called at once (<edition> chunks)
    Source: VirtualBox GMMR0.cpp of 2007 [002], "Serializing"
    Given a GMM with <edition> chunks
    When 6 VMs each allocate 300 pages and free every other one, all at once
    Then the pages add up: free plus allocated is every page of every chunk

    @variant:seed-1mb
    Examples: the seed's edition
      | edition |
      | 1 MB    |

    @variant:current-2mb
    Examples: later VirtualBox
      | edition |
      | 2 MB    |
