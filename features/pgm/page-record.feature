Feature: The packed per-page record
  PGM keeps one 16-byte record for every guest page, in two 64-bit words, laid out as seed 000's final
  layout. Word 0 holds the host physical page frame in bits 47:12 and the 28-bit page id split around
  it: its low 12 bits in bits 11:0 and the rest in bits 63:48. Word 1 starts with the flags: bit 0 says
  the page is read-only, bits 3:1 hold the type (RESERVED 0, MMIO 1, MMIO2 2, ROM 3, shadowed ROM 4,
  RAM 5), bits 5:4 and 7:6 the physical and virtual handler states (none, read, write, all), bits 9:8
  the state (zero 0, shared 1, normal 2, write monitored 3) and bit 10 written-to. Its upper half is the
  tracking word of the shadow page tables that map the page. Reading the record is introspection: an
  implementation may keep its pages differently and skip these scenarios.

  @PGM-REC-1 @profile:pgm-introspection
  Scenario: A page record is two 64-bit words
    Source: 000_20bc3ec9f13f3511.txt, "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x0
    When I ask for the record at 0x1000
    Then the record at 0x1000 has 2 words

  @PGM-REC-2 @profile:pgm-introspection
  Scenario: Word 0 holds the host page frame of a private page in bits 47:12
    Source: 000_20bc3ec9f13f3511.txt, "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x0
    And the guest has written 0x1 to the 1 bytes at 0x3000
    When I ask for the record at 0x3000
    Then word 0 of the record at 0x3000 holds the page's host frame in bits 47:12

  @PGM-REC-3 @profile:pgm-introspection
  Scenario: Word 0 holds the page id split around the host frame
    Source: 000_20bc3ec9f13f3511.txt, "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x0
    And the guest has written 0x1 to the 1 bytes at 0x3000
    When I ask for the record at 0x3000
    Then word 0 of the record at 0x3000 holds the page id's low 12 bits in bits 11:0 and the rest in bits 63:48

  @PGM-REC-3 @profile:pgm-introspection
  Scenario: A zero page's record holds the nil page id, all 28 bits set
    Source: 000_20bc3ec9f13f3511.txt, "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x0
    When I ask for the record at 0x3000
    Then bits 11:0 of word 0 of the record at 0x3000 hold 0xFFF
    And bits 63:48 of word 0 of the record at 0x3000 hold 0xFFFF

  @PGM-REC-4 @profile:pgm-introspection
  Scenario Outline: Bits 3:1 of word 1 hold the type of a <type> page
    Source: 000_20bc3ec9f13f3511.txt, "Per-VM"
    Given a VM whose host can give it 16 pages
    And a <type> range of 8 KB at 0xD0000
    When I ask for the record at 0xD1000
    Then bits 3:1 of word 1 of the record at 0xD1000 hold <value>

    Examples:
      | type         | value |
      | RESERVED     | 0x0   |
      | MMIO         | 0x1   |
      | MMIO2        | 0x2   |
      | ROM          | 0x3   |
      | shadowed ROM | 0x4   |
      | RAM          | 0x5   |

  @PGM-REC-5 @profile:pgm-introspection
  Scenario Outline: Bits 9:8 of word 1 hold the state of a <state> page, bit 0 its read-only flag
    Source: 000_20bc3ec9f13f3511.txt, "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x0
    And the guest has written 0x1 to the 1 bytes at 0x1000
    And the guest has written 0x1 to the 1 bytes at 0x2000
    And the page at 0x2000 has been shared
    And the guest has written 0x1 to the 1 bytes at 0x4000
    And write monitoring has been armed
    And the guest has written 0x1 to the 1 bytes at 0x4000
    And the guest has written 0x1 to the 1 bytes at 0x5000
    When I ask for the record at <address>
    Then bits 9:8 of word 1 of the record at <address> hold <value>
    And bits 0:0 of word 1 of the record at <address> hold <read-only>

    Examples:
      | state           | address | value | read-only |
      | zero            | 0x3000  | 0x0   | 0x1       |
      | shared          | 0x2000  | 0x1   | 0x1       |
      | normal          | 0x5000  | 0x2   | 0x0       |
      | write monitored | 0x1000  | 0x3   | 0x1       |

  @PGM-REC-6 @profile:pgm-introspection
  Scenario Outline: Bit 10 of word 1 says whether the write-monitored page at <address> was written to
    Source: 000_20bc3ec9f13f3511.txt, "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x0
    And the guest has written 0x1 to the 1 bytes at 0x1000
    And the guest has written 0x1 to the 1 bytes at 0x2000
    And write monitoring has been armed
    And the guest has written 0x2 to the 1 bytes at 0x2000
    When I ask for the record at <address>
    Then bits 10:10 of word 1 of the record at <address> hold <written-to>

    Examples:
      | address | written-to |
      | 0x1000  | 0x0        |
      | 0x2000  | 0x1        |

  @PGM-REC-7 @profile:pgm-introspection
  Scenario: A page without access handlers has both handler fields at none
    Source: 000_20bc3ec9f13f3511.txt, "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x0
    And the guest has written 0x1 to the 1 bytes at 0x1000
    When I ask for the record at 0x1000
    Then bits 7:4 of word 1 of the record at 0x1000 hold 0x0

  @PGM-REC-8 @profile:pgm-introspection
  Scenario: Asking for the record of a page outside every range is refused
    Source: 000_20bc3ec9f13f3511.txt, "Per-VM"
    Given a VM whose host can give it 16 pages
    And a RAM range of 64 KB at 0x0
    When I ask for the record at 0x10000
    Then the call is rejected with VERR_PGM_INVALID_GC_PHYSICAL_ADDRESS
