Feature: GMM initialisation and termination
  The GMM is created once, when the ring-0 module loads: it starts with no chunks, no pages, every chunk TLB
  entry empty, and its magic set to GMM_MAGIC (0x19540414). Termination gives every chunk back to the host,
  reports each chunk that was not completely free, and changes the magic so that the instance is no longer
  valid: the seed adds one to it, later VirtualBox inverts it (0xE6ABFBEB). After termination every call is
  refused with VERR_GMM_INSTANCE.

  @GMM-INIT-1 @profile:gmm
  Scenario: A new GMM holds no chunks and no pages
    Source: 002_3fe6e2f6006bd6e3.txt, "GMMR0Init"
    Given a GMM
    Then the GMM holds no chunks and no pages

  @GMM-INIT-2 @profile:gmm-introspection
  Scenario: A new GMM carries the magic 0x19540414
    Source: 002_3fe6e2f6006bd6e3.txt, "GMMR0Init"
    Given a GMM
    Then the magic is 0x19540414

  @GMM-TERM-1 @profile:gmm
  Scenario: Termination reports the chunks that are not completely free
    Source: 002_3fe6e2f6006bd6e3.txt, "GMMR0Term"
    Given a GMM with 2 MB chunks
    And VM A has filled 2 chunks
    And VM A has freed its pages 513 to 1024
    When the GMM is terminated
    Then termination reports chunk 1

  @GMM-TERM-2 @profile:gmm
  Scenario: Termination with every chunk free reports no chunk
    Source: 002_3fe6e2f6006bd6e3.txt, "GMMR0Term"
    Given a GMM
    And VM A has allocated 2 pages and freed them
    When the GMM is terminated
    Then termination reports no chunk

  @GMM-TERM-3 @profile:gmm-introspection
  Scenario Outline: Termination changes the magic to <magic> (<edition> chunks)
    Source: 002_3fe6e2f6006bd6e3.txt, "GMMR0Term"
    Given a GMM with <edition> chunks
    When the GMM is terminated
    Then the magic is <magic>

    Examples:
      | edition | magic      |
      | 1 MB    | 0x19540415 |
      | 2 MB    | 0xE6ABFBEB |

  @GMM-TERM-4 @profile:gmm
  Scenario Outline: After termination every call is refused: <action>
    Source: 002_3fe6e2f6006bd6e3.txt, "GMMR0Term"
    Given a GMM
    And VM A has allocated 1 page
    And the GMM has been terminated
    When <action>
    Then the call is rejected with VERR_GMM_INSTANCE

    Examples:
      | action                        |
      | VM A allocates 1 page         |
      | VM A frees its page 1         |
      | VM A is cleaned up            |
      | VM A asks for its per-VM data |
      | I look up page 0x200          |
      | I look up chunk 1             |
      | the GMM is terminated         |
      | VM B registers                |
      | I list the chunk ids          |
      | I ask for the statistics      |

  @GMM-TERM-5 @profile:gmm-introspection
  Scenario Outline: After termination the internals can no longer be read: <action>
    Source: 002_3fe6e2f6006bd6e3.txt, "GMMR0Term"
    Given a GMM
    And VM A has allocated 1 page
    And the GMM has been terminated
    When <action>
    Then the call is rejected with VERR_GMM_INSTANCE

    Examples:
      | action                                              |
      | I read the raw word of page 0x200                   |
      | I read the free LIFO of chunk 1                     |
      | I read the lists of the private free set            |
      | I read the free page count of the private free set  |
      | I read the chunk TLB                                |
