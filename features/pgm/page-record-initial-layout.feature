Feature: The packed per-page record in the seed's initial layout
  Before settling on the final layout, seed 000 gives an initial one that keeps the earlier packing of the
  host address word and adds a second word. Word 0 holds, from the top, the tracking of the shadow page
  tables that map the page (bits 63:40), the host physical page frame (bits 39:12) and the page flags of
  the time (bits 11:0); word 1 holds the 28-bit page id (bits 27:0), the page state (bits 29:28: zero 0,
  shared 1, normal 2, write monitored 3) and the written-to flag (bit 30). The seed does not list the
  flags: the kit takes the ones VirtualBox kept there then, one bit each for RESERVED, ROM, MMIO and MMIO2
  (a shadowed ROM sets ROM and MMIO2, RAM none) and six bits for the access handlers (interpretation
  I-PGM-9), and places the 16-bit tracking value of the final layout in bits 63:48 (I-PGM-10). The words,
  high bits first:

      64-bit word 0:  63:48 shadow tracking | 47:40 clear | 39:12 host page frame | 11:0 flags
      64-bit word 1:  30 W | 29:28 state | 27:0 page id

  A 28-bit frame field holds host pages below 2^40 only, the physical address width of AMD64 hosts when
  the seed was written; a page backed higher up has no record in this layout, and asking for one is
  refused rather than answered with the frame cut short (I-PGM-11).

  These scenarios apply to an implementation that declares the initial layout; the final layout is the
  default, and the reference declares both. Each scenario says which layout it reads records in.

  @PGM-REC-1 @profile:pgm-introspection @variant:initial-layout
  Scenario: An initial-layout page record is two 64-bit words
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x0
    And the records are read in the initial layout
    When I ask for the record at 0x1000
    Then the record at 0x1000 has 2 words

  @PGM-REC-8 @profile:pgm-introspection @variant:initial-layout
  Scenario Outline: Asking for the initial-layout record of a page <where> is refused
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x0
    And a RAM range of 64 KB at 0x100000
    And the records are read in the initial layout
    When I ask for the record at <address>
    Then the call is rejected with VERR_PGM_INVALID_GC_PHYSICAL_ADDRESS

    @variant:past-every-range
    Examples:
      | where                     | address  |
      | past every range          | 0x200000 |

    @variant:gap-between-ranges
    Examples:
      | where                     | address  |
      | between two ranges        | 0x80000  |

  @PGM-REC-13 @profile:pgm-introspection @variant:low-host-address
  Scenario Outline: Bits 39:12 of word 0 of the initial-layout record hold the host frame of a <page> page
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x0
    And the guest has written 0x1 to the 1 bytes at 0x3000
    And the guest has written 0x1 to the 1 bytes at 0x4000
    And the page at 0x4000 has been shared
    And the records are read in the initial layout
    When I ask for the record at <address>
    Then word 0 of the record at <address> holds the page's host frame in bits 39:12

    @variant:private-page
    Examples:
      | page    | address |
      | private | 0x3000  |

    @variant:zero-page
    Examples:
      | page    | address |
      | zero    | 0x5000  |

    @variant:shared-page
    Examples:
      | page    | address |
      | shared  | 0x4000  |

  @PGM-REC-13 @profile:pgm-introspection @variant:just-below-40-bits @variant:private-page
  Scenario: The initial layout holds the host frame of the last page below 2^40 whole
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host hands out pages from host address 0xFFFFFFF000 with page ids from 0x1234 and can give it 1 pages
    And a RAM range of 64 KB at 0x0
    And the guest has written 0x1 to the 1 bytes at 0x3000
    And the records are read in the initial layout
    When I ask for the record at 0x3000
    Then bits 39:12 of word 0 of the record at 0x3000 hold 0xFFFFFFF
    And word 0 of the record at 0x3000 holds the page's host frame in bits 39:12

  @PGM-REC-14 @profile:pgm-introspection @variant:initial-layout
  Scenario Outline: A page backed <where> has no initial-layout record, and asking for it changes nothing
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host hands out pages from host address <host> with page ids from 0x1234 and can give it 1 pages
    And a RAM range of 64 KB at 0x0
    And the guest has written 0x1 to the 1 bytes at 0x3000
    And the records are read in the initial layout
    When I ask for the record at 0x3000
    Then the call is rejected with VERR_OUT_OF_RANGE
    And guest memory is unchanged

    @variant:at-40-bits
    Examples:
      | where                | host           |
      | at 2^40              | 0x10000000000  |

    @variant:far-above-40-bits
    Examples:
      | where                | host           |
      | far above 2^40       | 0xABCDE0000000 |

  @PGM-REC-14 @profile:pgm-introspection @variant:final-layout
  Scenario Outline: A page backed <where>, which the initial layout cannot hold, has its whole frame in the final layout
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host hands out pages from host address <host> with page ids from 0x1234 and can give it 1 pages
    And a RAM range of 64 KB at 0x0
    And the guest has written 0x1 to the 1 bytes at 0x3000
    And the records are read in the final layout
    When I ask for the record at 0x3000
    Then bits 47:12 of word 0 of the record at 0x3000 hold <frame>

    @variant:at-40-bits
    Examples:
      | where                | host           | frame      |
      | at 2^40              | 0x10000000000  | 0x10000000 |

    @variant:far-above-40-bits
    Examples:
      | where                | host           | frame      |
      | far above 2^40       | 0xABCDE0000000 | 0xABCDE0000 |

  @PGM-REC-15 @profile:pgm-introspection
  Scenario Outline: Bits 3:0 of word 0 of the initial-layout record flag a <type> page as <flags>
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a <type> range of 8 KB at 0xD0000
    And the records are read in the initial layout
    When I ask for the record at 0xD1000
    Then bits 3:0 of word 0 of the record at 0xD1000 hold <value>

    @variant:reserved-page
    Examples:
      | type         | flags           | value |
      | RESERVED     | RESERVED        | 0x1   |

    @variant:mmio-page
    Examples:
      | type         | flags           | value |
      | MMIO         | MMIO            | 0x4   |

    @variant:mmio2-page
    Examples:
      | type         | flags           | value |
      | MMIO2        | MMIO2           | 0x8   |

    @variant:rom-page
    Examples:
      | type         | flags           | value |
      | ROM          | ROM             | 0x2   |

    @variant:shadowed-rom-page
    Examples:
      | type         | flags           | value |
      | shadowed ROM | ROM and MMIO2   | 0xA   |

    @variant:ram-page
    Examples:
      | type         | flags           | value |
      | RAM          | none of them    | 0x0   |

  @PGM-REC-16 @profile:pgm-introspection @variant:no-handler
  Scenario: A page without access handlers has bits 11:4 of word 0 of its initial-layout record clear
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x0
    And the guest has written 0x1 to the 1 bytes at 0x1000
    And the records are read in the initial layout
    When I ask for the record at 0x1000
    Then bits 11:4 of word 0 of the record at 0x1000 hold 0x0

  @PGM-REC-16 @profile:pgm-introspection
  Scenario Outline: A page under a physical <kind> handler has bits 9:4 of word 0 of its initial-layout record at <value>
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a shadow-paged VM with access handlers on a PAE host whose host can give it 64 pages
    And a RAM range of 4 MB at 0x0
    And the guest keeps PAE page tables at 0x10000
    And the guest maps 0x40001000 to 0x200000 writable user
    And the guest has loaded CR3
    And a physical <kind> handler "P" is registered over 0x200000-0x200fff
    And the records are read in the initial layout
    When I ask for the record at 0x200000
    Then bits 9:4 of word 0 of the record at 0x200000 hold <value>
    And bits 11:10 of word 0 of the record at 0x200000 hold 0x0

    @variant:physical-write
    Examples:
      | kind  | value |
      | WRITE | 0x18  |

    @variant:physical-all
    Examples:
      | kind  | value |
      | ALL   | 0x28  |

  @PGM-REC-16 @profile:pgm-introspection
  Scenario Outline: A page a virtual <kind> handler reaches has bits 9:4 of word 0 of its initial-layout record at <value>
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a shadow-paged VM with access handlers on a PAE host whose host can give it 64 pages
    And a RAM range of 4 MB at 0x0
    And the guest keeps PAE page tables at 0x10000
    And the guest maps 0x40001000 to 0x200000 writable user
    And the guest has loaded CR3
    And a virtual <kind> handler "V" is registered over 0x40001000-0x40001fff
    And the VM has synced CR3
    And the records are read in the initial layout
    When I ask for the record at 0x200000
    Then bits 9:4 of word 0 of the record at 0x200000 hold <value>
    And bits 11:10 of word 0 of the record at 0x200000 hold 0x0

    @variant:virtual-write
    Examples:
      | kind  | value |
      | WRITE | 0x3   |

    @variant:virtual-all
    Examples:
      | kind  | value |
      | ALL   | 0x5   |

  @PGM-REC-17 @profile:pgm-introspection @variant:untracked
  Scenario: In the initial layout, a page no shadow entry maps has bits 63:40 of word 0 clear
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a shadow-paged VM on a PAE host whose host can give it 64 pages
    And a RAM range of 4 MB at 0x0
    And the guest keeps PAE page tables at 0x10000
    And the guest maps 0x40001000 to 0x200000 writable user
    And the guest maps 0x40002000 to 0x201000 writable user
    And the guest has loaded CR3
    And the records are read in the initial layout
    When the guest reads 0x40002000 as user
    Then the page at 0x200000 is tracked by no shadow page table

  @PGM-REC-17 @profile:pgm-introspection @variant:one-entry
  Scenario: In the initial layout, a page one shadow entry maps has count 1 in bits 63:62 of word 0 and bits 47:40 clear
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a shadow-paged VM on a PAE host whose host can give it 64 pages
    And a RAM range of 4 MB at 0x0
    And the guest keeps PAE page tables at 0x10000
    And the guest maps 0x40001000 to 0x200000 writable user
    And the guest has loaded CR3
    And the records are read in the initial layout
    When the guest reads 0x40001000 as user
    Then the page at 0x200000 is tracked to one shadow page table

  @PGM-REC-17 @profile:pgm-introspection @variant:same-table-pages
  Scenario: In the initial layout, pages one shadow page table maps carry the same pool index in bits 61:48 of word 0
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a shadow-paged VM on a PAE host whose host can give it 64 pages
    And a RAM range of 4 MB at 0x0
    And the guest keeps PAE page tables at 0x10000
    And the guest maps 0x40001000 to 0x200000 writable user
    And the guest maps 0x40002000 to 0x201000 writable user
    And the guest maps 0x40201000 to 0x202000 writable user
    And the guest has loaded CR3
    And the guest has read 0x40001000 as user
    And the guest has read 0x40201000 as user
    And the records are read in the initial layout
    When the guest reads 0x40002000 as user
    Then the pages at 0x200000 and 0x201000 are tracked to the same shadow page table
    And the pages at 0x200000 and 0x202000 are tracked to different shadow page tables

  @PGM-REC-17 @profile:pgm-introspection @variant:several-entries
  Scenario: In the initial layout, a page that two shadow entries map has count 3 and a list index in bits 63:48 of word 0
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a shadow-paged VM on a PAE host whose host can give it 64 pages
    And a RAM range of 4 MB at 0x0
    And the guest keeps PAE page tables at 0x10000
    And the guest maps 0x40001000 to 0x200000 writable user
    And the guest maps 0x40201000 to 0x200000 writable user
    And the guest has loaded CR3
    And the guest has read 0x40001000 as user
    And the records are read in the initial layout
    When the guest reads 0x40201000 as user
    Then the page at 0x200000 is tracked through a list of physical extents

  @PGM-REC-17 @profile:pgm-introspection @variant:last-entry-gone
  Scenario: In the initial layout, a page whose only shadow entry went has bits 63:40 of word 0 clear again
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a shadow-paged VM on a PAE host whose host can give it 64 pages
    And a RAM range of 4 MB at 0x0
    And the guest keeps PAE page tables at 0x10000
    And the guest maps 0x40001000 to 0x200000 writable user
    And the guest has loaded CR3
    And the guest has read 0x40001000 as user
    And the records are read in the initial layout
    When the guest invalidates 0x40001000 with INVLPG
    Then the page at 0x200000 is tracked by no shadow page table

  @PGM-REC-18 @profile:pgm-introspection
  Scenario: Bits 27:0 of word 1 of the initial-layout record hold the id of a private page
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x0
    And the guest has written 0x1 to the 1 bytes at 0x3000
    And the records are read in the initial layout
    When I ask for the record at 0x3000
    Then bits 27:0 of word 1 of the record at 0x3000 hold the page's id

  @PGM-REC-18 @profile:pgm-introspection @variant:nil-page-id
  Scenario: Bits 27:0 of word 1 of a zero page's initial-layout record hold the nil page id, all 28 bits set
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x0
    And the records are read in the initial layout
    When I ask for the record at 0x5000
    Then bits 27:0 of word 1 of the record at 0x5000 hold 0xFFFFFFF

  @PGM-REC-18 @profile:pgm-introspection
  Scenario Outline: Bits 27:0 of word 1 of the initial-layout record hold a page id <which>
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host hands out pages from host address 0x200000000 with page ids from <id> and can give it 1 pages
    And a RAM range of 64 KB at 0x0
    And the guest has written 0x1 to the 1 bytes at 0x3000
    And the records are read in the initial layout
    When I ask for the record at 0x3000
    Then bits 27:0 of word 1 of the record at 0x3000 hold <id>
    And bits 27:0 of word 1 of the record at 0x3000 hold the page's id

    @variant:small-page-id
    Examples:
      | which                          | id        |
      | that fits the low 12 bits      | 0x123     |

    @variant:high-page-id-bits
    Examples:
      | which                          | id        |
      | with its high bits set         | 0xABCDEF1 |

    @variant:largest-page-id
    Examples:
      | which                          | id        |
      | that is the largest below nil  | 0xFFFFFFE |

  @PGM-REC-19 @profile:pgm-introspection
  Scenario Outline: Bits 29:28 of word 1 of the initial-layout record hold the state of a <state> page
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x0
    And the guest has written 0x1 to the 1 bytes at 0x1000
    And the guest has written 0x1 to the 1 bytes at 0x2000
    And the page at 0x2000 has been shared
    And the guest has written 0x1 to the 1 bytes at 0x4000
    And write monitoring has been armed
    And the guest has written 0x1 to the 1 bytes at 0x4000
    And the guest has written 0x1 to the 1 bytes at 0x5000
    And the records are read in the initial layout
    When I ask for the record at <address>
    Then bits 29:28 of word 1 of the record at <address> hold <value>

    @variant:zero-state
    Examples:
      | state           | address | value |
      | zero            | 0x3000  | 0x0   |

    @variant:shared-state
    Examples:
      | state           | address | value |
      | shared          | 0x2000  | 0x1   |

    @variant:normal-state
    Examples:
      | state           | address | value |
      | normal          | 0x5000  | 0x2   |

    @variant:write-monitored-state
    Examples:
      | state           | address | value |
      | write monitored | 0x1000  | 0x3   |

  @PGM-REC-19 @profile:pgm-introspection
  Scenario Outline: Bit 30 of word 1 of the initial-layout record says whether the write-monitored page at <address> was written to
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x0
    And the guest has written 0x1 to the 1 bytes at 0x1000
    And the guest has written 0x1 to the 1 bytes at 0x2000
    And write monitoring has been armed
    And the guest has written 0x2 to the 1 bytes at 0x2000
    And the records are read in the initial layout
    When I ask for the record at <address>
    Then bits 30:30 of word 1 of the record at <address> hold <written-to>

    @variant:not-written-since-armed
    Examples:
      | address | written-to |
      | 0x1000  | 0x0        |

    @variant:written-since-armed
    Examples:
      | address | written-to |
      | 0x2000  | 0x1        |
