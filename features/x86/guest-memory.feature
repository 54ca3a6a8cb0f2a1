Feature: x86 guest memory and bad input to the x86 MMU
  The MMU under test owns a guest RAM of a fixed size starting at physical address 0, which holds the
  paging structures. It reads and writes naturally aligned 4- and 8-byte little-endian words, and reads
  zero where nothing was written. Requests the processor could never make are refused with a typed status
  and change nothing: memory outside guest RAM, misaligned words, a walk that would read a paging entry
  outside guest RAM, an implicit access that fetches, an access before any register load, an impossible
  CPU model or RAM size. Each scenario here uses 16 MB of guest RAM unless it says otherwise.

  @X86-MEM-1 @profile:x86-paging @variant:eight-bytes @variant:four-bytes
  Scenario: An 8-byte word reads back whole and as two little-endian halves
    Source: Intel SDM Vol. 3A, 4.2 "Hierarchical Paging Structures: An Overview"
    When I write 0x1122334455667788 to the 8 bytes at physical 0x2000
    Then the 8 bytes at physical 0x2000 read 0x1122334455667788
    And the 4 bytes at physical 0x2000 read 0x55667788
    And the 4 bytes at physical 0x2004 read 0x11223344

  @X86-MEM-1 @profile:x86-paging @variant:four-bytes
  Scenario: A 4-byte write changes only its half of the 8-byte word
    Source: Intel SDM Vol. 3A, 4.2 "Hierarchical Paging Structures: An Overview"
    When I write 0x1122334455667788 to the 8 bytes at physical 0xfffff8
    And I write 0xaabbccdd to the 4 bytes at physical 0xfffffc
    Then the 8 bytes at physical 0xfffff8 read 0xaabbccdd55667788

  @X86-MEM-1 @profile:x86-paging
  Scenario: Neighbouring words of one page keep their own values
    Source: Intel SDM Vol. 3A, 4.2 "Hierarchical Paging Structures: An Overview"
    When I write 0x1111 to the 8 bytes at physical 0x2000
    And I write 0x2222 to the 8 bytes at physical 0x2040
    And I write 0x3333 to the 8 bytes at physical 0x2ff8
    Then the 8 bytes at physical 0x2000 read 0x1111
    And the 8 bytes at physical 0x2040 read 0x2222
    And the 8 bytes at physical 0x2ff8 read 0x3333
    And the 8 bytes at physical 0x3000 read 0x0

  @X86-MEM-1 @profile:x86-paging
  Scenario: RAM nobody wrote reads as zero
    Source: Intel SDM Vol. 3A, 4.2 "Hierarchical Paging Structures: An Overview"
    Then the 8 bytes at physical 0x800000 read 0x0
    And the 4 bytes at physical 0x0 read 0x0

  @X86-MEM-2 @profile:x86-paging
  Scenario Outline: Writing <width> bytes at <address> is refused with <status>
    Source: Intel SDM Vol. 3A, 4.2 "Hierarchical Paging Structures: An Overview"
    When I write 0xffffffff to the <width> bytes at physical <address>
    Then the call is rejected with <status>
    And the <width> bytes at physical <check> read 0x0

    @variant:write @variant:outside-ram @variant:misaligned @variant:four-bytes @variant:eight-bytes
    Examples:
      | width | address            | status                     | check    |
      | 8     | 0x1000000          | OUTSIDE_GUEST_RAM          | 0xfffff8 |
      | 4     | 0x1000000          | OUTSIDE_GUEST_RAM          | 0xfffffc |
      | 8     | 0x8000000000000000 | OUTSIDE_GUEST_RAM          | 0x0      |
      | 8     | 0x2004             | MISALIGNED_PHYSICAL_ACCESS | 0x2000   |
      | 4     | 0x2002             | MISALIGNED_PHYSICAL_ACCESS | 0x2000   |

  @X86-MEM-2 @profile:x86-paging
  Scenario Outline: Reading <width> bytes at <address> is refused with <status>
    Source: Intel SDM Vol. 3A, 4.2 "Hierarchical Paging Structures: An Overview"
    When I read the <width> bytes at physical <address>
    Then the call is rejected with <status>

    @variant:read @variant:outside-ram @variant:misaligned @variant:four-bytes @variant:eight-bytes
    Examples:
      | width | address   | status                     |
      | 8     | 0x1000000 | OUTSIDE_GUEST_RAM          |
      | 8     | 0x3001    | MISALIGNED_PHYSICAL_ACCESS |
      | 4     | 0xfffffe  | MISALIGNED_PHYSICAL_ACCESS |
      | 4     | 0x1000004 | OUTSIDE_GUEST_RAM          |

  @X86-MEM-3 @profile:x86-paging
  Scenario Outline: A walk whose <level> points outside guest RAM is refused and changes nothing
    Source: Intel SDM Vol. 3A, 4.2 "Hierarchical Paging Structures: An Overview"
    Given <mode> paging
    And a 4 KB page mapped at <address>
    And the <level> entry holds <value>
    When a supervisor read of <address> is made
    Then the call is rejected with OUTSIDE_GUEST_RAM
    And no paging entry changed

    @variant:table-entry @variant:level4 @variant:bits32 @variant:pae
    Examples:
      | mode    | level | value      | address            |
      | 4-level | PML4E | 0x2000007  | 0x7123456789ab     |
      | 4-level | PDE   | 0x40000007 | 0x7123456789ab     |
      | 32-bit  | PDE   | 0x2000007  | 0x12345678         |
      | PAE     | PDE   | 0x2000007  | 0xc7654321         |

    @variant:table-entry @variant:level5
    Examples: 5-level paging
      | mode    | level | value      | address            |
      | 5-level | PML5E | 0x3000007  | 0x00abcdef12345678 |

  @X86-MEM-3 @profile:x86-paging @variant:pae-pdpt-load @variant:pae
  Scenario: A PAE register load whose PDPT lies outside guest RAM is refused
    Source: Intel SDM Vol. 3A, 4.2 "Hierarchical Paging Structures: An Overview"
    When the control registers are loaded with CR0 0x80000001, CR3 0x2000000, CR4 0x20 and EFER 0x0
    Then the call is rejected with OUTSIDE_GUEST_RAM

  @X86-BAD-1 @profile:x86-paging
  Scenario Outline: An implicit supervisor fetch is refused in <mode> paging
    Source: Intel SDM Vol. 3A, 4.6 "Access Rights"
    Given <mode> paging
    And a 4 KB page mapped at <address>
    When an implicit supervisor fetch of <address> is made
    Then the call is rejected with INVALID_ACCESS
    And no paging entry changed

    @variant:bits32
    Examples: 32-bit paging
      | mode    | address        |
      | 32-bit  | 0x12345678     |

    @variant:level4
    Examples: 4-level paging
      | mode    | address        |
      | 4-level | 0x7123456789ab |

    @variant:pae
    Examples: PAE paging
      | mode    | address        |
      | PAE     | 0xc7654321     |

    @variant:unpaged
    Examples: no paging
      | mode    | address        |
      | no      | 0x12345678     |

  @X86-BAD-2 @profile:x86-paging
  Scenario: An access before any register load is refused
    Source: Intel SDM Vol. 3A, 4.1.1 "Four Paging Modes"
    When an access is made before any register load
    Then the call is rejected with NO_REGISTERS_LOADED

  @X86-BAD-3 @profile:x86-paging
  Scenario Outline: An MMU for MAXPHYADDR <m> with <ram> bytes of RAM is refused with <status>
    Source: Intel SDM Vol. 3A, 4.1.4 "Enumeration of Paging Features by CPUID"
    When I create an x86 MMU for MAXPHYADDR <m> with <ram> bytes of guest RAM
    Then the call is rejected with <status>

    @variant:maxphyaddr-below-32
    Examples: MAXPHYADDR too small
      | m  | ram          | status            |
      | 31 | 0x1000000    | INVALID_CPU_MODEL |

    @variant:maxphyaddr-above-52
    Examples: MAXPHYADDR too large
      | m  | ram          | status            |
      | 53 | 0x1000000    | INVALID_CPU_MODEL |

    @variant:no-ram
    Examples: no RAM
      | m  | ram          | status            |
      | 46 | 0x0          | INVALID_GUEST_RAM |

    @variant:partial-page
    Examples: RAM that ends inside a page
      | m  | ram          | status            |
      | 46 | 0x1800       | INVALID_GUEST_RAM |

    @variant:ram-beyond-maxphyaddr
    Examples: RAM beyond MAXPHYADDR
      | m  | ram          | status            |
      | 36 | 0x1000001000 | INVALID_GUEST_RAM |

  @X86-BAD-3 @profile:x86-paging
  Scenario Outline: An MMU for MAXPHYADDR <m> with <ram> bytes of RAM is created
    Source: Intel SDM Vol. 3A, 4.1.4 "Enumeration of Paging Features by CPUID"
    When I create an x86 MMU for MAXPHYADDR <m> with <ram> bytes of guest RAM
    Then the x86 MMU is created

    Examples:
      | m  | ram          |
      | 32 | 0x1000       |
      | 36 | 0x1000000000 |
      | 52 | 0x1000000    |
