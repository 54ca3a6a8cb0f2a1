Feature: Legacy PAE and long-mode PAE: PDPE bits and CR3 alignment
  Legacy PAE and long mode both use 8-byte entries and a page-directory-pointer level, but they differ
  in two ways that PGM must handle.

  First, PDPE bits 1, 2, 5 and 6. Legacy PAE marks them must-be-zero. Long mode gives bits 1, 2 and 5
  their usual meanings (R/W, U/S, accessed) and ignores bit 6. So when PGM switches its shadow context to
  legacy PAE it clears these bits in the shadow PDPEs, and when it switches to long mode it sets R/W, U/S
  and A. The intermediate context needs no such fix-up, because the world switch runs it with CR0.WP
  clear, so supervisor writes ignore R/W there.

  Second, CR3: in legacy PAE it may point at any 32-byte boundary below 4 GiB (it names a four-entry
  table); in long mode it must be page aligned.

  Bit numbers in this feature count from 0.

  @PGM-PAE-1 @profile:pgm-modes
  Scenario Outline: In legacy PAE a present guest PDPE with bit <bit> set is refused
    Source: 001_96135646f618994a.txt, "Differences Between Legacy PAE and Long Mode PAE", item 1
    When I check a present guest PDPE with bit <bit> set in PAE mode
    Then the call is rejected with RESERVED_BITS_SET

    Examples:
      | bit |
      | 1   |
      | 2   |
      | 5   |
      | 6   |

  @PGM-PAE-2 @profile:pgm-modes
  Scenario Outline: In legacy PAE bit <bit> of a present guest PDPE is must-be-zero too
    Source: Intel SDM Vol. 3A, 4.4.1 "PDPTE Registers"
    When I check a present guest PDPE with bit <bit> set in PAE with NX mode
    Then the call is rejected with RESERVED_BITS_SET

    Examples:
      | bit |
      | 7   |
      | 8   |
      | 52  |
      | 63  |

  @PGM-PAE-3 @profile:pgm-modes
  Scenario Outline: In long mode bit <bit> (<meaning>) of a present guest PDPE is accepted
    Source: 001_96135646f618994a.txt, "Differences Between Legacy PAE and Long Mode PAE", item 1
    When I check a present guest PDPE with bit <bit> set in AMD64 mode
    Then the PDPE is accepted unchanged

    Examples:
      | bit | meaning  |
      | 1   | R/W      |
      | 2   | U/S      |
      | 5   | accessed |
      | 6   | ignored  |

  @PGM-PAE-4 @profile:pgm-modes
  Scenario: A guest PDPE that is not present is never refused for its other bits
    Source: 001_96135646f618994a.txt, "Differences Between Legacy PAE and Long Mode PAE", item 1
    When I check the not-present guest PDPE 0x66 in PAE mode
    Then the PDPE is accepted unchanged

  @PGM-PAE-5 @profile:pgm-modes
  Scenario: In long mode without NX bit 63 of a present guest PDPE is must-be-zero
    Source: Intel SDM Vol. 3A, 4.5 "4-Level Paging and 5-Level Paging"
    When I check a present guest PDPE with bit 63 set in AMD64 mode
    Then the call is rejected with RESERVED_BITS_SET

  @PGM-PAE-6 @profile:pgm-modes
  Scenario Outline: A PDPE check in <mode> mode, which has no PDPT, is refused
    Source: 001_96135646f618994a.txt, "Differences Between Legacy PAE and Long Mode PAE", item 1
    When I check a present guest PDPE with bit 1 set in <mode> mode
    Then the call is rejected with NOT_IN_THIS_MODE

    Examples:
      | mode      |
      | 32-bit    |
      | protected |

  @PGM-PAE-7 @profile:pgm-modes
  Scenario Outline: Switching the shadow context to legacy PAE clears bits 1, 2, 5 and 6 of its PDPEs (<host> host)
    Source: 001_96135646f618994a.txt, "Differences Between Legacy PAE and Long Mode PAE", item 1
    Given a shadow context on an <host> host
    And the guest sets CR0.PE, CR0.PG, CR4.PAE and EFER.LME, EFER.LMA
    When the guest sets CR0.PE, CR0.PG and CR4.PAE
    Then the shadow mode is PAE
    And the shadow context has at least one present PDPE
    And every present shadow PDPE has bits 1, 2, 5 and 6 clear

    Examples:
      | host  |
      | AMD64 |
      | PAE   |

  @PGM-PAE-8 @profile:pgm-modes
  Scenario Outline: Switching the shadow context to long mode sets R/W, U/S and A in its PDPEs (<host> host)
    Source: 001_96135646f618994a.txt, "Differences Between Legacy PAE and Long Mode PAE", item 1
    Given a shadow context on an <host> host
    And the guest sets CR0.PE, CR0.PG and CR4.PAE
    When the guest sets CR0.PE, CR0.PG, CR4.PAE and EFER.LME, EFER.LMA
    Then the shadow mode is AMD64
    And the shadow context has at least one present PDPE
    And every present shadow PDPE has bits 1, 2 and 5 set

    Examples:
      | host  |
      | AMD64 |
      | PAE   |

  @PGM-PAE-9 @profile:pgm-modes
  Scenario: The intermediate context runs with CR0.WP clear, so its PDPEs need no fix-up
    Source: 001_96135646f618994a.txt, "Differences Between Legacy PAE and Long Mode PAE", item 1
    Given a shadow context on an AMD64 host
    Then the intermediate context runs with CR0.WP clear

  @PGM-PAE-10 @profile:pgm-modes
  Scenario: A 32-bit shadow context has no page-directory-pointer entries
    Source: Intel SDM Vol. 3A, 4.3 "32-Bit Paging"
    Given a shadow context on a 32-bit host
    When the guest sets CR0.PE and CR0.PG
    Then the shadow mode is 32-bit
    And the shadow context has no present PDPE

  @PGM-CR3-1 @profile:pgm-modes
  Scenario Outline: A legacy PAE CR3 may name any 32-byte boundary below 4 GiB (<table>)
    Source: 001_96135646f618994a.txt, "Differences Between Legacy PAE and Long Mode PAE", item 2
    When I ask for the CR3 of a PAE table at <table>
    Then the CR3 is <table>

    Examples:
      | table      |
      | 0x0        |
      | 0x1020     |
      | 0x7fe0     |
      | 0xffffffe0 |

  @PGM-CR3-2 @profile:pgm-modes
  Scenario Outline: A long-mode CR3 must be page aligned: a table at <table> is refused
    Source: 001_96135646f618994a.txt, "Differences Between Legacy PAE and Long Mode PAE", item 2
    When I ask for the CR3 of an AMD64 table at <table>
    Then the call is rejected with MISALIGNED_CR3

    Examples:
      | table  |
      | 0x1020 |
      | 0x1800 |
      | 0x1008 |

  @PGM-CR3-3 @profile:pgm-modes
  Scenario Outline: A legacy PAE table off a 32-byte boundary is refused (<table>)
    Source: 001_96135646f618994a.txt, "Differences Between Legacy PAE and Long Mode PAE", item 2
    When I ask for the CR3 of a PAE table at <table>
    Then the call is rejected with MISALIGNED_CR3

    Examples:
      | table  |
      | 0x1010 |
      | 0x1001 |

  @PGM-CR3-4 @profile:pgm-modes
  Scenario Outline: Outside long mode a table at or above 4 GiB is refused (<mode>)
    Source: 001_96135646f618994a.txt, "Differences Between Legacy PAE and Long Mode PAE", item 2
    When I ask for the CR3 of a <mode> table at 0x100000000
    Then the call is rejected with CR3_OUT_OF_RANGE

    Examples:
      | mode   |
      | PAE    |
      | 32-bit |

  @PGM-CR3-5 @profile:pgm-modes
  Scenario: A long-mode table may lie above 4 GiB
    Source: 001_96135646f618994a.txt, "Differences Between Legacy PAE and Long Mode PAE", item 2
    When I ask for the CR3 of an AMD64 table at 0x123456789000
    Then the CR3 is 0x123456789000

  @PGM-CR3-6 @profile:pgm-modes
  Scenario: A 32-bit CR3 must be page aligned
    Source: Intel SDM Vol. 3A, 4.3 "32-Bit Paging"
    When I ask for the CR3 of a 32-bit table at 0x1020
    Then the call is rejected with MISALIGNED_CR3

  @PGM-CR3-6 @profile:pgm-modes
  Scenario: A page-aligned 32-bit table below 4 GiB is accepted
    Source: Intel SDM Vol. 3A, 4.3 "32-Bit Paging"
    When I ask for the CR3 of a 32-bit table at 0xfffff000
    Then the CR3 is 0xfffff000

  @PGM-CR3-7 @profile:pgm-modes
  Scenario Outline: The guest's top-level table in <mode> mode comes from CR3 bits <bits>
    Source: Intel SDM Vol. 3A, 4.1 "Paging Modes and Control Bits"
    When I ask for the guest table address of CR3 <cr3> in <mode> mode
    Then the table address is <table>

    Examples:
      | mode          | bits  | cr3                | table          |
      | 32-bit        | 31:12 | 0xffffffff12345fff | 0x12345000     |
      | PAE           | 31:5  | 0xffffffff12345fff | 0x12345fe0     |
      | AMD64 with NX | 51:12 | 0x000abcde12345fff | 0xabcde12345000 |

  @PGM-CR3-8 @profile:pgm-modes
  Scenario: A long-mode guest CR3 with bits 63:52 set is refused
    Source: Intel SDM Vol. 3A, 4.5 "4-Level Paging and 5-Level Paging"
    When I ask for the guest table address of CR3 0x0010000000001000 in AMD64 mode
    Then the call is rejected with RESERVED_BITS_SET

  @PGM-CR3-9 @profile:pgm-modes
  Scenario Outline: Without paging CR3 names no table (<mode> mode)
    Source: Intel SDM Vol. 3A, 4.1 "Paging Modes and Control Bits"
    When I ask for the guest table address of CR3 0x1000 in <mode> mode
    Then the call is rejected with NOT_IN_THIS_MODE

    Examples:
      | mode      |
      | real      |
      | protected |
