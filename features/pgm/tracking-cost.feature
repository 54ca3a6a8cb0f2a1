Feature: Tracking structures and their cost
  Every guest page costs PGM one packed 16-byte record in the VM: the host page frame, the page id, the
  page's type and state, its handler states, whether it was written to, and which shadow page tables map
  it. That doubles the earlier cost, and the seed spells out what it means: 1 GB of guest RAM (256K
  pages) costs 4 MB of per-VM records and 32 GB (8M pages) costs 128 MB, whatever the host.

  The kernel side pays per page as well: the global memory manager's 32-bit per-page field plus the host
  memory object's entry for the page, a frame number as wide as a host pointer. That is 8 bytes a page on
  a 32-bit host and 12 on a 64-bit one. The seed's "(+)" marks what comes on top: every allocation chunk
  the RAM needs costs the kernel a memory object and a chunk structure, about their sum divided by the
  pages in a chunk for each page. The figures the seed gives leave it out; the implementation states the
  two sizes, and the kit checks that the overhead of a RAM size is that of every chunk it needs, a chunk
  the RAM fills only in part counted whole (interpretation I-PGM-3).

  @PGM-COST-1 @profile:pgm
  Scenario Outline: Tracking <ram> of guest RAM costs <per-VM> of per-VM records on a <host> host
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    When I ask what tracking <ram> of guest RAM costs on a <host> host
    Then the per-VM cost is <per-VM>

    @variant:no-ram @variant:64-bit-host
    Examples:
      | host   | ram     | per-VM   |
      | 64-bit | 0 bytes | 0 bytes  |

    @variant:one-page @variant:32-bit-host
    Examples:
      | host   | ram     | per-VM   |
      | 32-bit | 4 KB    | 16 bytes |

    @variant:one-gb @variant:64-bit-host
    Examples:
      | host   | ram     | per-VM   |
      | 64-bit | 1 GB    | 4 MB     |

    @variant:four-gb @variant:64-bit-host
    Examples:
      | host   | ram     | per-VM   |
      | 64-bit | 4 GB    | 16 MB    |

    @variant:thirty-two-gb @variant:64-bit-host
    Examples:
      | host   | ram     | per-VM   |
      | 64-bit | 32 GB   | 128 MB   |

    @variant:one-gb @variant:32-bit-host
    Examples:
      | host   | ram     | per-VM   |
      | 32-bit | 1 GB    | 4 MB     |

    @variant:thirty-two-gb @variant:32-bit-host
    Examples:
      | host   | ram     | per-VM   |
      | 32-bit | 32 GB   | 128 MB   |

  @PGM-COST-2 @profile:pgm
  Scenario Outline: On a <host> host, <ram> of guest RAM costs the kernel <kernel>, <total> in all
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Tracking Structures And Their Cost"
    When I ask what tracking <ram> of guest RAM costs on a <host> host
    Then the per-VM cost is <per-VM>
    And the kernel cost is <kernel>
    And the total cost is <total>

    @variant:32-bit-host @variant:one-page
    Examples:
      | host   | ram   | per-VM   | kernel   | total    |
      | 32-bit | 4 KB  | 16 bytes | 8 bytes  | 24 bytes |

    @variant:32-bit-host @variant:one-gb
    Examples:
      | host   | ram   | per-VM | kernel | total  |
      | 32-bit | 1 GB  | 4 MB   | 2 MB   | 6 MB   |

    @variant:32-bit-host @variant:four-gb
    Examples:
      | host   | ram   | per-VM | kernel | total  |
      | 32-bit | 4 GB  | 16 MB  | 8 MB   | 24 MB  |

    @variant:32-bit-host @variant:thirty-two-gb
    Examples:
      | host   | ram   | per-VM | kernel | total  |
      | 32-bit | 32 GB | 128 MB | 64 MB  | 192 MB |

    @variant:64-bit-host @variant:one-page
    Examples:
      | host   | ram   | per-VM   | kernel   | total    |
      | 64-bit | 4 KB  | 16 bytes | 12 bytes | 28 bytes |

    @variant:64-bit-host @variant:one-gb
    Examples:
      | host   | ram   | per-VM | kernel | total  |
      | 64-bit | 1 GB  | 4 MB   | 3 MB   | 7 MB   |

    @variant:64-bit-host @variant:four-gb
    Examples:
      | host   | ram   | per-VM | kernel | total  |
      | 64-bit | 4 GB  | 16 MB  | 12 MB  | 28 MB  |

    @variant:64-bit-host @variant:thirty-two-gb
    Examples:
      | host   | ram   | per-VM | kernel | total  |
      | 64-bit | 32 GB | 128 MB | 96 MB  | 224 MB |

  @PGM-COST-3 @profile:pgm @variant:ram-only @variant:one-range @variant:untouched-pages @variant:plain-vm
  Scenario: A VM with 1 GB of RAM spends 4 MB on its own page records
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 1 GB at 0x0
    When I ask for the page at 0x3FFFF000
    Then the VM's own tracking costs 4 MB

  @PGM-COST-3 @profile:pgm @variant:several-ranges @variant:untouched-pages @variant:plain-vm
  Scenario: A VM's record cost counts every registered page, whatever its type
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 1 MB at 0x0
    And a MMIO range of 64 KB at 0xFEC00000
    When I ask for the page at 0xFEC00000
    Then the VM's own tracking costs 4352 bytes

  @PGM-COST-3 @profile:pgm @variant:every-type @variant:several-ranges @variant:untouched-pages @variant:plain-vm
  Scenario: A VM with a range of every type pays 16 bytes for each of their pages
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x0
    And a shadowed ROM range of 32 KB at 0xC0000
    And a ROM range of 8 KB at 0xF0000
    And a MMIO2 range of 16 KB at 0xE0000000
    And a MMIO range of 4 KB at 0xFEC00000
    And a RESERVED range of 128 KB at 0xFF000000
    When I ask for the page at 0x0
    Then the VM's own tracking costs 1008 bytes

  @PGM-COST-3 @profile:pgm @variant:written-pages @variant:one-range @variant:ram-only @variant:plain-vm
  Scenario: Writing, sharing and monitoring pages leaves the VM's record cost as it was
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 1 MB at 0x0
    And the guest has written 0x1 to the 1 bytes at 0x1000
    And the guest has written 0x1 to the 1 bytes at 0x2000
    And the page at 0x2000 has been shared
    And write monitoring has been armed
    When the guest writes 0x2 to the 1 bytes at 0x1000
    Then the VM's own tracking costs 4 KB

  @PGM-COST-3 @profile:pgm @variant:shadow-paged-vm @variant:ram-only @variant:several-ranges @variant:written-pages
  Scenario: A shadow-paged VM pays 16 bytes for each page of its ranges too
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a shadow-paged VM on a PAE host whose host can give it 16 pages
    And a RAM range of 4 MB at 0x0
    And a RAM range of 64 KB at 0x10000000
    And the guest has written 0x1 to the 1 bytes at 0x1000
    When I ask for the page at 0x10000000
    Then the VM's own tracking costs 16640 bytes

  @PGM-COST-4 @profile:pgm
  Scenario Outline: A RAM size of <ram> is refused when costing on a <host> host
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Tracking Structures And Their Cost"
    When I ask what tracking <ram> of guest RAM costs on a <host> host
    Then the call is rejected with VERR_INVALID_PARAMETER

    @variant:sub-page-size @variant:64-bit-host
    Examples:
      | host   | ram          |
      | 64-bit | 100 bytes    |

    @variant:not-whole-pages @variant:64-bit-host
    Examples:
      | host   | ram          |
      | 64-bit | 0x1001       |

    @variant:sub-page-size @variant:32-bit-host
    Examples:
      | host   | ram          |
      | 32-bit | 4095 bytes   |

    @variant:not-whole-pages @variant:32-bit-host
    Examples:
      | host   | ram          |
      | 32-bit | 0x3FFFF800   |

    @variant:negative-size @variant:64-bit-host
    Examples:
      | host   | ram          |
      | 64-bit | -1 GB        |

  @PGM-COST-4 @profile:pgm @variant:negative-size @variant:32-bit-host
  Scenario: A negative RAM size is refused when costing
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Tracking Structures And Their Cost"
    When I ask what tracking -4096 bytes of guest RAM costs on a 32-bit host
    Then the call is rejected with VERR_INVALID_PARAMETER

  @PGM-COST-5 @profile:pgm
  Scenario Outline: On a <host> host, <chunks> chunks and <pages> pages of RAM pay the overhead of <paid> chunks
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Kernel Space"
    When I ask what tracking <chunks> chunks and <pages> pages of guest RAM costs on a <host> host
    Then the chunk overhead is that of <paid> chunks

    @variant:no-ram @variant:32-bit-host
    Examples:
      | host   | chunks | pages | paid |
      | 32-bit | 0      | 0     | 0    |

    @variant:part-of-one-chunk @variant:64-bit-host
    Examples:
      | host   | chunks | pages | paid |
      | 64-bit | 0      | 1     | 1    |

    @variant:part-of-one-chunk @variant:32-bit-host
    Examples:
      | host   | chunks | pages | paid |
      | 32-bit | 0      | 7     | 1    |

    @variant:one-whole-chunk @variant:32-bit-host
    Examples:
      | host   | chunks | pages | paid |
      | 32-bit | 1      | 0     | 1    |

    @variant:one-whole-chunk @variant:64-bit-host
    Examples:
      | host   | chunks | pages | paid |
      | 64-bit | 1      | 0     | 1    |

    @variant:several-whole-chunks @variant:64-bit-host
    Examples:
      | host   | chunks | pages | paid |
      | 64-bit | 3      | 0     | 3    |

    @variant:partial-last-chunk @variant:64-bit-host
    Examples:
      | host   | chunks | pages | paid |
      | 64-bit | 3      | 1     | 4    |

    @variant:partial-last-chunk @variant:32-bit-host
    Examples:
      | host   | chunks | pages | paid |
      | 32-bit | 2      | 5     | 3    |

  @PGM-COST-5 @profile:pgm @variant:several-whole-chunks
  Scenario Outline: On a <host> host, the "(+)" of <ram> is the overhead of its chunks, on top of the seed's figures
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Kernel Space"
    When I ask what tracking <ram> of guest RAM costs on a <host> host
    Then the chunk overhead is that of every chunk the RAM needs, the last one counted whole
    And the per-VM and kernel costs leave the chunk overhead out

    @variant:32-bit-host
    Examples:
      | host   | ram   |
      | 32-bit | 1 GB  |
      | 32-bit | 4 GB  |
      | 32-bit | 32 GB |

    @variant:64-bit-host
    Examples:
      | host   | ram   |
      | 64-bit | 1 GB  |
      | 64-bit | 4 GB  |
      | 64-bit | 32 GB |

  @PGM-COST-5 @profile:pgm
  Scenario Outline: On a <host> host, a chunk holds 2^CHUNK_SHIFT pages and costs a memory object and a chunk structure
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Kernel Space"
    When I ask what one allocation chunk costs on a <host> host
    Then the chunk holds a power of two pages, at least two
    And its memory object and its chunk structure each cost more than nothing

    @variant:32-bit-host
    Examples:
      | host   |
      | 32-bit |

    @variant:64-bit-host
    Examples:
      | host   |
      | 64-bit |
