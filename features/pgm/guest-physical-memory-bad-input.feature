Feature: Guest physical memory: bad input is refused and changes nothing
  Guest physical memory is registered in page-aligned ranges that never overlap, and only RAM-like pages
  (RAM, shadowed ROM, MMIO2 and ROM) are memory. Everything else a caller or a guest may get wrong is
  refused with a typed status: a misaligned or empty range, a range that overlaps another, an address
  in no range, an access that is not aligned to its width, an MMIO or reserved page used as memory, a
  page that cannot be shared, and a write the host has no page left for. A refused call leaves the
  pages, their states, the VM's private pages and its counters exactly as they were.

  @PGM-PHYS-13 @profile:pgm
  Scenario Outline: A range with <what> is refused
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x100000
    When I register a RAM range of <size> at <start>
    Then the call is rejected with VERR_INVALID_PARAMETER
    And guest memory is unchanged

    @variant:misaligned-start @variant:ram-range
    Examples:
      | what                     | start              | size       |
      | a misaligned start       | 0x200800           | 4 KB       |

    @variant:misaligned-size @variant:ram-range
    Examples:
      | what                     | start              | size       |
      | a misaligned size        | 0x200000           | 0x1800     |

    @variant:no-pages @variant:ram-range
    Examples:
      | what                     | start              | size       |
      | no pages                 | 0x200000           | 0 bytes    |

    @variant:negative-size @variant:ram-range
    Examples:
      | what                     | start              | size       |
      | a negative size          | 0x200000           | -4096 bytes |

    @variant:end-past-52-bits @variant:ram-range
    Examples:
      | what                     | start              | size       |
      | an end past 52 bits      | 0xFFFFFFFFFF000    | 8 KB       |

    @variant:start-past-52-bits @variant:ram-range
    Examples:
      | what                     | start              | size       |
      | a start past 52 bits     | 0x10000000000000   | 4 KB       |

  @PGM-PHYS-13 @profile:pgm @variant:mmio-range
  Scenario Outline: A MMIO range with <what> is refused like a RAM range
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x100000
    When I register a MMIO range of <size> at <start>
    Then the call is rejected with VERR_INVALID_PARAMETER
    And guest memory is unchanged

    @variant:misaligned-start
    Examples:
      | what                     | start              | size       |
      | a misaligned start       | 0xFEC00800         | 4 KB       |

    @variant:no-pages
    Examples:
      | what                     | start              | size       |
      | no pages                 | 0xFEC00000         | 0 bytes    |

    @variant:end-past-52-bits
    Examples:
      | what                     | start              | size       |
      | an end past 52 bits      | 0xFFFFFFFFFF000    | 8 KB       |

  @PGM-PHYS-14 @profile:pgm
  Scenario Outline: A range overlapping a registered one <how> is refused
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x100000
    When I register a MMIO range of <size> at <start>
    Then the call is rejected with VERR_PGM_RAM_CONFLICT
    And guest memory is unchanged

    @variant:overlap-at-start @variant:only-range
    Examples:
      | how           | start    | size   |
      | at its start  | 0xFF000  | 8 KB   |

    @variant:overlap-at-end @variant:only-range
    Examples:
      | how           | start    | size   |
      | at its end    | 0x10F000 | 8 KB   |

    @variant:overlap-inside @variant:only-range
    Examples:
      | how           | start    | size   |
      | inside it     | 0x104000 | 4 KB   |

    @variant:overlap-around @variant:only-range
    Examples:
      | how           | start    | size   |
      | around it     | 0x0      | 4 MB   |

    @variant:same-extent @variant:only-range
    Examples:
      | how           | start    | size   |
      | over its exact extent | 0x100000 | 64 KB |

  @PGM-PHYS-14 @profile:pgm @variant:earlier-of-several-ranges
  Scenario Outline: A range overlapping an earlier range <how>, not the one registered last, is refused
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x100000
    And a RAM range of 64 KB at 0x200000
    When I register a MMIO range of <size> at <start>
    Then the call is rejected with VERR_PGM_RAM_CONFLICT
    And guest memory is unchanged

    @variant:overlap-inside
    Examples:
      | how           | start    | size   |
      | inside it     | 0x104000 | 4 KB   |

    @variant:overlap-at-end
    Examples:
      | how           | start    | size   |
      | at its end    | 0x10F000 | 8 KB   |

  @PGM-PHYS-13 @profile:pgm @variant:end-at-52-bits @variant:ram-range
  Scenario: A range that ends exactly at the top of the 52-bit physical address space is accepted
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a VM whose host can give it 16 pages
    When I register a RAM range of 8 KB at 0xFFFFFFFFFE000
    Then the page at 0xFFFFFFFFFF000 is in state ZERO

  @PGM-PHYS-14 @profile:pgm
  Scenario Outline: A range that touches a registered one <where> does not overlap it
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x100000
    When I register a MMIO range of 8 KB at <start>
    Then the page at <start> is of type MMIO
    And the page at 0x100000 is of type RAM

    @variant:touching-below @variant:only-range
    Examples:
      | where                  | start    |
      | just below its start   | 0xFE000  |

    @variant:touching-above @variant:only-range
    Examples:
      | where                  | start    |
      | just past its end      | 0x110000 |

  @PGM-PHYS-15 @profile:pgm @variant:write-access
  Scenario Outline: A write to <address>, outside every range, is refused
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x100000
    When the guest writes 0x1 to the 1 bytes at <address>
    Then the call is rejected with VERR_PGM_INVALID_GC_PHYSICAL_ADDRESS
    And guest memory is unchanged

    @variant:below-every-range
    Examples:
      | address  |
      | 0xFFFFF  |
      | 0x0      |

    @variant:past-every-range
    Examples:
      | address  |
      | 0x110000 |

  @PGM-PHYS-15 @profile:pgm @variant:gap-between-ranges
  Scenario Outline: A <call> in the gap between two ranges is refused
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x100000
    And a RAM range of 64 KB at 0x200000
    And the guest has written 0x1 to the 1 bytes at 0x10F000
    When <call> at 0x1F0000
    Then the call is rejected with VERR_PGM_INVALID_GC_PHYSICAL_ADDRESS
    And guest memory is unchanged

    @variant:read-access
    Examples:
      | call                               |
      | the guest reads 4 bytes            |

    @variant:write-access
    Examples:
      | call                               |
      | the guest writes 0x1 to the 4 bytes |

    @variant:page-question
    Examples:
      | call                               |
      | I ask for the page                 |

    @variant:share-request
    Examples:
      | call                               |
      | I share the page                   |

  @PGM-PHYS-15 @profile:pgm @variant:below-every-range
  Scenario Outline: A <call> below every range is refused
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x100000
    When <call> at 0x8000
    Then the call is rejected with VERR_PGM_INVALID_GC_PHYSICAL_ADDRESS
    And guest memory is unchanged

    @variant:read-access
    Examples:
      | call                               |
      | the guest reads 8 bytes            |

    @variant:share-request
    Examples:
      | call                               |
      | I share the page                   |

  @PGM-PHYS-15 @profile:pgm @variant:page-question @variant:past-every-range
  Scenario: Asking for a page outside every range is refused
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x100000
    When I ask for the page at 0x200000
    Then the call is rejected with VERR_PGM_INVALID_GC_PHYSICAL_ADDRESS

  @PGM-PHYS-16 @profile:pgm @variant:write-access
  Scenario Outline: A <width>-byte write at <address> that is not aligned to its width is refused
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x0
    When the guest writes 0x1 to the <width> bytes at <address>
    Then the call is rejected with VERR_PGM_PHYS_MISALIGNED_ACCESS
    And guest memory is unchanged

    @variant:misaligned-2-bytes
    Examples:
      | width | address |
      | 2     | 0x1001  |

    @variant:misaligned-4-bytes
    Examples:
      | width | address |
      | 4     | 0x1002  |

    @variant:misaligned-8-bytes
    Examples:
      | width | address |
      | 8     | 0x1004  |

    @variant:width-3
    Examples:
      | width | address |
      | 3     | 0x1000  |

    @variant:width-16
    Examples:
      | width | address |
      | 16    | 0x1000  |

    @variant:width-0
    Examples:
      | width | address |
      | 0     | 0x1000  |

    @variant:negative-width
    Examples:
      | width | address |
      | -8    | 0x1000  |

  @PGM-PHYS-16 @profile:pgm @variant:read-access
  Scenario Outline: A <width>-byte read at <address> that is not aligned to its width is refused
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x0
    When the guest reads <width> bytes at <address>
    Then the call is rejected with VERR_PGM_PHYS_MISALIGNED_ACCESS
    And guest memory is unchanged

    @variant:misaligned-2-bytes
    Examples:
      | width | address |
      | 2     | 0x1001  |

    @variant:misaligned-4-bytes
    Examples:
      | width | address |
      | 4     | 0x1FFE  |

    @variant:misaligned-8-bytes
    Examples:
      | width | address |
      | 8     | 0x1004  |

    @variant:width-5
    Examples:
      | width | address |
      | 5     | 0x1000  |

    @variant:width-0
    Examples:
      | width | address |
      | 0     | 0x1000  |

  @PGM-PHYS-17 @profile:pgm
  Scenario Outline: A <type> page used as memory is refused
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a <type> range of 8 KB at 0xFEC00000
    When the guest <access> at 0xFEC00000
    Then the call is rejected with VERR_PGM_PHYS_PAGE_RESERVED
    And guest memory is unchanged

    @variant:mmio-page @variant:write-access @variant:first-page
    Examples:
      | type     | access                          |
      | MMIO     | writes 0x1 to the 4 bytes       |

    @variant:mmio-page @variant:read-access @variant:first-page
    Examples:
      | type     | access                          |
      | MMIO     | reads 4 bytes                   |

    @variant:reserved-page @variant:write-access @variant:first-page
    Examples:
      | type     | access                          |
      | RESERVED | writes 0x1 to the 4 bytes       |

    @variant:reserved-page @variant:read-access @variant:first-page
    Examples:
      | type     | access                          |
      | RESERVED | reads 4 bytes                   |

  @PGM-PHYS-17 @profile:pgm @variant:last-page
  Scenario Outline: The last page of a <type> range used as memory is refused too
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a <type> range of 8 KB at 0xFEC00000
    When the guest <access> at 0xFEC01FF8
    Then the call is rejected with VERR_PGM_PHYS_PAGE_RESERVED
    And guest memory is unchanged

    @variant:mmio-page @variant:read-access
    Examples:
      | type     | access                          |
      | MMIO     | reads 8 bytes                   |

    @variant:reserved-page @variant:write-access
    Examples:
      | type     | access                          |
      | RESERVED | writes 0x1 to the 8 bytes       |

  @PGM-PHYS-18 @profile:pgm @variant:write-to-zero-page @variant:used-up-budget
  Scenario: A write the host has no page left for is refused and allocates nothing
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a VM whose host can give it 1 pages
    And a RAM range of 64 KB at 0x0
    And the guest has written 0x1 to the 1 bytes at 0x1000
    When the guest writes 0x1 to the 1 bytes at 0x2000
    Then the call is rejected with VERR_EM_NO_MEMORY
    And guest memory is unchanged

  @PGM-PHYS-18 @profile:pgm @variant:write-to-zero-page @variant:empty-budget
  Scenario: A VM whose host gives it no pages reads its RAM but cannot write it
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a VM whose host can give it 0 pages
    And a RAM range of 64 KB at 0x0
    And the guest has read 8 bytes at 0x1000
    When the guest writes 0x1 to the 1 bytes at 0x1000
    Then the call is rejected with VERR_EM_NO_MEMORY
    And guest memory is unchanged

  @PGM-PHYS-18 @profile:pgm @variant:rom-range @variant:too-small-budget
  Scenario: A ROM range the host cannot back is refused whole
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a VM whose host can give it 1 pages
    When I register a ROM range of 8 KB at 0xF0000
    Then the call is rejected with VERR_EM_NO_MEMORY
    And guest memory is unchanged

  @PGM-PHYS-18 @profile:pgm @variant:mmio2-range
  Scenario Outline: An MMIO2 range the host cannot back is refused whole, on <budget>
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a VM whose host can give it <pages> pages
    And a RAM range of 64 KB at 0x0
    When I register a MMIO2 range of 8 KB at 0xE0000000
    Then the call is rejected with VERR_EM_NO_MEMORY
    And guest memory is unchanged

    @variant:too-small-budget
    Examples:
      | budget                    | pages |
      | a budget one page short   | 1     |

    @variant:empty-budget
    Examples:
      | budget                    | pages |
      | an empty budget           | 0     |

  @PGM-PHYS-19 @profile:pgm
  Scenario Outline: Sharing a <what> page is refused with <status>
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x0
    And a MMIO2 range of 8 KB at 0x20000
    And the guest has written 0x1 to the 1 bytes at 0x1000
    And the page at 0x1000 has been shared
    When I share the page at <address>
    Then the call is rejected with <status>
    And guest memory is unchanged

    @variant:zero-page
    Examples:
      | what           | address | status                           |
      | zero           | 0x2000  | VERR_PGM_PHYS_INVALID_PAGE_STATE |

    @variant:shared-page
    Examples:
      | what           | address | status                           |
      | already shared | 0x1000  | VERR_PGM_PHYS_INVALID_PAGE_STATE |

    @variant:mmio2-page
    Examples:
      | what           | address | status                           |
      | MMIO2          | 0x20000 | VERR_PGM_PHYS_NOT_RAM            |

  @PGM-PHYS-19 @profile:pgm
  Scenario Outline: Sharing a <what> page is refused with <status>, whatever private page it has
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x0
    And a ROM range of 4 KB at 0xF0000
    And a shadowed ROM range of 4 KB at 0xC0000
    And the guest has written 0x1 to the 1 bytes at 0x1000
    And the guest has written 0x1 to the 1 bytes at 0xC0000
    And write monitoring has been armed
    When I share the page at <address>
    Then the call is rejected with <status>
    And guest memory is unchanged

    @variant:write-monitored-page
    Examples:
      | what            | address | status                           |
      | write-monitored | 0x1000  | VERR_PGM_PHYS_INVALID_PAGE_STATE |

    @variant:rom-page
    Examples:
      | what            | address | status                           |
      | ROM             | 0xF0000 | VERR_PGM_PHYS_NOT_RAM            |

    @variant:shadowed-rom-page
    Examples:
      | what            | address | status                           |
      | written shadowed ROM | 0xC0000 | VERR_PGM_PHYS_NOT_RAM       |

  @PGM-PHYS-18 @profile:pgm @variant:share-request @variant:used-up-budget
  Scenario: Sharing a page when the host has no page left is refused
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a VM whose host can give it 1 pages
    And a RAM range of 64 KB at 0x0
    And the guest has written 0x1 to the 1 bytes at 0x1000
    When I share the page at 0x1000
    Then the call is rejected with VERR_EM_NO_MEMORY
    And guest memory is unchanged

  @PGM-PHYS-20 @profile:pgm @variant:plain-vm
  Scenario Outline: A host page budget of <pages> pages is refused
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    When I create a VM whose host can give it <pages> pages
    Then the call is rejected with VERR_INVALID_PARAMETER

    @variant:minus-one
    Examples:
      | pages |
      | -1    |

    @variant:large-negative
    Examples:
      | pages |
      | -4096 |

  @PGM-PHYS-20 @profile:pgm @variant:shadow-paged-vm
  Scenario Outline: A shadow-paged VM with a host page budget of <pages> pages is refused
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    When I create a shadow-paged VM on a PAE host whose host can give it <pages> pages
    Then the call is rejected with VERR_INVALID_PARAMETER

    @variant:minus-one
    Examples:
      | pages |
      | -1    |

    @variant:large-negative
    Examples:
      | pages |
      | -4096 |

    @variant:above-shadow-limit
    Examples: one page above 448K pages, past which the pages would not all lie below 4 GiB
      | pages  |
      | 458753 |
