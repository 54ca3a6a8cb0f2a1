Feature: x86 access rights: R/W, U/S and execute-disable along the whole walk
  Every entry a walk uses has a say in what the access may do. The translation is writable only if
  every entry's R/W bit is 1, and the address is a user-mode address only if every entry's U/S bit is 1;
  with EFER.NXE set one XD bit anywhere makes it non-executable (32-bit paging has no XD bit). A user-mode
  access needs a user-mode address, and a user-mode write needs a writable translation. A supervisor-mode
  write to a read-only translation is allowed while CR0.WP is clear and refused while it is set. A refused
  access is a page fault with P=1. In this feature the mapping's other entries permit everything.

  @X86-AR-1 @profile:x86-paging
  Scenario Outline: R/W clear in the <level> makes the <mode> translation read-only
    Source: Intel SDM Vol. 3A, 4.6.1 "Determination of Access Rights"
    Given <mode> paging
    And CR0.WP is set
    And a 4 KB page mapped at <address>
    And the <level> entry is P US
    When a supervisor write of <address> is made
    Then the access page-faults with error code P|W

    @variant:bits32 @variant:pae @variant:pde @variant:leaf-4k
    Examples: the page directory above a 4 KB page
      | mode    | level | address            |
      | 32-bit  | PDE   | 0x12345678         |
      | PAE     | PDE   | 0xc7654321         |

    @variant:level4 @variant:pml4e @variant:pdpte @variant:leaf-4k
    Examples: upper IA-32e levels
      | mode    | level | address            |
      | 4-level | PML4E | 0x7123456789ab     |
      | 4-level | PDPTE | 0x7123456789ab     |

    @variant:level5 @variant:pml5e @variant:pte @variant:leaf-4k
    Examples: the top and the leaf of a 5-level walk
      | mode    | level | address            |
      | 5-level | PML5E | 0x00abcdef12345678 |
      | 5-level | PTE   | 0x00abcdef12345678 |

  @X86-AR-1 @profile:x86-paging
  Scenario Outline: R/W clear in the <level> makes a <size> page read-only (<mode> paging)
    Source: Intel SDM Vol. 3A, 4.6.1 "Determination of Access Rights"
    Given <mode> paging
    And CR0.WP and CR4.PSE are set
    And a <size> page mapped at <address> to frame <frame>
    And the <level> entry is P US
    When a supervisor write of <address> is made
    Then the access page-faults with error code P|W
    And no paging entry changed but A in the non-leaf entries walked before the fault

    @variant:leaf-4m @variant:bits32 @variant:pde
    Examples: a 4 MB leaf
      | mode    | size | level | address            | frame      |
      | 32-bit  | 4 MB | PDE   | 0x12345678         | 0x40000000 |

    @variant:leaf-2m @variant:level4 @variant:pdpte @variant:pde
    Examples: a 2 MB leaf, R/W clear in the leaf or above it
      | mode    | size | level | address            | frame      |
      | 4-level | 2 MB | PDPTE | 0x7123456789ab     | 0x40000000 |
      | 4-level | 2 MB | PDE   | 0x7123456789ab     | 0x40000000 |

    @variant:leaf-1g @variant:level5 @variant:pml5e @variant:pml4e @variant:pdpte
    Examples: a 1 GB leaf, R/W clear in the leaf or above it
      | mode    | size | level | address            | frame      |
      | 5-level | 1 GB | PML5E | 0x00abcdef12345678 | 0x80000000 |
      | 5-level | 1 GB | PML4E | 0x00abcdef12345678 | 0x80000000 |
      | 5-level | 1 GB | PDPTE | 0x00abcdef12345678 | 0x80000000 |

  @X86-AR-1 @profile:x86-paging
  Scenario Outline: With R/W set everywhere the <mode> translation is writable
    Source: Intel SDM Vol. 3A, 4.6.1 "Determination of Access Rights"
    Given <mode> paging
    And CR0.WP and EFER.NXE are set
    And a 4 KB page mapped at <address> to frame 0x7000
    When a user write of <address> is made
    Then the effective rights are writable, user, executable with key 0

    @variant:pae @variant:level5 @variant:leaf-4k
    Examples:
      | mode    | address            |
      | PAE     | 0xc7654321         |
      | 5-level | 0x00abcdef12345678 |

  @X86-AR-2 @profile:x86-paging
  Scenario Outline: U/S clear in the <level> makes the address a supervisor-mode address
    Source: Intel SDM Vol. 3A, 4.6.1 "Determination of Access Rights"
    Given <mode> paging
    And a 4 KB page mapped at <address>
    And the <level> entry is P RW
    When a supervisor read of <address> is made
    Then the effective rights are writable, supervisor, executable with key 0

    @variant:bits32 @variant:pae @variant:pde @variant:pte @variant:leaf-4k
    Examples: 32-bit and PAE paging
      | mode    | level | address            |
      | 32-bit  | PDE   | 0x12345678         |
      | PAE     | PTE   | 0xc7654321         |

    @variant:level4 @variant:level5 @variant:pml5e @variant:pml4e @variant:pdpte @variant:pde @variant:leaf-4k
    Examples: IA-32e paging, every upper level
      | mode    | level | address            |
      | 4-level | PML4E | 0x7123456789ab     |
      | 4-level | PDPTE | 0x7123456789ab     |
      | 5-level | PML5E | 0x00abcdef12345678 |
      | 5-level | PDE   | 0x00abcdef12345678 |

  @X86-AR-2 @profile:x86-paging
  Scenario Outline: U/S clear in the <level> makes a <size> page a supervisor-mode address that a user read may not use
    Source: Intel SDM Vol. 3A, 4.6.1 "Determination of Access Rights"
    Given <mode> paging
    And CR4.PSE is set
    And a <size> page mapped at <address> to frame <frame>
    And the <level> entry is P RW
    When a supervisor read of <address> is made
    Then the effective rights are writable, supervisor, executable with key 0
    When a user read of <address> is made
    Then the access page-faults with error code P|U

    @variant:leaf-4m @variant:bits32 @variant:pde
    Examples: a 4 MB leaf
      | mode    | size | level | address            | frame      |
      | 32-bit  | 4 MB | PDE   | 0x12345678         | 0x40000000 |

    @variant:leaf-2m @variant:pae @variant:level4 @variant:pdpte @variant:pde @variant:pml4e
    Examples: 2 MB leaves, U/S clear in the leaf or above it
      | mode    | size | level | address            | frame      |
      | PAE     | 2 MB | PDE   | 0xc7654321         | 0x40000000 |
      | 4-level | 2 MB | PDPTE | 0x7123456789ab     | 0x40000000 |
      | 4-level | 2 MB | PML4E | 0x7123456789ab     | 0x40000000 |

    @variant:leaf-1g @variant:level4 @variant:level5 @variant:pml4e @variant:pdpte @variant:pml5e
    Examples: 1 GB leaves, U/S clear in the leaf or above it
      | mode    | size | level | address            | frame      |
      | 4-level | 1 GB | PML4E | 0x7123456789ab     | 0x80000000 |
      | 5-level | 1 GB | PML5E | 0x00abcdef12345678 | 0x80000000 |
      | 5-level | 1 GB | PDPTE | 0x00abcdef12345678 | 0x80000000 |

  @X86-AR-3 @profile:x86-paging
  Scenario Outline: XD in the <level> makes the translation non-executable
    Source: Intel SDM Vol. 3A, 4.6.1 "Determination of Access Rights"
    Given <mode> paging
    And EFER.NXE is set
    And a 4 KB page mapped at <address>
    And the <level> entry is P RW US XD
    When a supervisor fetch of <address> is made
    Then the access page-faults with error code P|ID

    @variant:pae @variant:pde @variant:leaf-4k
    Examples: PAE paging
      | mode    | level | address            |
      | PAE     | PDE   | 0xc7654321         |

    @variant:level4 @variant:pml4e @variant:pdpte @variant:leaf-4k
    Examples: 4-level paging
      | mode    | level | address            |
      | 4-level | PML4E | 0x7123456789ab     |
      | 4-level | PDPTE | 0x7123456789ab     |

    @variant:level5 @variant:pml5e @variant:pte @variant:leaf-4k
    Examples: 5-level paging
      | mode    | level | address            |
      | 5-level | PML5E | 0x00abcdef12345678 |
      | 5-level | PTE   | 0x00abcdef12345678 |

  @X86-AR-3 @profile:x86-paging
  Scenario Outline: XD in the <level> makes a <size> page non-executable (<mode> paging)
    Source: Intel SDM Vol. 3A, 4.6.1 "Determination of Access Rights"
    Given <mode> paging
    And EFER.NXE is set
    And a <size> page mapped at <address> to frame <frame>
    And the <level> entry is P RW US XD
    When a user fetch of <address> is made
    Then the access page-faults with error code P|U|ID
    And no paging entry changed but A in the non-leaf entries walked before the fault

    @variant:leaf-2m @variant:pae @variant:level4 @variant:pdpte @variant:pde
    Examples: 2 MB leaves, XD in the leaf or above it
      | mode    | size | level | address            | frame      |
      | PAE     | 2 MB | PDE   | 0xc7654321         | 0x40000000 |
      | 4-level | 2 MB | PDPTE | 0x7123456789ab     | 0x40000000 |

    @variant:leaf-1g @variant:level4 @variant:level5 @variant:pml4e @variant:pdpte @variant:pml5e
    Examples: 1 GB leaves, XD in the leaf or above it
      | mode    | size | level | address            | frame      |
      | 4-level | 1 GB | PML4E | 0x7123456789ab     | 0x80000000 |
      | 5-level | 1 GB | PML5E | 0x00abcdef12345678 | 0x80000000 |
      | 5-level | 1 GB | PDPTE | 0x00abcdef12345678 | 0x80000000 |

  @X86-AR-4 @profile:x86-paging
  Scenario Outline: A user <kind> of a supervisor-mode address faults (<mode> paging)
    Source: Intel SDM Vol. 3A, 4.6.1 "Determination of Access Rights"
    Given <mode> paging
    And a 4 KB page mapped at <address>
    And the PTE entry is P RW
    When a user <kind> of <address> is made
    Then the access page-faults with error code <error>

    @variant:bits32 @variant:read @variant:write
    Examples: 32-bit paging
      | mode    | kind  | address            | error  |
      | 32-bit  | read  | 0x12345678         | P\|U    |
      | 32-bit  | write | 0x12345678         | P\|W\|U  |

    @variant:pae @variant:fetch
    Examples: PAE paging
      | mode    | kind  | address            | error  |
      | PAE     | fetch | 0xc7654321         | P\|U    |

    @variant:level4 @variant:read
    Examples: 4-level paging
      | mode    | kind  | address            | error  |
      | 4-level | read  | 0x7123456789ab     | P\|U    |

    @variant:level5 @variant:write @variant:fetch
    Examples: 5-level paging
      | mode    | kind  | address            | error  |
      | 5-level | write | 0x00abcdef12345678 | P\|W\|U  |
      | 5-level | fetch | 0x00abcdef12345678 | P\|U    |

  @X86-AR-5 @profile:x86-paging
  Scenario Outline: A user write to a read-only page faults with CR0.WP <wp>
    Source: Intel SDM Vol. 3A, 4.6.1 "Determination of Access Rights"
    Given 4-level paging
    And <bits> are set
    And a 4 KB page mapped at 0x7123456789ab
    And the PTE entry is P US
    When a user write of 0x7123456789ab is made
    Then the access page-faults with error code P|W|U

    @variant:wp-clear
    Examples: CR0.WP clear
      | wp    | bits               |
      | clear | EFER.NXE           |

    @variant:wp-set
    Examples: CR0.WP set
      | wp    | bits               |
      | set   | CR0.WP and EFER.NXE |

  @X86-AR-6 @profile:x86-paging
  Scenario Outline: A supervisor write to a read-only <page> page with CR0.WP clear succeeds and sets D
    Source: Intel SDM Vol. 3A, 4.6.1 "Determination of Access Rights"
    Given <mode> paging
    And a 4 KB page mapped at <address> to frame 0x7000
    And the PTE entry is <flags>
    When a supervisor write of <address> is made
    Then the access translates to <pa>
    And the PTE entry has A set and D set

    @variant:wp-clear @variant:supervisor @variant:supervisor-page @variant:user-page @variant:leaf-4k
    Examples:
      | mode    | page       | flags | address        | pa     |
      | 32-bit  | supervisor | P     | 0x12345678     | 0x7678 |
      | PAE     | user       | P US  | 0xc7654321     | 0x7321 |
      | 4-level | supervisor | P     | 0x7123456789ab | 0x79ab |

  @X86-AR-6 @profile:x86-paging @variant:wp-clear @variant:implicit-supervisor @variant:supervisor-page @variant:leaf-4k
  Scenario: An implicit supervisor write to a read-only page with CR0.WP clear succeeds and sets D
    Source: Intel SDM Vol. 3A, 4.6.1 "Determination of Access Rights"
    Given 4-level paging
    And a 4 KB page mapped at 0x7123456789ab to frame 0x7000
    And the PTE entry is P
    When an implicit supervisor write of 0x7123456789ab is made
    Then the access translates to 0x79ab
    And the PTE entry has A set and D set

  @X86-AR-6 @profile:x86-paging
  Scenario Outline: A supervisor write to a read-only <size> leaf with CR0.WP clear succeeds and sets D in it (<mode> paging)
    Source: Intel SDM Vol. 3A, 4.6.1 "Determination of Access Rights"
    Given <mode> paging
    And CR4.PSE is set
    And a <size> page mapped at <address> to frame <frame>
    And the <leaf> entry is P
    When a supervisor write of <address> is made
    Then the access translates to <pa>
    And the <leaf> entry has A set and D set

    @variant:leaf-4m @variant:wp-clear @variant:supervisor @variant:supervisor-page
    Examples: a 4 MB leaf
      | mode    | size | leaf  | address            | frame      | pa         |
      | 32-bit  | 4 MB | PDE   | 0x12345678         | 0x40000000 | 0x40345678 |

    @variant:leaf-2m @variant:wp-clear @variant:supervisor @variant:supervisor-page
    Examples: a 2 MB leaf
      | mode    | size | leaf  | address            | frame      | pa         |
      | PAE     | 2 MB | PDE   | 0xc7654321         | 0x40000000 | 0x40054321 |

    @variant:leaf-1g @variant:wp-clear @variant:supervisor @variant:supervisor-page
    Examples: a 1 GB leaf
      | mode    | size | leaf  | address            | frame      | pa         |
      | 4-level | 1 GB | PDPTE | 0x7123456789ab     | 0x80000000 | 0x856789ab |

  @X86-AR-6 @profile:x86-paging
  Scenario Outline: A <who> write to a read-only page with CR0.WP set faults
    Source: Intel SDM Vol. 3A, 4.6.1 "Determination of Access Rights"
    Given <mode> paging
    And CR0.WP is set
    And a 4 KB page mapped at <address>
    And the PTE entry is P
    When a <who> write of <address> is made
    Then the access page-faults with error code P|W
    And no paging entry changed but A in the non-leaf entries walked before the fault

    @variant:wp-set @variant:supervisor @variant:implicit-supervisor @variant:supervisor-page @variant:leaf-4k
    Examples:
      | mode    | who                 | address        |
      | 32-bit  | supervisor          | 0x12345678     |
      | 4-level | supervisor          | 0x7123456789ab |
      | 4-level | implicit supervisor | 0x7123456789ab |

  @X86-AR-7 @profile:x86-paging
  Scenario Outline: A <who> <kind> of a non-executable page succeeds
    Source: Intel SDM Vol. 3A, 4.6.1 "Determination of Access Rights"
    Given <mode> paging
    And EFER.NXE is set
    And a 4 KB page mapped at <address> to frame 0x7000
    And the PTE entry is P RW US XD
    When a <who> <kind> of <address> is made
    Then the access translates to <pa>
    And the effective rights are writable, user, non-executable with key 0

    @variant:user @variant:read @variant:write
    Examples: user reads and writes
      | mode    | who                 | kind  | address        | pa     |
      | PAE     | user                | read  | 0xc7654321     | 0x7321 |
      | 4-level | user                | write | 0x7123456789ab | 0x79ab |

    @variant:implicit-supervisor @variant:read
    Examples: an implicit supervisor read
      | mode    | who                 | kind  | address        | pa     |
      | 4-level | implicit supervisor | read  | 0x7123456789ab | 0x79ab |

    @variant:supervisor @variant:write
    Examples: an explicit supervisor write
      | mode    | who                 | kind  | address            | pa     |
      | 5-level | supervisor          | write | 0x00abcdef12345678 | 0x7678 |

  @X86-AR-8 @profile:x86-paging
  Scenario Outline: 32-bit paging: a <who> fetch is allowed wherever a read is (<flags>)
    Source: Intel SDM Vol. 3A, 4.6.1 "Determination of Access Rights"
    Given 32-bit paging
    And EFER.NXE is set
    And a 4 KB page mapped at 0x12345678 to frame 0x7000
    And the PTE entry is <flags>
    When a <who> fetch of 0x12345678 is made
    Then the access translates to 0x7678
    And the effective rights are <rights> with key 0

    @variant:user @variant:supervisor @variant:nxe-set @variant:leaf-4k
    Examples:
      | who        | flags | rights                         |
      | user       | P US  | read-only, user, executable    |
      | supervisor | P     | read-only, supervisor, executable |

  @X86-AR-8 @profile:x86-paging
  Scenario Outline: 32-bit paging: a <who> fetch through a <size> page with EFER.NXE <nxe> is allowed wherever a read is
    Source: Intel SDM Vol. 3A, 4.6.1 "Determination of Access Rights"
    Given 32-bit paging
    And <bits> are set
    And a <size> page mapped at 0x12345678 to frame <frame>
    When a <who> fetch of 0x12345678 is made
    Then the access translates to <pa>
    And the effective rights are writable, user, executable with key 0

    @variant:nxe-clear @variant:leaf-4k @variant:user
    Examples: EFER.NXE clear
      | who        | nxe   | bits    | size | frame      | pa         |
      | user       | clear | CR0.WP  | 4 KB | 0x7000     | 0x7678     |

    @variant:nxe-set @variant:leaf-4m @variant:supervisor
    Examples: a 4 MB page with EFER.NXE set
      | who        | nxe   | bits                | size | frame      | pa         |
      | supervisor | set   | CR4.PSE and EFER.NXE | 4 MB | 0x40000000 | 0x40345678 |

  @X86-AR-9 @profile:x86-paging
  Scenario Outline: An implicit supervisor <kind> of a supervisor-mode address is allowed like any supervisor access (<mode> paging)
    Source: Intel SDM Vol. 3A, 4.6.1 "Determination of Access Rights"
    Given <mode> paging
    And CR0.WP is set
    And a 4 KB page mapped at <address> to frame 0x7000
    And the PTE entry is P RW
    When an implicit supervisor <kind> of <address> is made
    Then the access translates to <pa>
    And the effective rights are writable, supervisor, executable with key 0

    @variant:read @variant:bits32
    Examples: a read in 32-bit paging
      | mode    | kind  | address            | pa     |
      | 32-bit  | read  | 0x12345678         | 0x7678 |

    @variant:write @variant:level4 @variant:pae
    Examples: writes
      | mode    | kind  | address            | pa     |
      | 4-level | write | 0x7123456789ab     | 0x79ab |
      | PAE     | write | 0xc7654321         | 0x7321 |
