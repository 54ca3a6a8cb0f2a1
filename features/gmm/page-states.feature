Feature: GMM page states: private, shared and free
  Every page of every chunk is in one of three states. A private page backs one page of one VM and records
  which VM and which guest page frame it backs, so that pages can later be shared or moved. A shared page
  is read-only, copy-on-write for the VMs using it, and carries only a reference count: tracking its users
  would cost too much. A free page belongs to no one and sits on its chunk's free list. The guest page frame
  number a private page records is limited by its field: 0xFFFFFFF0 is the last one, 0xFFFFFFF1 marks a page
  whose guest address is unknown (unshareable), and anything larger is bad input.

  @GMM-STATE-1 @profile:gmm @variant:one-page @variant:one-vm
  Scenario: An allocated page is private to its VM and records the guest page frame
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    When VM A allocates a page for guest pfn 0x1234
    Then the new page is private to VM A and records guest pfn 0x1234

  @GMM-STATE-1 @profile:gmm @variant:one-page
  Scenario: Guest page frame 0 is recorded as frame 0, not as a missing guest address
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    When VM A allocates a page for guest pfn 0
    Then the new page is private to VM A and records guest pfn 0

  @GMM-STATE-1 @profile:gmm
  Scenario Outline: Every page of a request for <count> pages is private to its VM and records its own guest pfn
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM with 1 MB chunks
    When VM A allocates <count> pages
    Then every new page is private to VM A and records the guest pfn asked for it

    @variant:batch-in-one-chunk @variant:one-vm
    Examples: a request one chunk holds
      | count |
      | 10    |

    @variant:batch-across-chunks @variant:one-vm
    Examples: a request across three chunks
      | count |
      | 600   |

  @GMM-STATE-1 @profile:gmm @variant:batch-across-chunks @variant:several-vms
  Scenario: Pages a VM takes from another VM's chunk and then a new chunk are private to it and record its guest pfns
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM with 1 MB chunks
    And VM B has allocated 3 pages
    When VM A allocates 300 pages
    Then every new page is private to VM A and records the guest pfn asked for it

  @GMM-STATE-2 @profile:gmm @variant:one-page
  Scenario: A page allocated without a guest address records that it has none
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Tracking Structures And Their Cost", "Kernel Space"
    Given a GMM
    When VM A allocates a page without a guest address
    Then the new page is private to VM A and records no guest frame

  @GMM-STATE-2 @profile:gmm @variant:one-page @reading:gmm.unknown-guest-frame=fffffff1
  Scenario: A page allocated without a guest address records the unshareable frame 0xFFFFFFF1
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Tracking Structures And Their Cost", "Kernel Space"
    Given a GMM
    When VM A allocates a page without a guest address
    Then the new page is private to VM A and records guest pfn 0xFFFFFFF1

  @GMM-STATE-2 @profile:gmm @variant:one-page @reading:gmm.unknown-guest-frame=all-ones
  Scenario: A page allocated without a guest address records all bits set, 0xFFFFFFFF
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Tracking Structures And Their Cost", "Kernel Space"
    Given a GMM
    When VM A allocates a page without a guest address
    Then the new page is private to VM A and records guest pfn 0xFFFFFFFF

  @GMM-STATE-2 @profile:gmm @variant:mixed-batch @reading:gmm.unknown-guest-frame=fffffff1
  Scenario: In a request, only the page without a guest address records the unshareable frame
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Tracking Structures And Their Cost", "Kernel Space"
    Given a GMM
    When VM A allocates pages for guest pfns 0x10, none and 0x12
    Then the new pages record guest pfns 0x10, 0xFFFFFFF1 and 0x12

  @GMM-STATE-2 @profile:gmm @variant:mixed-batch @reading:gmm.unknown-guest-frame=all-ones
  Scenario: In a request, only the page without a guest address records all bits set
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Tracking Structures And Their Cost", "Kernel Space"
    Given a GMM
    When VM A allocates pages for guest pfns 0x10, none and 0x12
    Then the new pages record guest pfns 0x10, 0xFFFFFFFF and 0x12

  @GMM-STATE-3 @profile:gmm @variant:above-32-bits @variant:alone
  Scenario: A guest pfn wider than the 32-bit field is refused or recorded as no guest frame, never cut to its low bits
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMPAGE"
    Given a GMM
    And VM A has allocated 1 page
    When VM A allocates a page for guest pfn 0x100000001
    Then the call is rejected with VERR_INVALID_PARAMETER changing nothing, or the new page records no guest frame

  @GMM-STATE-3 @profile:gmm @reading:gmm.unknown-guest-frame=fffffff1
  Scenario Outline: A guest pfn of <pfn> does not fit a private page and is refused
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMPAGE"
    Given a GMM
    And VM A has allocated 1 page
    When VM A allocates a page for guest pfn <pfn>
    Then the call is rejected with VERR_INVALID_PARAMETER
    And nothing has changed

    @variant:just-above-last @variant:alone
    Examples: the frame after the last a page can record
      | pfn         |
      | 0xFFFFFFF1  |

    @variant:above-32-bits @variant:alone
    Examples: a frame wider than the 32-bit field
      | pfn         |
      | 0x100000000 |

  @GMM-STATE-3 @profile:gmm @reading:gmm.unknown-guest-frame=fffffff1
  Scenario Outline: A request with one guest pfn that does not fit is refused whole (<pfns>)
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMPAGE"
    Given a GMM
    And VM A has allocated 1 page
    When VM A allocates pages for guest pfns <pfns>
    Then the call is rejected with VERR_INVALID_PARAMETER
    And nothing has changed

    @variant:just-above-last @variant:in-batch
    Examples: the frame after the last, at the end of a request
      | pfns                      |
      | 0x10, 0x11 and 0xFFFFFFF1 |

    @variant:above-32-bits @variant:in-batch
    Examples: a frame wider than the field, in the middle of a request
      | pfns                       |
      | 0x10, 0x100000000 and 0x12 |

  @GMM-STATE-3 @profile:gmm @reading:gmm.unknown-guest-frame=all-ones
  Scenario Outline: With all bits set marking an unknown frame, <pfns> are recorded as <recorded>
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMPAGE"
    Given a GMM
    And VM A has allocated 1 page
    When VM A allocates pages for guest pfns <pfns>
    Then the new pages record guest pfns <recorded>

    @variant:just-above-last @variant:alone
    Examples: the frame after later VirtualBox's last fits the field
      | pfns       | recorded   |
      | 0xFFFFFFF1 | 0xFFFFFFF1 |

    @variant:above-32-bits @variant:in-batch
    Examples: a frame wider than the field is out of range, recorded as unknown
      | pfns                       | recorded                   |
      | 0x10, 0x100000000 and 0x12 | 0x10, 0xFFFFFFFF and 0x12  |

  @GMM-STATE-4 @profile:gmm @variant:alone
  Scenario: The last guest pfn a private page can record, 0xFFFFFFF0, is accepted
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMPAGE"
    Given a GMM
    When VM A allocates a page for guest pfn 0xFFFFFFF0
    Then the new page is private to VM A and records guest pfn 0xFFFFFFF0

  @GMM-STATE-4 @profile:gmm @variant:in-batch
  Scenario: The last guest pfn a private page can record is accepted in a request with others
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMPAGE"
    Given a GMM
    When VM A allocates pages for guest pfns 0x10 and 0xFFFFFFF0
    Then the new pages record guest pfns 0x10 and 0xFFFFFFF0

  @GMM-STATE-5 @profile:gmm @variant:first-page @variant:first-chunk
  Scenario: A freed page is free
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 2 pages
    When VM A frees its page 1
    Then VM A's page 1 is free

  @GMM-STATE-5 @profile:gmm
  Scenario Outline: A freed page is free wherever it sits: page <n>, <where>
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM with 2 MB chunks
    And VM A has filled 2 chunks
    When VM A frees its page <n>
    Then VM A's page <n> is free

    @variant:middle-page @variant:first-chunk
    Examples: inside the first chunk
      | n   | where                                  |
      | 200 | page 199 of chunk 1                    |

    @variant:last-page @variant:first-chunk
    Examples: at the end of the first chunk
      | n   | where                                  |
      | 512 | the last page of chunk 1               |

    @variant:first-page @variant:later-chunk
    Examples: at the start of a later chunk
      | n   | where                                  |
      | 513 | the first page of chunk 2              |

    @variant:last-page @variant:later-chunk
    Examples: at the end of a later chunk
      | n    | where                                 |
      | 1024 | the last page of chunk 2              |

  @GMM-STATE-6 @profile:gmm @variant:allocation @variant:first-chunk
  Scenario: The host page frame handed out with a page is the one the GMM records for it
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    When VM A allocates 1 page
    Then the new page's host pfn is the one the page records

  @GMM-STATE-6 @profile:gmm @variant:allocation @variant:later-chunk
  Scenario: Every host page frame handed out with a request across chunks is the one the GMM records
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM with 1 MB chunks
    When VM A allocates 600 pages
    Then every new page's host pfn is the one the page records

  @GMM-STATE-6 @profile:gmm @variant:sharing @variant:later-chunk
  Scenario: Sharing hands out the new shared page with the host page frame the GMM records for it
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 2 pages
    When VM A shares its page 1
    Then every new page's host pfn is the one the page records

  @GMM-STATE-6 @profile:gmm @variant:shared-use @variant:later-chunk
  Scenario: Using a shared page hands out the shared page and the host page frame the GMM records for it
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 1 page
    And VM A has shared its page 1
    When VM B uses the shared page
    Then the call returns the shared page with the host pfn the page records

  @GMM-STATE-8 @profile:gmm
  Scenario Outline: Pages get distinct host page frames (<edition> chunks)
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM with <edition> chunks
    And VM B has allocated 3 pages
    When VM A allocates <count> pages
    Then the new pages and VM B's pages have distinct host page frames

    @variant:seed-1mb
    Examples: the seed's edition
      | edition | count |
      | 1 MB    | 600   |

    @variant:current-2mb
    Examples: later VirtualBox
      | edition | count |
      | 2 MB    | 1100  |

  @GMM-STATE-7 @profile:gmm @variant:free @variant:base-account @variant:one-page
  Scenario: A VM's private page count follows its allocations and frees
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated 3 pages
    When VM A frees its page 2
    Then VM A has 2 private pages and 0 shared pages

  @GMM-STATE-7 @profile:gmm
  Scenario Outline: A VM's private page count follows its <account> pages: <action>
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMM - The Global Memory Manager"
    Given a GMM
    And VM A has allocated <before> <account> pages
    When <action>
    Then VM A has <after> private pages and 0 shared pages

    @variant:allocation @variant:base-account @variant:one-page
    Examples: one more BASE page
      | account | before | action                  | after |
      | BASE    | 2      | VM A allocates 1 BASE page | 3  |

    @variant:allocation @variant:shadow-account @variant:many-pages
    Examples: many more SHADOW pages
      | account | before | action                       | after |
      | SHADOW  | 2      | VM A allocates 600 SHADOW pages | 602 |

    @variant:allocation @variant:fixed-account @variant:one-page
    Examples: one more FIXED page
      | account | before | action                    | after |
      | FIXED   | 1      | VM A allocates 1 FIXED page | 2   |

    @variant:free @variant:fixed-account @variant:one-page
    Examples: one FIXED page freed
      | account | before | action                                        | after |
      | FIXED   | 3      | VM A frees its page 2 from the FIXED account  | 2     |

    @variant:free @variant:shadow-account @variant:many-pages
    Examples: many SHADOW pages freed
      | account | before | action                                              | after |
      | SHADOW  | 700    | VM A frees its pages 1 to 600 from the SHADOW account | 100   |
