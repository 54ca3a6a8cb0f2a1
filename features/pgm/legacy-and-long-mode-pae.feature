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
  Scenario Outline: In legacy <mode> a present guest PDPE with bit <bit> set is refused
    Source: VirtualBox PGM documentation [001], "Differences Between Legacy PAE and Long Mode PAE", item 1
    When I check a present guest PDPE with bit <bit> set in <mode> mode
    Then the call is rejected with RESERVED_BITS_SET

    @variant:pae-without-nx @variant:bit-1 @variant:bit-2 @variant:bit-5 @variant:bit-6
    Examples: PAE without NX
      | mode | bit |
      | PAE  | 1   |
      | PAE  | 2   |
      | PAE  | 5   |
      | PAE  | 6   |

    @variant:pae-with-nx @variant:bit-1 @variant:bit-2 @variant:bit-5 @variant:bit-6
    Examples: PAE with NX, where the bits mean no more than without it
      | mode        | bit |
      | PAE with NX | 1   |
      | PAE with NX | 2   |
      | PAE with NX | 5   |
      | PAE with NX | 6   |

  @PGM-PAE-2 @profile:pgm-modes
  Scenario Outline: In legacy <mode> bit <bit> of a present guest PDPE is must-be-zero too
    Source: Intel SDM Vol. 3A, 4.4.1 "PDPTE Registers"
    When I check a present guest PDPE with bit <bit> set in <mode> mode
    Then the call is rejected with RESERVED_BITS_SET

    @variant:pae-with-nx @variant:bit-7 @variant:bit-8 @variant:bit-52 @variant:bit-62 @variant:bit-63
    Examples: PAE with NX, where bit 63 is still no execute-disable bit
      | mode        | bit |
      | PAE with NX | 7   |
      | PAE with NX | 8   |
      | PAE with NX | 52  |
      | PAE with NX | 62  |
      | PAE with NX | 63  |

    @variant:pae-without-nx @variant:bit-7 @variant:bit-8 @variant:bit-52 @variant:bit-62 @variant:bit-63
    Examples: PAE without NX
      | mode | bit |
      | PAE  | 7   |
      | PAE  | 8   |
      | PAE  | 52  |
      | PAE  | 62  |
      | PAE  | 63  |

  @PGM-PAE-3 @profile:pgm-modes
  Scenario Outline: In long mode (<mode>) bit <bit> (<meaning>) of a present guest PDPE is accepted
    Source: VirtualBox PGM documentation [001], "Differences Between Legacy PAE and Long Mode PAE", item 1
    When I check a present guest PDPE with bit <bit> set in <mode> mode
    Then the PDPE is accepted unchanged

    @variant:amd64-without-nx @variant:bit-1 @variant:bit-2 @variant:bit-5 @variant:bit-6
    Examples: AMD64 without NX
      | mode  | bit | meaning  |
      | AMD64 | 1   | R/W      |
      | AMD64 | 2   | U/S      |
      | AMD64 | 5   | accessed |
      | AMD64 | 6   | ignored  |

    @variant:amd64-with-nx @variant:bit-1 @variant:bit-2 @variant:bit-5 @variant:bit-6
    Examples: AMD64 with NX
      | mode          | bit | meaning  |
      | AMD64 with NX | 1   | R/W      |
      | AMD64 with NX | 2   | U/S      |
      | AMD64 with NX | 5   | accessed |
      | AMD64 with NX | 6   | ignored  |

  @PGM-PAE-4 @profile:pgm-modes @variant:pae-without-nx
  Scenario: A guest PDPE that is not present is never refused for its other bits
    Source: VirtualBox PGM documentation [001], "Differences Between Legacy PAE and Long Mode PAE", item 1
    When I check the not-present guest PDPE 0x66 in PAE mode
    Then the PDPE is accepted unchanged

  @PGM-PAE-4 @profile:pgm-modes
  Scenario Outline: A not-present guest PDPE <value> in <mode> mode is accepted whatever its must-be-zero bits hold
    Source: VirtualBox PGM documentation [001], "Differences Between Legacy PAE and Long Mode PAE", item 1
    When I check the not-present guest PDPE <value> in <mode> mode
    Then the PDPE is accepted unchanged

    @variant:pae-without-nx
    Examples: legacy PAE, every must-be-zero bit set
      | mode | value              |
      | PAE  | 0xfff00000000001e6 |

    @variant:pae-with-nx
    Examples: legacy PAE with NX
      | mode        | value              |
      | PAE with NX | 0xfff00000000001e6 |

    @variant:amd64-without-nx
    Examples: long mode without NX, bit 63 set
      | mode  | value              |
      | AMD64 | 0x8000000000000000 |

    @variant:amd64-with-nx
    Examples: long mode with NX
      | mode          | value              |
      | AMD64 with NX | 0xfffffffffffffffe |

  @PGM-PAE-5 @profile:pgm-modes
  Scenario: In long mode without NX bit 63 of a present guest PDPE is must-be-zero
    Source: Intel SDM Vol. 3A, 4.5 "4-Level Paging and 5-Level Paging"
    When I check a present guest PDPE with bit 63 set in AMD64 mode
    Then the call is rejected with RESERVED_BITS_SET

  @PGM-PAE-6 @profile:pgm-modes
  Scenario Outline: A PDPE check in <mode> mode, which has no PDPT, is refused
    Source: VirtualBox PGM documentation [001], "Differences Between Legacy PAE and Long Mode PAE", item 1
    When I check a present guest PDPE with bit 1 set in <mode> mode
    Then the call is rejected with NOT_IN_THIS_MODE

    @variant:bit32
    Examples: 32-bit paging
      | mode      |
      | 32-bit    |

    @variant:protected
    Examples: protected mode
      | mode      |
      | protected |

    @variant:real
    Examples: real mode
      | mode      |
      | real      |

  @PGM-PAE-7 @profile:pgm-modes
  Scenario Outline: Switching the shadow context to legacy PAE clears bits 1, 2, 5 and 6 of its PDPEs (<host> host, <guest> guest)
    Source: VirtualBox PGM documentation [001], "Differences Between Legacy PAE and Long Mode PAE", item 1
    Given a shadow context on a <host> host
    And the guest sets CR0.PE, CR0.PG, CR4.PAE and EFER.LME, EFER.LMA
    When the guest sets <bits>
    Then the guest mode is <guest>
    And the shadow mode is PAE
    And the shadow context has at least one present PDPE
    And every present shadow PDPE has bits 1, 2, 5 and 6 clear

    @variant:pae-guest @variant:host-amd64 @variant:host-pae @variant:host-32bit
    Examples: a long-mode guest drops to PAE
      | host   | bits                       | guest |
      | AMD64  | CR0.PE, CR0.PG and CR4.PAE | PAE   |
      | PAE    | CR0.PE, CR0.PG and CR4.PAE | PAE   |
      | 32-bit | CR0.PE, CR0.PG and CR4.PAE | PAE   |

    @variant:pae-nx-guest
    Examples: a long-mode guest drops to PAE with NX
      | host   | bits                                 | guest       |
      | AMD64  | CR0.PE, CR0.PG, CR4.PAE and EFER.NXE | PAE with NX |

    @variant:bit32-guest
    Examples: a long-mode guest drops to 32-bit paging, which a PAE or AMD64 host shadows with PAE
      | host   | bits              | guest  |
      | AMD64  | CR0.PE and CR0.PG | 32-bit |
      | PAE    | CR0.PE and CR0.PG | 32-bit |

    @variant:protected-guest
    Examples: a long-mode guest turns paging off
      | host   | bits   | guest     |
      | AMD64  | CR0.PE | protected |

  @PGM-PAE-7 @profile:pgm-modes @variant:real-guest
  Scenario: Switching a long-mode guest straight to real mode clears bits 1, 2, 5 and 6 of the PAE shadow's PDPEs
    Source: VirtualBox PGM documentation [001], "Differences Between Legacy PAE and Long Mode PAE", item 1
    Given a shadow context on an AMD64 host
    And the guest sets CR0.PE, CR0.PG, CR4.PAE and EFER.LME, EFER.LMA
    When the guest clears every control bit
    Then the guest mode is real
    And the shadow mode is PAE
    And the shadow context has at least one present PDPE
    And every present shadow PDPE has bits 1, 2, 5 and 6 clear

  @PGM-PAE-8 @profile:pgm-modes
  Scenario Outline: Switching the shadow context to long mode sets R/W, U/S and A in its PDPEs (<host> host, from <from>)
    Source: VirtualBox PGM documentation [001], "Differences Between Legacy PAE and Long Mode PAE", item 1
    Given a shadow context on a <host> host
    And the guest sets <first>
    When the guest sets <bits>
    Then the shadow mode is AMD64
    And the shadow context has at least one present PDPE
    And every present shadow PDPE has bits 1, 2 and 5 set

    @variant:from-pae @variant:amd64-guest @variant:host-amd64 @variant:host-pae @variant:host-32bit
    Examples: a PAE guest enters long mode
      | host   | from | first                      | bits                                           |
      | AMD64  | PAE  | CR0.PE, CR0.PG and CR4.PAE | CR0.PE, CR0.PG, CR4.PAE and EFER.LME, EFER.LMA |
      | PAE    | PAE  | CR0.PE, CR0.PG and CR4.PAE | CR0.PE, CR0.PG, CR4.PAE and EFER.LME, EFER.LMA |
      | 32-bit | PAE  | CR0.PE, CR0.PG and CR4.PAE | CR0.PE, CR0.PG, CR4.PAE and EFER.LME, EFER.LMA |

    @variant:from-protected @variant:amd64-nx-guest
    Examples: a protected-mode guest enters long mode with NX
      | host   | from      | first  | bits                                                     |
      | AMD64  | protected | CR0.PE | CR0.PE, CR0.PG, CR4.PAE and EFER.LME, EFER.LMA, EFER.NXE |
      | PAE    | protected | CR0.PE | CR0.PE, CR0.PG, CR4.PAE and EFER.LME, EFER.LMA, EFER.NXE |

  @PGM-PAE-8 @profile:pgm-modes @variant:from-real @variant:amd64-guest @variant:host-amd64
  Scenario: A new shadow context whose real-mode guest enters long mode gets R/W, U/S and A in its PDPEs
    Source: VirtualBox PGM documentation [001], "Differences Between Legacy PAE and Long Mode PAE", item 1
    Given a shadow context on an AMD64 host
    When the guest sets CR0.PE, CR0.PG, CR4.PAE and EFER.LME, EFER.LMA
    Then the shadow mode is AMD64
    And the shadow context has at least one present PDPE
    And every present shadow PDPE has bits 1, 2 and 5 set

  @PGM-PAE-9 @profile:pgm-modes
  Scenario Outline: The intermediate context of a <host> host runs with CR0.WP clear, so its PDPEs need no fix-up
    Source: VirtualBox PGM documentation [001], "Differences Between Legacy PAE and Long Mode PAE", item 1
    Given a shadow context on a <host> host
    Then the intermediate context runs with CR0.WP clear

    @variant:fresh-context @variant:host-32bit @variant:host-pae @variant:host-amd64
    Examples:
      | host   |
      | 32-bit |
      | PAE    |
      | AMD64  |

  @PGM-PAE-9 @profile:pgm-modes
  Scenario Outline: After the guest enters <guest> mode the intermediate context still runs with CR0.WP clear (<host> host)
    Source: VirtualBox PGM documentation [001], "Differences Between Legacy PAE and Long Mode PAE", item 1
    Given a shadow context on a <host> host
    When the guest sets <bits>
    Then the guest mode is <guest>
    And the intermediate context runs with CR0.WP clear

    @variant:after-mode-switch
    Examples:
      | host  | bits                                                   | guest |
      | AMD64 | CR0.PE, CR0.PG, CR0.WP, CR4.PAE and EFER.LME, EFER.LMA | AMD64 |
      | PAE   | CR0.PE, CR0.PG, CR0.WP and CR4.PAE                     | PAE   |

  @PGM-PAE-10 @profile:pgm-modes @variant:bit32 @variant:fresh-context
  Scenario: A 32-bit shadow context has no page-directory-pointer entries
    Source: Intel SDM Vol. 3A, 4.3 "32-Bit Paging"
    Given a shadow context on a 32-bit host
    When the guest sets CR0.PE and CR0.PG
    Then the shadow mode is 32-bit
    And the shadow context has no present PDPE

  @PGM-PAE-10 @profile:pgm-modes
  Scenario Outline: A 32-bit shadow context has no page-directory-pointer entries (<guest> guest<after>)
    Source: Intel SDM Vol. 3A, 4.3 "32-Bit Paging"
    Given a shadow context on a 32-bit host
    And the guest sets <first>
    When the guest sets <bits>
    Then the guest mode is <guest>
    And the shadow mode is 32-bit
    And the shadow context has no present PDPE

    @variant:fresh-context @variant:protected
    Examples: a fresh context
      | first  | bits   | guest     | after |
      | CR0.WP | CR0.PE | protected |       |

    @variant:back-from-pae @variant:bit32
    Examples: a context that ran a PAE guest before
      | first                      | bits              | guest  | after                 |
      | CR0.PE, CR0.PG and CR4.PAE | CR0.PE and CR0.PG | 32-bit | , after a PAE guest   |

  @PGM-PAE-10 @profile:pgm-modes @variant:real @variant:fresh-context
  Scenario: A new 32-bit shadow context for a real-mode guest has no page-directory-pointer entries
    Source: Intel SDM Vol. 3A, 4.3 "32-Bit Paging"
    Given a shadow context on a 32-bit host
    Then the guest mode is real
    And the shadow mode is 32-bit
    And the shadow context has no present PDPE

  @PGM-PAE-11 @profile:pgm-modes
  Scenario Outline: In long mode with NX bit 63 (execute-disable) of a present guest PDPE is accepted (<with>)
    Source: Intel SDM Vol. 3A, 4.5 "4-Level Paging and 5-Level Paging"
    When I check the present guest PDPE <value> in AMD64 with NX mode
    Then the PDPE is accepted unchanged

    @variant:bit-63-alone
    Examples: bit 63 alone
      | with      | value              |
      | bit 63    | 0x8000000000001001 |

    @variant:with-long-mode-flags
    Examples: bit 63 with R/W, U/S and A
      | with                 | value              |
      | R/W, U/S, A, bit 63  | 0x8000000000001027 |

  @PGM-CR3-1 @profile:pgm-modes
  Scenario Outline: A legacy PAE CR3 may name any 32-byte boundary below 4 GiB (<table>)
    Source: VirtualBox PGM documentation [001], "Differences Between Legacy PAE and Long Mode PAE", item 2
    When I ask for the CR3 of a PAE table at <table>
    Then the CR3 is <table>

    @variant:page-aligned @variant:bottom
    Examples: the first page
      | table      |
      | 0x0        |

    @variant:32-byte-aligned
    Examples: 32-byte boundaries inside a page
      | table      |
      | 0x1020     |
      | 0x7fe0     |

    @variant:top-below-4g
    Examples: the last 32 bytes below 4 GiB
      | table      |
      | 0xffffffe0 |

  @PGM-CR3-2 @profile:pgm-modes
  Scenario Outline: A long-mode CR3 must be page aligned: a table at <table> is refused
    Source: VirtualBox PGM documentation [001], "Differences Between Legacy PAE and Long Mode PAE", item 2
    When I ask for the CR3 of an AMD64 table at <table>
    Then the call is rejected with MISALIGNED_CR3

    @variant:32-byte-offset @variant:below-4g
    Examples: 32-byte aligned, as legacy PAE would allow
      | table  |
      | 0x1020 |

    @variant:2k-offset @variant:below-4g
    Examples: half a page in
      | table  |
      | 0x1800 |

    @variant:8-byte-offset @variant:below-4g
    Examples: one entry in
      | table  |
      | 0x1008 |

    @variant:32-byte-offset @variant:above-4g
    Examples: above 4 GiB
      | table          |
      | 0x123456789020 |

  @PGM-CR3-3 @profile:pgm-modes
  Scenario Outline: A legacy PAE table off a 32-byte boundary is refused (<table>)
    Source: VirtualBox PGM documentation [001], "Differences Between Legacy PAE and Long Mode PAE", item 2
    When I ask for the CR3 of a PAE table at <table>
    Then the call is rejected with MISALIGNED_CR3

    @variant:16-byte-offset
    Examples: 16 bytes in
      | table  |
      | 0x1010 |

    @variant:1-byte-offset
    Examples: one byte in
      | table  |
      | 0x1001 |

  @PGM-CR3-4 @profile:pgm-modes
  Scenario Outline: Outside long mode a table at or above 4 GiB is refused (<mode>, <table>)
    Source: VirtualBox PGM documentation [001], "Differences Between Legacy PAE and Long Mode PAE", item 2
    When I ask for the CR3 of a <mode> table at <table>
    Then the call is rejected with CR3_OUT_OF_RANGE

    @variant:pae @variant:bit32 @variant:at-4g
    Examples: exactly 4 GiB
      | mode   | table       |
      | PAE    | 0x100000000 |
      | 32-bit | 0x100000000 |

    @variant:pae @variant:bit32 @variant:far-above-4g
    Examples: far above 4 GiB
      | mode   | table          |
      | PAE    | 0x123456789000 |
      | 32-bit | 0x123456789000 |

  @PGM-CR3-5 @profile:pgm-modes
  Scenario Outline: A long-mode table may lie above 4 GiB (<table>)
    Source: VirtualBox PGM documentation [001], "Differences Between Legacy PAE and Long Mode PAE", item 2
    When I ask for the CR3 of an AMD64 table at <table>
    Then the CR3 is <table>

    @variant:at-4g
    Examples: exactly 4 GiB
      | table       |
      | 0x100000000 |

    @variant:far-above-4g
    Examples: far above 4 GiB
      | table          |
      | 0x123456789000 |

    @variant:top-of-52-bits
    Examples: the last page below 2^52
      | table           |
      | 0xffffffffff000 |

  @PGM-CR3-6 @profile:pgm-modes
  Scenario Outline: A 32-bit CR3 must be page aligned (<table>)
    Source: Intel SDM Vol. 3A, 4.3 "32-Bit Paging"
    When I ask for the CR3 of a 32-bit table at <table>
    Then the call is rejected with MISALIGNED_CR3

    @variant:32-byte-offset
    Examples: 32-byte aligned, as legacy PAE would allow
      | table  |
      | 0x1020 |

    @variant:2k-offset
    Examples: half a page in
      | table  |
      | 0x1800 |

  @PGM-CR3-6 @profile:pgm-modes @variant:page-aligned
  Scenario: A page-aligned 32-bit table below 4 GiB is accepted
    Source: Intel SDM Vol. 3A, 4.3 "32-Bit Paging"
    When I ask for the CR3 of a 32-bit table at 0xfffff000
    Then the CR3 is 0xfffff000

  @PGM-CR3-7 @profile:pgm-modes
  Scenario Outline: The guest's top-level table in <mode> mode comes from CR3 bits <bits>
    Source: Intel SDM Vol. 3A, 4.1 "Paging Modes and Control Bits"
    When I ask for the guest table address of CR3 <cr3> in <mode> mode
    Then the table address is <table>

    @variant:bit32
    Examples: 32-bit mode
      | mode          | bits  | cr3                | table           |
      | 32-bit        | 31:12 | 0xffffffff12345fff | 0x12345000      |

    @variant:pae
    Examples: PAE mode
      | mode          | bits  | cr3                | table           |
      | PAE           | 31:5  | 0xffffffff12345fff | 0x12345fe0      |

    @variant:pae-nx
    Examples: PAE mode with NX
      | mode          | bits  | cr3                | table           |
      | PAE with NX   | 31:5  | 0x0000000012345868 | 0x12345860      |

    @variant:amd64
    Examples: AMD64 mode
      | mode          | bits  | cr3                | table           |
      | AMD64         | 51:12 | 0x000abcde12345fff | 0xabcde12345000 |

    @variant:amd64-nx
    Examples: AMD64 mode with NX
      | mode          | bits  | cr3                | table           |
      | AMD64 with NX | 51:12 | 0x000abcde12345fff | 0xabcde12345000 |

  @PGM-CR3-8 @profile:pgm-modes
  Scenario Outline: A long-mode guest CR3 with bit <bit> set is refused (<mode>)
    Source: Intel SDM Vol. 3A, 4.5 "4-Level Paging and 5-Level Paging"
    When I ask for the guest table address of CR3 <cr3> in <mode> mode
    Then the call is rejected with RESERVED_BITS_SET

    @variant:bit-52 @variant:amd64 @variant:amd64-nx
    Examples: the lowest of bits 63:52
      | bit | mode          | cr3                |
      | 52  | AMD64         | 0x0010000000001000 |
      | 52  | AMD64 with NX | 0x0010000000001000 |

    @variant:bit-63 @variant:amd64 @variant:amd64-nx
    Examples: bit 63, which a MOV to CR3 with PCIDs reads as "do not flush" but CR3 never holds
      | bit | mode          | cr3                |
      | 63  | AMD64         | 0x8000000000001000 |
      | 63  | AMD64 with NX | 0x8000000000001000 |

  @PGM-CR3-9 @profile:pgm-modes
  Scenario Outline: Without paging CR3 names no table (<mode> mode)
    Source: Intel SDM Vol. 3A, 4.1 "Paging Modes and Control Bits"
    When I ask for the guest table address of CR3 0x1000 in <mode> mode
    Then the call is rejected with NOT_IN_THIS_MODE

    @variant:real
    Examples: real mode
      | mode      |
      | real      |

    @variant:protected
    Examples: protected mode
      | mode      |
      | protected |

  @PGM-CR3-10 @profile:pgm-modes
  Scenario Outline: A long-mode table at or above 2^52 is refused (<table>)
    Source: Intel SDM Vol. 3A, 4.5 "4-Level Paging and 5-Level Paging"
    When I ask for the CR3 of an AMD64 table at <table>
    Then the call is rejected with CR3_OUT_OF_RANGE

    @variant:at-2-52
    Examples: exactly 2^52
      | table            |
      | 0x10000000000000 |

    @variant:top-bit
    Examples: bit 63 set
      | table              |
      | 0x8000000000001000 |
