Feature: Guest physical memory: the zero page, allocation on write, copy on write and write monitoring
  PGM tracks every page of a VM's guest physical address space in ranges. A range has a type (RESERVED,
  MMIO, MMIO2, ROM, shadowed ROM or RAM), and every page in it has a state: ZERO (backed by the VM's one
  zero page), SHARED (backed by a page shared with others), normal (ALLOCATED, a private page of its own)
  or WRITE_MONITORED (a private page whose writes are being watched).

  RAM costs nothing until the guest writes to it. All RAM starts on the per-VM zero page, and reading it
  allocates nothing. The first write to a page asks the host for a private page. A write to a shared page
  first copies it into a private page, so that the other users never see the change. A write to a
  write-monitored page records that the page was written to, which is how a live save finds the pages
  it must send again. ROM, MMIO2 and shadowed ROM pages follow their own rules, and MMIO and RESERVED
  pages are never memory at all.

  Every page a VM holds carries the host address and the page id of the one host page behind it: the pair
  the host handed out with that page, which changes when the page moves to another host page and only
  then. Some scenarios tell the VM's host which host pages and ids to hand out, so that they can check the
  exact values; an implementation that cannot be told skips them.

  Addresses are guest physical; the pages are 4 KB.

  @PGM-PHYS-1 @profile:pgm @variant:one-range @variant:many-page-range
  Scenario: Newly registered RAM is backed by the zero page
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a VM whose host can give it 16 pages
    When I register a RAM range of 1 MB at 0x0
    Then the page at 0x0 is in state ZERO
    And the page at 0xFF000 is in state ZERO
    And the page at 0x42000 is backed by the zero page
    And the page at 0x42000 has no page id
    And the VM owns 0 private host pages
    And the page counts are 256 zero, 0 private, 0 shared, 0 monitored and 0 written to

  @PGM-PHYS-1 @profile:pgm
  Scenario Outline: The <position> page of a new RAM range is on the zero page, in state ZERO and without a page id
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a VM whose host can give it 16 pages
    When I register a RAM range of 1 MB at 0x100000
    Then the page at <address> is in state ZERO
    And the page at <address> is backed by the zero page
    And the page at <address> has no page id

    @variant:first-page
    Examples:
      | position | address  |
      | first    | 0x100000 |

    @variant:last-page
    Examples:
      | position | address  |
      | last     | 0x1FF000 |

  @PGM-PHYS-1 @profile:pgm @variant:one-page-range
  Scenario: A RAM range of a single page starts on the zero page too
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a VM whose host can give it 16 pages
    When I register a RAM range of 4 KB at 0x7000
    Then the page at 0x7000 is in state ZERO
    And the page at 0x7000 is backed by the zero page
    And the page at 0x7000 has no page id
    And the VM owns 0 private host pages

  @PGM-PHYS-1 @profile:pgm @variant:several-ranges
  Scenario: Every RAM range of a VM starts on the VM's one zero page, not on a zero page of its own
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a RAM range of 1 MB at 0x0
    When I register a RAM range of 64 KB at 0x40000000
    Then the page at 0x40008000 is in state ZERO
    And the page at 0x40008000 is backed by the zero page
    And the page at 0x40008000 has no page id
    And the page at 0x8000 is backed by the zero page

  @PGM-PHYS-2 @profile:pgm @variant:read-8-bytes @variant:fresh-vm
  Scenario: Reading RAM that was never written returns zeros and allocates nothing
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a RAM range of 1 MB at 0x0
    When the guest reads 8 bytes at 0x42008
    Then the read returns 0x0
    And the page at 0x42000 is in state ZERO
    And the VM owns 0 private host pages

  @PGM-PHYS-2 @profile:pgm @variant:fresh-vm
  Scenario Outline: A <width>-byte read at the <offset> of a page never written returns zeros and allocates nothing
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a RAM range of 1 MB at 0x0
    When the guest reads <width> bytes at <address>
    Then the read returns 0x0
    And the page at 0x42000 is in state ZERO
    And the VM owns 0 private host pages

    @variant:read-1-byte @variant:page-end
    Examples:
      | width | offset | address |
      | 1     | end    | 0x42FFF |

    @variant:read-2-bytes @variant:page-start
    Examples:
      | width | offset | address |
      | 2     | start  | 0x42000 |

    @variant:read-4-bytes @variant:page-end
    Examples:
      | width | offset | address |
      | 4     | end    | 0x42FFC |

    @variant:read-8-bytes @variant:page-start
    Examples:
      | width | offset | address |
      | 8     | start  | 0x42000 |

  @PGM-PHYS-2 @profile:pgm @variant:after-other-pages-written @variant:read-8-bytes
  Scenario Outline: A page never written still reads as zeros at its <offset> after the guest wrote to other pages
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a RAM range of 1 MB at 0x0
    And the guest has written 0x1122334455667788 to the 8 bytes at 0x41000
    And the guest has written 0x99AABBCCDDEEFF00 to the 8 bytes at 0x43FF8
    When the guest reads 8 bytes at <address>
    Then the read returns 0x0
    And the page at 0x42000 is in state ZERO
    And the VM owns 2 private host pages

    @variant:page-start
    Examples:
      | offset | address |
      | start  | 0x42000 |

    @variant:page-end
    Examples:
      | offset | address |
      | end    | 0x42FF8 |

  @PGM-PHYS-3 @profile:pgm @variant:write-8-bytes @variant:one-page-written @variant:plain-vm @variant:fresh-host-page
  Scenario: The first write to a zero page gives the page a private host page
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a RAM range of 1 MB at 0x0
    When the guest writes 0x1122334455667788 to the 8 bytes at 0x42008
    Then the page at 0x42000 is in state ALLOCATED
    And the page at 0x42000 is backed by a host page other than the zero page
    And the page at 0x42000 has a page id
    And the VM owns 1 private host page
    And the page counts are 255 zero, 1 private, 0 shared, 0 monitored and 0 written to

  @PGM-PHYS-3 @profile:pgm @variant:write-2-bytes
  Scenario: What the first write stored reads back, and the rest of the new page reads as zero
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a RAM range of 1 MB at 0x0
    And the guest has written 0xBEEF to the 2 bytes at 0x42010
    When the guest reads 4 bytes at 0x42010
    Then the read returns 0xBEEF
    And the page at 0x43000 is in state ZERO

  @PGM-PHYS-3 @profile:pgm
  Scenario Outline: On <vm>, two pages written get two host pages of their own
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given <vm> whose host can give it 16 pages
    And a RAM range of 1 MB at 0x0
    And the guest has written 0x1 to the 1 bytes at 0x1000
    When the guest writes 0x2 to the 1 bytes at 0x2000
    Then the pages at 0x1000 and 0x2000 are backed by different host pages
    And the VM owns 2 private host pages

    @variant:plain-vm @variant:several-pages-written @variant:write-1-byte
    Examples:
      | vm                                 |
      | a VM                               |

    @variant:shadow-paged-vm @variant:several-pages-written @variant:write-1-byte
    Examples:
      | vm                                 |
      | a shadow-paged VM on a PAE host    |

  @PGM-PHYS-3 @profile:pgm @variant:write-1-byte @variant:recycled-host-page
  Scenario: A zero page first written after a shared page was copied away holds only what was written
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a RAM range of 1 MB at 0x0
    And the guest has written 0xFF to the 1 bytes at 0x1008
    And the page at 0x1000 has been shared
    And the guest has written 0x1 to the 1 bytes at 0x1000
    And the guest has written 0x2 to the 1 bytes at 0x2000
    When the guest reads 1 bytes at 0x2008
    Then the read returns 0x0

  @PGM-PHYS-3 @profile:pgm @variant:write-4-bytes
  Scenario Outline: The first write to the <position> page of a range gives that page a private page holding what was written
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x10000
    And the guest has written 0xDEADBEEF to the 4 bytes at <address>
    When the guest reads 4 bytes at <address>
    Then the read returns 0xDEADBEEF
    And the page at <page> is in state ALLOCATED
    And the page at <page> is backed by a host page other than the zero page
    And the page at <page> has a page id
    And the VM owns 1 private host page

    @variant:first-page-of-range
    Examples:
      | position | page    | address |
      | first    | 0x10000 | 0x10000 |

    @variant:last-page-of-range
    Examples:
      | position | page    | address |
      | last     | 0x1F000 | 0x1FFFC |

  @PGM-PHYS-3 @profile:pgm
  Scenario: A host page that sharing gave back reads as zero when the host hands it out again
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a RAM range of 1 MB at 0x0
    And the guest has written 0x1122334455667788 to the 8 bytes at 0x5000
    And the page at 0x5000 has been shared
    And the guest has written 0x1 to the 1 bytes at 0x6000
    When the guest reads 8 bytes at 0x6000
    Then the read returns 0x1

  @PGM-PHYS-21 @profile:pgm
  Scenario Outline: On <vm>, a <width>-byte write at offset <offset> changes exactly its own bytes
    Source: Intel SDM Vol. 1, 1.3.1 "Bit and Byte Order"
    Given <vm> whose host can give it 16 pages
    And a RAM range of 1 MB at 0x0
    And the guest has written 0x1122334455667788 to the 8 bytes at 0x7000
    And the guest has written <value> to the <width> bytes at <address>
    When the guest reads 8 bytes at 0x7000
    Then the read returns <word>

    @variant:plain-vm @variant:one-byte @variant:page-start @variant:narrow-write
    Examples:
      | vm                              | width | offset | address | value      | word               |
      | a VM                            | 1     | 0      | 0x7000  | 0xAB       | 0x11223344556677AB |

    @variant:plain-vm @variant:one-byte @variant:mid-page @variant:narrow-write
    Examples:
      | vm                              | width | offset | address | value      | word               |
      | a VM                            | 1     | 5      | 0x7005  | 0xAB       | 0x1122AB4455667788 |

    @variant:plain-vm @variant:two-bytes @variant:mid-page @variant:narrow-write
    Examples:
      | vm                              | width | offset | address | value      | word               |
      | a VM                            | 2     | 6      | 0x7006  | 0xCDEF     | 0xCDEF334455667788 |

    @variant:plain-vm @variant:four-bytes @variant:mid-page @variant:narrow-write
    Examples:
      | vm                              | width | offset | address | value      | word               |
      | a VM                            | 4     | 4      | 0x7004  | 0xDEADBEEF | 0xDEADBEEF55667788 |

    @variant:plain-vm @variant:eight-bytes @variant:page-start
    Examples:
      | vm                              | width | offset | address | value      | word               |
      | a VM                            | 8     | 0      | 0x7000  | 0x0        | 0x0                |

    @variant:shadow-paged-vm @variant:one-byte @variant:mid-page @variant:narrow-write
    Examples:
      | vm                              | width | offset | address | value      | word               |
      | a shadow-paged VM on a PAE host | 1     | 5      | 0x7005  | 0xAB       | 0x1122AB4455667788 |

    @variant:shadow-paged-vm @variant:four-bytes @variant:mid-page @variant:narrow-write
    Examples:
      | vm                              | width | offset | address | value      | word               |
      | a shadow-paged VM on a PAE host | 4     | 4      | 0x7004  | 0xDEADBEEF | 0xDEADBEEF55667788 |

  @PGM-PHYS-21 @profile:pgm
  Scenario Outline: On <vm>, a <width>-byte read at offset <offset> returns the bytes there, the lowest first
    Source: Intel SDM Vol. 1, 1.3.1 "Bit and Byte Order"
    Given <vm> whose host can give it 16 pages
    And a RAM range of 1 MB at 0x0
    And the guest has written 0x1122334455667788 to the 8 bytes at 0x7000
    When the guest reads <width> bytes at <address>
    Then the read returns <value>

    @variant:plain-vm @variant:one-byte @variant:mid-page @variant:narrow-read
    Examples:
      | vm                              | width | offset | address | value      |
      | a VM                            | 1     | 7      | 0x7007  | 0x11       |

    @variant:plain-vm @variant:two-bytes @variant:mid-page @variant:narrow-read
    Examples:
      | vm                              | width | offset | address | value      |
      | a VM                            | 2     | 2      | 0x7002  | 0x5566     |

    @variant:plain-vm @variant:four-bytes @variant:mid-page @variant:narrow-read
    Examples:
      | vm                              | width | offset | address | value      |
      | a VM                            | 4     | 4      | 0x7004  | 0x11223344 |

    @variant:plain-vm @variant:four-bytes @variant:page-start @variant:narrow-read
    Examples:
      | vm                              | width | offset | address | value      |
      | a VM                            | 4     | 0      | 0x7000  | 0x55667788 |

    @variant:shadow-paged-vm @variant:two-bytes @variant:mid-page @variant:narrow-read
    Examples:
      | vm                              | width | offset | address | value      |
      | a shadow-paged VM on a PAE host | 2     | 2      | 0x7002  | 0x5566     |

    @variant:shadow-paged-vm @variant:one-byte @variant:mid-page @variant:narrow-read
    Examples:
      | vm                              | width | offset | address | value      |
      | a shadow-paged VM on a PAE host | 1     | 7      | 0x7007  | 0x11       |

  @PGM-PHYS-21 @profile:pgm @variant:page-end
  Scenario Outline: On <vm>, a <width>-byte write in the last word of a page changes its own bytes and none of the next page
    Source: Intel SDM Vol. 1, 1.3.1 "Bit and Byte Order"
    Given <vm> whose host can give it 16 pages
    And a RAM range of 1 MB at 0x0
    And the guest has written 0x1122334455667788 to the 8 bytes at 0x7FF8
    And the guest has written <value> to the <width> bytes at <address>
    When the guest reads 8 bytes at 0x7FF8
    Then the read returns <word>
    And the page at 0x8000 is in state ZERO

    @variant:plain-vm @variant:one-byte @variant:narrow-write
    Examples:
      | vm                              | width | address | value      | word               |
      | a VM                            | 1     | 0x7FFF  | 0xAB       | 0xAB22334455667788 |

    @variant:plain-vm @variant:two-bytes @variant:narrow-write
    Examples:
      | vm                              | width | address | value      | word               |
      | a VM                            | 2     | 0x7FFE  | 0xCDEF     | 0xCDEF334455667788 |

    @variant:shadow-paged-vm @variant:four-bytes @variant:narrow-write
    Examples:
      | vm                              | width | address | value      | word               |
      | a shadow-paged VM on a PAE host | 4     | 0x7FFC  | 0xDEADBEEF | 0xDEADBEEF55667788 |

    @variant:shadow-paged-vm @variant:eight-bytes
    Examples:
      | vm                              | width | address | value      | word               |
      | a shadow-paged VM on a PAE host | 8     | 0x7FF8  | 0x0102030405060708 | 0x0102030405060708 |

  @PGM-PHYS-21 @profile:pgm @variant:page-end @variant:narrow-read
  Scenario Outline: On <vm>, a <width>-byte read in the last word of a page returns the bytes there, the lowest first
    Source: Intel SDM Vol. 1, 1.3.1 "Bit and Byte Order"
    Given <vm> whose host can give it 16 pages
    And a RAM range of 1 MB at 0x0
    And the guest has written 0x1122334455667788 to the 8 bytes at 0x7FF8
    When the guest reads <width> bytes at <address>
    Then the read returns <value>

    @variant:plain-vm @variant:one-byte
    Examples:
      | vm                              | width | address | value      |
      | a VM                            | 1     | 0x7FFF  | 0x11       |

    @variant:shadow-paged-vm @variant:two-bytes
    Examples:
      | vm                              | width | address | value      |
      | a shadow-paged VM on a PAE host | 2     | 0x7FFE  | 0x1122     |

    @variant:plain-vm @variant:four-bytes
    Examples:
      | vm                              | width | address | value      |
      | a VM                            | 4     | 0x7FFC  | 0x11223344 |

  @PGM-PHYS-4 @profile:pgm @variant:ram-page
  Scenario: A second write to a normal page allocates nothing more
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a RAM range of 1 MB at 0x0
    And the guest has written 0x1 to the 1 bytes at 0x42000
    When the guest writes 0x2 to the 1 bytes at 0x42FFF
    Then the page at 0x42000 keeps its host page
    And the VM owns 1 private host page

  @PGM-PHYS-4 @profile:pgm
  Scenario Outline: A further write to a <type> page that has its private page goes to that page and allocates nothing
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a <type> range of 8 KB at 0xC0000
    And the guest has written 0x1 to the 1 bytes at 0xC1000
    When the guest writes 0x2 to the 1 bytes at 0xC1FFF
    Then the page at 0xC1000 keeps its host page
    And the page at 0xC1000 is in state ALLOCATED
    And the VM owns <pages> private host pages

    @variant:mmio2-page
    Examples:
      | type         | pages |
      | MMIO2        | 2     |

    @variant:shadowed-rom-page
    Examples:
      | type         | pages |
      | shadowed ROM | 1     |

  @PGM-PHYS-5 @profile:pgm @variant:one-shared-page @variant:one-byte-write
  Scenario: A write to a shared page copies it into a new private page first
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a RAM range of 1 MB at 0x0
    And the guest has written 0xCAFE to the 2 bytes at 0x5000
    And the page at 0x5000 has been shared
    When the guest writes 0x7 to the 1 bytes at 0x5100
    Then the page at 0x5000 is in state ALLOCATED
    And the page at 0x5000 has a new host page
    And the page counts are 255 zero, 1 private, 0 shared, 0 monitored and 0 written to

  @PGM-PHYS-5 @profile:pgm @variant:one-shared-page @variant:one-byte-write
  Scenario: The copy of a shared page keeps the shared contents
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a RAM range of 1 MB at 0x0
    And the guest has written 0xCAFE to the 2 bytes at 0x5000
    And the page at 0x5000 has been shared
    And the guest has written 0x7 to the 1 bytes at 0x5100
    When the guest reads 2 bytes at 0x5000
    Then the read returns 0xCAFE

  @PGM-PHYS-5 @profile:pgm @variant:one-shared-page @variant:eight-byte-write-at-page-end
  Scenario: An eight-byte write at the end of a shared page copies the page whole, the start included
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a RAM range of 1 MB at 0x0
    And the guest has written 0xCAFE to the 2 bytes at 0x5000
    And the page at 0x5000 has been shared
    And the guest has written 0x1122334455667788 to the 8 bytes at 0x5FF8
    When the guest reads 2 bytes at 0x5000
    Then the read returns 0xCAFE
    And the page at 0x5000 is in state ALLOCATED
    And the page at 0x5000 is backed by a host page other than the zero page

  @PGM-PHYS-5 @profile:pgm @variant:several-shared-pages @variant:one-byte-write
  Scenario: Of two shared pages, the one written is copied from its own contents and the other stays shared
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a RAM range of 1 MB at 0x0
    And the guest has written 0xCAFE to the 2 bytes at 0x5000
    And the guest has written 0xBEEF to the 2 bytes at 0x6000
    And the page at 0x5000 has been shared
    And the page at 0x6000 has been shared
    And the guest has written 0x7 to the 1 bytes at 0x6100
    When the guest reads 2 bytes at 0x6000
    Then the read returns 0xBEEF
    And the page at 0x6000 is in state ALLOCATED
    And the page at 0x5000 is in state SHARED
    And the page counts are 254 zero, 1 private, 1 shared, 0 monitored and 0 written to

  @PGM-PHYS-22 @profile:pgm @variant:one-shared-page
  Scenario Outline: On <vm>, a page shared and then copied on a write costs the host budget one page
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given <vm> whose host can give it 2 pages
    And a RAM range of 1 MB at 0x0
    And the guest has written 0xCAFE to the 2 bytes at 0x5000
    And the page at 0x5000 has been shared
    And the guest has written 0x7 to the 1 bytes at 0x5100
    When the guest writes 0x1 to the 1 bytes at 0x6000
    Then the page at 0x6000 is in state ALLOCATED
    And the VM owns 2 private host pages

    @variant:plain-vm
    Examples:
      | vm                              |
      | a VM                            |

    @variant:shadow-paged-vm
    Examples:
      | vm                              |
      | a shadow-paged VM on a PAE host |

  @PGM-PHYS-22 @profile:pgm @variant:one-shared-page
  Scenario Outline: On <vm>, the budget runs out at the pages the VM holds, shared ones included
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given <vm> whose host can give it 2 pages
    And a RAM range of 1 MB at 0x0
    And the guest has written 0xCAFE to the 2 bytes at 0x5000
    And the page at 0x5000 has been shared
    And the guest has written 0x7 to the 1 bytes at 0x5100
    And the guest has written 0x1 to the 1 bytes at 0x6000
    When the guest writes 0x1 to the 1 bytes at 0x7000
    Then the call is rejected with VERR_EM_NO_MEMORY
    And guest memory is unchanged

    @variant:plain-vm
    Examples:
      | vm                              |
      | a VM                            |

    @variant:shadow-paged-vm
    Examples:
      | vm                              |
      | a shadow-paged VM on a PAE host |

  @PGM-PHYS-22 @profile:pgm @variant:several-shared-pages
  Scenario Outline: On <vm>, every shared page the VM holds counts against its budget
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given <vm> whose host can give it 4 pages
    And a RAM range of 1 MB at 0x0
    And the guest has written 0x1 to the 1 bytes at 0x5000
    And the guest has written 0x2 to the 1 bytes at 0x6000
    And the page at 0x5000 has been shared
    And the page at 0x6000 has been shared
    And the guest has written 0x3 to the 1 bytes at 0x7000
    And the guest has written 0x4 to the 1 bytes at 0x8000
    When the guest writes 0x5 to the 1 bytes at 0x9000
    Then the call is rejected with VERR_EM_NO_MEMORY
    And guest memory is unchanged

    @variant:plain-vm
    Examples:
      | vm                              |
      | a VM                            |

    @variant:shadow-paged-vm
    Examples:
      | vm                              |
      | a shadow-paged VM on a PAE host |

  @PGM-PHYS-6 @profile:pgm @variant:one-shared-page
  Scenario: A shared page is read-only and no longer private to the VM
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a RAM range of 1 MB at 0x0
    And the guest has written 0xCAFE to the 2 bytes at 0x5000
    When I share the page at 0x5000
    Then the page at 0x5000 is in state SHARED
    And the page at 0x5000 is read-only
    And the VM owns 0 private host pages
    And the page counts are 255 zero, 0 private, 1 shared, 0 monitored and 0 written to

  @PGM-PHYS-6 @profile:pgm @variant:several-shared-pages
  Scenario: Each of several shared pages is read-only, and only the pages left unshared stay private
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a RAM range of 1 MB at 0x0
    And the guest has written 0xCAFE to the 2 bytes at 0x5000
    And the guest has written 0xBEEF to the 2 bytes at 0x6000
    And the guest has written 0xF00D to the 2 bytes at 0x7000
    And the page at 0x5000 has been shared
    When I share the page at 0x6000
    Then the page at 0x5000 is read-only
    And the page at 0x6000 is read-only
    And the page at 0x6000 is in state SHARED
    And the page at 0x7000 is writable
    And the VM owns 1 private host page
    And the page counts are 253 zero, 1 private, 2 shared, 0 monitored and 0 written to

  @PGM-PHYS-23 @profile:pgm @variant:one-shared-page
  Scenario Outline: A shared page reads at its <offset> what the page held there when it was shared
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a RAM range of 1 MB at 0x0
    And the guest has written 0xCAFE to the 2 bytes at 0x5000
    And the guest has written 0x1122334455667788 to the 8 bytes at 0x5FF8
    And the page at 0x5000 has been shared
    When the guest reads 8 bytes at <address>
    Then the read returns <value>
    And the page at 0x5000 is in state SHARED

    @variant:page-start
    Examples:
      | offset | address | value              |
      | start  | 0x5000  | 0xCAFE             |

    @variant:page-end
    Examples:
      | offset | address | value              |
      | end    | 0x5FF8  | 0x1122334455667788 |

  @PGM-PHYS-23 @profile:pgm @variant:several-shared-pages @variant:page-start
  Scenario: Each of two shared pages reads what it held itself when it was shared
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a RAM range of 1 MB at 0x0
    And the guest has written 0xCAFE to the 2 bytes at 0x5000
    And the guest has written 0xBEEF to the 2 bytes at 0x6000
    And the page at 0x5000 has been shared
    And the page at 0x6000 has been shared
    When the guest reads 2 bytes at 0x5000
    Then the read returns 0xCAFE

  @PGM-PHYS-24 @profile:pgm @variant:placed-host-pages @variant:several-pages-written
  Scenario: The pages a VM writes first carry the host pages, and the page ids, its host handed out for them
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host hands out pages from host address 0x123456000 with page ids from 0xABCD01 and can give it 16 pages
    And a RAM range of 1 MB at 0x0
    And the guest has written 0x1 to the 1 bytes at 0x3000
    When the guest writes 0x2 to the 1 bytes at 0x9000
    Then the page at 0x3000 is backed by the host page at 0x123456000
    And the page at 0x3000 has page id 0xABCD01
    And the page at 0x9000 is backed by the host page at 0x123457000
    And the page at 0x9000 has page id 0xABCD02

  @PGM-PHYS-24 @profile:pgm @variant:any-host-pages @variant:several-pages-written
  Scenario: Pages written one after another carry different page ids
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 1 MB at 0x0
    And the guest has written 0x1 to the 1 bytes at 0x3000
    And the guest has written 0x1 to the 1 bytes at 0x4000
    When the guest writes 0x1 to the 1 bytes at 0x5000
    Then the pages at 0x3000 and 0x4000 have different page ids
    And the pages at 0x4000 and 0x5000 have different page ids
    And the pages at 0x3000 and 0x5000 have different page ids

  @PGM-PHYS-24 @profile:pgm @variant:shared-page-copied
  Scenario Outline: With <host>, a copy of a shared page carries the page id of its new page, not the shared page's
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given <vm> can give it 16 pages
    And a RAM range of 1 MB at 0x0
    And the guest has written 0xCAFE to the 2 bytes at 0x5000
    And the page at 0x5000 has been shared
    When the guest writes 0x7 to the 1 bytes at 0x5100
    Then the page at 0x5000 has a new host page
    And the page at 0x5000 has a new page id

    @variant:any-host-pages
    Examples:
      | host                                   | vm              |
      | a host handing out any pages           | a VM whose host |

    @variant:placed-host-pages
    Examples:
      | host                                   | vm                                                                                           |
      | a host handing out the pages it is told | a VM whose host hands out pages from host address 0x123456000 with page ids from 0xABCD01 and |

  @PGM-PHYS-24 @profile:pgm @variant:any-host-pages @variant:monitored-page-written
  Scenario: A write-monitored page written to keeps its host page and its page id
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 1 MB at 0x0
    And the guest has written 0x1 to the 1 bytes at 0x3000
    And write monitoring has been armed
    When the guest writes 0x2 to the 1 bytes at 0x3008
    Then the page at 0x3000 keeps its host page
    And the page at 0x3000 keeps its page id

  @PGM-PHYS-7 @profile:pgm @variant:ram-page @variant:normal-page @variant:zero-page @variant:one-monitored-range
  Scenario: Arming write monitoring watches every normal page and leaves zero pages alone
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 1 MB at 0x0
    And the guest has written 0x1 to the 1 bytes at 0x1000
    And the guest has written 0x1 to the 1 bytes at 0x2000
    When write monitoring is armed
    Then the page at 0x1000 is in state WRITE_MONITORED
    And the page at 0x2000 is in state WRITE_MONITORED
    And the page at 0x3000 is in state ZERO
    And the page at 0x1000 has not been written to
    And the page at 0x1000 is read-only
    And the page counts are 254 zero, 2 private, 0 shared, 2 monitored and 0 written to

  @PGM-PHYS-7 @profile:pgm @variant:mmio2-page @variant:rom-page @variant:normal-page
  Scenario: Arming write monitoring watches MMIO2 pages too, and leaves ROM alone
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a MMIO2 range of 8 KB at 0xE0000000
    And a ROM range of 4 KB at 0xF0000
    When write monitoring is armed
    Then the page at 0xE0000000 is in state WRITE_MONITORED
    And the page at 0xE0001000 is in state WRITE_MONITORED
    And the page at 0xF0000 is in state ALLOCATED

  @PGM-PHYS-7 @profile:pgm @variant:shadowed-rom-page
  Scenario: Arming write monitoring leaves shadowed ROM alone, written or not
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a shadowed ROM range of 8 KB at 0xC0000
    And the guest has written 0x9 to the 1 bytes at 0xC0000
    When write monitoring is armed
    Then the page at 0xC0000 is in state ALLOCATED
    And the page at 0xC1000 is in state ZERO
    And the page counts are 1 zero, 1 private, 0 shared, 0 monitored and 0 written to

  @PGM-PHYS-7 @profile:pgm @variant:shared-page @variant:ram-page
  Scenario: Arming write monitoring leaves a shared page shared
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 1 MB at 0x0
    And the guest has written 0xCAFE to the 2 bytes at 0x5000
    And the page at 0x5000 has been shared
    When write monitoring is armed
    Then the page at 0x5000 is in state SHARED
    And the page at 0x5000 has not been written to
    And the page counts are 255 zero, 0 private, 1 shared, 0 monitored and 0 written to

  @PGM-PHYS-7 @profile:pgm @variant:several-monitored-ranges @variant:ram-page @variant:mmio2-page
  Scenario: Arming write monitoring watches the normal pages of every range, not only of the first
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x0
    And a MMIO2 range of 4 KB at 0xE0000000
    And a RAM range of 64 KB at 0x100000
    And the guest has written 0x1 to the 1 bytes at 0x1000
    And the guest has written 0x1 to the 1 bytes at 0x10F000
    When write monitoring is armed
    Then the page at 0x1000 is in state WRITE_MONITORED
    And the page at 0xE0000000 is in state WRITE_MONITORED
    And the page at 0x10F000 is in state WRITE_MONITORED
    And the page counts are 30 zero, 3 private, 0 shared, 3 monitored and 0 written to

  @PGM-PHYS-8 @profile:pgm @variant:ram-page @variant:write-1-byte @variant:several-monitored-pages
  Scenario: A write to a write-monitored page records that it was written to
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 1 MB at 0x0
    And the guest has written 0x1 to the 1 bytes at 0x1000
    And the guest has written 0x1 to the 1 bytes at 0x2000
    And write monitoring has been armed
    When the guest writes 0x2 to the 1 bytes at 0x1008
    Then the page at 0x1000 has been written to
    And the page at 0x2000 has not been written to
    And the page at 0x1000 keeps its host page

  @PGM-PHYS-8 @profile:pgm @variant:ram-page @variant:one-monitored-page @variant:write-1-byte
  Scenario: What a write to a write-monitored page stores reads back
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 1 MB at 0x0
    And the guest has written 0x1 to the 1 bytes at 0x1000
    And write monitoring has been armed
    And the guest has written 0x2 to the 1 bytes at 0x1008
    When the guest reads 8 bytes at 0x1008
    Then the read returns 0x2

  @PGM-PHYS-8 @profile:pgm @variant:mmio2-page @variant:write-8-bytes @variant:several-monitored-pages
  Scenario: An eight-byte write to a write-monitored MMIO2 page records that it was written to
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a MMIO2 range of 8 KB at 0xE0000000
    And write monitoring has been armed
    When the guest writes 0x1122334455667788 to the 8 bytes at 0xE0001FF8
    Then the page at 0xE0001000 has been written to
    And the page at 0xE0000000 has not been written to
    And the page at 0xE0001000 keeps its host page

  @PGM-PHYS-9 @profile:pgm @variant:ram-page @variant:after-the-write
  Scenario: A write-monitored page that was written to becomes a normal page again
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 1 MB at 0x0
    And the guest has written 0x1 to the 1 bytes at 0x1000
    And write monitoring has been armed
    When the guest writes 0x2 to the 1 bytes at 0x1008
    Then the page at 0x1000 is in state ALLOCATED
    And the page at 0x1000 is writable
    And the page counts are 255 zero, 1 private, 0 shared, 0 monitored and 1 written to

  @PGM-PHYS-9 @profile:pgm @variant:ram-page @variant:after-re-arming
  Scenario: Arming write monitoring again clears written-to
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 1 MB at 0x0
    And the guest has written 0x1 to the 1 bytes at 0x1000
    And write monitoring has been armed
    And the guest has written 0x2 to the 1 bytes at 0x1008
    When write monitoring is armed
    Then the page at 0x1000 has not been written to
    And the page at 0x1000 is in state WRITE_MONITORED

  @PGM-PHYS-9 @profile:pgm @variant:mmio2-page @variant:after-the-write
  Scenario: A write-monitored MMIO2 page that was written to becomes a normal, writable page again
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a MMIO2 range of 8 KB at 0xE0000000
    And write monitoring has been armed
    When the guest writes 0x2 to the 1 bytes at 0xE0000008
    Then the page at 0xE0000000 is in state ALLOCATED
    And the page at 0xE0000000 is writable
    And the page counts are 0 zero, 2 private, 0 shared, 1 monitored and 1 written to

  @PGM-PHYS-9 @profile:pgm @variant:mmio2-page @variant:after-re-arming
  Scenario: Arming write monitoring again clears the written-to flag of an MMIO2 page
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a MMIO2 range of 8 KB at 0xE0000000
    And write monitoring has been armed
    And the guest has written 0x2 to the 1 bytes at 0xE0000008
    When write monitoring is armed
    Then the page at 0xE0000000 has not been written to
    And the page at 0xE0000000 is in state WRITE_MONITORED

  @PGM-PHYS-10 @profile:pgm
  Scenario Outline: Whether the <page> page is read-only
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x0
    And a ROM range of 8 KB at 0x10000
    And a MMIO2 range of 8 KB at 0x20000
    And the guest has written 0x1 to the 1 bytes at 0x1000
    And the guest has written 0x1 to the 1 bytes at 0x2000
    And the page at 0x2000 has been shared
    When I ask for the page at <address>
    Then the page at <address> is <access>

    @variant:zero-page
    Examples:
      | page         | address | access    |
      | zero         | 0x3000  | read-only |

    @variant:normal-ram-page
    Examples:
      | page         | address | access    |
      | normal RAM   | 0x1000  | writable  |

    @variant:shared-page
    Examples:
      | page         | address | access    |
      | shared       | 0x2000  | read-only |

    @variant:rom-page
    Examples:
      | page         | address | access    |
      | ROM          | 0x10000 | read-only |

    @variant:mmio2-page
    Examples:
      | page         | address | access    |
      | MMIO2        | 0x20000 | writable  |

  @PGM-PHYS-10 @profile:pgm
  Scenario Outline: Whether the <page> page, next to monitored RAM and shadowed ROM, is read-only
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x0
    And a shadowed ROM range of 8 KB at 0xC0000
    And a MMIO range of 4 KB at 0xFEC00000
    And a RESERVED range of 4 KB at 0xFED00000
    And the guest has written 0x1 to the 1 bytes at 0x1000
    And write monitoring has been armed
    And the guest has written 0x1 to the 1 bytes at 0xC1000
    When I ask for the page at <address>
    Then the page at <address> is <access>

    @variant:write-monitored-page
    Examples:
      | page                | address    | access    |
      | write-monitored RAM | 0x1000     | read-only |

    @variant:shadowed-rom-zero-page
    Examples:
      | page                | address    | access    |
      | unwritten shadowed ROM | 0xC0000 | read-only |

    @variant:shadowed-rom-written-page
    Examples:
      | page                | address    | access    |
      | written shadowed ROM | 0xC1000   | writable  |

    @variant:mmio-page
    Examples:
      | page                | address    | access    |
      | MMIO                | 0xFEC00000 | read-only |

    @variant:reserved-page
    Examples:
      | page                | address    | access    |
      | RESERVED            | 0xFED00000 | read-only |

  @PGM-PHYS-11 @profile:pgm @variant:write-1-byte @variant:first-rom-page @variant:ample-budget
  Scenario: ROM is backed at registration and a guest write to it is dropped
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a ROM range of 8 KB at 0xF0000
    And the guest has written 0x55 to the 1 bytes at 0xF0010
    When the guest reads 1 bytes at 0xF0010
    Then the read returns 0x0
    And the page at 0xF0000 is in state ALLOCATED
    And the page at 0xF0000 is of type ROM
    And the VM owns 2 private host pages

  @PGM-PHYS-11 @profile:pgm @variant:exact-budget
  Scenario: A ROM range that takes exactly the pages the host has left is backed whole
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 2 pages
    When I register a ROM range of 8 KB at 0xF0000
    Then the page at 0xF1000 is in state ALLOCATED
    And the VM owns 2 private host pages

  @PGM-PHYS-11 @profile:pgm @variant:write-8-bytes @variant:last-rom-page
  Scenario: An eight-byte guest write to the last page of a ROM range is dropped too
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a ROM range of 8 KB at 0xF0000
    And the guest has written 0x1122334455667788 to the 8 bytes at 0xF1FF8
    When the guest reads 8 bytes at 0xF1FF8
    Then the read returns 0x0
    And the page at 0xF1000 is in state ALLOCATED
    And the VM owns 2 private host pages

  @PGM-PHYS-12 @profile:pgm @variant:mmio2-range @variant:first-page
  Scenario: MMIO2 is backed by private pages at registration and written in place
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a MMIO2 range of 8 KB at 0xE0000000
    And the guest has written 0x1234 to the 2 bytes at 0xE0000100
    When the guest reads 2 bytes at 0xE0000100
    Then the read returns 0x1234
    And the page at 0xE0000000 is in state ALLOCATED
    And the VM owns 2 private host pages

  @PGM-PHYS-12 @profile:pgm @variant:shadowed-rom-range @variant:first-page
  Scenario: Shadowed ROM starts on the zero page and gets a private page on its first write
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a shadowed ROM range of 8 KB at 0xC0000
    When the guest writes 0x9 to the 1 bytes at 0xC0000
    Then the page at 0xC0000 is in state ALLOCATED
    And the page at 0xC1000 is in state ZERO
    And the page at 0xC0000 is of type shadowed ROM

  @PGM-PHYS-12 @profile:pgm @variant:mmio2-range @variant:last-page
  Scenario: The last page of an MMIO2 range is backed by a private page from registration on
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    When I register a MMIO2 range of 16 KB at 0xE0000000
    Then the page at 0xE0003000 is in state ALLOCATED
    And the page at 0xE0003000 is backed by a host page other than the zero page
    And the page at 0xE0003000 has a page id
    And the VM owns 4 private host pages

  @PGM-PHYS-12 @profile:pgm @variant:shadowed-rom-range @variant:last-page
  Scenario: A write to the last page of a shadowed ROM range gives that page, and only that one, a private page
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a shadowed ROM range of 16 KB at 0xC0000
    When the guest writes 0x9 to the 1 bytes at 0xC3FFF
    Then the page at 0xC3000 is in state ALLOCATED
    And the page at 0xC3000 is backed by a host page other than the zero page
    And the page at 0xC0000 is in state ZERO
    And the VM owns 1 private host page

  @PGM-PHYS-25 @profile:pgm @variant:plain-vm
  Scenario Outline: A VM is created with a host page budget of <what>
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Kernel Space"
    When I create a VM whose host can give it <pages> pages
    Then the VM is created

    @variant:no-pages
    Examples:
      | what                                 | pages    |
      | no pages at all                      | 0        |

    @variant:at-the-limit
    Examples:
      | what                                 | pages    |
      | 2^24 pages, 64 GB of base RAM        | 16777216 |

  @PGM-PHYS-25 @profile:pgm @variant:shadow-paged-vm
  Scenario Outline: A shadow-paged VM is created with a host page budget of <what>
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Kernel Space"
    When I create a shadow-paged VM on a PAE host whose host can give it <pages> pages
    Then the VM is created

    @variant:no-pages
    Examples:
      | what                                 | pages  |
      | no pages at all                      | 0      |

    @variant:at-the-limit
    Examples:
      | what                                 | pages  |
      | 448K pages, the most below 4 GiB     | 458752 |

  @PGM-PHYS-26 @profile:pgm @variant:over-the-zero-page
  Scenario Outline: A VM whose host would hand it the zero page's host page <how> is refused
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a VM whose host can give it 1 pages
    When I create a VM whose host hands out <pages> pages starting <start> pages from that VM's zero page, with page ids from 0x1234
    Then the VM is refused with VERR_INVALID_PARAMETER, or keeps its zero page outside the pages its host hands out

    Examples:
      | how                         | pages | start |
      | as its only page            | 1     | 0     |
      | as the second of two pages  | 2     | -1    |
      | as the first of two pages   | 2     | 0     |

  @PGM-PHYS-26 @profile:pgm
  Scenario Outline: A VM whose host hands out the pages <where> the zero page's host page is created
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a VM whose host can give it 1 pages
    When I create a VM whose host hands out 2 pages starting <start> pages from that VM's zero page, with page ids from 0x1234
    Then the VM is created

    @variant:ending-below-it
    Examples:
      | where         | start |
      | right below   | -2    |

    @variant:starting-above-it
    Examples:
      | where         | start |
      | right above   | 1     |
