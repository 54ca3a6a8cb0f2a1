Feature: Guest physical memory: bad input is refused and changes nothing
  Guest physical memory is registered in page-aligned ranges that never overlap, and only RAM-like pages
  (RAM, shadowed ROM, MMIO2 and ROM) are memory. Everything else a caller or a guest may get wrong is
  refused with a typed status: a misaligned or empty range, a range that overlaps another, an address
  in no range, an access that is not aligned to its width, an MMIO or reserved page used as memory, a
  page that cannot be shared, and a write the host has no page left for. A refused call leaves the
  pages, their states, the VM's private pages and its counters exactly as they were.

  @PGM-PHYS-13 @profile:pgm
  Scenario Outline: A range with <what> is refused
    Source: 000_20bc3ec9f13f3511.txt, "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x100000
    When I register a RAM range of <size> at <start>
    Then the call is rejected with VERR_INVALID_PARAMETER
    And guest memory is unchanged

    Examples:
      | what                     | start              | size       |
      | a misaligned start       | 0x200800           | 4 KB       |
      | a misaligned size        | 0x200000           | 0x1800     |
      | no pages                 | 0x200000           | 0 bytes    |
      | an end past 52 bits      | 0xFFFFFFFFFF000    | 8 KB       |

  @PGM-PHYS-14 @profile:pgm
  Scenario Outline: A range overlapping a registered one <how> is refused
    Source: 000_20bc3ec9f13f3511.txt, "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x100000
    When I register a MMIO range of <size> at <start>
    Then the call is rejected with VERR_PGM_RAM_CONFLICT
    And guest memory is unchanged

    Examples:
      | how           | start    | size   |
      | at its start  | 0xFF000  | 8 KB   |
      | at its end    | 0x10F000 | 8 KB   |
      | inside it     | 0x104000 | 4 KB   |
      | around it     | 0x0      | 4 MB   |

  @PGM-PHYS-13 @profile:pgm
  Scenario: A range that ends exactly at the top of the 52-bit physical address space is accepted
    Source: 000_20bc3ec9f13f3511.txt, "Allocating a page"
    Given a VM whose host can give it 16 pages
    When I register a RAM range of 8 KB at 0xFFFFFFFFFE000
    Then the page at 0xFFFFFFFFFF000 is in state ZERO

  @PGM-PHYS-14 @profile:pgm
  Scenario Outline: A range that touches a registered one <where> does not overlap it
    Source: 000_20bc3ec9f13f3511.txt, "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x100000
    When I register a MMIO range of 8 KB at <start>
    Then the page at <start> is of type MMIO
    And the page at 0x100000 is of type RAM

    Examples:
      | where                  | start    |
      | just below its start   | 0xFE000  |
      | just past its end      | 0x110000 |

  @PGM-PHYS-15 @profile:pgm
  Scenario Outline: An access to <address>, outside every range, is refused
    Source: 000_20bc3ec9f13f3511.txt, "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x100000
    When the guest writes 0x1 to the 1 bytes at <address>
    Then the call is rejected with VERR_PGM_INVALID_GC_PHYSICAL_ADDRESS
    And guest memory is unchanged

    Examples:
      | address  |
      | 0xFFFFF  |
      | 0x110000 |
      | 0x0      |

  @PGM-PHYS-15 @profile:pgm
  Scenario: Asking for a page outside every range is refused
    Source: 000_20bc3ec9f13f3511.txt, "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x100000
    When I ask for the page at 0x200000
    Then the call is rejected with VERR_PGM_INVALID_GC_PHYSICAL_ADDRESS

  @PGM-PHYS-16 @profile:pgm
  Scenario Outline: A <width>-byte access at <address> that is not aligned to its width is refused
    Source: 000_20bc3ec9f13f3511.txt, "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x0
    When the guest writes 0x1 to the <width> bytes at <address>
    Then the call is rejected with VERR_PGM_PHYS_MISALIGNED_ACCESS
    And guest memory is unchanged

    Examples:
      | width | address |
      | 2     | 0x1001  |
      | 4     | 0x1002  |
      | 8     | 0x1004  |
      | 3     | 0x1000  |
      | 16    | 0x1000  |

  @PGM-PHYS-16 @profile:pgm
  Scenario Outline: A <width>-byte read at <address> that is not aligned to its width is refused
    Source: 000_20bc3ec9f13f3511.txt, "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x0
    When the guest reads <width> bytes at <address>
    Then the call is rejected with VERR_PGM_PHYS_MISALIGNED_ACCESS
    And guest memory is unchanged

    Examples:
      | width | address |
      | 2     | 0x1001  |
      | 8     | 0x1004  |
      | 5     | 0x1000  |

  @PGM-PHYS-17 @profile:pgm
  Scenario Outline: A <type> page used as memory is refused
    Source: 000_20bc3ec9f13f3511.txt, "Per-VM"
    Given a VM whose host can give it 16 pages
    And a <type> range of 8 KB at 0xFEC00000
    When the guest <access> at 0xFEC00000
    Then the call is rejected with VERR_PGM_PHYS_PAGE_RESERVED
    And guest memory is unchanged

    Examples:
      | type     | access                          |
      | MMIO     | writes 0x1 to the 4 bytes       |
      | MMIO     | reads 4 bytes                   |
      | RESERVED | writes 0x1 to the 4 bytes       |
      | RESERVED | reads 4 bytes                   |

  @PGM-PHYS-18 @profile:pgm
  Scenario: A write the host has no page left for is refused and allocates nothing
    Source: 000_20bc3ec9f13f3511.txt, "Allocating a page"
    Given a VM whose host can give it 1 pages
    And a RAM range of 64 KB at 0x0
    And the guest has written 0x1 to the 1 bytes at 0x1000
    When the guest writes 0x1 to the 1 bytes at 0x2000
    Then the call is rejected with VERR_EM_NO_MEMORY
    And guest memory is unchanged

  @PGM-PHYS-18 @profile:pgm
  Scenario: A VM whose host gives it no pages reads its RAM but cannot write it
    Source: 000_20bc3ec9f13f3511.txt, "Allocating a page"
    Given a VM whose host can give it 0 pages
    And a RAM range of 64 KB at 0x0
    And the guest has read 8 bytes at 0x1000
    When the guest writes 0x1 to the 1 bytes at 0x1000
    Then the call is rejected with VERR_EM_NO_MEMORY
    And guest memory is unchanged

  @PGM-PHYS-18 @profile:pgm
  Scenario: A ROM range the host cannot back is refused whole
    Source: 000_20bc3ec9f13f3511.txt, "Allocating a page"
    Given a VM whose host can give it 1 pages
    When I register a ROM range of 8 KB at 0xF0000
    Then the call is rejected with VERR_EM_NO_MEMORY
    And guest memory is unchanged

  @PGM-PHYS-19 @profile:pgm
  Scenario Outline: Sharing a <what> page is refused with <status>
    Source: 000_20bc3ec9f13f3511.txt, "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x0
    And a MMIO2 range of 8 KB at 0x20000
    And the guest has written 0x1 to the 1 bytes at 0x1000
    And the page at 0x1000 has been shared
    When I share the page at <address>
    Then the call is rejected with <status>
    And guest memory is unchanged

    Examples:
      | what           | address | status                           |
      | zero           | 0x2000  | VERR_PGM_PHYS_INVALID_PAGE_STATE |
      | already shared | 0x1000  | VERR_PGM_PHYS_INVALID_PAGE_STATE |
      | MMIO2          | 0x20000 | VERR_PGM_PHYS_NOT_RAM            |

  @PGM-PHYS-18 @profile:pgm
  Scenario: Sharing a page when the host has no page left is refused
    Source: 000_20bc3ec9f13f3511.txt, "Allocating a page"
    Given a VM whose host can give it 1 pages
    And a RAM range of 64 KB at 0x0
    And the guest has written 0x1 to the 1 bytes at 0x1000
    When I share the page at 0x1000
    Then the call is rejected with VERR_EM_NO_MEMORY
    And guest memory is unchanged

  @PGM-PHYS-20 @profile:pgm
  Scenario Outline: A host page budget of <pages> pages is refused
    Source: 000_20bc3ec9f13f3511.txt, "Allocating a page"
    When I create a VM whose host can give it <pages> pages
    Then the call is rejected with VERR_INVALID_PARAMETER

    Examples:
      | pages |
      | -1    |
      | -4096 |

  @PGM-PHYS-20 @profile:pgm
  Scenario Outline: A shadow-paged VM with a host page budget of <pages> pages is refused
    Source: 000_20bc3ec9f13f3511.txt, "Allocating a page"
    When I create a shadow-paged VM on a PAE host whose host can give it <pages> pages
    Then the call is rejected with VERR_INVALID_PARAMETER

    Examples:
      | pages |
      | -1    |
      | -4096 |
