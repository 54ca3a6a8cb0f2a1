Feature: The intermediate memory context and guest-context mappings
  The world switch between host and guest runs through an intermediate memory context whose job is to
  map the switcher code three times: at the address the host has it at, one to one (linear equals
  physical, for switches that turn paging off), and at the hypervisor's address in the guest context.
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
    Source: 001_96135646f618994a.txt, "The Intermediate Memory Context"
    Then in the <mode> tables 0x80101234 translates to 0x201234

    Examples:
      | mode   |
      | 32-bit |
      | PAE    |
      | AMD64  |

  @PGM-CTX-1 @profile:pgm
  Scenario: On a 64-bit host the AMD64 tables map the switcher at a host address above 4 GB, and the others do not truncate it
    Source: 001_96135646f618994a.txt, "The Intermediate Memory Context"
    Given an intermediate context with 1 switcher page at physical 0x00200000, host address 0xFFFFFFFF80100000 and hypervisor address 0xA0000000
    Then in the AMD64 tables 0xFFFFFFFF80100010 translates to 0x200010
    And in the PAE tables 0x80100000 is not mapped
    And in the 32-bit tables 0x80100000 is not mapped

  @PGM-CTX-1 @profile:pgm
  Scenario: A switcher whose host mapping would run across 4 GB is left out of the 32-bit and PAE tables whole
    Source: 001_96135646f618994a.txt, "The Intermediate Memory Context"
    Given an intermediate context with 2 switcher pages at physical 0x00200000, host address 0xFFFFF000 and hypervisor address 0xA0000000
    Then in the AMD64 tables 0x100000010 translates to 0x201010
    And in the PAE tables 0xFFFFF000 is not mapped
    And in the 32-bit tables 0xFFFFF000 is not mapped
    And in the 32-bit tables 0x0 is not mapped

  @PGM-CTX-2 @profile:pgm
  Scenario Outline: In the <mode> tables the switcher is identity mapped
    Source: 001_96135646f618994a.txt, "The Intermediate Memory Context"
    Then in the <mode> tables 0x200010 translates to 0x200010
    And in the <mode> tables 0x201FF8 translates to 0x201FF8

    Examples:
      | mode   |
      | 32-bit |
      | PAE    |
      | AMD64  |

  @PGM-CTX-3 @profile:pgm
  Scenario Outline: In the <mode> tables the switcher is mapped at the hypervisor address
    Source: 001_96135646f618994a.txt, "The Intermediate Memory Context"
    Then in the <mode> tables 0xA0001008 translates to 0x201008
    And in the <mode> tables 0xA0002000 is not mapped

    Examples:
      | mode   |
      | 32-bit |
      | PAE    |
      | AMD64  |

  @PGM-CTX-4 @profile:pgm
  Scenario Outline: A guest-context mapping is present in the <mode> tables of the intermediate context
    Source: 001_96135646f618994a.txt, "The Intermediate Memory Context"
    When I assign the guest-context mapping "GC" of 8 KB at 0xA0400000 for physical 0x00500000
    Then in the <mode> tables 0xA0401010 translates to 0x501010

    Examples:
      | mode   |
      | 32-bit |
      | PAE    |
      | AMD64  |

  @PGM-CTX-5 @profile:pgm
  Scenario: The intermediate context keeps tables for all three paging modes at once
    Source: 001_96135646f618994a.txt, "The Intermediate Memory Context"
    Then the intermediate context keeps tables for 32-bit, PAE and AMD64

  @PGM-CTX-6 @profile:pgm
  Scenario: All of the intermediate context's table memory lies below 4 GB, guest-context mappings included
    Source: 001_96135646f618994a.txt, "The Intermediate Memory Context"
    Given the guest-context mapping "GC" of 4 MB at 0xA0400000 for physical 0x00800000
    Then every page of the intermediate context's tables lies below 4 GB

  @PGM-CTX-7 @profile:pgm
  Scenario Outline: Assigning a guest-context mapping over <what> is refused
    Source: 001_96135646f618994a.txt, "Guest Context Mappings"
    Given the guest-context mapping "other" of 1 MB at 0xA0800000 for physical 0x00900000
    When I assign the guest-context mapping "GC" of 8 KB at <address> for physical 0x00500000
    Then the call is rejected with VERR_PGM_MAPPING_CONFLICT
    And the intermediate context is unchanged

    Examples:
      | what                              | address    |
      | the switcher's hypervisor mapping | 0xA0001000 |
      | the switcher's host mapping       | 0x800FF000 |
      | the switcher's identity mapping   | 0x201000   |
      | another guest-context mapping     | 0xA08FF000 |

  @PGM-CTX-7 @profile:pgm
  Scenario: A guest-context mapping right next to the switcher's hypervisor mapping does not conflict
    Source: 001_96135646f618994a.txt, "Guest Context Mappings"
    When I assign the guest-context mapping "GC" of 8 KB at 0xA0002000 for physical 0x00500000
    Then in the PAE tables 0xA0002000 translates to 0x500000
    And in the PAE tables 0xA0001000 translates to 0x201000

  @PGM-CTX-7 @profile:pgm
  Scenario: A guest-context mapping that ends where the switcher's host mapping starts does not conflict
    Source: 001_96135646f618994a.txt, "Guest Context Mappings"
    When I assign the guest-context mapping "GC" of 8 KB at 0x800FE000 for physical 0x00500000
    Then in the 32-bit tables 0x800FF000 translates to 0x501000
    And in the 32-bit tables 0x80100000 translates to 0x200000

  @PGM-CTX-10 @profile:pgm
  Scenario: A guest-context mapping that ends just below 4 GB is accepted
    Source: 001_96135646f618994a.txt, "Guest Context Mappings"
    When I assign the guest-context mapping "GC" of 8 KB at 0xFFFFE000 for physical 0x00500000
    Then in the 32-bit tables 0xFFFFF000 translates to 0x501000
    And in the AMD64 tables 0xFFFFE000 translates to 0x500000

  @PGM-CTX-8 @profile:pgm
  Scenario: Relocating a guest-context mapping moves it in every mode's tables
    Source: 001_96135646f618994a.txt, "Guest Context Mappings"
    Given the guest-context mapping "GC" of 8 KB at 0xA0400000 for physical 0x00500000
    When I relocate the guest-context mapping "GC" to 0xA0C00000
    Then the guest-context mapping "GC" is at 0xA0C00000
    And in the PAE tables 0xA0C01000 translates to 0x501000
    And in the AMD64 tables 0xA0C00000 translates to 0x500000
    And in the 32-bit tables 0xA0400000 is not mapped

  @PGM-CTX-8 @profile:pgm
  Scenario: Relocating a guest-context mapping takes away every old page and leaves the mapping next to it alone
    Source: 001_96135646f618994a.txt, "Guest Context Mappings"
    Given the guest-context mapping "GC" of 8 KB at 0xA0400000 for physical 0x00500000
    And the guest-context mapping "next" of 4 KB at 0xA0402000 for physical 0x00600000
    When I relocate the guest-context mapping "GC" to 0xA0C00000
    Then in the PAE tables 0xA0401000 is not mapped
    And in the PAE tables 0xA0402000 translates to 0x600000

  @PGM-CTX-8 @profile:pgm
  Scenario: A guest-context mapping may be relocated onto an overlapping part of itself
    Source: 001_96135646f618994a.txt, "Guest Context Mappings"
    Given the guest-context mapping "GC" of 8 KB at 0xA0400000 for physical 0x00500000
    When I relocate the guest-context mapping "GC" to 0xA0401000
    Then in the 32-bit tables 0xA0402000 translates to 0x501000
    And in the 32-bit tables 0xA0400000 is not mapped

  @PGM-CTX-9 @profile:pgm
  Scenario: Relocating a guest-context mapping onto a conflict is refused and leaves it where it was
    Source: 001_96135646f618994a.txt, "Guest Context Mappings"
    Given the guest-context mapping "GC" of 8 KB at 0xA0400000 for physical 0x00500000
    When I relocate the guest-context mapping "GC" to 0xA0000000
    Then the call is rejected with VERR_PGM_MAPPING_CONFLICT
    And the intermediate context is unchanged
    And in the PAE tables 0xA0400000 translates to 0x500000

  @PGM-CTX-10 @profile:pgm
  Scenario: A guest-context mapping at the bottom of the address space is accepted
    Source: 001_96135646f618994a.txt, "Guest Context Mappings"
    When I assign the guest-context mapping "low" of 4 KB at 0x0 for physical 0x00500000
    Then in the 32-bit tables 0x10 translates to 0x500010

  @PGM-CTX-10 @profile:pgm
  Scenario Outline: A guest-context mapping that would <reach> 4 GB is refused
    Source: 001_96135646f618994a.txt, "Guest Context Mappings"
    Given the guest-context mapping "GC" of 8 KB at 0xA0400000 for physical 0x00500000
    When I <operation>
    Then the call is rejected with VERR_OUT_OF_RANGE
    And the intermediate context is unchanged

    Examples:
      | reach        | operation                                                                         |
      | end past     | assign the guest-context mapping "hyper" of 8 KB at 0xFFFFF000 for physical 0x0   |
      | start beyond | assign the guest-context mapping "hyper" of 4 KB at 0x100000000 for physical 0x0  |
      | move past    | relocate the guest-context mapping "GC" to 0xFFFFF000                             |

  @PGM-CTX-11 @profile:pgm
  Scenario Outline: Assigning or relocating with <what> is refused with <status>
    Source: 001_96135646f618994a.txt, "Guest Context Mappings"
    Given the guest-context mapping "GC" of 8 KB at 0xA0400000 for physical 0x00500000
    When I <operation>
    Then the call is rejected with <status>
    And the intermediate context is unchanged

    Examples:
      | what                 | operation                                                                       | status                 |
      | a misaligned address | assign the guest-context mapping "hyper" of 4 KB at 0xA0600800 for physical 0x0 | VERR_INVALID_PARAMETER |
      | a misaligned size    | assign the guest-context mapping "hyper" of 0x800 at 0xA0600000 for physical 0x0 | VERR_INVALID_PARAMETER |
      | no size              | assign the guest-context mapping "hyper" of 0 bytes at 0xA0600000 for physical 0x0 | VERR_INVALID_PARAMETER |
      | a taken name         | assign the guest-context mapping "GC" of 4 KB at 0xA0600000 for physical 0x0    | VERR_ALREADY_EXISTS    |
      | an unknown name      | relocate the guest-context mapping "hyper" to 0xA0600000                        | VERR_NOT_FOUND         |
      | a misaligned target  | relocate the guest-context mapping "GC" to 0xA0600010                           | VERR_INVALID_PARAMETER |

  @PGM-CTX-12 @profile:pgm
  Scenario Outline: A switcher placement with <what> is refused with <status>
    Source: 001_96135646f618994a.txt, "The Intermediate Memory Context"
    When I create an intermediate context with <pages> switcher pages at physical <phys>, host address 0x80100000 and hypervisor address <hyper>
    Then the call is rejected with <status>

    Examples:
      | what                                | pages | phys        | hyper      | status                    |
      | code at 4 GB                        | 1     | 0x100000000 | 0xA0000000 | VERR_OUT_OF_RANGE         |
      | no pages                            | 0     | 0x200000    | 0xA0000000 | VERR_INVALID_PARAMETER    |
      | a misaligned physical address       | 1     | 0x200800    | 0xA0000000 | VERR_INVALID_PARAMETER    |
      | a hypervisor address on the host's  | 1     | 0x200000    | 0x80100000 | VERR_PGM_MAPPING_CONFLICT |
      | a hypervisor address on the code    | 1     | 0x200000    | 0x200000   | VERR_PGM_MAPPING_CONFLICT |

  @PGM-CTX-12 @profile:pgm
  Scenario Outline: A switcher with <what> is accepted and identity mapped
    Source: 001_96135646f618994a.txt, "The Intermediate Memory Context"
    Given an intermediate context with 1 switcher page at physical <phys>, host address 0x80100000 and hypervisor address 0xA0000000
    Then in the <mode> tables <linear> translates to <linear>

    Examples:
      | what                                 | phys       | mode   | linear     |
      | its code in the last page below 4 GB | 0xFFFFF000 | 32-bit | 0xFFFFF008 |
      | its code at physical 0               | 0x0        | PAE    | 0x10       |
