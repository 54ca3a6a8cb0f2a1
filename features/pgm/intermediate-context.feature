Feature: The intermediate memory context and guest-context mappings
  The world switch between host and guest runs through an intermediate memory context whose job is to
  map the switcher code three times: at the address the host has it at, one to one (linear equals
  physical, for switches that turn paging off), and at the hypervisor's address in the guest context. A
  switch between host and shadow tables of different modes turns paging off, changes mode and turns
  paging back on, all at an address the tables of both modes map to itself; a switch between tables of
  one mode keeps paging on.
  Every guest-context mapping is present there too. PGM keeps the context's page tables for the 32-bit,
  PAE and AMD64 modes at the same time, so that switching the guest's mode needs no rebuilding, and all
  the memory of those tables lies below 4 GB.

  Assigning or relocating a guest-context mapping is checked against the intermediate context: a
  location that overlaps something already mapped there is refused, and guest-context mappings stay
  below 4 GB. In every scenario the switcher is two pages at physical 0x00200000, mapped by the host at
  0x80100000 and at the hypervisor address 0xA0000000.

  Background:
    Given an intermediate context with 2 switcher pages at physical 0x00200000, host address 0x80100000 and hypervisor address 0xA0000000

  @PGM-CTX-1 @profile:pgm
  Scenario Outline: In the <mode> tables the switcher is mapped at its host address
    Source: VirtualBox PGM documentation [001], "The Intermediate Memory Context"
    Then in the <mode> tables 0x80101234 translates to 0x201234

    @variant:bit32-tables @variant:below-4gb
    Examples: the 32-bit tables
      | mode   |
      | 32-bit |

    @variant:pae-tables
    Examples: the PAE tables
      | mode   |
      | PAE    |

    @variant:amd64-tables
    Examples: the AMD64 tables
      | mode   |
      | AMD64  |

  @PGM-CTX-1 @profile:pgm @variant:above-4gb
  Scenario: On a 64-bit host the AMD64 tables map the switcher at a host address above 4 GB, and the others do not truncate it
    Source: VirtualBox PGM documentation [001], "The Intermediate Memory Context"
    Given an intermediate context with 1 switcher page at physical 0x00200000, host address 0xFFFFFFFF80100000 and hypervisor address 0xA0000000
    Then in the AMD64 tables 0xFFFFFFFF80100010 translates to 0x200010
    And in the PAE tables 0x80100000 is not mapped
    And in the 32-bit tables 0x80100000 is not mapped
    And in the PAE tables 0xFFFFFFFF80100010 is not mapped
    And in the 32-bit tables 0xFFFFFFFF80100010 is not mapped

  @PGM-CTX-1 @profile:pgm @variant:top-of-lower-half
  Scenario: A switcher host mapping that ends at the top of the lower canonical half is mapped there by the AMD64 tables
    Source: VirtualBox PGM documentation [001], "The Intermediate Memory Context"
    Given an intermediate context with 1 switcher page at physical 0x00200000, host address 0x7FFFFFFFF000 and hypervisor address 0xA0000000
    Then in the AMD64 tables 0x7FFFFFFFFFF8 translates to 0x200FF8

  @PGM-CTX-1 @profile:pgm @variant:across-4gb
  Scenario: A switcher whose host mapping would run across 4 GB is left out of the 32-bit and PAE tables whole
    Source: VirtualBox PGM documentation [001], "The Intermediate Memory Context"
    Given an intermediate context with 2 switcher pages at physical 0x00200000, host address 0xFFFFF000 and hypervisor address 0xA0000000
    Then in the AMD64 tables 0x100000010 translates to 0x201010
    And in the PAE tables 0xFFFFF000 is not mapped
    And in the 32-bit tables 0xFFFFF000 is not mapped
    And in the 32-bit tables 0x0 is not mapped

  @PGM-CTX-2 @profile:pgm
  Scenario Outline: In the <mode> tables the switcher is identity mapped
    Source: VirtualBox PGM documentation [001], "The Intermediate Memory Context"
    Then in the <mode> tables 0x200010 translates to 0x200010
    And in the <mode> tables 0x201FF8 translates to 0x201FF8

    @variant:bit32-tables @variant:several-pages
    Examples: the 32-bit tables
      | mode   |
      | 32-bit |

    @variant:pae-tables
    Examples: the PAE tables
      | mode   |
      | PAE    |

    @variant:amd64-tables
    Examples: the AMD64 tables
      | mode   |
      | AMD64  |

  @PGM-CTX-2 @profile:pgm @variant:one-page
  Scenario Outline: A one-page switcher is identity mapped in the <mode> tables, and no further
    Source: VirtualBox PGM documentation [001], "The Intermediate Memory Context"
    Given an intermediate context with 1 switcher page at physical 0x00700000, host address 0x80100000 and hypervisor address 0xA0000000
    Then in the <mode> tables 0x700FF8 translates to 0x700FF8
    And in the <mode> tables 0x701000 is not mapped

    Examples:
      | mode   |
      | 32-bit |
      | PAE    |
      | AMD64  |

  @PGM-CTX-3 @profile:pgm
  Scenario Outline: In the <mode> tables the switcher is mapped at the hypervisor address
    Source: VirtualBox PGM documentation [001], "The Intermediate Memory Context"
    Then in the <mode> tables 0xA0001008 translates to 0x201008
    And in the <mode> tables 0xA0002000 is not mapped

    @variant:bit32-tables @variant:several-pages
    Examples: the 32-bit tables
      | mode   |
      | 32-bit |

    @variant:pae-tables
    Examples: the PAE tables
      | mode   |
      | PAE    |

    @variant:amd64-tables
    Examples: the AMD64 tables
      | mode   |
      | AMD64  |

  @PGM-CTX-3 @profile:pgm @variant:one-page
  Scenario Outline: A one-page switcher is mapped at the hypervisor address in the <mode> tables, and no further
    Source: VirtualBox PGM documentation [001], "The Intermediate Memory Context"
    Given an intermediate context with 1 switcher page at physical 0x00700000, host address 0x80100000 and hypervisor address 0xA0000000
    Then in the <mode> tables 0xA0000FF8 translates to 0x700FF8
    And in the <mode> tables 0xA0001000 is not mapped

    Examples:
      | mode   |
      | 32-bit |
      | PAE    |
      | AMD64  |

  @PGM-CTX-4 @profile:pgm
  Scenario Outline: A guest-context mapping is present in the <mode> tables of the intermediate context
    Source: VirtualBox PGM documentation [001], "The Intermediate Memory Context"
    When I assign the guest-context mapping "GC" of 8 KB at 0xA0400000 for physical 0x00500000
    Then in the <mode> tables 0xA0401010 translates to 0x501010

    @variant:bit32-tables @variant:several-pages @variant:one-mapping
    Examples: the 32-bit tables
      | mode   |
      | 32-bit |

    @variant:pae-tables
    Examples: the PAE tables
      | mode   |
      | PAE    |

    @variant:amd64-tables
    Examples: the AMD64 tables
      | mode   |
      | AMD64  |

  @PGM-CTX-4 @profile:pgm @variant:one-page
  Scenario Outline: A one-page guest-context mapping is present in the <mode> tables, and no further
    Source: VirtualBox PGM documentation [001], "The Intermediate Memory Context"
    When I assign the guest-context mapping "GC" of 4 KB at 0xA0400000 for physical 0x00500000
    Then in the <mode> tables 0xA0400FF8 translates to 0x500FF8
    And in the <mode> tables 0xA0401000 is not mapped

    Examples:
      | mode   |
      | 32-bit |
      | PAE    |
      | AMD64  |

  @PGM-CTX-4 @profile:pgm @variant:across-table-boundary
  Scenario Outline: A guest-context mapping across a 4 MB boundary is present in the <mode> tables on both sides of it
    Source: VirtualBox PGM documentation [001], "The Intermediate Memory Context"
    When I assign the guest-context mapping "GC" of 16 KB at 0xA07FE000 for physical 0x00500000
    Then in the <mode> tables 0xA07FE010 translates to 0x500010
    And in the <mode> tables 0xA0800010 translates to 0x502010
    And in the <mode> tables 0xA0801FF8 translates to 0x503FF8

    Examples:
      | mode   |
      | 32-bit |
      | PAE    |
      | AMD64  |

  @PGM-CTX-4 @profile:pgm @variant:several-mappings
  Scenario: Two guest-context mappings are both present in the intermediate context's tables
    Source: VirtualBox PGM documentation [001], "The Intermediate Memory Context"
    Given the guest-context mapping "GC" of 8 KB at 0xA0400000 for physical 0x00500000
    When I assign the guest-context mapping "other" of 4 KB at 0xB0000000 for physical 0x00900000
    Then in the PAE tables 0xA0401000 translates to 0x501000
    And in the PAE tables 0xB0000010 translates to 0x900010
    And in the 32-bit tables 0xA0400000 translates to 0x500000
    And in the AMD64 tables 0xB0000000 translates to 0x900000

  @PGM-CTX-5 @profile:pgm
  Scenario: The intermediate context keeps tables for all three paging modes at once
    Source: VirtualBox PGM documentation [001], "The Intermediate Memory Context"
    Then the intermediate context keeps tables for 32-bit, PAE and AMD64

  @PGM-CTX-6 @profile:pgm @variant:below-4gb @variant:with-mapping
  Scenario: All of the intermediate context's table memory lies below 4 GB, guest-context mappings included
    Source: VirtualBox PGM documentation [001], "The Intermediate Memory Context"
    Given the guest-context mapping "GC" of 4 MB at 0xA0400000 for physical 0x00800000
    Then every page of the intermediate context's tables lies below 4 GB

  @PGM-CTX-6 @profile:pgm @variant:above-4gb @variant:no-mapping
  Scenario: The tables that map a 64-bit host's switcher above 4 GB lie below 4 GB themselves
    Source: VirtualBox PGM documentation [001], "The Intermediate Memory Context"
    Given an intermediate context with 1 switcher page at physical 0x00200000, host address 0xFFFFFFFF80100000 and hypervisor address 0xA0000000
    Then every page of the intermediate context's tables lies below 4 GB

  @PGM-CTX-7 @profile:pgm
  Scenario Outline: Assigning a guest-context mapping over <what> is refused
    Source: VirtualBox PGM documentation [001], "Guest Context Mappings"
    Given the guest-context mapping "other" of 1 MB at 0xA0800000 for physical 0x00900000
    When I assign the guest-context mapping "GC" of 8 KB at <address> for physical 0x00500000
    Then the call is rejected with VERR_PGM_MAPPING_CONFLICT
    And the intermediate context is unchanged

    @variant:hypervisor-mapping @variant:start-inside
    Examples: starting inside the switcher's hypervisor mapping
      | what                              | address    |
      | the switcher's hypervisor mapping | 0xA0001000 |

    @variant:host-mapping @variant:end-inside
    Examples: ending inside the switcher's host mapping
      | what                              | address    |
      | the switcher's host mapping       | 0x800FF000 |

    @variant:identity-mapping
    Examples: starting inside the switcher's identity mapping
      | what                              | address    |
      | the switcher's identity mapping   | 0x201000   |

    @variant:other-mapping
    Examples: starting inside another guest-context mapping
      | what                              | address    |
      | another guest-context mapping     | 0xA08FF000 |

  @PGM-CTX-7 @profile:pgm @variant:enclosing
  Scenario Outline: Assigning a guest-context mapping that covers <what> whole is refused
    Source: VirtualBox PGM documentation [001], "Guest Context Mappings"
    Given the guest-context mapping "other" of 1 MB at 0xA0800000 for physical 0x00900000
    When I assign the guest-context mapping "GC" of <size> at <address> for physical 0x00500000
    Then the call is rejected with VERR_PGM_MAPPING_CONFLICT
    And the intermediate context is unchanged

    Examples:
      | what                              | size  | address    |
      | the switcher's hypervisor mapping | 16 KB | 0x9FFFF000 |
      | the switcher's host mapping       | 4 MB  | 0x80000000 |
      | the switcher's identity mapping   | 2 MB  | 0x100000   |
      | another guest-context mapping     | 4 MB  | 0xA0700000 |

  @PGM-CTX-7 @profile:pgm
  Scenario: A guest-context mapping right next to the switcher's hypervisor mapping does not conflict
    Source: VirtualBox PGM documentation [001], "Guest Context Mappings"
    When I assign the guest-context mapping "GC" of 8 KB at 0xA0002000 for physical 0x00500000
    Then in the PAE tables 0xA0002000 translates to 0x500000
    And in the PAE tables 0xA0001000 translates to 0x201000

  @PGM-CTX-7 @profile:pgm
  Scenario: A guest-context mapping that ends where the switcher's host mapping starts does not conflict
    Source: VirtualBox PGM documentation [001], "Guest Context Mappings"
    When I assign the guest-context mapping "GC" of 8 KB at 0x800FE000 for physical 0x00500000
    Then in the 32-bit tables 0x800FF000 translates to 0x501000
    And in the 32-bit tables 0x80100000 translates to 0x200000

  @PGM-CTX-10 @profile:pgm @variant:assign-ending-at-4gb
  Scenario: A guest-context mapping that ends just below 4 GB is accepted
    Source: VirtualBox PGM documentation [001], "Guest Context Mappings"
    When I assign the guest-context mapping "GC" of 8 KB at 0xFFFFE000 for physical 0x00500000
    Then in the 32-bit tables 0xFFFFF000 translates to 0x501000
    And in the AMD64 tables 0xFFFFE000 translates to 0x500000

  @PGM-CTX-8 @profile:pgm @variant:apart @variant:several-pages
  Scenario: Relocating a guest-context mapping moves it in every mode's tables
    Source: VirtualBox PGM documentation [001], "Guest Context Mappings"
    Given the guest-context mapping "GC" of 8 KB at 0xA0400000 for physical 0x00500000
    When I relocate the guest-context mapping "GC" to 0xA0C00000
    Then the guest-context mapping "GC" is at 0xA0C00000
    And in the PAE tables 0xA0C01000 translates to 0x501000
    And in the AMD64 tables 0xA0C00000 translates to 0x500000
    And in the 32-bit tables 0xA0400000 is not mapped

  @PGM-CTX-8 @profile:pgm
  Scenario: Relocating a guest-context mapping takes away every old page and leaves the mapping next to it alone
    Source: VirtualBox PGM documentation [001], "Guest Context Mappings"
    Given the guest-context mapping "GC" of 8 KB at 0xA0400000 for physical 0x00500000
    And the guest-context mapping "next" of 4 KB at 0xA0402000 for physical 0x00600000
    When I relocate the guest-context mapping "GC" to 0xA0C00000
    Then in the PAE tables 0xA0401000 is not mapped
    And in the PAE tables 0xA0402000 translates to 0x600000

  @PGM-CTX-8 @profile:pgm @variant:overlapping-itself
  Scenario: A guest-context mapping may be relocated onto an overlapping part of itself
    Source: VirtualBox PGM documentation [001], "Guest Context Mappings"
    Given the guest-context mapping "GC" of 8 KB at 0xA0400000 for physical 0x00500000
    When I relocate the guest-context mapping "GC" to 0xA0401000
    Then in the 32-bit tables 0xA0402000 translates to 0x501000
    And in the 32-bit tables 0xA0400000 is not mapped

  @PGM-CTX-8 @profile:pgm @variant:one-page
  Scenario: Relocating a one-page guest-context mapping moves its page in every mode's tables
    Source: VirtualBox PGM documentation [001], "Guest Context Mappings"
    Given the guest-context mapping "GC" of 4 KB at 0xA0400000 for physical 0x00500000
    When I relocate the guest-context mapping "GC" to 0xA0C00000
    Then in the 32-bit tables 0xA0C00FF8 translates to 0x500FF8
    And in the PAE tables 0xA0C00000 translates to 0x500000
    And in the AMD64 tables 0xA0C00000 translates to 0x500000
    And in the PAE tables 0xA0400000 is not mapped
    And in the AMD64 tables 0xA0400000 is not mapped

  @PGM-CTX-9 @profile:pgm @variant:switcher-mapping @variant:start-inside
  Scenario: Relocating a guest-context mapping onto a conflict is refused and leaves it where it was
    Source: VirtualBox PGM documentation [001], "Guest Context Mappings"
    Given the guest-context mapping "GC" of 8 KB at 0xA0400000 for physical 0x00500000
    When I relocate the guest-context mapping "GC" to 0xA0000000
    Then the call is rejected with VERR_PGM_MAPPING_CONFLICT
    And the intermediate context is unchanged
    And in the PAE tables 0xA0400000 translates to 0x500000

  @PGM-CTX-9 @profile:pgm @variant:other-mapping
  Scenario: Relocating a guest-context mapping into another one is refused and leaves both where they were
    Source: VirtualBox PGM documentation [001], "Guest Context Mappings"
    Given the guest-context mapping "GC" of 8 KB at 0xA0400000 for physical 0x00500000
    And the guest-context mapping "other" of 1 MB at 0xA0800000 for physical 0x00900000
    When I relocate the guest-context mapping "GC" to 0xA08FF000
    Then the call is rejected with VERR_PGM_MAPPING_CONFLICT
    And the intermediate context is unchanged
    And in the PAE tables 0xA0400000 translates to 0x500000
    And in the PAE tables 0xA08FF000 translates to 0x9FF000

  @PGM-CTX-9 @profile:pgm @variant:enclosing
  Scenario: Relocating a guest-context mapping over the whole of the switcher's hypervisor mapping is refused
    Source: VirtualBox PGM documentation [001], "Guest Context Mappings"
    Given the guest-context mapping "GC" of 16 KB at 0xA0400000 for physical 0x00500000
    When I relocate the guest-context mapping "GC" to 0x9FFFF000
    Then the call is rejected with VERR_PGM_MAPPING_CONFLICT
    And the intermediate context is unchanged
    And in the PAE tables 0xA0400000 translates to 0x500000
    And in the PAE tables 0xA0000000 translates to 0x200000

  @PGM-CTX-10 @profile:pgm
  Scenario: A guest-context mapping at the bottom of the address space is accepted
    Source: VirtualBox PGM documentation [001], "Guest Context Mappings"
    When I assign the guest-context mapping "low" of 4 KB at 0x0 for physical 0x00500000
    Then in the 32-bit tables 0x10 translates to 0x500010

  @PGM-CTX-10 @profile:pgm
  Scenario Outline: A guest-context mapping that would <reach> 4 GB is refused
    Source: VirtualBox PGM documentation [001], "Guest Context Mappings"
    Given the guest-context mapping "GC" of 8 KB at 0xA0400000 for physical 0x00500000
    When I <operation>
    Then the call is rejected with VERR_OUT_OF_RANGE
    And the intermediate context is unchanged

    @variant:assign-ending-past-4gb
    Examples: assigned to end past 4 GB
      | reach        | operation                                                                         |
      | end past     | assign the guest-context mapping "hyper" of 8 KB at 0xFFFFF000 for physical 0x0   |

    @variant:assign-starting-at-4gb
    Examples: assigned to start at 4 GB
      | reach        | operation                                                                         |
      | start beyond | assign the guest-context mapping "hyper" of 4 KB at 0x100000000 for physical 0x0  |

    @variant:relocate-ending-past-4gb
    Examples: relocated to end past 4 GB
      | reach        | operation                                                                         |
      | move past    | relocate the guest-context mapping "GC" to 0xFFFFF000                             |

    @variant:assign-far-above-4gb
    Examples: assigned far above 4 GB, at an address with bit 63 set
      | reach        | operation                                                                                 |
      | start beyond | assign the guest-context mapping "hyper" of 4 KB at 0xFFFFFFFFC0000000 for physical 0x0   |

  @PGM-CTX-10 @profile:pgm @variant:relocate-ending-at-4gb
  Scenario: A guest-context mapping relocated to end just below 4 GB is accepted
    Source: VirtualBox PGM documentation [001], "Guest Context Mappings"
    Given the guest-context mapping "GC" of 8 KB at 0xA0400000 for physical 0x00500000
    When I relocate the guest-context mapping "GC" to 0xFFFFE000
    Then the guest-context mapping "GC" is at 0xFFFFE000
    And in the 32-bit tables 0xFFFFF000 translates to 0x501000

  @PGM-CTX-11 @profile:pgm
  Scenario Outline: Assigning or relocating with <what> is refused with <status>
    Source: VirtualBox PGM documentation [001], "Guest Context Mappings"
    Given the guest-context mapping "GC" of 8 KB at 0xA0400000 for physical 0x00500000
    When I <operation>
    Then the call is rejected with <status>
    And the intermediate context is unchanged

    @variant:misaligned-address
    Examples: a misaligned address
      | what                 | operation                                                                       | status                 |
      | a misaligned address | assign the guest-context mapping "hyper" of 4 KB at 0xA0600800 for physical 0x0 | VERR_INVALID_PARAMETER |

    @variant:misaligned-size
    Examples: a misaligned size
      | what                 | operation                                                                       | status                 |
      | a misaligned size    | assign the guest-context mapping "hyper" of 0x800 at 0xA0600000 for physical 0x0 | VERR_INVALID_PARAMETER |

    @variant:no-size
    Examples: no size
      | what                 | operation                                                                       | status                 |
      | no size              | assign the guest-context mapping "hyper" of 0 bytes at 0xA0600000 for physical 0x0 | VERR_INVALID_PARAMETER |

    @variant:misaligned-physical
    Examples: a misaligned physical address
      | what                 | operation                                                                       | status                 |
      | a misaligned physical address | assign the guest-context mapping "hyper" of 4 KB at 0xA0600000 for physical 0x800 | VERR_INVALID_PARAMETER |

    @variant:taken-name
    Examples: a taken name
      | what                 | operation                                                                       | status                 |
      | a taken name         | assign the guest-context mapping "GC" of 4 KB at 0xA0600000 for physical 0x0    | VERR_ALREADY_EXISTS    |

    @variant:unknown-name
    Examples: an unknown name
      | what                 | operation                                                                       | status                 |
      | an unknown name      | relocate the guest-context mapping "hyper" to 0xA0600000                        | VERR_NOT_FOUND         |

    @variant:misaligned-target
    Examples: a misaligned target
      | what                 | operation                                                                       | status                 |
      | a misaligned target  | relocate the guest-context mapping "GC" to 0xA0600010                           | VERR_INVALID_PARAMETER |

  @PGM-CTX-12 @profile:pgm
  Scenario Outline: A switcher placement with <what> is refused with <status>
    Source: VirtualBox PGM documentation [001], "The Intermediate Memory Context"
    When I create an intermediate context with <pages> switcher pages at physical <phys>, host address <host> and hypervisor address <hyper>
    Then the call is rejected with <status>

    @variant:code-at-4gb
    Examples: code at 4 GB
      | what                                | pages | phys        | host       | hyper      | status                    |
      | code at 4 GB                        | 1     | 0x100000000 | 0x80100000 | 0xA0000000 | VERR_OUT_OF_RANGE         |

    @variant:code-across-4gb
    Examples: code running across 4 GB
      | what                                | pages | phys        | host       | hyper      | status                    |
      | code running across 4 GB            | 2     | 0xFFFFF000  | 0x80100000 | 0xA0000000 | VERR_OUT_OF_RANGE         |

    @variant:no-pages
    Examples: no pages
      | what                                | pages | phys        | host       | hyper      | status                    |
      | no pages                            | 0     | 0x200000    | 0x80100000 | 0xA0000000 | VERR_INVALID_PARAMETER    |

    @variant:misaligned-physical
    Examples: a misaligned physical address
      | what                                | pages | phys        | host       | hyper      | status                    |
      | a misaligned physical address       | 1     | 0x200800    | 0x80100000 | 0xA0000000 | VERR_INVALID_PARAMETER    |

    @variant:misaligned-host
    Examples: a misaligned host address
      | what                                | pages | phys        | host       | hyper      | status                    |
      | a misaligned host address           | 1     | 0x200000    | 0x80100800 | 0xA0000000 | VERR_INVALID_PARAMETER    |

    @variant:misaligned-hypervisor
    Examples: a misaligned hypervisor address
      | what                                | pages | phys        | host       | hyper      | status                    |
      | a misaligned hypervisor address     | 1     | 0x200000    | 0x80100000 | 0xA0000800 | VERR_INVALID_PARAMETER    |

    @variant:hypervisor-on-host
    Examples: the hypervisor address on the host's
      | what                                | pages | phys        | host       | hyper      | status                    |
      | a hypervisor address on the host's  | 1     | 0x200000    | 0x80100000 | 0x80100000 | VERR_PGM_MAPPING_CONFLICT |

    @variant:hypervisor-partly-on-host
    Examples: the hypervisor mapping reaching into the host's
      | what                                | pages | phys        | host       | hyper      | status                    |
      | a hypervisor mapping reaching into the host's | 2 | 0x200000 | 0x80100000 | 0x80101000 | VERR_PGM_MAPPING_CONFLICT |

    @variant:hypervisor-on-code
    Examples: the hypervisor address on the code
      | what                                | pages | phys        | host       | hyper      | status                    |
      | a hypervisor address on the code    | 1     | 0x200000    | 0x80100000 | 0x200000   | VERR_PGM_MAPPING_CONFLICT |

    @variant:code-far-above-4gb
    Examples: code far above 4 GB, at an address with bit 63 set
      | what                                | pages | phys               | host       | hyper      | status            |
      | code far above 4 GB                 | 1     | 0xFFFFFFFFFFFFF000 | 0x80100000 | 0xA0000000 | VERR_OUT_OF_RANGE |

    @variant:non-canonical-host
    Examples: a host address outside both canonical halves
      | what                                | pages | phys        | host               | hyper      | status            |
      | a non-canonical host address        | 1     | 0x200000    | 0x0010000000000000 | 0xA0000000 | VERR_OUT_OF_RANGE |

    @variant:hypervisor-leaving-its-half
    Examples: a hypervisor mapping running past the top of the lower canonical half
      | what                                | pages | phys        | host       | hyper          | status            |
      | a hypervisor mapping leaving its canonical half | 2 | 0x200000 | 0x80100000 | 0x7FFFFFFFF000 | VERR_OUT_OF_RANGE |

  @PGM-CTX-12 @profile:pgm
  Scenario Outline: A switcher with <what> is accepted and identity mapped
    Source: VirtualBox PGM documentation [001], "The Intermediate Memory Context"
    Given an intermediate context with 1 switcher page at physical <phys>, host address 0x80100000 and hypervisor address 0xA0000000
    Then in the <mode> tables <linear> translates to <linear>

    @variant:code-in-last-page-below-4gb
    Examples: code in the last page below 4 GB
      | what                                 | phys       | mode   | linear     |
      | its code in the last page below 4 GB | 0xFFFFF000 | 32-bit | 0xFFFFF008 |

    @variant:code-at-zero
    Examples: code at physical 0
      | what                                 | phys       | mode   | linear     |
      | its code at physical 0               | 0x0        | PAE    | 0x10       |

  @PGM-CTX-13 @profile:pgm @variant:host-below-4gb
  Scenario Outline: A world switch from <from> to <to> tables turns paging off at a switcher address both modes map to itself
    Source: VirtualBox PGM documentation [001], "The Intermediate Memory Context"
    Then a world switch from <from> to <to> tables turns paging off at an address of the switcher code that the tables of both modes map to itself

    @variant:into-guest @variant:bit32-and-pae @variant:bit32-and-amd64 @variant:pae-and-amd64
    Examples: from the host's tables into a shadow of another mode
      | from   | to     |
      | 32-bit | PAE    |
      | 32-bit | AMD64  |
      | PAE    | AMD64  |
      | AMD64  | PAE    |

    @variant:back-to-host
    Examples: from a shadow back to host tables of another mode
      | from   | to     |
      | PAE    | 32-bit |
      | AMD64  | 32-bit |
      | AMD64  | PAE    |
      | PAE    | AMD64  |

  @PGM-CTX-13 @profile:pgm @variant:host-above-4gb
  Scenario Outline: With a 64-bit host's switcher above 4 GB, a switch from <from> to <to> tables still turns paging off at an identity-mapped address
    Source: VirtualBox PGM documentation [001], "The Intermediate Memory Context"
    Given an intermediate context with 1 switcher page at physical 0x00200000, host address 0xFFFFFFFF80100000 and hypervisor address 0xA0000000
    Then a world switch from <from> to <to> tables turns paging off at an address of the switcher code that the tables of both modes map to itself

    Examples:
      | from   | to     |
      | AMD64  | PAE    |
      | PAE    | AMD64  |

  @PGM-CTX-14 @profile:pgm
  Scenario Outline: A world switch between <mode> host and shadow tables keeps paging on
    Source: VirtualBox PGM documentation [001], "The Intermediate Memory Context"
    Then a world switch from <mode> to <mode> tables keeps paging on

    @variant:bit32-to-bit32
    Examples: 32-bit tables on both sides
      | mode   |
      | 32-bit |

    @variant:pae-to-pae
    Examples: PAE tables on both sides
      | mode   |
      | PAE    |

    @variant:amd64-to-amd64
    Examples: AMD64 tables on both sides
      | mode   |
      | AMD64  |

  @PGM-CTX-15 @profile:pgm
  Scenario Outline: Asking how a world switch from <from> to <to> tables goes is refused with VERR_INVALID_PARAMETER
    Source: VirtualBox PGM documentation [001], "The Intermediate Memory Context"
    When I ask how a world switch from <from> to <to> tables goes
    Then the call is rejected with VERR_INVALID_PARAMETER

    @variant:invalid-from
    Examples: from no paging mode
      | from    | to      |
      | INVALID | PAE     |

    @variant:invalid-to
    Examples: to no paging mode
      | from    | to      |
      | AMD64   | INVALID |
