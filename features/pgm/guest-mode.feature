Feature: The guest's paging mode follows from CR0, CR4 and EFER
  PGM derives the guest's mode from the bits the CPU itself uses: CR0.PE and CR0.PG, CR4.PAE, EFER.LME
  and EFER.LMA, and EFER.NXE for the no-execute variants. Paging is tested first: with CR0.PG clear the
  guest is in real or protected mode whatever CR4.PAE and EFER say. A register set no CPU can be in is
  refused, and a refused change leaves the shadow context as it was.

  @PGM-GMODE-1 @profile:pgm-modes @variant:no-other-bits
  Scenario: With CR0.PE and CR0.PG clear the guest is in real mode
    Source: Intel SDM Vol. 3A, 4.1 "Paging Modes and Control Bits"
    When I ask for the guest mode with no control bits set
    Then the guest mode is real

  @PGM-GMODE-1 @profile:pgm-modes
  Scenario Outline: With CR0.PE and CR0.PG clear the guest is in real mode whatever <also> hold
    Source: Intel SDM Vol. 3A, 4.1 "Paging Modes and Control Bits"
    When I ask for the guest mode with <bits> set
    Then the guest mode is real

    @variant:pae-lme-nxe-set
    Examples: the bits that pick the paging mode once paging is on
      | also                        | bits                          |
      | CR4.PAE, EFER.LME and NXE   | CR4.PAE and EFER.LME, EFER.NXE |

    @variant:wp-pse-set
    Examples: bits that only matter to a paging guest
      | also               | bits              |
      | CR0.WP and CR4.PSE | CR0.WP and CR4.PSE |

  @PGM-GMODE-2 @profile:pgm-modes
  Scenario Outline: With CR0.PE set and CR0.PG clear the guest is in protected mode (<also>)
    Source: Intel SDM Vol. 3A, 4.1 "Paging Modes and Control Bits"
    When I ask for the guest mode with <bits> set
    Then the guest mode is protected

    @variant:no-other-bits
    Examples: nothing else
      | also                 | bits                         |
      | nothing else         | CR0.PE                       |

    @variant:pae-and-lme
    Examples: the long-mode bits without paging
      | also                 | bits                         |
      | CR4.PAE and EFER.LME | CR0.PE, CR4.PAE and EFER.LME |

    @variant:lme-without-pae
    Examples: long mode enabled before PAE, with paging still off
      | also                 | bits                         |
      | EFER.LME alone       | CR0.PE and EFER.LME          |

    @variant:nxe
    Examples: no-execute enabled
      | also                 | bits                         |
      | EFER.NXE             | CR0.PE and EFER.NXE          |

    @variant:wp-and-pse
    Examples: write protection and page-size extension
      | also                 | bits                         |
      | CR0.WP and CR4.PSE   | CR0.PE, CR0.WP and CR4.PSE   |

  @PGM-GMODE-3 @profile:pgm-modes
  Scenario Outline: With paging on and CR4.PAE clear the guest is in 32-bit mode (<also>)
    Source: Intel SDM Vol. 3A, 4.1 "Paging Modes and Control Bits"
    When I ask for the guest mode with <bits> set
    Then the guest mode is 32-bit

    @variant:no-other-bits
    Examples: nothing else
      | also         | bits                        |
      | nothing else | CR0.PE and CR0.PG           |

    @variant:nxe
    Examples: no-execute enabled, which 32-bit paging ignores
      | also         | bits                        |
      | EFER.NXE     | CR0.PE, CR0.PG and EFER.NXE |

    @variant:wp-and-pse
    Examples: write protection and 4 MB pages enabled
      | also               | bits                                |
      | CR0.WP and CR4.PSE | CR0.PE, CR0.PG, CR0.WP and CR4.PSE  |

  @PGM-GMODE-4 @profile:pgm-modes
  Scenario Outline: With paging and CR4.PAE on and EFER.LME clear the guest is in <mode> mode
    Source: Intel SDM Vol. 3A, 4.1 "Paging Modes and Control Bits"
    When I ask for the guest mode with <bits> set
    Then the guest mode is <mode>

    @variant:without-nx @variant:no-other-bits
    Examples: without NX
      | bits                                 | mode        |
      | CR0.PE, CR0.PG and CR4.PAE           | PAE         |

    @variant:with-nx @variant:no-other-bits
    Examples: with NX
      | bits                                 | mode        |
      | CR0.PE, CR0.PG, CR4.PAE and EFER.NXE | PAE with NX |

    @variant:without-nx @variant:with-nx @variant:wp-and-pse
    Examples: with CR0.WP and CR4.PSE, which change nothing
      | bits                                                   | mode        |
      | CR0.PE, CR0.PG, CR0.WP, CR4.PAE and CR4.PSE            | PAE         |
      | CR0.PE, CR0.PG, CR0.WP, CR4.PAE, CR4.PSE and EFER.NXE  | PAE with NX |

  @PGM-GMODE-5 @profile:pgm-modes
  Scenario Outline: With paging, CR4.PAE and EFER.LME on the guest is in <mode> mode
    Source: Intel SDM Vol. 3A, 4.1 "Paging Modes and Control Bits"
    When I ask for the guest mode with <bits> set
    Then the guest mode is <mode>

    @variant:without-nx @variant:no-other-bits
    Examples: without NX
      | bits                                                       | mode          |
      | CR0.PE, CR0.PG, CR4.PAE and EFER.LME, EFER.LMA             | AMD64         |

    @variant:with-nx @variant:no-other-bits
    Examples: with NX
      | bits                                                       | mode          |
      | CR0.PE, CR0.PG, CR4.PAE and EFER.LME, EFER.LMA, EFER.NXE   | AMD64 with NX |

    @variant:without-nx @variant:with-nx @variant:wp-and-pse
    Examples: with CR0.WP and CR4.PSE, which change nothing
      | bits                                                                 | mode          |
      | CR0.PE, CR0.PG, CR0.WP, CR4.PAE, CR4.PSE and EFER.LME, EFER.LMA       | AMD64         |
      | CR0.PE, CR0.PG, CR0.WP, CR4.PAE, CR4.PSE and EFER.LME, EFER.LMA, EFER.NXE | AMD64 with NX |

  @PGM-GMODE-6 @profile:pgm-modes
  Scenario Outline: An impossible register set is refused: <why>
    Source: Intel SDM Vol. 3A, 4.1 "Paging Modes and Control Bits"
    When I ask for the guest mode with <bits> set
    Then the call is rejected with INCONSISTENT_CONTROL_REGISTERS

    @variant:guest-mode-query @variant:pg-without-pe @variant:long-mode-without-pae @variant:lma-without-paging @variant:lme-and-pg-without-lma @variant:lma-without-lme
    Examples:
      | why                          | bits                                   |
      | paging without protection    | CR0.PG                                 |
      | long mode without PAE        | CR0.PE, CR0.PG and EFER.LME, EFER.LMA  |
      | LMA while paging is off      | CR0.PE, CR4.PAE and EFER.LME, EFER.LMA |
      | LME and paging but no LMA    | CR0.PE, CR0.PG, CR4.PAE and EFER.LME   |
      | LMA without LME              | CR0.PE, CR0.PG, CR4.PAE and EFER.LMA   |

  @PGM-GMODE-6 @profile:pgm-modes
  Scenario Outline: A shadow context refuses a switch to an impossible register set: <why>
    Source: Intel SDM Vol. 3A, 4.1 "Paging Modes and Control Bits"
    Given a shadow context on an AMD64 host
    When the guest sets <bits>
    Then the call is rejected with INCONSISTENT_CONTROL_REGISTERS

    @variant:mode-change @variant:pg-without-pe @variant:long-mode-without-pae @variant:lma-without-paging @variant:lme-and-pg-without-lma @variant:lma-without-lme
    Examples:
      | why                          | bits                                   |
      | paging without protection    | CR0.PG and CR4.PAE                     |
      | long mode without PAE        | CR0.PE, CR0.PG and EFER.LME, EFER.LMA  |
      | LMA while paging is off      | CR0.PE, CR4.PAE and EFER.LME, EFER.LMA |
      | LME and paging but no LMA    | CR0.PE, CR0.PG, CR4.PAE and EFER.LME   |
      | LMA without LME              | CR0.PE, CR0.PG, CR4.PAE and EFER.LMA   |

  @PGM-GMODE-7 @profile:pgm-modes @variant:from-pae
  Scenario: A refused mode change leaves the shadow context unchanged
    Source: Intel SDM Vol. 3A, 4.1 "Paging Modes and Control Bits"
    Given a shadow context on an AMD64 host
    And the guest sets CR0.PE, CR0.PG and CR4.PAE
    When the guest sets CR0.PG
    Then the call is rejected with INCONSISTENT_CONTROL_REGISTERS
    And the guest mode is PAE
    And the shadow mode is PAE

  @PGM-GMODE-7 @profile:pgm-modes
  Scenario Outline: A refused switch leaves a <host> host's guest in <mode> mode on its <shadow> shadow
    Source: Intel SDM Vol. 3A, 4.1 "Paging Modes and Control Bits"
    Given a shadow context on a <host> host
    And the guest sets <bits>
    When the guest sets CR0.PE, CR0.PG, CR4.PAE and EFER.LME
    Then the call is rejected with INCONSISTENT_CONTROL_REGISTERS
    And the guest mode is <mode>
    And the shadow mode is <shadow>

    @variant:from-real
    Examples: a guest still in real mode
      | host   | bits               | mode      | shadow |
      | 32-bit | CR0.WP             | real      | 32-bit |

    @variant:from-bit32
    Examples: a 32-bit guest
      | host   | bits               | mode      | shadow |
      | PAE    | CR0.PE and CR0.PG  | 32-bit    | PAE    |

    @variant:from-amd64
    Examples: a long-mode guest
      | host   | bits                                           | mode  | shadow |
      | 32-bit | CR0.PE, CR0.PG, CR4.PAE and EFER.LME, EFER.LMA | AMD64 | AMD64  |

  @PGM-GMODE-8 @profile:pgm-modes
  Scenario Outline: A shadow context switched with <bits> holds a <mode> guest, as the guest-mode query says
    Source: Intel SDM Vol. 3A, 4.1 "Paging Modes and Control Bits"
    Given a shadow context on a <host> host
    And the guest sets CR0.PE, CR0.PG and CR4.PAE
    When the guest sets <bits>
    Then the guest mode is <mode>
    When I ask for the guest mode with <bits> set
    Then the guest-mode query answers <mode>

    @variant:protected
    Examples: protected mode
      | host   | bits                                                     | mode          |
      | 32-bit | CR0.PE                                                   | protected     |

    @variant:bit32
    Examples: 32-bit mode
      | host   | bits                                                     | mode          |
      | AMD64  | CR0.PE, CR0.PG and EFER.NXE                              | 32-bit        |

    @variant:pae
    Examples: PAE mode
      | host   | bits                                                     | mode          |
      | AMD64  | CR0.PE, CR0.PG, CR0.WP and CR4.PAE                       | PAE           |

    @variant:pae-nx
    Examples: PAE mode with NX
      | host   | bits                                                     | mode          |
      | PAE    | CR0.PE, CR0.PG, CR4.PAE and EFER.NXE                     | PAE with NX   |

    @variant:amd64
    Examples: AMD64 mode
      | host   | bits                                                     | mode          |
      | 32-bit | CR0.PE, CR0.PG, CR4.PAE and EFER.LME, EFER.LMA           | AMD64         |

    @variant:amd64-nx
    Examples: AMD64 mode with NX
      | host   | bits                                                     | mode          |
      | PAE    | CR0.PE, CR0.PG, CR4.PAE and EFER.LME, EFER.LMA, EFER.NXE | AMD64 with NX |

  @PGM-GMODE-8 @profile:pgm-modes @variant:real
  Scenario: A shadow context whose guest clears every control bit holds a real-mode guest
    Source: Intel SDM Vol. 3A, 4.1 "Paging Modes and Control Bits"
    Given a shadow context on a PAE host
    And the guest sets CR0.PE, CR0.PG and CR4.PAE
    When the guest clears every control bit
    Then the guest mode is real
