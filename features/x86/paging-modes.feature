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

    Examples:
      | who                 | kind  | address    |
      | supervisor          | read  | 0x0        |
      | user                | write | 0x12345678 |
      | user                | fetch | 0xffffffff |
      | implicit supervisor | write | 0xfee00000 |

  @X86-MODE-2 @profile:x86-paging
  Scenario Outline: CR0.PG, CR4.PAE, EFER.LMA and CR4.LA57 select <mode> paging
    Source: Intel SDM Vol. 3A, 4.1.1 "Four Paging Modes"
    When the control registers are loaded with CR0 <cr0>, CR3 0x10000, CR4 <cr4> and EFER <efer>
    Then the register load succeeds in <mode> paging

    Examples:
      | cr0        | cr4    | efer  | mode    |
      | 0x1        | 0x20   | 0x100 | no      |
      | 0x80000001 | 0x0    | 0x0   | 32-bit  |
      | 0x80000001 | 0x1000 | 0x0   | 32-bit  |
      | 0x80000001 | 0x20   | 0x0   | PAE     |
      | 0x80000001 | 0x1020 | 0x800 | PAE     |
      | 0x80000001 | 0x20   | 0x500 | 4-level |
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

    Examples:
      | why                          | cr0        | cr3         | cr4  | efer  |
      | PG without PE                | 0x80000000 | 0x10000     | 0x0  | 0x0   |
      | LMA without LME              | 0x80000001 | 0x10000     | 0x20 | 0x400 |
      | LME and PG without LMA       | 0x80000001 | 0x10000     | 0x20 | 0x100 |
      | LMA without PG               | 0x1        | 0x10000     | 0x20 | 0x500 |
      | IA-32e mode without PAE      | 0x80000001 | 0x10000     | 0x0  | 0x500 |
      | CR3 above 4 GB in PAE paging | 0x80000001 | 0x100010000 | 0x20 | 0x0   |

  @X86-MODE-4 @profile:x86-paging
  Scenario Outline: Setting <bit> on a CPU without <feature> raises #GP(0)
    Source: Intel SDM Vol. 3A, 2.5 "Control Registers"
    Given an x86 CPU with MAXPHYADDR 46 without <feature>
    And 4-level paging
    And <bit> is set
    When the control registers are loaded
    Then the register load raises #GP because of RESERVED_REGISTER_BIT

    Examples:
      | bit       | feature |
      | CR4.SMEP  | SMEP    |
      | CR4.SMAP  | SMAP    |
      | CR4.PKE   | PKU     |
      | CR4.PKS   | PKS     |
      | CR4.LA57  | LA57    |
      | EFER.NXE  | NX      |

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

    Examples:
      | from    | to      |
      | 4-level | 5-level |
      | 5-level | 4-level |

  @X86-MODE-5 @profile:x86-paging
  Scenario Outline: From <from> paging to <to> paging with <bits> set the load succeeds
    Source: Intel SDM Vol. 3A, 2.5 "Control Registers"
    Given <from> paging
    And a 4 KB page mapped at 0x00abcdef12345678 to frame 0x5000
    When the registers switch to <to> paging with <bits> set
    Then the register load succeeds in <to> paging

    Examples:
      | from    | to      | bits     |
      | 5-level | PAE     | CR0.WP   |
      | 5-level | 5-level | CR4.SMEP |
      | 4-level | 4-level | CR4.SMAP |

  @X86-MODE-5 @profile:x86-paging
  Scenario Outline: Outside IA-32e mode CR4.LA57 may be set and changes nothing (<mode> paging)
    Source: Intel SDM Vol. 3A, 2.5 "Control Registers"
    Given <mode> paging
    And CR4.LA57 is set
    And a 4 KB page mapped at <address> to frame 0x5000
    When a supervisor read of <address> is made
    Then the access translates to 0x5678

    Examples:
      | mode   | address    |
      | 32-bit | 0x12345678 |
      | PAE    | 0xc7654678 |

  @X86-MODE-6 @profile:x86-paging
  Scenario Outline: In IA-32e mode a CR3 with bit <bit> set raises #GP(0) under MAXPHYADDR <m>
    Source: Intel SDM Vol. 3A, 4.5 "4-Level Paging and 5-Level Paging"
    Given an x86 CPU with MAXPHYADDR <m>
    When the control registers are loaded with CR0 0x80000001, CR3 <cr3>, CR4 0x20 and EFER 0x500
    Then the register load raises #GP because of RESERVED_REGISTER_BIT

    Examples:
      | m  | bit | cr3                |
      | 36 | 36  | 0x1000010000       |
      | 46 | 46  | 0x400000010000     |
      | 46 | 63  | 0x8000000000010000 |
      | 52 | 52  | 0x10000000010000   |

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

    Examples:
      | bit          | cr0        | cr4     | efer  |
      | CR0.CD       | 0xc0000001 | 0x0     | 0x0   |
      | CR4.PCIDE    | 0x80000001 | 0x20020 | 0x500 |
      | CR4.VME      | 0x1        | 0x1     | 0x0   |
      | EFER.SCE     | 0x1        | 0x0     | 0x1   |
