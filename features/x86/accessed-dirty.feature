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

    @variant:level4 @variant:leaf-4k @variant:read @variant:fetch
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

    @variant:bits32 @variant:pae @variant:level5 @variant:leaf-4k @variant:read
    Examples:
      | mode    | top   | address            |
      | 32-bit  | PDE   | 0x12345678         |
      | PAE     | PDE   | 0xc7654321         |
      | 5-level | PML5E | 0x00abcdef12345678 |

  @X86-AD-1 @profile:x86-paging
  Scenario Outline: A successful <kind> through a <size> leaf sets A in every entry used (<mode> paging)
    Source: Intel SDM Vol. 3A, 4.8 "Accessed and Dirty Flags"
    Given <mode> paging
    And CR4.PSE is set
    And a <size> page mapped at <address> to frame <frame>
    When a user <kind> of <address> is made
    Then the <top> entry has A set and D clear
    And the <leaf> entry has A set and D <d>

    @variant:leaf-4m @variant:bits32 @variant:read
    Examples: a 4 MB leaf, the only entry
      | mode    | size | kind  | top   | leaf  | d     | address            | frame      |
      | 32-bit  | 4 MB | read  | PDE   | PDE   | clear | 0x12345678         | 0x40000000 |

    @variant:leaf-2m @variant:level4 @variant:level5 @variant:read @variant:write
    Examples: 2 MB leaves
      | mode    | size | kind  | top   | leaf  | d     | address            | frame      |
      | 4-level | 2 MB | read  | PML4E | PDE   | clear | 0x7123456789ab     | 0x40000000 |
      | 5-level | 2 MB | write | PML5E | PDE   | set   | 0x00abcdef12345678 | 0x40000000 |

    @variant:leaf-1g @variant:level4 @variant:fetch
    Examples: a 1 GB leaf
      | mode    | size | kind  | top   | leaf  | d     | address            | frame      |
      | 4-level | 1 GB | fetch | PML4E | PDPTE | clear | 0x7123456789ab     | 0x80000000 |

  @X86-AD-2 @profile:x86-paging
  Scenario Outline: A successful write sets D in the <size> leaf only (<mode> paging)
    Source: Intel SDM Vol. 3A, 4.8 "Accessed and Dirty Flags"
    Given <mode> paging
    And CR4.PSE is set
    And a <size> page mapped at <address> to frame <frame>
    When a supervisor write of <address> is made
    Then the <upper> entry has A set and D clear
    And the <leaf> entry has A set and D set

    @variant:write @variant:fresh-leaf @variant:leaf-4k @variant:bits32 @variant:level4
    Examples: 4 KB leaves
      | mode    | size | upper | leaf  | address            | frame      |
      | 32-bit  | 4 KB | PDE   | PTE   | 0x12345678         | 0x7000     |
      | 4-level | 4 KB | PDE   | PTE   | 0x7123456789ab     | 0x7000     |

    @variant:write @variant:fresh-leaf @variant:leaf-2m @variant:leaf-1g @variant:level4 @variant:level5
    Examples: large leaves
      | mode    | size | upper | leaf  | address            | frame      |
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

    @variant:leaf-4m @variant:bits32 @variant:read @variant:write @variant:fresh-leaf
    Examples: a 4 MB leaf
      | mode   | size | kind  | address    | d     |
      | 32-bit | 4 MB | read  | 0x12345678 | clear |
      | 32-bit | 4 MB | write | 0x12345678 | set   |

    @variant:leaf-2m @variant:pae @variant:fetch @variant:write @variant:fresh-leaf
    Examples: a 2 MB leaf in PAE paging
      | mode   | size | kind  | address    | d     |
      | PAE    | 2 MB | fetch | 0xc7654321 | clear |
      | PAE    | 2 MB | write | 0xc7654321 | set   |

  @X86-AD-2 @profile:x86-paging
  Scenario Outline: A <who> read through a <size> leaf sets A but never D, in the leaf or above it (<mode> paging)
    Source: Intel SDM Vol. 3A, 4.8 "Accessed and Dirty Flags"
    Given <mode> paging
    And a <size> page mapped at <address> to frame <frame>
    When a <who> read of <address> is made
    Then the access translates to <pa>
    And the <leaf> entry has A set and D clear
    And the <upper> entry has A set and D clear

    @variant:read @variant:leaf-2m @variant:pae @variant:level4 @variant:level5 @variant:fresh-leaf
    Examples: 2 MB leaves
      | mode    | who                 | size | leaf  | upper | address            | frame      | pa         |
      | PAE     | user                | 2 MB | PDE   | PDE   | 0xc7654321         | 0x40000000 | 0x40054321 |
      | 4-level | supervisor          | 2 MB | PDE   | PDPTE | 0x7123456789ab     | 0x40000000 | 0x400789ab |
      | 5-level | implicit supervisor | 2 MB | PDE   | PML5E | 0x00abcdef12345678 | 0x40000000 | 0x40145678 |

    @variant:read @variant:leaf-1g @variant:level4 @variant:level5 @variant:fresh-leaf
    Examples: 1 GB leaves
      | mode    | who                 | size | leaf  | upper | address            | frame      | pa         |
      | 4-level | user                | 1 GB | PDPTE | PML4E | 0x7123456789ab     | 0x80000000 | 0x856789ab |
      | 5-level | supervisor          | 1 GB | PDPTE | PML4E | 0x00abcdef12345678 | 0x80000000 | 0x92345678 |

  @X86-AD-2 @profile:x86-paging
  Scenario Outline: A write through a <size> leaf that is already accessed but clean sets D in it (<mode> paging)
    Source: Intel SDM Vol. 3A, 4.8 "Accessed and Dirty Flags"
    Given <mode> paging
    And CR4.PSE is set
    And a <size> page mapped at <address> to frame <frame>
    And the <leaf> entry is P RW US A
    When a supervisor write of <address> is made
    Then the access translates to <pa>
    And the <leaf> entry has A set and D set

    @variant:write @variant:accessed-leaf @variant:leaf-4k @variant:level4
    Examples: a 4 KB leaf
      | mode    | size | leaf  | address            | frame      | pa         |
      | 4-level | 4 KB | PTE   | 0x7123456789ab     | 0x7000     | 0x79ab     |

    @variant:write @variant:accessed-leaf @variant:leaf-4m @variant:bits32
    Examples: a 4 MB leaf
      | mode    | size | leaf  | address            | frame      | pa         |
      | 32-bit  | 4 MB | PDE   | 0x12345678         | 0x40000000 | 0x40345678 |

    @variant:write @variant:accessed-leaf @variant:leaf-2m @variant:pae
    Examples: a 2 MB leaf
      | mode    | size | leaf  | address            | frame      | pa         |
      | PAE     | 2 MB | PDE   | 0xc7654321         | 0x40000000 | 0x40054321 |

    @variant:write @variant:accessed-leaf @variant:leaf-1g @variant:level5
    Examples: a 1 GB leaf
      | mode    | size | leaf  | address            | frame      | pa         |
      | 5-level | 1 GB | PDPTE | 0x00abcdef12345678 | 0x80000000 | 0x92345678 |

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

    @variant:leaf-4k @variant:protection-fault @variant:user @variant:supervisor @variant:read @variant:write @variant:fetch
    Examples:
      | who        | kind  | flags      | error   |
      | supervisor | write | P US       | P\|W     |
      | user       | read  | P RW       | P\|U     |
      | supervisor | fetch | P RW US    | P\|ID    |
      | user       | fetch | P RW US XD | P\|U\|ID  |

  @X86-AD-3 @profile:x86-paging
  Scenario Outline: A <who> <kind> that faults on a <size> leaf (<cause>) leaves the leaf unchanged
    Source: Intel SDM Vol. 3A, 4.8 "Accessed and Dirty Flags"
    Given <mode> paging
    And CR0.WP, CR4.SMEP and EFER.NXE are set
    And a <size> page mapped at <address> to frame <frame>
    And the <leaf> entry is <flags>
    And the <leaf> entry also has bit <bit> set
    When a <who> <kind> of <address> is made
    Then the access page-faults with error code <error>
    And the <leaf> entry has A clear and D clear

    @variant:leaf-2m @variant:protection-fault @variant:reserved-bit-fault @variant:user @variant:supervisor @variant:write @variant:read
    Examples: a 2 MB leaf
      | mode    | size | leaf  | frame      | address            | cause         | flags   | bit | who        | kind  | error      |
      | 4-level | 2 MB | PDE   | 0x40000000 | 0x7123456789ab     | read-only     | P US    | 9   | supervisor | write | P\|W       |
      | PAE     | 2 MB | PDE   | 0x40000000 | 0xc7654321         | reserved bit  | P RW US | 13  | user       | read  | P\|U\|RSVD  |

    @variant:leaf-1g @variant:protection-fault @variant:reserved-bit-fault @variant:user @variant:supervisor @variant:read @variant:write @variant:fetch
    Examples: a 1 GB leaf
      | mode    | size | leaf  | frame      | address            | cause         | flags   | bit | who        | kind  | error      |
      | 4-level | 1 GB | PDPTE | 0x80000000 | 0x7123456789ab     | supervisor page | P RW  | 9   | user       | read  | P\|U       |
      | 4-level | 1 GB | PDPTE | 0x80000000 | 0x7123456789ab     | SMEP          | P RW US | 9   | supervisor | fetch | P\|ID      |
      | 5-level | 1 GB | PDPTE | 0x80000000 | 0x00abcdef12345678 | reserved bit  | P RW US | 13  | supervisor | write | P\|W\|RSVD  |

    @variant:leaf-4k @variant:reserved-bit-fault @variant:user @variant:write
    Examples: a 4 KB leaf with a reserved bit
      | mode    | size | leaf  | frame      | address            | cause         | flags   | bit | who        | kind  | error      |
      | 4-level | 4 KB | PTE   | 0x7000     | 0x7123456789ab     | reserved bit  | P RW US | 51  | user       | write | P\|W\|U\|RSVD |

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

    @variant:pte @variant:protection-fault
    Examples: a read-only leaf
      | level | flags       | error     |
      | PTE   | P US        | P\|W\|U    |

    @variant:pde @variant:not-present-fault
    Examples: a not-present PDE
      | level | flags       | error     |
      | PDE   | not present | W\|U       |

    @variant:pdpte @variant:protection-fault
    Examples: a supervisor-only PDPTE
      | level | flags       | error     |
      | PDPTE | P RW        | P\|W\|U    |

  @X86-AD-4 @profile:x86-paging
  Scenario Outline: A reserved-bit fault at the <level> changes no entry at all
    Source: Intel SDM Vol. 3A, 4.8 "Accessed and Dirty Flags"
    Given 4-level paging
    And a 4 KB page mapped at 0x7123456789ab
    And the <level> entry also has bit <bit> set
    When a user write of 0x7123456789ab is made
    Then the access page-faults with error code P|W|U|RSVD
    And no paging entry changed

    @variant:reserved-bit-fault @variant:pte @variant:pde
    Examples:
      | level | bit |
      | PTE   | 50  |
      | PDE   | 47  |

  @X86-AD-5 @profile:x86-paging
  Scenario Outline: Repeating a <who> <kind> gives the same outcome and memory (<mode> paging)
    Source: Intel SDM Vol. 3A, 4.8 "Accessed and Dirty Flags"
    Given <mode> paging
    And a 4 KB page mapped at <address>
    When a <who> <kind> of <address> is made twice
    Then the second access has the same outcome and leaves memory as the first did

    @variant:translated @variant:bits32 @variant:pae @variant:level4 @variant:level5 @variant:read @variant:write @variant:fetch
    Examples:
      | mode    | who        | kind  | address            |
      | 32-bit  | user       | write | 0x12345678         |
      | PAE     | supervisor | read  | 0xc7654321         |
      | 4-level | user       | write | 0x7123456789ab     |
      | 5-level | supervisor | fetch | 0x00abcdef12345678 |

  @X86-AD-5 @profile:x86-paging
  Scenario Outline: Repeating a <who> <kind> that faults gives the same fault and changes nothing more (<mode> paging)
    Source: Intel SDM Vol. 3A, 4.8 "Accessed and Dirty Flags"
    Given <mode> paging
    And CR0.WP is set
    And a 4 KB page mapped at <address>
    And the PTE entry is P
    When a <who> <kind> of <address> is made twice
    Then the second access has the same outcome and leaves memory as the first did

    @variant:faulting @variant:level4 @variant:pae @variant:write @variant:read
    Examples:
      | mode    | who        | kind  | address            |
      | 4-level | supervisor | write | 0x7123456789ab     |
      | PAE     | user       | read  | 0xc7654321         |

  @X86-AD-5 @profile:x86-paging @variant:translated @variant:level4 @variant:read
  Scenario: A and D already set in the leaf stay set after a read
    Source: Intel SDM Vol. 3A, 4.8 "Accessed and Dirty Flags"
    Given 4-level paging
    And a 4 KB page mapped at 0x7123456789ab
    And the PTE entry is P RW US A D
    When a user read of 0x7123456789ab is made
    Then the PTE entry has A set and D set
