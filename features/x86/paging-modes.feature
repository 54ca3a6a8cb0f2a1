Feature: x86 paging modes and the control registers that choose them
  An x86 processor translates linear addresses in one of five ways, chosen by four register bits. With
  CR0.PG clear there is no paging at all: the linear address is the physical address. With CR0.PG set,
  CR4.PAE clear selects 32-bit paging (two levels of 4-byte entries); CR4.PAE set selects PAE paging
  (four PDPTE registers, then two levels of 8-byte entries) unless the processor is in IA-32e mode
  (EFER.LMA), where CR4.LA57 picks 4-level or 5-level paging. Some register sets cannot exist at all;
  the kit refuses them as bad input. Others exist but name features the CPU model lacks: those raise
  #GP(0), as MOV to CR4 and WRMSR do, and leave the registers in force as they were.

  @X86-MODE-1 @profile:x86-paging
  Scenario Outline: Without paging, a <who> <kind> of <address> reaches physical address <address>
    Source: Intel SDM Vol. 3A, 4.1.1 "Four Paging Modes"
    Given no paging
    When a <who> <kind> of <address> is made
    Then the access translates to <address>
    And the translation has no page and used no entries

    @variant:supervisor @variant:read @variant:cr0-pe-set @variant:guards-clear
    Examples: a supervisor read
      | who                 | kind  | address    |
      | supervisor          | read  | 0x0        |

    @variant:user @variant:write @variant:fetch @variant:cr0-pe-set @variant:guards-clear
    Examples: user writes and fetches
      | who                 | kind  | address    |
      | user                | write | 0x12345678 |
      | user                | fetch | 0xffffffff |

    @variant:implicit-supervisor @variant:write @variant:cr0-pe-set @variant:guards-clear
    Examples: an implicit supervisor write
      | who                 | kind  | address    |
      | implicit supervisor | write | 0xfee00000 |

  @X86-MODE-1 @profile:x86-paging
  Scenario Outline: Without paging and with <what>, a <who> <kind> of <address> still reaches <address>
    Source: Intel SDM Vol. 3A, 4.1.1 "Four Paging Modes"
    Given no paging
    When the control registers are loaded with CR0 <cr0>, CR3 0x10000, CR4 <cr4> and EFER 0x0
    And a <who> <kind> of <address> is made
    Then the access translates to <address>
    And the translation has no page and used no entries

    @variant:cr0-pe-clear @variant:guards-clear
    Examples: real mode, CR0.PE clear as well
      | what                   | cr0 | cr4      | who                 | kind  | address    |
      | CR0.PE clear           | 0x0 | 0x0      | supervisor          | read  | 0x1234     |
      | CR0.PE clear           | 0x0 | 0x0      | user                | write | 0xc0000000 |
      | CR0.PE clear           | 0x0 | 0x0      | implicit supervisor | read  | 0x7ffff    |

    @variant:smep-smap-set
    Examples: SMEP and SMAP set, which guard only paged user-mode addresses
      | what                   | cr0 | cr4      | who                 | kind  | address    |
      | CR4.SMEP and CR4.SMAP  | 0x1 | 0x300000 | supervisor          | fetch | 0x12345678 |
      | CR4.SMEP and CR4.SMAP  | 0x1 | 0x300000 | supervisor          | write | 0x12345678 |
      | CR4.SMEP and CR4.SMAP  | 0x1 | 0x300000 | implicit supervisor | read  | 0x12345678 |

  @X86-MODE-2 @profile:x86-paging
  Scenario Outline: CR0.PG, CR4.PAE, EFER.LMA and CR4.LA57 select <mode> paging
    Source: Intel SDM Vol. 3A, 4.1.1 "Four Paging Modes"
    When the control registers are loaded with CR0 <cr0>, CR3 0x10000, CR4 <cr4> and EFER <efer>
    Then the register load succeeds in <mode> paging

    @variant:unpaged
    Examples: CR0.PG clear, whatever CR4.PAE and EFER.LME say
      | cr0        | cr4    | efer  | mode    |
      | 0x1        | 0x20   | 0x100 | no      |

    @variant:bits32
    Examples: CR4.PAE clear, CR4.LA57 ignored
      | cr0        | cr4    | efer  | mode    |
      | 0x80000001 | 0x0    | 0x0   | 32-bit  |
      | 0x80000001 | 0x1000 | 0x0   | 32-bit  |

    @variant:pae
    Examples: CR4.PAE set outside IA-32e mode
      | cr0        | cr4    | efer  | mode    |
      | 0x80000001 | 0x20   | 0x0   | PAE     |
      | 0x80000001 | 0x1020 | 0x800 | PAE     |

    @variant:level4
    Examples: IA-32e mode without CR4.LA57
      | cr0        | cr4    | efer  | mode    |
      | 0x80000001 | 0x20   | 0x500 | 4-level |

    @variant:level5
    Examples: IA-32e mode with CR4.LA57
      | cr0        | cr4    | efer  | mode    |
      | 0x80000001 | 0x1020 | 0x500 | 5-level |

  @X86-MODE-3 @profile:x86-paging
  Scenario Outline: Registers no CPU can hold are refused (<why>)
    Source: Intel SDM Vol. 3A, 2.5 "Control Registers"
    Given 4-level paging
    And a 4 KB page mapped at 0x7123456789ab to frame 0x5000
    When a supervisor read of 0x7123456789ab is made
    Then the access translates to 0x59ab
    When the control registers are loaded with CR0 <cr0>, CR3 <cr3>, CR4 <cr4> and EFER <efer>
    Then the call is rejected with INCONSISTENT_CONTROL_REGISTERS
    When a supervisor read of 0x7123456789ab is made
    Then the access translates to 0x59ab

    @variant:pg-without-pe
    Examples: paging without protection
      | why                          | cr0        | cr3         | cr4  | efer  |
      | PG without PE                | 0x80000000 | 0x10000     | 0x0  | 0x0   |

    @variant:lma-without-lme @variant:lme-and-pg-without-lma @variant:lma-without-pg
    Examples: EFER.LMA other than CR0.PG and EFER.LME
      | why                          | cr0        | cr3         | cr4  | efer  |
      | LMA without LME              | 0x80000001 | 0x10000     | 0x20 | 0x400 |
      | LME and PG without LMA       | 0x80000001 | 0x10000     | 0x20 | 0x100 |
      | LMA without PG               | 0x1        | 0x10000     | 0x20 | 0x500 |

    @variant:ia32e-without-pae
    Examples: IA-32e mode without PAE
      | why                          | cr0        | cr3         | cr4  | efer  |
      | IA-32e mode without PAE      | 0x80000001 | 0x10000     | 0x0  | 0x500 |

    @variant:wide-cr3-pae
    Examples: a CR3 above 32 bits in PAE paging
      | why                          | cr0        | cr3         | cr4  | efer  |
      | CR3 above 4 GB in PAE paging | 0x80000001 | 0x100010000 | 0x20 | 0x0   |

    @variant:wide-cr3-bits32
    Examples: a CR3 above 32 bits in 32-bit paging
      | why                             | cr0        | cr3         | cr4  | efer  |
      | CR3 above 4 GB in 32-bit paging | 0x80000001 | 0x100010000 | 0x0  | 0x0   |

    @variant:wide-cr3-unpaged
    Examples: a CR3 above 32 bits without paging
      | why                             | cr0        | cr3                | cr4  | efer  |
      | CR3 above 4 GB without paging   | 0x1        | 0x8000000000010000 | 0x0  | 0x0   |

  @X86-MODE-4 @profile:x86-paging
  Scenario Outline: Setting <bit> on a CPU without <feature> raises #GP(0)
    Source: Intel SDM Vol. 3A, 2.5 "Control Registers"
    Given an x86 CPU with MAXPHYADDR 46 without <feature>
    And 4-level paging
    And <bit> is set
    When the control registers are loaded
    Then the register load raises #GP because of RESERVED_REGISTER_BIT

    @variant:level4 @variant:smep @variant:smap @variant:pku @variant:pks @variant:la57 @variant:nx
    Examples:
      | bit       | feature |
      | CR4.SMEP  | SMEP    |
      | CR4.SMAP  | SMAP    |
      | CR4.PKE   | PKU     |
      | CR4.PKS   | PKS     |
      | CR4.LA57  | LA57    |
      | EFER.NXE  | NX      |

  @X86-MODE-4 @profile:x86-paging
  Scenario Outline: Setting <bit> on a CPU without <feature> raises #GP(0) in <mode> paging too
    Source: Intel SDM Vol. 3A, 2.5 "Control Registers"
    Given an x86 CPU with MAXPHYADDR 46 without <feature>
    And <mode> paging
    And <bit> is set
    When the control registers are loaded
    Then the register load raises #GP because of RESERVED_REGISTER_BIT

    @variant:pae
    Examples: PAE paging, where protection keys would do nothing
      | mode   | bit      | feature |
      | PAE    | CR4.PKE  | PKU     |
      | PAE    | EFER.NXE | NX      |
      | PAE    | CR4.LA57 | LA57    |

    @variant:bits32
    Examples: 32-bit paging
      | mode   | bit      | feature |
      | 32-bit | CR4.PKS  | PKS     |
      | 32-bit | CR4.SMEP | SMEP    |

    @variant:unpaged
    Examples: no paging at all
      | mode   | bit      | feature |
      | no     | CR4.SMAP | SMAP    |
      | no     | CR4.PKE  | PKU     |

  @X86-MODE-4 @profile:x86-paging
  Scenario: A CPU without any optional feature loads registers that use none of them
    Source: Intel SDM Vol. 3A, 2.5 "Control Registers"
    Given an x86 CPU with MAXPHYADDR 46 without SMEP, SMAP, PKU, PKS, LA57 and NX
    And 4-level paging
    And CR0.WP and CR4.PSE are set
    When the control registers are loaded
    Then the register load succeeds in 4-level paging

  @X86-MODE-4 @profile:x86-paging
  Scenario: A refused feature bit leaves the registers in force unchanged
    Source: Intel SDM Vol. 3A, 2.5 "Control Registers"
    Given an x86 CPU with MAXPHYADDR 46 without SMEP
    And 4-level paging
    And a 4 KB page mapped at 0x7123456789ab to frame 0x5000
    When the registers switch to 4-level paging with CR4.SMEP set
    Then the register load raises #GP because of RESERVED_REGISTER_BIT
    When a supervisor fetch of 0x7123456789ab is made
    Then the access translates to 0x59ab

  @X86-MODE-5 @profile:x86-paging
  Scenario Outline: Toggling CR4.LA57 while staying in IA-32e mode raises #GP(0) (<from> to <to> paging)
    Source: Intel SDM Vol. 3A, 2.5 "Control Registers"
    Given <from> paging
    And a 4 KB page mapped at 0x7123456789ab to frame 0x5000
    When the registers switch to <to> paging with CR0.WP set
    Then the register load raises #GP because of LA57_CHANGE_IN_IA32E_MODE

    @variant:enable-in-ia32e
    Examples: setting CR4.LA57
      | from    | to      |
      | 4-level | 5-level |

    @variant:disable-in-ia32e
    Examples: clearing CR4.LA57
      | from    | to      |
      | 5-level | 4-level |

  @X86-MODE-5 @profile:x86-paging
  Scenario Outline: From <from> paging to <to> paging with <bits> set the load succeeds
    Source: Intel SDM Vol. 3A, 2.5 "Control Registers"
    Given <from> paging
    And a 4 KB page mapped at 0x00abcdef12345678 to frame 0x5000
    When the registers switch to <to> paging with <bits> set
    Then the register load succeeds in <to> paging

    @variant:leave-ia32e
    Examples: leaving IA-32e mode
      | from    | to      | bits     |
      | 5-level | PAE     | CR0.WP   |

    @variant:keep-la57
    Examples: staying in IA-32e mode with CR4.LA57 unchanged
      | from    | to      | bits     |
      | 5-level | 5-level | CR4.SMEP |
      | 4-level | 4-level | CR4.SMAP |

    @variant:enter-ia32e
    Examples: entering IA-32e mode from PAE or 32-bit paging
      | from    | to      | bits     |
      | PAE     | 5-level | CR0.WP   |
      | 32-bit  | 4-level | CR0.WP   |

  @X86-MODE-5 @profile:x86-paging
  Scenario Outline: Outside IA-32e mode CR4.LA57 may be set and changes nothing (<mode> paging)
    Source: Intel SDM Vol. 3A, 2.5 "Control Registers"
    Given <mode> paging
    And CR4.LA57 is set
    And a 4 KB page mapped at <address> to frame 0x5000
    When a supervisor read of <address> is made
    Then the access translates to 0x5678

    @variant:outside-bits32
    Examples: 32-bit paging
      | mode   | address    |
      | 32-bit | 0x12345678 |

    @variant:outside-pae
    Examples: PAE paging
      | mode   | address    |
      | PAE    | 0xc7654678 |

  @X86-MODE-6 @profile:x86-paging
  Scenario Outline: In IA-32e mode a CR3 with bit <bit> set raises #GP(0) under MAXPHYADDR <m>
    Source: Intel SDM Vol. 3A, 4.5 "4-Level Paging and 5-Level Paging"
    Given an x86 CPU with MAXPHYADDR <m>
    When the control registers are loaded with CR0 0x80000001, CR3 <cr3>, CR4 0x20 and EFER 0x500
    Then the register load raises #GP because of RESERVED_REGISTER_BIT

    @variant:level4 @variant:maxphyaddr-36 @variant:maxphyaddr-46 @variant:maxphyaddr-52 @variant:bit-at-maxphyaddr @variant:bit-63
    Examples: 4-level paging
      | m  | bit | cr3                |
      | 36 | 36  | 0x1000010000       |
      | 46 | 46  | 0x400000010000     |
      | 46 | 63  | 0x8000000000010000 |
      | 52 | 52  | 0x10000000010000   |

  @X86-MODE-6 @profile:x86-paging
  Scenario Outline: With 5-level paging a CR3 with bit <bit> set raises #GP(0) under MAXPHYADDR <m>
    Source: Intel SDM Vol. 3A, 4.5 "4-Level Paging and 5-Level Paging"
    Given an x86 CPU with MAXPHYADDR <m>
    When the control registers are loaded with CR0 0x80000001, CR3 <cr3>, CR4 0x1020 and EFER 0x500
    Then the register load raises #GP because of RESERVED_REGISTER_BIT

    @variant:level5 @variant:maxphyaddr-36 @variant:maxphyaddr-52 @variant:bit-at-maxphyaddr @variant:bit-63
    Examples:
      | m  | bit | cr3                |
      | 36 | 36  | 0x1000010000       |
      | 52 | 63  | 0x8000000000010000 |

  @X86-MODE-6 @profile:x86-paging
  Scenario: A CR3 just below MAXPHYADDR is accepted
    Source: Intel SDM Vol. 3A, 4.5 "4-Level Paging and 5-Level Paging"
    Given an x86 CPU with MAXPHYADDR 36
    When the control registers are loaded with CR0 0x80000001, CR3 0xffffff000, CR4 0x20 and EFER 0x500
    Then the register load succeeds in 4-level paging

  @X86-MODE-7 @profile:x86-paging
  Scenario Outline: A register bit outside the modelled set is refused (<bit>)
    Source: Intel SDM Vol. 3A, 2.5 "Control Registers"
    When the control registers are loaded with CR0 <cr0>, CR3 0x10000, CR4 <cr4> and EFER <efer>
    Then the call is rejected with UNMODELLED_REGISTER_BIT

    @variant:cr0
    Examples: CR0
      | bit          | cr0        | cr4     | efer  |
      | CR0.CD       | 0xc0000001 | 0x0     | 0x0   |

    @variant:cr4
    Examples: CR4
      | bit          | cr0        | cr4     | efer  |
      | CR4.PCIDE    | 0x80000001 | 0x20020 | 0x500 |
      | CR4.VME      | 0x1        | 0x1     | 0x0   |

    @variant:efer
    Examples: EFER
      | bit          | cr0        | cr4     | efer  |
      | EFER.SCE     | 0x1        | 0x0     | 0x1   |
