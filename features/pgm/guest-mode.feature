Feature: The guest's paging mode follows from CR0, CR4 and EFER
  PGM derives the guest's mode from the bits the CPU itself uses: CR0.PE and CR0.PG, CR4.PAE, EFER.LME
  and EFER.LMA, and EFER.NXE for the no-execute variants. Paging is tested first: with CR0.PG clear the
  guest is in real or protected mode whatever CR4.PAE and EFER say. A register set no CPU can be in is
  refused, and a refused change leaves the shadow context as it was.

  @PGM-GMODE-1 @profile:pgm-modes
  Scenario: With CR0.PE and CR0.PG clear the guest is in real mode
    Source: Intel SDM Vol. 3A, 4.1 "Paging Modes and Control Bits"
    When I ask for the guest mode with no control bits set
    Then the guest mode is real

  @PGM-GMODE-2 @profile:pgm-modes
  Scenario Outline: With CR0.PE set and CR0.PG clear the guest is in protected mode (<also>)
    Source: Intel SDM Vol. 3A, 4.1 "Paging Modes and Control Bits"
    When I ask for the guest mode with <bits> set
    Then the guest mode is protected

    Examples:
      | also                 | bits                         |
      | nothing else         | CR0.PE                       |
      | CR4.PAE and EFER.LME | CR0.PE, CR4.PAE and EFER.LME |
      | EFER.NXE             | CR0.PE and EFER.NXE          |

  @PGM-GMODE-3 @profile:pgm-modes
  Scenario Outline: With paging on and CR4.PAE clear the guest is in 32-bit mode (<also>)
    Source: Intel SDM Vol. 3A, 4.1 "Paging Modes and Control Bits"
    When I ask for the guest mode with <bits> set
    Then the guest mode is 32-bit

    Examples:
      | also         | bits                        |
      | nothing else | CR0.PE and CR0.PG           |
      | EFER.NXE     | CR0.PE, CR0.PG and EFER.NXE |

  @PGM-GMODE-4 @profile:pgm-modes
  Scenario Outline: With paging and CR4.PAE on and EFER.LME clear the guest is in <mode> mode
    Source: Intel SDM Vol. 3A, 4.1 "Paging Modes and Control Bits"
    When I ask for the guest mode with <bits> set
    Then the guest mode is <mode>

    Examples:
      | bits                                 | mode        |
      | CR0.PE, CR0.PG and CR4.PAE           | PAE         |
      | CR0.PE, CR0.PG, CR4.PAE and EFER.NXE | PAE with NX |

  @PGM-GMODE-5 @profile:pgm-modes
  Scenario Outline: With paging, CR4.PAE and EFER.LME on the guest is in <mode> mode
    Source: Intel SDM Vol. 3A, 4.1 "Paging Modes and Control Bits"
    When I ask for the guest mode with <bits> set
    Then the guest mode is <mode>

    Examples:
      | bits                                                       | mode          |
      | CR0.PE, CR0.PG, CR4.PAE and EFER.LME, EFER.LMA             | AMD64         |
      | CR0.PE, CR0.PG, CR4.PAE and EFER.LME, EFER.LMA, EFER.NXE   | AMD64 with NX |

  @PGM-GMODE-6 @profile:pgm-modes
  Scenario Outline: An impossible register set is refused: <why>
    Source: Intel SDM Vol. 3A, 4.1 "Paging Modes and Control Bits"
    When I ask for the guest mode with <bits> set
    Then the call is rejected with INCONSISTENT_CONTROL_REGISTERS

    Examples:
      | why                          | bits                                   |
      | paging without protection    | CR0.PG                                 |
      | long mode without PAE        | CR0.PE, CR0.PG and EFER.LME, EFER.LMA  |
      | LMA while paging is off      | CR0.PE, CR4.PAE and EFER.LME, EFER.LMA |
      | LME and paging but no LMA    | CR0.PE, CR0.PG, CR4.PAE and EFER.LME   |
      | LMA without LME              | CR0.PE, CR0.PG, CR4.PAE and EFER.LMA   |

  @PGM-GMODE-7 @profile:pgm-modes
  Scenario: A refused mode change leaves the shadow context unchanged
    Source: Intel SDM Vol. 3A, 4.1 "Paging Modes and Control Bits"
    Given a shadow context on an AMD64 host
    And the guest sets CR0.PE, CR0.PG and CR4.PAE
    When the guest sets CR0.PG
    Then the call is rejected with INCONSISTENT_CONTROL_REGISTERS
    And the guest mode is PAE
    And the shadow mode is PAE
