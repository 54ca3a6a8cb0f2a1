Feature: GMMPAGE: one packed word per page, in a 64-bit and a 32-bit layout
  The GMM tracks each page in a single word, never an object per page. On 64-bit hosts it is 64 bits with
  the 2-bit state always in bits 62-63 (0 private, 2 shared, 3 free); a free page's next index 0xFFFF is
  NIL. The words, high bits first (the documentation site draws these lines):

      64-bit private (state 0):  63:62 state | 61:48 reserved | 47:32 VM handle | 31:0 guest pfn
      64-bit shared (state 2):   63:62 state | 61:48 checksum | 47:32 references | 31:0 host pfn
      64-bit free (state 3):     63:62 state | 61 zeroed | 60:16 reserved | 15:0 next index
      32-bit private (state 0 or 1):  31 must be zero | 30:24 VM handle | 23:0 pfn
      32-bit shared (state 2):   31:30 state | 29:0 references
      32-bit free (state 3):     31:30 state | 15:0 next index

  The seed's common view puts the state at bits 52-53, which the other views contradict; the kit follows
  the views (interpretation I-GMM-2). On 32-bit hosts the word is 32 bits: a private page packs a 24-bit
  pfn, a 7-bit VM handle and a must-be-zero bit 31, so state values 0 and 1 both mean private (bit 30 is
  the handle's top bit); a shared page has a 30-bit reference count; a free page a 16-bit next index
  (interpretation I-GMM-3: the seed's free view does not fit in 32 bits). A value too large for its field
  is refused with VERR_OUT_OF_RANGE. These are the layouts of seed 002's GMMPAGE; seed 000's earlier plan
  of a 24-bit pfn and an 8-bit VM handle, with no room for a state, is not a layout of the GMMPAGE word
  (interpretation I-GMM-17).

  @GMM-LAYOUT-1 @profile:gmm-introspection
  Scenario Outline: A 64-bit private page keeps the guest pfn in bits 0-31 and the VM handle in bits 32-47 (pfn <pfn>, VM <vm>)
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMPAGE"
    Given a GMM
    When I encode a 64-bit private page with state 0, pfn <pfn> and VM handle <vm>
    Then the word is <word>

    @variant:typical-values
    Examples: ordinary values
      | pfn        | vm     | word               |
      | 0x12345678 | 0xABCD | 0x0000ABCD12345678 |

    @variant:largest-values
    Examples: every field at its largest
      | pfn        | vm     | word               |
      | 0xFFFFFFFF | 0xFFFF | 0x0000FFFFFFFFFFFF |

  @GMM-LAYOUT-2 @profile:gmm-introspection
  Scenario Outline: A 64-bit shared page keeps the host pfn in bits 0-31 and the reference count in bits 32-47 (pfn <pfn>, <refs> references)
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMPAGE"
    Given a GMM
    When I encode a 64-bit shared page with pfn <pfn> and <refs> references
    Then the word is <word>

    @variant:typical-values @reading:gmm.page-layout=later-virtualbox
    Examples: ordinary values
      | pfn        | refs   | word               |
      | 0x00100200 | 3      | 0x8000000300100200 |

    @variant:largest-values @reading:gmm.page-layout=later-virtualbox
    Examples: every field at its largest
      | pfn        | refs   | word               |
      | 0xFFFFFFFF | 0xFFFF | 0x8000FFFFFFFFFFFF |

  @GMM-LAYOUT-2 @profile:gmm-introspection
  Scenario Outline: A 64-bit shared page without host pfn or references is state 2 alone (<refs> references)
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMPAGE"
    Given a GMM
    When I encode a 64-bit shared page with pfn <pfn> and <refs> references
    Then the word is <word>

    @variant:typical-values
    Examples: no references
      | pfn        | refs   | word               |
      | 0          | 0      | 0x8000000000000000 |

    @variant:typical-values @reading:gmm.page-layout=seed-002
    Examples: the seed's shared view: the reference count in bits 0-31, no host pfn
      | pfn        | refs       | word               |
      | 0          | 3          | 0x8000000000000003 |

    @variant:largest-values @reading:gmm.page-layout=seed-002
    Examples: the seed's shared view: every field at its largest
      | pfn        | refs       | word               |
      | 0          | 0xFFFFFFFF | 0x80000000FFFFFFFF |

  @GMM-LAYOUT-3 @profile:gmm-introspection
  Scenario Outline: A 64-bit free page with next index <next>, <zeroed>, is <word>
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMPAGE"
    Given a GMM
    When I encode a 64-bit free page with next index <next>, <zeroed>
    Then the word is <word>

    @variant:zeroed @variant:next-page @reading:gmm.page-layout=later-virtualbox
    Examples: a zeroed page chained to another
      | next   | zeroed     | word               |
      | 5      | zeroed     | 0xE000000000000005 |

    @variant:not-zeroed @variant:nil-next
    Examples: a used page at the end of the LIFO
      | next   | zeroed     | word               |
      | 0xFFFF | not-zeroed | 0xC00000000000FFFF |

    @variant:not-zeroed @variant:next-page
    Examples: a used page chained to another
      | next   | zeroed     | word               |
      | 5      | not-zeroed | 0xC000000000000005 |

    @variant:zeroed @variant:nil-next @reading:gmm.page-layout=later-virtualbox
    Examples: a zeroed page at the end of the LIFO
      | next   | zeroed     | word               |
      | 0xFFFF | zeroed     | 0xE00000000000FFFF |

  @GMM-LAYOUT-4 @profile:gmm-introspection
  Scenario Outline: The 64-bit state is read from bits 62-63, whatever bits 52-53 hold (<word>)
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMPAGE"
    Given a GMM
    When I decode the 64-bit word <word>
    Then it is a <view>

    @variant:private-view
    Examples: state 0 in bits 62-63
      | word               | view                                               |
      | 0x0030000000000001 | private page with state 0, pfn 0x1 and VM handle 0 |

    @variant:shared-view
    Examples: state 2 in bits 62-63
      | word               | view                                               |
      | 0x8030000000000000 | shared page with pfn 0x0 and 0 references          |

    @variant:free-view
    Examples: state 3 in bits 62-63
      | word               | view                                               |
      | 0xC000000000000009 | free page with next index 9, not-zeroed            |
      | 0xC030000000000009 | free page with next index 9, not-zeroed            |

  @GMM-LAYOUT-5 @profile:gmm-introspection
  Scenario Outline: A 32-bit private page packs a 24-bit pfn and a 7-bit VM handle (pfn <pfn>, VM <vm>)
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMPAGE"
    Given a GMM
    When I encode a 32-bit private page with state <state>, pfn <pfn> and VM handle <vm>
    Then the word is <word>

    @variant:typical-values
    Examples: ordinary values
      | state | pfn      | vm   | word       |
      | 0     | 0x123456 | 0x15 | 0x15123456 |

    @variant:largest-values
    Examples: every field at its largest
      | state | pfn      | vm   | word       |
      | 1     | 0xFFFFFF | 127  | 0x7FFFFFFF |

  @GMM-LAYOUT-6 @profile:gmm-introspection
  Scenario Outline: On 32-bit hosts state values 0 and 1 both mean private (<word>)
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMPAGE"
    Given a GMM
    When I decode the 32-bit word <word>
    Then it is a private page with state <state>, pfn <pfn> and VM handle <vm>

    @variant:state-0
    Examples: state 0: a VM handle below 64
      | word       | state | pfn      | vm  |
      | 0x01000001 | 0     | 0x1      | 1   |

    @variant:state-1
    Examples: state 1: a VM handle of 64 or more, whose top bit is bit 30
      | word       | state | pfn      | vm  |
      | 0x40000001 | 1     | 0x1      | 64  |
      | 0x7FFFFFFF | 1     | 0xFFFFFF | 127 |

  @GMM-LAYOUT-7 @profile:gmm-introspection @variant:decode
  Scenario: A 32-bit word in state 2 decodes as a shared page with its 30-bit reference count
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMPAGE"
    Given a GMM
    When I decode the 32-bit word 0xBFFFFFFF
    Then it is a shared page with pfn 0 and 1073741823 references

  @GMM-LAYOUT-8 @profile:gmm-introspection @variant:decode @reading:gmm.page-layout=later-virtualbox
  Scenario: A 32-bit word in state 3 decodes as a free page with its 16-bit next index
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMPAGE"
    Given a GMM
    When I decode the 32-bit word 0xC0FF0007
    Then it is a free page with next index 7, not-zeroed

  @GMM-LAYOUT-8 @profile:gmm-introspection @variant:decode @reading:gmm.page-layout=seed-002
  Scenario: A 32-bit word in state 3 decodes as a free page with the 30 bits below the state as its next index
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMPAGE"
    Given a GMM
    When I decode the 32-bit word 0xC0FF0007
    Then it is a free page with next index 0xFF0007, not-zeroed

  @GMM-LAYOUT-8 @profile:gmm-introspection @variant:decode
  Scenario: A 32-bit word in state 3 decodes as a free page with its next index
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMPAGE"
    Given a GMM
    When I decode the 32-bit word 0xC0000007
    Then it is a free page with next index 7, not-zeroed

  @GMM-LAYOUT-7 @profile:gmm-introspection @variant:encode
  Scenario: A 32-bit shared page keeps a 30-bit reference count below state 2
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMPAGE"
    Given a GMM
    When I encode a 32-bit shared page with pfn 0 and 5 references
    Then the word is 0x80000005

  @GMM-LAYOUT-8 @profile:gmm-introspection @variant:encode
  Scenario: A 32-bit free page keeps a 16-bit next index below state 3
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMPAGE"
    Given a GMM
    When I encode a 32-bit free page with next index 7, not-zeroed
    Then the word is 0xC0000007

  @GMM-LAYOUT-9 @profile:gmm-introspection
  Scenario Outline: A value too large for its field is refused: <what>
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMPAGE"
    Given a GMM
    When I encode a <layout> <page>
    Then the call is rejected with VERR_OUT_OF_RANGE

    @variant:layout-32 @variant:private-view
    Examples: the 32-bit private view
      | what                    | layout | page                                                        |
      | 25-bit pfn on 32-bit    | 32-bit | private page with state 0, pfn 0x1000000 and VM handle 1    |
      | VM handle 128 on 32-bit | 32-bit | private page with state 1, pfn 0x1 and VM handle 128        |

    @variant:layout-64 @variant:private-view
    Examples: the 64-bit private view
      | what                    | layout | page                                                        |
      | 33-bit pfn on 64-bit    | 64-bit | private page with state 0, pfn 0x100000000 and VM handle 1  |
      | VM handle 2^16          | 64-bit | private page with state 0, pfn 0x1 and VM handle 0x10000    |

    @variant:layout-64 @variant:shared-view @reading:gmm.page-layout=later-virtualbox
    Examples: the 64-bit shared view
      | what                    | layout | page                                                        |
      | 2^16 references         | 64-bit | shared page with pfn 0x1 and 0x10000 references             |
      | 33-bit shared pfn       | 64-bit | shared page with pfn 0x100000000 and 1 reference            |

    @variant:layout-64 @variant:shared-view @reading:gmm.page-layout=seed-002
    Examples: the seed's 64-bit shared view
      | what                    | layout | page                                                        |
      | 2^32 references         | 64-bit | shared page with pfn 0 and 0x100000000 references           |

    @variant:layout-32 @variant:shared-view
    Examples: the 32-bit shared view
      | what                    | layout | page                                                        |
      | 2^30 references         | 32-bit | shared page with pfn 0 and 0x40000000 references            |
      | a pfn on 32-bit shared  | 32-bit | shared page with pfn 0x1 and 1 reference                    |

    @variant:layout-64 @variant:free-view @reading:gmm.page-layout=later-virtualbox
    Examples: the 64-bit free view
      | what                    | layout | page                                                        |
      | next index 0x10000      | 64-bit | free page with next index 0x10000, zeroed                   |

    @variant:layout-32 @variant:free-view @reading:gmm.page-layout=later-virtualbox
    Examples: the 32-bit free view
      | what                    | layout | page                                                        |
      | 32-bit next index       | 32-bit | free page with next index 0x10000, not-zeroed               |

    @variant:layout-32 @variant:free-view @reading:gmm.page-layout=seed-002
    Examples: the seed's 32-bit free view (its common view)
      | what                    | layout | page                                                        |
      | next index 2^30         | 32-bit | free page with next index 0x40000000, not-zeroed            |

  @GMM-LAYOUT-10 @profile:gmm-introspection
  Scenario Outline: A state value that does not belong to the view is refused (<layout>, state <state>)
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMPAGE"
    Given a GMM
    When I encode a <layout> private page with state <state>, pfn 0x1 and VM handle <vm>
    Then the call is rejected with VERR_INVALID_PARAMETER

    @variant:layout-64 @variant:private-view
    Examples: the 64-bit private view has no state 1
      | layout | state | vm |
      | 64-bit | 1     | 1  |

    @variant:layout-32 @variant:private-view
    Examples: the 32-bit private state must be the VM handle's top bit
      | layout | state | vm |
      | 32-bit | 1     | 1  |
      | 32-bit | 0     | 64 |

  @GMM-LAYOUT-10 @profile:gmm-introspection
  Scenario Outline: A shared or free view with another view's state is refused (<layout> <page>)
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMPAGE"
    Given a GMM
    When I encode a <layout> <page>
    Then the call is rejected with VERR_INVALID_PARAMETER

    @variant:layout-64 @variant:layout-32 @variant:shared-view
    Examples: shared views
      | layout | page                                                  |
      | 64-bit | shared page with state 3, pfn 0x1 and 1 reference     |
      | 64-bit | shared page with state 0, pfn 0x1 and 1 reference     |
      | 32-bit | shared page with state 3, pfn 0 and 1 reference       |

    @variant:layout-64 @variant:layout-32 @variant:free-view
    Examples: free views
      | layout | page                                                  |
      | 64-bit | free page with state 2, next index 5, not-zeroed      |
      | 64-bit | free page with state 0, next index 5, zeroed          |
      | 32-bit | free page with state 2, next index 5, not-zeroed      |

  @GMM-LAYOUT-9 @profile:gmm-introspection @variant:layout-32
  Scenario: A word wider than 32 bits is not a 32-bit GMMPAGE
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMPAGE"
    Given a GMM
    When I decode the 32-bit word 0x100000000
    Then the call is rejected with VERR_OUT_OF_RANGE

  @GMM-LAYOUT-8 @profile:gmm-introspection @variant:encode
  Scenario: The 32-bit free view has no zeroed flag
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMPAGE"
    Given a GMM
    When I encode a 32-bit free page with next index 7, zeroed
    Then the call is rejected with one of VERR_INVALID_PARAMETER or VERR_OUT_OF_RANGE

  @GMM-LAYOUT-11 @profile:gmm-introspection @variant:with-guest-pfn @variant:first-vm
  Scenario: A live private page's word holds its guest pfn and its VM's handle in state 0
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMPAGE"
    Given a GMM
    When VM A allocates a page for guest pfn 0x1234
    Then the raw word of VM A's page 1 holds guest pfn 0x1234 and VM A's handle, in state 0

  @GMM-LAYOUT-11 @profile:gmm-introspection @variant:without-guest-pfn @variant:first-vm @reading:gmm.unknown-guest-frame=fffffff1
  Scenario: A live private page without a guest address holds the unshareable frame and its VM's handle in state 0
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMPAGE"
    Given a GMM
    When VM A allocates a page without a guest address
    Then the raw word of VM A's page 1 holds guest pfn 0xFFFFFFF1 and VM A's handle, in state 0

  @GMM-LAYOUT-11 @profile:gmm-introspection @variant:without-guest-pfn @variant:first-vm @reading:gmm.unknown-guest-frame=all-ones
  Scenario: A live private page without a guest address holds all bits set as its frame and its VM's handle in state 0
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMPAGE"
    Given a GMM
    When VM A allocates a page without a guest address
    Then the raw word of VM A's page 1 holds guest pfn 0xFFFFFFFF and VM A's handle, in state 0

  @GMM-LAYOUT-11 @profile:gmm-introspection @variant:with-guest-pfn @variant:later-vm
  Scenario: A live private page of a later VM holds that VM's handle
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMPAGE"
    Given a GMM
    And VM A has allocated 3 pages
    When VM B allocates a page for guest pfn 0x77
    Then the raw word of VM B's page 1 holds guest pfn 0x77 and VM B's handle, in state 0

  @GMM-LAYOUT-12 @profile:gmm-introspection @variant:several-references @reading:gmm.page-layout=later-virtualbox
  Scenario: A live shared page's word holds its host pfn and its reference count in state 2
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMPAGE"
    Given a GMM
    And VM A has allocated 1 page
    And VM A has shared its page 1
    When VM B uses the shared page
    Then the raw word of the shared page holds its host pfn and 2 references, in state 2

  @GMM-LAYOUT-12 @profile:gmm-introspection @variant:one-reference @reading:gmm.page-layout=later-virtualbox
  Scenario: A newly shared page's word holds its host pfn and one reference in state 2
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMPAGE"
    Given a GMM
    And VM A has allocated 1 page
    When VM A shares its page 1
    Then the raw word of the shared page holds its host pfn and 1 reference, in state 2

  @GMM-LAYOUT-12 @profile:gmm-introspection @variant:several-references @reading:gmm.page-layout=seed-002
  Scenario: A live shared page's word holds its reference count in bits 0-31, in state 2
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMPAGE"
    Given a GMM
    And VM A has allocated 1 page
    And VM A has shared its page 1
    When VM B uses the shared page
    Then the raw word of the shared page holds 2 references in bits 0-31, in state 2

  @GMM-LAYOUT-12 @profile:gmm-introspection @variant:one-reference
  Scenario: A newly shared page's word is in state 2
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMPAGE"
    Given a GMM
    And VM A has allocated 1 page
    When VM A shares its page 1
    Then the raw word of the shared page is in state 2

  @GMM-LAYOUT-13 @profile:gmm-introspection
  Scenario Outline: The free pages of a fresh chunk are chained: page <page> (<edition> chunks)
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMPAGE"
    Given a GMM with <edition> chunks
    When VM A allocates 1 page
    Then the raw word of page <page> is a free page with next index <next>

    @variant:chained-page @variant:seed-1mb @variant:current-2mb
    Examples: the second page, chained to the third
      | edition | page  | next   |
      | 1 MB    | 0x101 | 2      |
      | 2 MB    | 0x201 | 2      |

    @variant:last-page @variant:seed-1mb @variant:current-2mb
    Examples: the last page, which ends the chain with NIL
      | edition | page  | next   |
      | 1 MB    | 0x1FF | 0xFFFF |
      | 2 MB    | 0x3FF | 0xFFFF |

  @GMM-LAYOUT-13 @profile:gmm-introspection
  Scenario Outline: The free pages of a fresh chunk are zeroed and chained: page <page> (<edition> chunks)
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMPAGE"
    Given a GMM with <edition> chunks
    When VM A allocates 1 page
    Then the raw word of page <page> is <word>

    @variant:chained-page @variant:seed-1mb @variant:current-2mb @reading:gmm.page-layout=later-virtualbox
    Examples: the second page, chained to the third
      | edition | page  | word               |
      | 1 MB    | 0x101 | 0xE000000000000002 |
      | 2 MB    | 0x201 | 0xE000000000000002 |

    @variant:last-page @variant:seed-1mb @variant:current-2mb @reading:gmm.page-layout=later-virtualbox
    Examples: the last page, which ends the chain with NIL
      | edition | page  | word               |
      | 1 MB    | 0x1FF | 0xE00000000000FFFF |
      | 2 MB    | 0x3FF | 0xE00000000000FFFF |

  @GMM-LAYOUT-14 @profile:gmm-introspection @variant:lifo-not-empty
  Scenario: A freed page is no longer zeroed and points at the old head of its chunk's free list
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMPAGE"
    Given a GMM
    And VM A has allocated 2 pages
    When VM A frees its page 1
    Then the raw word of VM A's page 1 is 0xC000000000000002

  @GMM-LAYOUT-14 @profile:gmm-introspection @variant:lifo-empty
  Scenario: A page freed into a full chunk is not zeroed and ends the free list with NIL
    Source: VirtualBox GMMR0.cpp of 2007 [002], "GMMPAGE"
    Given a GMM with 2 MB chunks
    And VM A has filled 1 chunk
    When VM A frees its page 512
    Then the raw word of VM A's page 512 is 0xC00000000000FFFF
