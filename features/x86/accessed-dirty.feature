Feature: x86 accessed and dirty flags
  The processor records use of the paging structures in memory. A successful access sets the accessed
  flag (A, bit 5) in every entry the walk used, from the top to the leaf; a successful write also sets the
  dirty flag (D, bit 6), but only in the leaf, the entry that maps the page. The PAE PDPTE registers are
  the exception: no flag is ever set in a PDPTE. The flags are sticky: the processor never clears them. A
  faulting access must leave the leaf as it was. The SDM allows a faulting walk to set A in upper entries;
  the kit asks, as a SHOULD, that it change nothing (interpretation I-X86-1); the fault scenarios of every
  other rule accept that A and check only that nothing else changed.

  @X86-AD-1 @profile:x86-paging
  Scenario Outline: A successful <kind> sets A in every entry of a 4-level walk
    Source: Intel SDM Vol. 3A, 4.8 "Accessed and Dirty Flags"
    Given 4-level paging
    And EFER.NXE is set
    And a 4 KB page mapped at 0x7123456789ab
    When a user <kind> of 0x7123456789ab is made
    Then the PML4E entry has A set and D clear
    And the PDPTE entry has A set and D clear
    And the PDE entry has A set and D clear
    And the PTE entry has A set and D clear

    Examples:
      | kind  |
      | read  |
      | fetch |

  @X86-AD-1 @profile:x86-paging
  Scenario Outline: A successful read sets A in every entry used in <mode> paging
    Source: Intel SDM Vol. 3A, 4.8 "Accessed and Dirty Flags"
    Given <mode> paging
    And a 4 KB page mapped at <address>
    When a supervisor read of <address> is made
    Then the <top> entry has A set and D clear
    And the PTE entry has A set and D clear

    Examples:
      | mode    | top   | address            |
      | 32-bit  | PDE   | 0x12345678         |
      | PAE     | PDE   | 0xc7654321         |
      | 5-level | PML5E | 0x00abcdef12345678 |

  @X86-AD-2 @profile:x86-paging
  Scenario Outline: A successful write sets D in the <size> leaf only (<mode> paging)
    Source: Intel SDM Vol. 3A, 4.8 "Accessed and Dirty Flags"
    Given <mode> paging
    And CR4.PSE is set
    And a <size> page mapped at <address> to frame <frame>
    When a supervisor write of <address> is made
    Then the <upper> entry has A set and D clear
    And the <leaf> entry has A set and D set

    Examples:
      | mode    | size | upper | leaf  | address            | frame      |
      | 32-bit  | 4 KB | PDE   | PTE   | 0x12345678         | 0x7000     |
      | 4-level | 4 KB | PDE   | PTE   | 0x7123456789ab     | 0x7000     |
      | 4-level | 2 MB | PDPTE | PDE   | 0x7123456789ab     | 0x40000000 |
      | 4-level | 1 GB | PML4E | PDPTE | 0x7123456789ab     | 0x80000000 |
      | 5-level | 2 MB | PML5E | PDE   | 0x00abcdef12345678 | 0x40000000 |

  @X86-AD-2 @profile:x86-paging
  Scenario Outline: A <kind> through a <size> leaf sets A but not D in it (<mode> paging)
    Source: Intel SDM Vol. 3A, 4.8 "Accessed and Dirty Flags"
    Given <mode> paging
    And CR4.PSE is set
    And a <size> page mapped at <address> to frame 0x40000000
    When a user <kind> of <address> is made
    Then the PDE entry has A set and D <d>

    Examples:
      | mode   | size | kind  | address    | d     |
      | 32-bit | 4 MB | read  | 0x12345678 | clear |
      | 32-bit | 4 MB | write | 0x12345678 | set   |
      | PAE    | 2 MB | fetch | 0xc7654321 | clear |
      | PAE    | 2 MB | write | 0xc7654321 | set   |

  @X86-AD-3 @profile:x86-paging
  Scenario Outline: A <who> <kind> that faults on the leaf leaves the leaf unchanged
    Source: Intel SDM Vol. 3A, 4.8 "Accessed and Dirty Flags"
    Given 4-level paging
    And CR0.WP, CR4.SMEP and EFER.NXE are set
    And a 4 KB page mapped at 0x7123456789ab
    And the PTE entry is <flags>
    When a <who> <kind> of 0x7123456789ab is made
    Then the access page-faults with error code <error>
    And the PTE entry has A clear and D clear

    Examples:
      | who        | kind  | flags      | error   |
      | supervisor | write | P US       | P\|W     |
      | user       | read  | P RW       | P\|U     |
      | supervisor | fetch | P RW US    | P\|ID    |
      | user       | fetch | P RW US XD | P\|U\|ID  |

  @X86-AD-4 @profile:x86-paging
  Scenario Outline: A fault at the <level> changes no entry at all (<error>)
    Source: Intel SDM Vol. 3A, 4.8 "Accessed and Dirty Flags"
    Given 4-level paging
    And CR0.WP is set
    And a 4 KB page mapped at 0x7123456789ab
    And the <level> entry is <flags>
    When a user write of 0x7123456789ab is made
    Then the access page-faults with error code <error>
    And no paging entry changed

    Examples:
      | level | flags       | error     |
      | PTE   | P US        | P\|W\|U    |
      | PDE   | not present | W\|U       |
      | PDPTE | P RW        | P\|W\|U    |

  @X86-AD-5 @profile:x86-paging
  Scenario Outline: Repeating a <who> <kind> gives the same outcome and memory (<mode> paging)
    Source: Intel SDM Vol. 3A, 4.8 "Accessed and Dirty Flags"
    Given <mode> paging
    And a 4 KB page mapped at <address>
    When a <who> <kind> of <address> is made twice
    Then the second access has the same outcome and leaves memory as the first did

    Examples:
      | mode    | who        | kind  | address            |
      | 32-bit  | user       | write | 0x12345678         |
      | PAE     | supervisor | read  | 0xc7654321         |
      | 4-level | user       | write | 0x7123456789ab     |
      | 5-level | supervisor | fetch | 0x00abcdef12345678 |

  @X86-AD-5 @profile:x86-paging
  Scenario: A and D already set in the leaf stay set after a read
    Source: Intel SDM Vol. 3A, 4.8 "Accessed and Dirty Flags"
    Given 4-level paging
    And a 4 KB page mapped at 0x7123456789ab
    And the PTE entry is P RW US A D
    When a user read of 0x7123456789ab is made
    Then the PTE entry has A set and D set
