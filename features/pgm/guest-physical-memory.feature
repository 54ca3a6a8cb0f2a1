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

  Addresses are guest physical; the pages are 4 KB.

  @PGM-PHYS-1 @profile:pgm
  Scenario: Newly registered RAM is backed by the zero page
    Source: 000_20bc3ec9f13f3511.txt, "Allocating a page"
    Given a VM whose host can give it 16 pages
    When I register a RAM range of 1 MB at 0x0
    Then the page at 0x0 is in state ZERO
    And the page at 0xFF000 is in state ZERO
    And the page at 0x42000 is backed by the zero page
    And the page at 0x42000 has no page id
    And the VM owns 0 private host pages
    And the page counts are 256 zero, 0 private, 0 shared, 0 monitored and 0 written to

  @PGM-PHYS-2 @profile:pgm
  Scenario: Reading RAM that was never written returns zeros and allocates nothing
    Source: 000_20bc3ec9f13f3511.txt, "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a RAM range of 1 MB at 0x0
    When the guest reads 8 bytes at 0x42008
    Then the read returns 0x0
    And the page at 0x42000 is in state ZERO
    And the VM owns 0 private host pages

  @PGM-PHYS-3 @profile:pgm
  Scenario: The first write to a zero page gives the page a private host page
    Source: 000_20bc3ec9f13f3511.txt, "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a RAM range of 1 MB at 0x0
    When the guest writes 0x1122334455667788 to the 8 bytes at 0x42008
    Then the page at 0x42000 is in state ALLOCATED
    And the page at 0x42000 is backed by a host page other than the zero page
    And the page at 0x42000 has a page id
    And the VM owns 1 private host page
    And the page counts are 255 zero, 1 private, 0 shared, 0 monitored and 0 written to

  @PGM-PHYS-3 @profile:pgm
  Scenario: What the first write stored reads back, and the rest of the new page reads as zero
    Source: 000_20bc3ec9f13f3511.txt, "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a RAM range of 1 MB at 0x0
    And the guest has written 0xBEEF to the 2 bytes at 0x42010
    When the guest reads 4 bytes at 0x42010
    Then the read returns 0xBEEF
    And the page at 0x43000 is in state ZERO

  @PGM-PHYS-3 @profile:pgm
  Scenario Outline: On <vm>, two pages written get two host pages of their own
    Source: 000_20bc3ec9f13f3511.txt, "Allocating a page"
    Given <vm> whose host can give it 16 pages
    And a RAM range of 1 MB at 0x0
    And the guest has written 0x1 to the 1 bytes at 0x1000
    When the guest writes 0x2 to the 1 bytes at 0x2000
    Then the pages at 0x1000 and 0x2000 are backed by different host pages
    And the VM owns 2 private host pages

    Examples:
      | vm                                 |
      | a VM                               |
      | a shadow-paged VM on a PAE host    |

  @PGM-PHYS-3 @profile:pgm
  Scenario: A host page that sharing gave back reads as zero when the host hands it out again
    Source: 000_20bc3ec9f13f3511.txt, "Allocating a page"
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

    Examples:
      | vm                              | width | offset | address | value      | word               |
      | a VM                            | 1     | 0      | 0x7000  | 0xAB       | 0x11223344556677AB |
      | a VM                            | 1     | 5      | 0x7005  | 0xAB       | 0x1122AB4455667788 |
      | a VM                            | 2     | 6      | 0x7006  | 0xCDEF     | 0xCDEF334455667788 |
      | a VM                            | 4     | 4      | 0x7004  | 0xDEADBEEF | 0xDEADBEEF55667788 |
      | a VM                            | 8     | 0      | 0x7000  | 0x0        | 0x0                |
      | a shadow-paged VM on a PAE host | 1     | 5      | 0x7005  | 0xAB       | 0x1122AB4455667788 |
      | a shadow-paged VM on a PAE host | 4     | 4      | 0x7004  | 0xDEADBEEF | 0xDEADBEEF55667788 |

  @PGM-PHYS-21 @profile:pgm
  Scenario Outline: On <vm>, a <width>-byte read at offset <offset> returns the bytes there, the lowest first
    Source: Intel SDM Vol. 1, 1.3.1 "Bit and Byte Order"
    Given <vm> whose host can give it 16 pages
    And a RAM range of 1 MB at 0x0
    And the guest has written 0x1122334455667788 to the 8 bytes at 0x7000
    When the guest reads <width> bytes at <address>
    Then the read returns <value>

    Examples:
      | vm                              | width | offset | address | value      |
      | a VM                            | 1     | 7      | 0x7007  | 0x11       |
      | a VM                            | 2     | 2      | 0x7002  | 0x5566     |
      | a VM                            | 4     | 4      | 0x7004  | 0x11223344 |
      | a VM                            | 4     | 0      | 0x7000  | 0x55667788 |
      | a shadow-paged VM on a PAE host | 2     | 2      | 0x7002  | 0x5566     |
      | a shadow-paged VM on a PAE host | 1     | 7      | 0x7007  | 0x11       |

  @PGM-PHYS-4 @profile:pgm
  Scenario: A second write to a normal page allocates nothing more
    Source: 000_20bc3ec9f13f3511.txt, "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a RAM range of 1 MB at 0x0
    And the guest has written 0x1 to the 1 bytes at 0x42000
    When the guest writes 0x2 to the 1 bytes at 0x42FFF
    Then the page at 0x42000 keeps its host page
    And the VM owns 1 private host page

  @PGM-PHYS-5 @profile:pgm
  Scenario: A write to a shared page copies it into a new private page first
    Source: 000_20bc3ec9f13f3511.txt, "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a RAM range of 1 MB at 0x0
    And the guest has written 0xCAFE to the 2 bytes at 0x5000
    And the page at 0x5000 has been shared
    When the guest writes 0x7 to the 1 bytes at 0x5100
    Then the page at 0x5000 is in state ALLOCATED
    And the page at 0x5000 has a new host page
    And the page counts are 255 zero, 1 private, 0 shared, 0 monitored and 0 written to

  @PGM-PHYS-5 @profile:pgm
  Scenario: The copy of a shared page keeps the shared contents
    Source: 000_20bc3ec9f13f3511.txt, "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a RAM range of 1 MB at 0x0
    And the guest has written 0xCAFE to the 2 bytes at 0x5000
    And the page at 0x5000 has been shared
    And the guest has written 0x7 to the 1 bytes at 0x5100
    When the guest reads 2 bytes at 0x5000
    Then the read returns 0xCAFE

  @PGM-PHYS-22 @profile:pgm
  Scenario Outline: On <vm>, a page shared and then copied on a write costs the host budget one page
    Source: 000_20bc3ec9f13f3511.txt, "Allocating a page"
    Given <vm> whose host can give it 2 pages
    And a RAM range of 1 MB at 0x0
    And the guest has written 0xCAFE to the 2 bytes at 0x5000
    And the page at 0x5000 has been shared
    And the guest has written 0x7 to the 1 bytes at 0x5100
    When the guest writes 0x1 to the 1 bytes at 0x6000
    Then the page at 0x6000 is in state ALLOCATED
    And the VM owns 2 private host pages

    Examples:
      | vm                              |
      | a VM                            |
      | a shadow-paged VM on a PAE host |

  @PGM-PHYS-22 @profile:pgm
  Scenario Outline: On <vm>, the budget runs out at the pages the VM holds, shared ones included
    Source: 000_20bc3ec9f13f3511.txt, "Allocating a page"
    Given <vm> whose host can give it 2 pages
    And a RAM range of 1 MB at 0x0
    And the guest has written 0xCAFE to the 2 bytes at 0x5000
    And the page at 0x5000 has been shared
    And the guest has written 0x7 to the 1 bytes at 0x5100
    And the guest has written 0x1 to the 1 bytes at 0x6000
    When the guest writes 0x1 to the 1 bytes at 0x7000
    Then the call is rejected with VERR_EM_NO_MEMORY
    And guest memory is unchanged

    Examples:
      | vm                              |
      | a VM                            |
      | a shadow-paged VM on a PAE host |

  @PGM-PHYS-6 @profile:pgm
  Scenario: A shared page is read-only and no longer private to the VM
    Source: 000_20bc3ec9f13f3511.txt, "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a RAM range of 1 MB at 0x0
    And the guest has written 0xCAFE to the 2 bytes at 0x5000
    When I share the page at 0x5000
    Then the page at 0x5000 is in state SHARED
    And the page at 0x5000 is read-only
    And the VM owns 0 private host pages
    And the page counts are 255 zero, 0 private, 1 shared, 0 monitored and 0 written to

  @PGM-PHYS-7 @profile:pgm
  Scenario: Arming write monitoring watches every normal page and leaves zero pages alone
    Source: 000_20bc3ec9f13f3511.txt, "Per-VM"
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

  @PGM-PHYS-7 @profile:pgm
  Scenario: Arming write monitoring watches MMIO2 pages too, and leaves ROM alone
    Source: 000_20bc3ec9f13f3511.txt, "Per-VM"
    Given a VM whose host can give it 16 pages
    And a MMIO2 range of 8 KB at 0xE0000000
    And a ROM range of 4 KB at 0xF0000
    When write monitoring is armed
    Then the page at 0xE0000000 is in state WRITE_MONITORED
    And the page at 0xE0001000 is in state WRITE_MONITORED
    And the page at 0xF0000 is in state ALLOCATED

  @PGM-PHYS-8 @profile:pgm
  Scenario: A write to a write-monitored page records that it was written to
    Source: 000_20bc3ec9f13f3511.txt, "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 1 MB at 0x0
    And the guest has written 0x1 to the 1 bytes at 0x1000
    And the guest has written 0x1 to the 1 bytes at 0x2000
    And write monitoring has been armed
    When the guest writes 0x2 to the 1 bytes at 0x1008
    Then the page at 0x1000 has been written to
    And the page at 0x2000 has not been written to
    And the page at 0x1000 keeps its host page

  @PGM-PHYS-8 @profile:pgm
  Scenario: What a write to a write-monitored page stores reads back
    Source: 000_20bc3ec9f13f3511.txt, "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 1 MB at 0x0
    And the guest has written 0x1 to the 1 bytes at 0x1000
    And write monitoring has been armed
    And the guest has written 0x2 to the 1 bytes at 0x1008
    When the guest reads 8 bytes at 0x1008
    Then the read returns 0x2

  @PGM-PHYS-9 @profile:pgm
  Scenario: A write-monitored page that was written to becomes a normal page again
    Source: 000_20bc3ec9f13f3511.txt, "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 1 MB at 0x0
    And the guest has written 0x1 to the 1 bytes at 0x1000
    And write monitoring has been armed
    When the guest writes 0x2 to the 1 bytes at 0x1008
    Then the page at 0x1000 is in state ALLOCATED
    And the page at 0x1000 is writable
    And the page counts are 255 zero, 1 private, 0 shared, 0 monitored and 1 written to

  @PGM-PHYS-9 @profile:pgm
  Scenario: Arming write monitoring again clears written-to
    Source: 000_20bc3ec9f13f3511.txt, "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 1 MB at 0x0
    And the guest has written 0x1 to the 1 bytes at 0x1000
    And write monitoring has been armed
    And the guest has written 0x2 to the 1 bytes at 0x1008
    When write monitoring is armed
    Then the page at 0x1000 has not been written to
    And the page at 0x1000 is in state WRITE_MONITORED

  @PGM-PHYS-10 @profile:pgm
  Scenario Outline: Whether the <page> page is read-only
    Source: 000_20bc3ec9f13f3511.txt, "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x0
    And a ROM range of 8 KB at 0x10000
    And a MMIO2 range of 8 KB at 0x20000
    And the guest has written 0x1 to the 1 bytes at 0x1000
    And the guest has written 0x1 to the 1 bytes at 0x2000
    And the page at 0x2000 has been shared
    When I ask for the page at <address>
    Then the page at <address> is <access>

    Examples:
      | page         | address | access    |
      | zero         | 0x3000  | read-only |
      | normal RAM   | 0x1000  | writable  |
      | shared       | 0x2000  | read-only |
      | ROM          | 0x10000 | read-only |
      | MMIO2        | 0x20000 | writable  |

  @PGM-PHYS-11 @profile:pgm
  Scenario: ROM is backed at registration and a guest write to it is dropped
    Source: 000_20bc3ec9f13f3511.txt, "Per-VM"
    Given a VM whose host can give it 16 pages
    And a ROM range of 8 KB at 0xF0000
    And the guest has written 0x55 to the 1 bytes at 0xF0010
    When the guest reads 1 bytes at 0xF0010
    Then the read returns 0x0
    And the page at 0xF0000 is in state ALLOCATED
    And the page at 0xF0000 is of type ROM
    And the VM owns 2 private host pages

  @PGM-PHYS-11 @profile:pgm
  Scenario: A ROM range that takes exactly the pages the host has left is backed whole
    Source: 000_20bc3ec9f13f3511.txt, "Per-VM"
    Given a VM whose host can give it 2 pages
    When I register a ROM range of 8 KB at 0xF0000
    Then the page at 0xF1000 is in state ALLOCATED
    And the VM owns 2 private host pages

  @PGM-PHYS-12 @profile:pgm
  Scenario: MMIO2 is backed by private pages at registration and written in place
    Source: 000_20bc3ec9f13f3511.txt, "Per-VM"
    Given a VM whose host can give it 16 pages
    And a MMIO2 range of 8 KB at 0xE0000000
    And the guest has written 0x1234 to the 2 bytes at 0xE0000100
    When the guest reads 2 bytes at 0xE0000100
    Then the read returns 0x1234
    And the page at 0xE0000000 is in state ALLOCATED
    And the VM owns 2 private host pages

  @PGM-PHYS-12 @profile:pgm
  Scenario: Shadowed ROM starts on the zero page and gets a private page on its first write
    Source: 000_20bc3ec9f13f3511.txt, "Per-VM"
    Given a VM whose host can give it 16 pages
    And a shadowed ROM range of 8 KB at 0xC0000
    When the guest writes 0x9 to the 1 bytes at 0xC0000
    Then the page at 0xC0000 is in state ALLOCATED
    And the page at 0xC1000 is in state ZERO
    And the page at 0xC0000 is of type shadowed ROM
