Feature: x86 not-present entries, reserved bits and the order in which a walk finds them
  Every paging entry starts with its present bit. An entry with P=0 stops the walk with a page fault
  whose P bit is 0, and nothing else in that entry matters. A present entry must keep its reserved bits
  clear: address bits at or above MAXPHYADDR, bit 63 while EFER.NXE is clear, PS where no page can end,
  the alignment bits of large pages, the unused part of the PSE-36 field. A set reserved bit stops the
  walk with a page fault that has P and RSVD set. The walk goes top-down and stops at the first problem,
  so a higher entry's problem hides everything below it, and a reserved bit is reported as such even when
  the access rights would have refused the access anyway. Bits the SDM calls ignored never fault.
  Unless a scenario says otherwise the CPU has MAXPHYADDR 46 and every optional feature.

  @X86-RSVD-1 @profile:x86-paging
  Scenario Outline: A not-present <level> in <mode> paging faults with P=0 whatever its other bits hold
    Source: Intel SDM Vol. 3A, 4.7 "Page-Fault Exceptions"
    Given <mode> paging
    And a 4 KB page mapped at <address>
    And the <level> entry holds <value>
    When a supervisor read of <address> is made
    Then the access page-faults with error code 0
    And no paging entry changed but A in the non-leaf entries walked before the fault

    @variant:bits32 @variant:pde @variant:pte @variant:no-other-bits @variant:other-bits-set
    Examples: 32-bit paging
      | mode    | level | address            | value              |
      | 32-bit  | PDE   | 0x12345678         | 0xfffffffe         |
      | 32-bit  | PTE   | 0x12345678         | 0x0                |

    @variant:pae @variant:pde @variant:pte @variant:other-bits-set
    Examples: PAE paging
      | mode    | level | address            | value              |
      | PAE     | PDE   | 0xc7654321         | 0xfffffffffffffffe |
      | PAE     | PTE   | 0xc7654321         | 0x8000000000000000 |

    @variant:level4 @variant:pml4e @variant:pdpte @variant:pde @variant:pte @variant:other-bits-set
    Examples: 4-level paging
      | mode    | level | address            | value              |
      | 4-level | PML4E | 0x7123456789ab     | 0xfffffffffffffffe |
      | 4-level | PDPTE | 0x7123456789ab     | 0x80                |
      | 4-level | PDE   | 0x7123456789ab     | 0x7ffffffffffffffe |
      | 4-level | PTE   | 0x7123456789ab     | 0x6                |

    @variant:level5 @variant:pml5e @variant:other-bits-set
    Examples: 5-level paging
      | mode    | level | address            | value              |
      | 5-level | PML5E | 0x00abcdef12345678 | 0xfffffffffffffffe |

  @X86-RSVD-2 @profile:x86-paging
  Scenario Outline: Bit <bit> of the <level> is reserved in <mode> paging under MAXPHYADDR <m>
    Source: Intel SDM Vol. 3A, 4.5.4 "Linear-Address Translation with 4-Level Paging and 5-Level Paging"
    Given an x86 CPU with MAXPHYADDR <m>
    And <mode> paging
    And a 4 KB page mapped at <address>
    And the <level> entry also has bit <bit> set
    When a supervisor read of <address> is made
    Then the access page-faults with error code P|RSVD
    And no paging entry changed but A in the non-leaf entries walked before the fault

    @variant:pae @variant:pde @variant:pte @variant:maxphyaddr-36 @variant:maxphyaddr-46 @variant:non-leaf-entry @variant:leaf-4k
    Examples: PAE paging, up to bit 62
      | m  | mode    | level | bit | address            |
      | 36 | PAE     | PDE   | 36  | 0xc7654321         |
      | 36 | PAE     | PTE   | 52  | 0xc7654321         |
      | 46 | PAE     | PTE   | 62  | 0xc7654321         |

    @variant:pae @variant:pte @variant:maxphyaddr-52 @variant:leaf-4k
    Examples: PAE paging under MAXPHYADDR 52, where bits 62:52 stay reserved
      | m  | mode    | level | bit | address            |
      | 52 | PAE     | PTE   | 52  | 0xc7654321         |

    @variant:level4 @variant:pml4e @variant:pdpte @variant:pde @variant:pte @variant:maxphyaddr-39 @variant:maxphyaddr-46 @variant:non-leaf-entry @variant:leaf-4k
    Examples: 4-level paging, up to bit 51
      | m  | mode    | level | bit | address            |
      | 46 | 4-level | PML4E | 46  | 0x7123456789ab     |
      | 46 | 4-level | PDPTE | 51  | 0x7123456789ab     |
      | 39 | 4-level | PDE   | 39  | 0x7123456789ab     |
      | 39 | 4-level | PTE   | 45  | 0x7123456789ab     |

    @variant:level5 @variant:pml5e @variant:maxphyaddr-46 @variant:non-leaf-entry
    Examples: 5-level paging
      | m  | mode    | level | bit | address            |
      | 46 | 5-level | PML5E | 50  | 0x00abcdef12345678 |

  @X86-RSVD-2 @profile:x86-paging
  Scenario Outline: Bit <bit> of a <size> leaf is reserved in <mode> paging under MAXPHYADDR <m>
    Source: Intel SDM Vol. 3A, 4.5.4 "Linear-Address Translation with 4-Level Paging and 5-Level Paging"
    Given an x86 CPU with MAXPHYADDR <m>
    And <mode> paging
    And a <size> page mapped at <address> to frame <frame>
    And the <leaf> entry also has bit <bit> set
    When a supervisor read of <address> is made
    Then the access page-faults with error code P|RSVD
    And no paging entry changed but A in the non-leaf entries walked before the fault

    @variant:leaf-2m @variant:pae @variant:level4 @variant:level5 @variant:pde @variant:maxphyaddr-36 @variant:maxphyaddr-39 @variant:maxphyaddr-46
    Examples: 2 MB leaves
      | m  | mode    | size | leaf  | bit | address            | frame      |
      | 36 | PAE     | 2 MB | PDE   | 52  | 0xc7654321         | 0x40000000 |
      | 46 | 4-level | 2 MB | PDE   | 46  | 0x7123456789ab     | 0x40000000 |
      | 39 | 5-level | 2 MB | PDE   | 51  | 0x00abcdef12345678 | 0x40000000 |

    @variant:leaf-1g @variant:level4 @variant:level5 @variant:pdpte @variant:maxphyaddr-39 @variant:maxphyaddr-46
    Examples: 1 GB leaves
      | m  | mode    | size | leaf  | bit | address            | frame      |
      | 46 | 4-level | 1 GB | PDPTE | 47  | 0x7123456789ab     | 0x80000000 |
      | 39 | 5-level | 1 GB | PDPTE | 39  | 0x00abcdef12345678 | 0x80000000 |

  @X86-RSVD-2 @profile:x86-paging
  Scenario Outline: Under MAXPHYADDR 52 no address bit is reserved: bit 51 of the <level> is an address bit (<mode> paging)
    Source: Intel SDM Vol. 3A, 4.5.4 "Linear-Address Translation with 4-Level Paging and 5-Level Paging"
    Given an x86 CPU with MAXPHYADDR 52
    And <mode> paging
    And a <size> page mapped at <address> to frame <frame>
    When a supervisor read of <address> is made
    Then the access translates to <pa>

    @variant:maxphyaddr-52 @variant:leaf-4k @variant:pte @variant:level4
    Examples: a 4 KB leaf
      | mode    | level | size | address            | frame             | pa                |
      | 4-level | PTE   | 4 KB | 0x7123456789ab     | 0x8000000007000   | 0x80000000079ab   |

    @variant:maxphyaddr-52 @variant:leaf-2m @variant:pde @variant:level5
    Examples: a 2 MB leaf
      | mode    | level | size | address            | frame             | pa                |
      | 5-level | PDE   | 2 MB | 0x00abcdef12345678 | 0x8000000200000   | 0x8000000345678   |

  @X86-RSVD-2 @profile:x86-paging
  Scenario Outline: Under MAXPHYADDR 46, address bit <bit> of the <level> is reserved (<mode> paging)
    Source: Intel SDM Vol. 3A, 4.5.4 "Linear-Address Translation with 4-Level Paging and 5-Level Paging"
    Given <mode> paging
    And a 4 KB page mapped at <address>
    And the <level> entry also has bit <bit> set
    When a user write of <address> is made
    Then the access page-faults with error code P|W|U|RSVD
    And no paging entry changed but A in the non-leaf entries walked before the fault

    @variant:maxphyaddr-46 @variant:pae @variant:level4 @variant:level5 @variant:pml5e @variant:pml4e @variant:pdpte @variant:pde @variant:pte @variant:non-leaf-entry @variant:leaf-4k
    Examples:
      | mode    | level | bit | address            |
      | 4-level | PML4E | 46  | 0x7123456789ab     |
      | 4-level | PML4E | 47  | 0x7123456789ab     |
      | 4-level | PML4E | 48  | 0x7123456789ab     |
      | 4-level | PML4E | 49  | 0x7123456789ab     |
      | 4-level | PML4E | 50  | 0x7123456789ab     |
      | 4-level | PML4E | 51  | 0x7123456789ab     |
      | 4-level | PDPTE | 46  | 0x7123456789ab     |
      | 4-level | PDPTE | 47  | 0x7123456789ab     |
      | 4-level | PDPTE | 48  | 0x7123456789ab     |
      | 4-level | PDPTE | 49  | 0x7123456789ab     |
      | 4-level | PDPTE | 50  | 0x7123456789ab     |
      | 4-level | PDPTE | 51  | 0x7123456789ab     |
      | 4-level | PDE   | 46  | 0x7123456789ab     |
      | 4-level | PDE   | 47  | 0x7123456789ab     |
      | 4-level | PDE   | 48  | 0x7123456789ab     |
      | 4-level | PDE   | 49  | 0x7123456789ab     |
      | 4-level | PDE   | 50  | 0x7123456789ab     |
      | 4-level | PDE   | 51  | 0x7123456789ab     |
      | 4-level | PTE   | 46  | 0x7123456789ab     |
      | 4-level | PTE   | 47  | 0x7123456789ab     |
      | 4-level | PTE   | 48  | 0x7123456789ab     |
      | 4-level | PTE   | 49  | 0x7123456789ab     |
      | 4-level | PTE   | 50  | 0x7123456789ab     |
      | 4-level | PTE   | 51  | 0x7123456789ab     |
      | 5-level | PML5E | 46  | 0x00abcdef12345678 |
      | 5-level | PML5E | 47  | 0x00abcdef12345678 |
      | 5-level | PML5E | 48  | 0x00abcdef12345678 |
      | 5-level | PML5E | 49  | 0x00abcdef12345678 |
      | 5-level | PML5E | 50  | 0x00abcdef12345678 |
      | 5-level | PML5E | 51  | 0x00abcdef12345678 |
      | PAE     | PDE   | 46  | 0xc7654321         |
      | PAE     | PDE   | 47  | 0xc7654321         |
      | PAE     | PDE   | 48  | 0xc7654321         |
      | PAE     | PDE   | 49  | 0xc7654321         |
      | PAE     | PDE   | 50  | 0xc7654321         |
      | PAE     | PDE   | 51  | 0xc7654321         |
      | PAE     | PDE   | 52  | 0xc7654321         |
      | PAE     | PDE   | 53  | 0xc7654321         |
      | PAE     | PDE   | 54  | 0xc7654321         |
      | PAE     | PDE   | 55  | 0xc7654321         |
      | PAE     | PDE   | 56  | 0xc7654321         |
      | PAE     | PDE   | 57  | 0xc7654321         |
      | PAE     | PDE   | 58  | 0xc7654321         |
      | PAE     | PDE   | 59  | 0xc7654321         |
      | PAE     | PDE   | 60  | 0xc7654321         |
      | PAE     | PDE   | 61  | 0xc7654321         |
      | PAE     | PDE   | 62  | 0xc7654321         |
      | PAE     | PTE   | 46  | 0xc7654321         |
      | PAE     | PTE   | 47  | 0xc7654321         |
      | PAE     | PTE   | 48  | 0xc7654321         |
      | PAE     | PTE   | 49  | 0xc7654321         |
      | PAE     | PTE   | 50  | 0xc7654321         |
      | PAE     | PTE   | 51  | 0xc7654321         |
      | PAE     | PTE   | 52  | 0xc7654321         |
      | PAE     | PTE   | 53  | 0xc7654321         |
      | PAE     | PTE   | 54  | 0xc7654321         |
      | PAE     | PTE   | 55  | 0xc7654321         |
      | PAE     | PTE   | 56  | 0xc7654321         |
      | PAE     | PTE   | 57  | 0xc7654321         |
      | PAE     | PTE   | 58  | 0xc7654321         |
      | PAE     | PTE   | 59  | 0xc7654321         |
      | PAE     | PTE   | 60  | 0xc7654321         |
      | PAE     | PTE   | 61  | 0xc7654321         |
      | PAE     | PTE   | 62  | 0xc7654321         |

  @X86-RSVD-3 @profile:x86-paging
  Scenario Outline: With EFER.NXE clear bit 63 of the <level> is reserved, even for a <kind>
    Source: Intel SDM Vol. 3A, 4.1.3 "Paging-Mode Modifiers"
    Given <mode> paging
    And a 4 KB page mapped at <address>
    And the <level> entry also has bit 63 set
    When a supervisor <kind> of <address> is made
    Then the access page-faults with error code <error>

    @variant:pae @variant:pde @variant:pte @variant:read @variant:write @variant:non-leaf-entry @variant:leaf-4k
    Examples: PAE paging
      | mode    | level | kind  | address            | error    |
      | PAE     | PDE   | read  | 0xc7654321         | P\|RSVD   |
      | PAE     | PTE   | write | 0xc7654321         | P\|W\|RSVD |

    @variant:level4 @variant:pml4e @variant:pte @variant:read @variant:write @variant:non-leaf-entry @variant:leaf-4k
    Examples: 4-level paging
      | mode    | level | kind  | address            | error    |
      | 4-level | PML4E | read  | 0x7123456789ab     | P\|RSVD   |
      | 4-level | PTE   | write | 0x7123456789ab     | P\|W\|RSVD |

    @variant:level5 @variant:pml5e @variant:pdpte @variant:read @variant:non-leaf-entry
    Examples: 5-level paging
      | mode    | level | kind  | address            | error    |
      | 5-level | PDPTE | read  | 0x00abcdef12345678 | P\|RSVD   |
      | 5-level | PML5E | read  | 0x00abcdef12345678 | P\|RSVD   |

    @variant:fetch @variant:level4 @variant:pde @variant:pte @variant:non-leaf-entry @variant:leaf-4k
    Examples: fetches, whose error code has no I/D bit without NXE and SMEP
      | mode    | level | kind  | address            | error    |
      | 4-level | PDE   | fetch | 0x7123456789ab     | P\|RSVD   |
      | 4-level | PTE   | fetch | 0x7123456789ab     | P\|RSVD   |

  @X86-RSVD-3 @profile:x86-paging
  Scenario Outline: With EFER.NXE clear bit 63 of a <size> leaf is reserved, even for a <kind> (<mode> paging)
    Source: Intel SDM Vol. 3A, 4.1.3 "Paging-Mode Modifiers"
    Given <mode> paging
    And a <size> page mapped at <address> to frame <frame>
    And the <leaf> entry also has bit 63 set
    When a supervisor <kind> of <address> is made
    Then the access page-faults with error code <error>
    And no paging entry changed but A in the non-leaf entries walked before the fault

    @variant:leaf-2m @variant:pae @variant:pde @variant:read
    Examples: a 2 MB leaf
      | mode    | size | leaf  | kind  | address            | frame      | error    |
      | PAE     | 2 MB | PDE   | read  | 0xc7654321         | 0x40000000 | P\|RSVD   |

    @variant:leaf-1g @variant:level4 @variant:pdpte @variant:write
    Examples: a 1 GB leaf
      | mode    | size | leaf  | kind  | address            | frame      | error    |
      | 4-level | 1 GB | PDPTE | write | 0x7123456789ab     | 0x80000000 | P\|W\|RSVD |

  @X86-RSVD-4 @profile:x86-paging
  Scenario Outline: PS is reserved in the <level> (<mode> paging)
    Source: Intel SDM Vol. 3A, 4.5.4 "Linear-Address Translation with 4-Level Paging and 5-Level Paging"
    Given <mode> paging
    And a 4 KB page mapped at <address>
    And the <level> entry also has bit 7 set
    When a user write of <address> is made
    Then the access page-faults with error code P|W|U|RSVD
    And no paging entry changed but A in the non-leaf entries walked before the fault

    @variant:level4 @variant:pml4e
    Examples: 4-level paging
      | mode    | level | address            |
      | 4-level | PML4E | 0x7123456789ab     |

    @variant:level5 @variant:pml5e @variant:pml4e
    Examples: 5-level paging
      | mode    | level | address            |
      | 5-level | PML5E | 0x00abcdef12345678 |
      | 5-level | PML4E | 0x00abcdef12345678 |

  @X86-RSVD-5 @profile:x86-paging
  Scenario Outline: Alignment bit <bit> of a <size> leaf is reserved (<mode> paging)
    Source: Intel SDM Vol. 3A, 4.5.4 "Linear-Address Translation with 4-Level Paging and 5-Level Paging"
    Given <mode> paging
    And a <size> page mapped at <address> to frame <frame>
    And the <leaf> entry also has bit <bit> set
    When a supervisor read of <address> is made
    Then the access page-faults with error code P|RSVD

    @variant:page-2m @variant:pae @variant:lowest-alignment-bit @variant:highest-alignment-bit
    Examples: 2 MB leaves in PAE paging, bits 13 and 20
      | mode    | size | leaf  | bit | address            | frame      |
      | PAE     | 2 MB | PDE   | 13  | 0xc7654321         | 0x40000000 |
      | PAE     | 2 MB | PDE   | 20  | 0xc7654321         | 0x40000000 |

    @variant:page-2m @variant:level4 @variant:level5 @variant:middle-alignment-bit @variant:highest-alignment-bit
    Examples: 2 MB leaves in IA-32e paging
      | mode    | size | leaf  | bit | address            | frame      |
      | 4-level | 2 MB | PDE   | 16  | 0x7123456789ab     | 0x40000000 |
      | 5-level | 2 MB | PDE   | 20  | 0x00abcdef12345678 | 0x40000000 |

    @variant:page-1g @variant:level4 @variant:level5 @variant:lowest-alignment-bit @variant:middle-alignment-bit @variant:highest-alignment-bit
    Examples: 1 GB leaves, bits 13 to 29
      | mode    | size | leaf  | bit | address            | frame      |
      | 4-level | 1 GB | PDPTE | 13  | 0x7123456789ab     | 0x80000000 |
      | 4-level | 1 GB | PDPTE | 29  | 0x7123456789ab     | 0x80000000 |
      | 5-level | 1 GB | PDPTE | 21  | 0x00abcdef12345678 | 0x80000000 |

  @X86-RSVD-6 @profile:x86-paging
  Scenario Outline: In a 4 MB PDE bit <bit> is <verdict> under MAXPHYADDR <m> <with> PSE-36
    Source: Intel SDM Vol. 3A, 4.3 "32-Bit Paging"
    Given <cpu>
    And 32-bit paging
    And CR4.PSE is set
    And a 4 MB page mapped at 0x12345678 to frame 0x40000000
    And the PDE entry also has bit <bit> set
    When a supervisor read of 0x12345678 is made
    Then the access <outcome>

    @variant:with-pse36 @variant:maxphyaddr-36
    Examples: PSE-36 under MAXPHYADDR 36: bits 16:13 are address bits, 21:17 reserved
      | m  | with    | cpu                                         | bit | verdict       | outcome                              |
      | 36 | with    | an x86 CPU with MAXPHYADDR 36               | 17  | reserved      | page-faults with error code P\|RSVD   |
      | 36 | with    | an x86 CPU with MAXPHYADDR 36               | 21  | reserved      | page-faults with error code P\|RSVD   |
      | 36 | with    | an x86 CPU with MAXPHYADDR 36               | 16  | address bit 35 | translates to 0x840345678            |

    @variant:with-pse36 @variant:maxphyaddr-40
    Examples: PSE-36 under MAXPHYADDR 40: bits 20:13 are address bits
      | m  | with    | cpu                                         | bit | verdict       | outcome                              |
      | 40 | with    | an x86 CPU with MAXPHYADDR 40               | 20  | address bit 39 | translates to 0x8040345678           |

    @variant:with-pse36 @variant:maxphyaddr-46
    Examples: PSE-36 under MAXPHYADDR 46, capped at 40 bits: bit 21 stays reserved
      | m  | with    | cpu                                         | bit | verdict       | outcome                              |
      | 46 | with    | an x86 CPU with MAXPHYADDR 46               | 21  | reserved      | page-faults with error code P\|RSVD   |

    @variant:without-pse36 @variant:maxphyaddr-46
    Examples: no PSE-36: bits 21:13 all reserved
      | m  | with    | cpu                                         | bit | verdict       | outcome                              |
      | 46 | without | an x86 CPU with MAXPHYADDR 46 without PSE36 | 13  | reserved      | page-faults with error code P\|RSVD   |

    @variant:with-pse36 @variant:maxphyaddr-32
    Examples: PSE-36 under MAXPHYADDR 32: no address bit above 4 GB, so bits 21:13 all reserved
      | m  | with    | cpu                                         | bit | verdict       | outcome                              |
      | 32 | with    | an x86 CPU with MAXPHYADDR 32               | 13  | reserved      | page-faults with error code P\|RSVD   |

  @X86-RSVD-7 @profile:x86-paging
  Scenario Outline: Ignored bit <bit> of the <level> does not fault (<mode> paging)
    Source: Intel SDM Vol. 3A, 4.5.4 "Linear-Address Translation with 4-Level Paging and 5-Level Paging"
    Given <mode> paging
    And EFER.NXE is set
    And a 4 KB page mapped at <address> to frame 0x7000
    And the <level> entry also has bit <bit> set
    When a supervisor read of <address> is made
    Then the access translates to <pa>

    @variant:pae @variant:level4 @variant:level5 @variant:non-leaf-entry @variant:leaf-4k @variant:available-bits @variant:high-ignored-bits @variant:key-bits @variant:xd-with-nxe
    Examples:
      | mode    | level | bit | address            | pa     |
      | 4-level | PML4E | 8   | 0x7123456789ab     | 0x79ab |
      | 4-level | PML4E | 11  | 0x7123456789ab     | 0x79ab |
      | 4-level | PML4E | 52  | 0x7123456789ab     | 0x79ab |
      | 4-level | PDPTE | 62  | 0x7123456789ab     | 0x79ab |
      | 4-level | PDE   | 6   | 0x7123456789ab     | 0x79ab |
      | 4-level | PTE   | 58  | 0x7123456789ab     | 0x79ab |
      | 4-level | PTE   | 59  | 0x7123456789ab     | 0x79ab |
      | 4-level | PTE   | 63  | 0x7123456789ab     | 0x79ab |
      | 5-level | PML5E | 9   | 0x00abcdef12345678 | 0x7678 |
      | PAE     | PDE   | 8   | 0xc7654321         | 0x7321 |
      | PAE     | PTE   | 63  | 0xc7654321         | 0x7321 |

  @X86-RSVD-7 @profile:x86-paging
  Scenario Outline: Ignored bit <bit> of a <size> leaf does not fault (<mode> paging)
    Source: Intel SDM Vol. 3A, 4.5.4 "Linear-Address Translation with 4-Level Paging and 5-Level Paging"
    Given <mode> paging
    And EFER.NXE is set
    And a <size> page mapped at <address> to frame <frame>
    And the <leaf> entry also has bit <bit> set
    When a supervisor read of <address> is made
    Then the access translates to <pa>

    @variant:leaf-2m @variant:level4 @variant:pae @variant:available-bits @variant:high-ignored-bits @variant:key-bits @variant:xd-with-nxe
    Examples: 2 MB leaves
      | mode    | size | leaf  | bit | address            | frame      | pa         |
      | 4-level | 2 MB | PDE   | 9   | 0x7123456789ab     | 0x40000000 | 0x400789ab |
      | 4-level | 2 MB | PDE   | 52  | 0x7123456789ab     | 0x40000000 | 0x400789ab |
      | 4-level | 2 MB | PDE   | 60  | 0x7123456789ab     | 0x40000000 | 0x400789ab |
      | PAE     | 2 MB | PDE   | 63  | 0xc7654321         | 0x40000000 | 0x40054321 |

    @variant:leaf-1g @variant:level5 @variant:available-bits @variant:high-ignored-bits @variant:key-bits @variant:xd-with-nxe
    Examples: 1 GB leaves
      | mode    | size | leaf  | bit | address            | frame      | pa         |
      | 5-level | 1 GB | PDPTE | 11  | 0x00abcdef12345678 | 0x80000000 | 0x92345678 |
      | 5-level | 1 GB | PDPTE | 58  | 0x00abcdef12345678 | 0x80000000 | 0x92345678 |
      | 5-level | 1 GB | PDPTE | 62  | 0x00abcdef12345678 | 0x80000000 | 0x92345678 |
      | 5-level | 1 GB | PDPTE | 63  | 0x00abcdef12345678 | 0x80000000 | 0x92345678 |

  @X86-RSVD-8 @profile:x86-paging
  Scenario Outline: A reserved-bit fault of a <who> <kind> reports <error> and never PK
    Source: Intel SDM Vol. 3A, 4.7 "Page-Fault Exceptions"
    Given 4-level paging
    And CR4.PKE, CR4.SMEP and EFER.NXE are set
    And PKRU is 0xffffffff
    And a 4 KB page mapped at 0x7123456789ab
    And the PTE entry also has bit 51 set
    And the PDE entry also has bit 50 set
    When a <who> <kind> of 0x7123456789ab is made
    Then the access page-faults with error code <error>

    @variant:user @variant:supervisor @variant:implicit-supervisor @variant:read @variant:write @variant:fetch
    Examples:
      | who                 | kind  | error          |
      | user                | read  | P\|U\|RSVD       |
      | user                | write | P\|W\|U\|RSVD     |
      | user                | fetch | P\|U\|RSVD\|ID    |
      | supervisor          | write | P\|W\|RSVD       |
      | implicit supervisor | read  | P\|RSVD         |

  @X86-RSVD-9 @profile:x86-paging
  Scenario Outline: 32-bit paging: bit <bit> of the <level> never faults
    Source: Intel SDM Vol. 3A, 4.3 "32-Bit Paging"
    Given 32-bit paging
    And a 4 KB page mapped at 0x12345678 to frame 0x7000
    And the <level> entry also has bit <bit> set
    When a user write of 0x12345678 is made
    Then the access translates to 0x7678

    @variant:pse-clear @variant:pde @variant:pte
    Examples:
      | level | bit |
      | PDE   | 6   |
      | PDE   | 8   |
      | PDE   | 11  |
      | PTE   | 7   |
      | PTE   | 8   |
      | PTE   | 9   |

  @X86-RSVD-9 @profile:x86-paging
  Scenario Outline: 32-bit paging with CR4.PSE: bit <bit> of the <level> under a table-referencing PDE never faults
    Source: Intel SDM Vol. 3A, 4.3 "32-Bit Paging"
    Given 32-bit paging
    And CR4.PSE is set
    And a 4 KB page mapped at 0x12345678 to frame 0x7000
    And the <level> entry also has bit <bit> set
    When a user write of 0x12345678 is made
    Then the access translates to 0x7678

    @variant:pse-set @variant:pde @variant:pte
    Examples:
      | level | bit |
      | PDE   | 6   |
      | PDE   | 11  |
      | PTE   | 7   |
      | PTE   | 10  |

  @X86-PREC-1 @profile:x86-paging
  Scenario Outline: <upper> <upper state> and <lower> <lower state>: the walk reports <error>
    Source: Intel SDM Vol. 3A, 4.7 "Page-Fault Exceptions"
    Given 4-level paging
    And a 4 KB page mapped at 0x7123456789ab
    And the <upper> entry <upper change>
    And the <lower> entry <lower change>
    When a user read of 0x7123456789ab is made
    Then the access page-faults with error code <error>

    @variant:level4 @variant:not-present-above-reserved @variant:reserved-above-not-present
    Examples:
      | upper | upper state      | upper change         | lower | lower state      | lower change         | error     |
      | PDPTE | not present      | is not present       | PTE   | reserved bit 51  | also has bit 51 set  | U         |
      | PML4E | not present      | is not present       | PDE   | reserved bit 48  | also has bit 48 set  | U         |
      | PDPTE | reserved bit 51  | also has bit 51 set  | PTE   | not present      | is not present       | P\|U\|RSVD |
      | PML4E | reserved PS      | also has bit 7 set   | PDE   | not present      | is not present       | P\|U\|RSVD |

  @X86-PREC-1 @profile:x86-paging
  Scenario Outline: <mode> paging: <upper> <upper state> and <lower> <lower state>: the walk reports <error>
    Source: Intel SDM Vol. 3A, 4.7 "Page-Fault Exceptions"
    Given <mode> paging
    And a 4 KB page mapped at <address>
    And the <upper> entry <upper change>
    And the <lower> entry <lower change>
    When a user read of <address> is made
    Then the access page-faults with error code <error>

    @variant:pae @variant:not-present-above-reserved @variant:reserved-above-not-present
    Examples: PAE paging
      | mode    | address            | upper | upper state      | upper change         | lower | lower state      | lower change         | error     |
      | PAE     | 0xc7654321         | PDE   | not present      | is not present       | PTE   | reserved bit 51  | also has bit 51 set  | U         |
      | PAE     | 0xc7654321         | PDE   | reserved bit 62  | also has bit 62 set  | PTE   | not present      | is not present       | P\|U\|RSVD |

    @variant:level5 @variant:not-present-above-reserved @variant:reserved-above-not-present
    Examples: 5-level paging
      | mode    | address            | upper | upper state      | upper change         | lower | lower state      | lower change         | error     |
      | 5-level | 0x00abcdef12345678 | PML5E | not present      | is not present       | PML4E | reserved PS      | also has bit 7 set   | U         |
      | 5-level | 0x00abcdef12345678 | PML5E | reserved bit 50  | also has bit 50 set  | PDPTE | not present      | is not present       | P\|U\|RSVD |

  @X86-PREC-2 @profile:x86-paging
  Scenario Outline: A reserved bit in a leaf the <who> <kind> may not use is still reported as RSVD
    Source: Intel SDM Vol. 3A, 4.7 "Page-Fault Exceptions"
    Given <mode> paging
    And CR0.WP, CR4.SMEP and EFER.NXE are set
    And a 4 KB page mapped at <address>
    And the PTE entry is P XD
    And the PTE entry also has bit 50 set
    When a <who> <kind> of <address> is made
    Then the access page-faults with error code <error>

    @variant:pae @variant:level4 @variant:user @variant:supervisor @variant:read @variant:write @variant:fetch
    Examples:
      | mode    | who        | kind  | address        | error        |
      | 4-level | user       | write | 0x7123456789ab | P\|W\|U\|RSVD   |
      | 4-level | supervisor | write | 0x7123456789ab | P\|W\|RSVD     |
      | 4-level | user       | fetch | 0x7123456789ab | P\|U\|RSVD\|ID  |
      | PAE     | user       | read  | 0xc7654321     | P\|U\|RSVD     |
