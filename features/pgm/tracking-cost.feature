Feature: Tracking structures and their cost
  Every guest page costs PGM one packed 16-byte record in the VM: the host page frame, the page id, the
  page's type and state, its handler states, whether it was written to, and which shadow page tables map
  it. That doubles the earlier cost, and the seed spells out what it means: 1 GB of guest RAM (256K
  pages) costs 4 MB of per-VM records and 32 GB (8M pages) costs 128 MB.

  The kernel side pays per page as well: the global memory manager's 32-bit per-page field plus the host
  memory object's entry for the page, a frame number as wide as a host pointer. That is 8 bytes a page on
  a 32-bit host and 12 on a 64-bit one. The seed's "(+)" marks the per-chunk overhead, which these
  figures leave out (interpretation I-PGM-3).

  @PGM-COST-1 @profile:pgm
  Scenario Outline: Tracking <ram> of guest RAM costs <per-VM> of per-VM records
    Source: 000_20bc3ec9f13f3511.txt, "Per-VM"
    When I ask what tracking <ram> of guest RAM costs on a 64-bit host
    Then the per-VM cost is <per-VM>

    Examples:
      | ram     | per-VM  |
      | 0 bytes | 0 bytes |
      | 1 GB    | 4 MB    |
      | 4 GB    | 16 MB   |
      | 32 GB   | 128 MB  |

  @PGM-COST-2 @profile:pgm
  Scenario Outline: On a <host> host, <ram> of guest RAM costs the kernel <kernel>, <total> in all
    Source: 000_20bc3ec9f13f3511.txt, "Tracking Structures And Their Cost"
    When I ask what tracking <ram> of guest RAM costs on a <host> host
    Then the per-VM cost is <per-VM>
    And the kernel cost is <kernel>
    And the total cost is <total>

    Examples:
      | host   | ram   | per-VM | kernel | total  |
      | 32-bit | 1 GB  | 4 MB   | 2 MB   | 6 MB   |
      | 32-bit | 4 GB  | 16 MB  | 8 MB   | 24 MB  |
      | 32-bit | 32 GB | 128 MB | 64 MB  | 192 MB |
      | 64-bit | 1 GB  | 4 MB   | 3 MB   | 7 MB   |
      | 64-bit | 4 GB  | 16 MB  | 12 MB  | 28 MB  |
      | 64-bit | 32 GB | 128 MB | 96 MB  | 224 MB |

  @PGM-COST-3 @profile:pgm
  Scenario: A VM with 1 GB of RAM spends 4 MB on its own page records
    Source: 000_20bc3ec9f13f3511.txt, "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 1 GB at 0x0
    When I ask for the page at 0x3FFFF000
    Then the VM's own tracking costs 4 MB

  @PGM-COST-3 @profile:pgm
  Scenario: A VM's record cost counts every registered page, whatever its type
    Source: 000_20bc3ec9f13f3511.txt, "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 1 MB at 0x0
    And a MMIO range of 64 KB at 0xFEC00000
    When I ask for the page at 0xFEC00000
    Then the VM's own tracking costs 4352 bytes

  @PGM-COST-4 @profile:pgm
  Scenario Outline: A RAM size of <ram> is refused when costing
    Source: 000_20bc3ec9f13f3511.txt, "Tracking Structures And Their Cost"
    When I ask what tracking <ram> of guest RAM costs on a 64-bit host
    Then the call is rejected with VERR_INVALID_PARAMETER

    Examples:
      | ram       |
      | 100 bytes |
      | 0x1001    |

  @PGM-COST-4 @profile:pgm
  Scenario: A negative RAM size is refused when costing
    Source: 000_20bc3ec9f13f3511.txt, "Tracking Structures And Their Cost"
    When I ask what tracking -4096 bytes of guest RAM costs on a 32-bit host
    Then the call is rejected with VERR_INVALID_PARAMETER
