Feature: The packed per-page record
  PGM keeps one 16-byte record for every guest page, in two 64-bit words, laid out as seed 000's final
  layout. Word 0 holds the host physical page frame in bits 47:12 and the 28-bit page id split around
  it: its low 12 bits in bits 11:0 and the rest in bits 63:48. Word 1 starts with the flags: bit 0 says
  the page is read-only, bits 3:1 hold the type (RESERVED 0, MMIO 1, MMIO2 2, ROM 3, shadowed ROM 4,
  RAM 5), bits 5:4 and 7:6 the physical and virtual handler states (none, read, write, all), bits 9:8
  the state (zero 0, shared 1, normal 2, write monitored 3) and bit 10 written-to. Its upper half is the
  tracking word of the shadow page tables that map the page. The seed leaves bits 30:11 reserved for later
  use; no scenario reads them, so an implementation may keep more of its tracking there (later VirtualBox
  keeps the index of the shadow entry that maps the page in its record, and so does the reference). Reading the record is introspection: an
  implementation may keep its pages differently and skip these scenarios. The words, high bits first:

      64-bit word 0:  63:48 page id (high) | 47:12 host page frame | 11:0 page id (low)
      64-bit word 1:  63:32 shadow tracking | 10 W | 9:8 state | 7:6 virt | 5:4 phys | 3:1 type | 0 RO

  The frame field reaches host pages up to 2^48 and the id fields hold every 28-bit id, so the scenarios
  look at pages near both limits: some VMs here are told by their host which host pages and page ids they
  get, from where the fields' upper bits are set (an implementation that cannot be told skips those). The
  seed's earlier, initial layout has scenarios of its own (page-record-initial-layout.feature).

  @PGM-REC-1 @profile:pgm-introspection @variant:final-layout
  Scenario: A page record is two 64-bit words
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x0
    When I ask for the record at 0x1000
    Then the record at 0x1000 has 2 words

  @PGM-REC-1 @profile:pgm-introspection @variant:final-layout-by-name
  Scenario: A page record asked for by the final layout's name is the one asked for without a layout
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x0
    And the guest has written 0x1 to the 1 bytes at 0x1000
    Then the record at 0x1000 asked for by the final layout's name is the one asked for without a layout

  @PGM-REC-2 @profile:pgm-introspection @variant:low-host-address @variant:private-page @variant:ram-page
  Scenario: Word 0 holds the host page frame of a private page in bits 47:12
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x0
    And the guest has written 0x1 to the 1 bytes at 0x3000
    When I ask for the record at 0x3000
    Then word 0 of the record at 0x3000 holds the page's host frame in bits 47:12

  @PGM-REC-2 @profile:pgm-introspection @variant:low-host-address
  Scenario Outline: Word 0 holds the host page frame of a <page> page in bits 47:12
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x0
    And a MMIO2 range of 8 KB at 0xE0000000
    And the guest has written 0x1 to the 1 bytes at 0x3000
    And the page at 0x3000 has been shared
    When I ask for the record at <address>
    Then word 0 of the record at <address> holds the page's host frame in bits 47:12

    @variant:zero-page @variant:ram-page
    Examples:
      | page   | address    |
      | zero   | 0x5000     |

    @variant:shared-page @variant:ram-page
    Examples:
      | page   | address    |
      | shared | 0x3000     |

    @variant:private-page @variant:mmio2-page
    Examples:
      | page   | address    |
      | MMIO2  | 0xE0001000 |

  @PGM-REC-2 @profile:pgm-introspection @variant:private-page @variant:ram-page
  Scenario Outline: Word 0 holds a host page frame <where> whole in bits 47:12
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host hands out pages from host address <host> with page ids from 0x1234 and can give it 1 pages
    And a RAM range of 64 KB at 0x0
    And the guest has written 0x1 to the 1 bytes at 0x3000
    When I ask for the record at 0x3000
    Then bits 47:12 of word 0 of the record at 0x3000 hold <frame>
    And word 0 of the record at 0x3000 holds the page's host frame in bits 47:12

    @variant:above-40-bits
    Examples:
      | where                   | host           | frame       |
      | above 2^40              | 0x5A5A5A5A5000 | 0x5A5A5A5A5 |

    @variant:top-of-field
    Examples:
      | where                   | host           | frame       |
      | at the top of the field | 0xFFFFFFFFF000 | 0xFFFFFFFFF |

  @PGM-REC-3 @profile:pgm-introspection @variant:small-page-id
  Scenario: Word 0 holds the page id split around the host frame
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x0
    And the guest has written 0x1 to the 1 bytes at 0x3000
    When I ask for the record at 0x3000
    Then word 0 of the record at 0x3000 holds the page id's low 12 bits in bits 11:0 and the rest in bits 63:48

  @PGM-REC-3 @profile:pgm-introspection
  Scenario Outline: Word 0 holds a page id <which> split around the host frame, the high 16 bits in bits 63:48
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host hands out pages from host address 0x200000000 with page ids from <id> and can give it 1 pages
    And a RAM range of 64 KB at 0x0
    And the guest has written 0x1 to the 1 bytes at 0x3000
    When I ask for the record at 0x3000
    Then bits 11:0 of word 0 of the record at 0x3000 hold <low>
    And bits 63:48 of word 0 of the record at 0x3000 hold <high>
    And word 0 of the record at 0x3000 holds the page id's low 12 bits in bits 11:0 and the rest in bits 63:48

    @variant:high-page-id-bits
    Examples:
      | which                     | id        | low   | high   |
      | with its high bits set    | 0xABCDEF1 | 0xEF1 | 0xABCD |

    @variant:largest-page-id
    Examples:
      | which                     | id        | low   | high   |
      | that is the largest below nil | 0xFFFFFFE | 0xFFE | 0xFFFF |

  @PGM-REC-3 @profile:pgm-introspection @variant:nil-page-id
  Scenario: A zero page's record holds the nil page id, all 28 bits set
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x0
    When I ask for the record at 0x3000
    Then bits 11:0 of word 0 of the record at 0x3000 hold 0xFFF
    And bits 63:48 of word 0 of the record at 0x3000 hold 0xFFFF

  @PGM-REC-4 @profile:pgm-introspection
  Scenario Outline: Bits 3:1 of word 1 hold the type of a <type> page
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a <type> range of 8 KB at 0xD0000
    When I ask for the record at 0xD1000
    Then bits 3:1 of word 1 of the record at 0xD1000 hold <value>

    @variant:reserved-page
    Examples:
      | type         | value |
      | RESERVED     | 0x0   |

    @variant:mmio-page
    Examples:
      | type         | value |
      | MMIO         | 0x1   |

    @variant:mmio2-page
    Examples:
      | type         | value |
      | MMIO2        | 0x2   |

    @variant:rom-page
    Examples:
      | type         | value |
      | ROM          | 0x3   |

    @variant:shadowed-rom-page
    Examples:
      | type         | value |
      | shadowed ROM | 0x4   |

    @variant:ram-page
    Examples:
      | type         | value |
      | RAM          | 0x5   |

  @PGM-REC-5 @profile:pgm-introspection
  Scenario Outline: Bits 9:8 of word 1 hold the state of a <state> page, bit 0 its read-only flag
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
    When I ask for the record at <address>
    Then bits 9:8 of word 1 of the record at <address> hold <value>
    And bits 0:0 of word 1 of the record at <address> hold <read-only>

    @variant:zero-state
    Examples:
      | state           | address | value | read-only |
      | zero            | 0x3000  | 0x0   | 0x1       |

    @variant:shared-state
    Examples:
      | state           | address | value | read-only |
      | shared          | 0x2000  | 0x1   | 0x1       |

    @variant:normal-state
    Examples:
      | state           | address | value | read-only |
      | normal          | 0x5000  | 0x2   | 0x0       |

    @variant:write-monitored-state
    Examples:
      | state           | address | value | read-only |
      | write monitored | 0x1000  | 0x3   | 0x1       |

  @PGM-REC-6 @profile:pgm-introspection
  Scenario Outline: Bit 10 of word 1 says whether the write-monitored page at <address> was written to
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x0
    And the guest has written 0x1 to the 1 bytes at 0x1000
    And the guest has written 0x1 to the 1 bytes at 0x2000
    And write monitoring has been armed
    And the guest has written 0x2 to the 1 bytes at 0x2000
    When I ask for the record at <address>
    Then bits 10:10 of word 1 of the record at <address> hold <written-to>

    @variant:not-written-since-armed
    Examples:
      | address | written-to |
      | 0x1000  | 0x0        |

    @variant:written-since-armed
    Examples:
      | address | written-to |
      | 0x2000  | 0x1        |

  @PGM-REC-6 @profile:pgm-introspection @variant:re-armed
  Scenario: Arming write monitoring again clears bit 10 of word 1 of a page that was written to
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x0
    And the guest has written 0x1 to the 1 bytes at 0x2000
    And write monitoring has been armed
    And the guest has written 0x2 to the 1 bytes at 0x2000
    And write monitoring has been armed
    When I ask for the record at 0x2000
    Then bits 10:10 of word 1 of the record at 0x2000 hold 0x0
    And bits 9:8 of word 1 of the record at 0x2000 hold 0x3

  @PGM-REC-7 @profile:pgm-introspection @variant:no-handler
  Scenario: A page without access handlers has both handler fields at none
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x0
    And the guest has written 0x1 to the 1 bytes at 0x1000
    When I ask for the record at 0x1000
    Then bits 7:4 of word 1 of the record at 0x1000 hold 0x0

  @PGM-REC-7 @profile:pgm-introspection
  Scenario Outline: A page under a physical <kind> handler has <value> in bits 5:4 of word 1 and none in bits 7:6
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a shadow-paged VM with access handlers on a PAE host whose host can give it 64 pages
    And a RAM range of 4 MB at 0x0
    And the guest keeps PAE page tables at 0x10000
    And the guest maps 0x40001000 to 0x200000 writable user
    And the guest has loaded CR3
    And a physical <kind> handler "P" is registered over 0x200000-0x200fff
    When I ask for the record at 0x200000
    Then bits 5:4 of word 1 of the record at 0x200000 hold <value>
    And bits 7:6 of word 1 of the record at 0x200000 hold 0x0

    @variant:physical-write
    Examples:
      | kind  | value |
      | WRITE | 0x2   |

    @variant:physical-all
    Examples:
      | kind  | value |
      | ALL   | 0x3   |

  @PGM-REC-7 @profile:pgm-introspection
  Scenario Outline: A page a virtual <kind> handler reaches has <value> in bits 7:6 of word 1 and none in bits 5:4
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a shadow-paged VM with access handlers on a PAE host whose host can give it 64 pages
    And a RAM range of 4 MB at 0x0
    And the guest keeps PAE page tables at 0x10000
    And the guest maps 0x40001000 to 0x200000 writable user
    And the guest has loaded CR3
    And a virtual <kind> handler "V" is registered over 0x40001000-0x40001fff
    And the VM has synced CR3
    When I ask for the record at 0x200000
    Then bits 7:6 of word 1 of the record at 0x200000 hold <value>
    And bits 5:4 of word 1 of the record at 0x200000 hold 0x0

    @variant:virtual-write
    Examples:
      | kind  | value |
      | WRITE | 0x2   |

    @variant:virtual-all
    Examples:
      | kind  | value |
      | ALL   | 0x3   |

  @PGM-REC-8 @profile:pgm-introspection @variant:final-layout @variant:past-every-range
  Scenario: Asking for the record of a page outside every range is refused
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x0
    When I ask for the record at 0x10000
    Then the call is rejected with VERR_PGM_INVALID_GC_PHYSICAL_ADDRESS

  @PGM-REC-8 @profile:pgm-introspection @variant:final-layout @variant:gap-between-ranges
  Scenario: Asking for the record of a page in the gap between two ranges is refused
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x0
    And a RAM range of 64 KB at 0x100000
    When I ask for the record at 0x80000
    Then the call is rejected with VERR_PGM_INVALID_GC_PHYSICAL_ADDRESS

  @PGM-REC-9 @profile:pgm-introspection @variant:never-shadowed-vm
  Scenario: A page of a VM without shadow paging is tracked by no shadow page table
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x0
    And the guest has written 0x1 to the 1 bytes at 0x1000
    When I ask for the record at 0x1000
    Then the page at 0x1000 is tracked by no shadow page table

  @PGM-REC-10 @profile:pgm-introspection @variant:single-page
  Scenario Outline: In a <guest> guest on a <host> host, a page one shadow entry maps is tracked to that entry's table
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a shadow-paged VM on a <host> host whose host can give it 64 pages
    And a RAM range of 4 MB at 0x0
    And the guest keeps <guest> page tables at 0x20000
    And the guest maps 0x40001000 to 0x200000 writable user
    And the guest has loaded CR3
    When the guest reads 0x40001000 as user
    Then the page at 0x200000 is tracked to one shadow page table

    @variant:32-bit-shadow
    Examples:
      | guest  | host   |
      | 32-bit | 32-bit |

    @variant:amd64-shadow
    Examples:
      | guest  | host   |
      | AMD64  | AMD64  |

  @PGM-REC-10 @profile:pgm-introspection @variant:same-table-pages
  Scenario Outline: In a <guest> guest on a <host> host, pages one shadow page table maps carry the same pool index
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a shadow-paged VM on a <host> host whose host can give it 64 pages
    And a RAM range of 4 MB at 0x0
    And the guest keeps <guest> page tables at 0x20000
    And the guest maps 0x40001000 to 0x200000 writable user
    And the guest maps 0x40002000 to 0x201000 writable user
    And the guest has loaded CR3
    And the guest has read 0x40001000 as user
    When the guest reads 0x40002000 as user
    Then the pages at 0x200000 and 0x201000 are tracked to the same shadow page table

    @variant:32-bit-shadow
    Examples:
      | guest  | host   |
      | 32-bit | 32-bit |

    @variant:amd64-shadow
    Examples:
      | guest  | host   |
      | AMD64  | AMD64  |

  @PGM-REC-11 @profile:pgm-introspection @variant:amd64-shadow @variant:two-tables
  Scenario: In an AMD64 guest, a page that entries of two shadow page tables map is tracked through physical extents
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a shadow-paged VM on a AMD64 host whose host can give it 64 pages
    And a RAM range of 4 MB at 0x0
    And the guest keeps AMD64 page tables at 0x20000
    And the guest maps 0x40001000 to 0x200000 writable user
    And the guest maps 0x40201000 to 0x200000 writable user
    And the guest has loaded CR3
    And the guest has read 0x40001000 as user
    When the guest reads 0x40201000 as user
    Then the page at 0x200000 is tracked through a list of physical extents

  @PGM-REC-12 @profile:pgm-introspection @variant:physical-handler @variant:one-entry
  Scenario: A physical handler put on a page the shadow maps drops its shadow entry and its tracking
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a shadow-paged VM with access handlers on a PAE host whose host can give it 64 pages
    And a RAM range of 4 MB at 0x0
    And the guest keeps PAE page tables at 0x10000
    And the guest maps 0x40001000 to 0x200000 writable user
    And the guest has loaded CR3
    And the guest has read 0x40001000 as user
    When I register a physical WRITE handler "P" over 0x200000-0x200fff
    Then the page at 0x200000 is tracked by no shadow page table

  @PGM-REC-20 @profile:pgm-introspection @variant:past-the-limit
  Scenario Outline: A VM whose host would hand it <what> is refused when it is created
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    When I create a VM whose host hands out pages from host address <host> with page ids from <id> and can give it <pages> pages
    Then the call is rejected with VERR_INVALID_PARAMETER

    @variant:host-address-limit
    Examples:
      | what                                      | host            | id        | pages |
      | a second page at 2^48, past the frame field | 0xFFFFFFFFF000 | 0x1234    | 2     |
      | a first page above 2^48                   | 0x1000000000000 | 0x1234    | 1     |

    @variant:page-id-limit
    Examples:
      | what                                      | host            | id        | pages |
      | a second page whose id is the nil id      | 0x200000000     | 0xFFFFFFE | 2     |
      | a first page whose id is 0                | 0x200000000     | 0x0       | 1     |

    @variant:not-a-page
    Examples:
      | what                                      | host            | id        | pages |
      | pages from an address inside a page       | 0x200000800     | 0x1234    | 1     |

  @PGM-REC-20 @profile:pgm-introspection @variant:at-the-limit
  Scenario Outline: A VM whose host's last page <what> is accepted
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    When I create a VM whose host hands out pages from host address <host> with page ids from <id> and can give it <pages> pages
    Then the VM is created

    @variant:host-address-limit
    Examples:
      | what                                      | host            | id        | pages |
      | ends exactly at 2^48                      | 0xFFFFFFFFE000  | 0x1234    | 2     |

    @variant:page-id-limit
    Examples:
      | what                                      | host            | id        | pages |
      | has the last id below nil                 | 0x200000000     | 0xFFFFFFD | 2     |
