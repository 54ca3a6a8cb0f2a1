Feature: x86 protection keys: PKRU for user pages, IA32_PKRS for supervisor pages
  In IA-32e mode each leaf entry carries a 4-bit protection key in bits 62:59. With CR4.PKE set, the key
  of a user-mode address selects two bits of PKRU: access-disable (bit 2i) forbids every data access,
  from supervisor mode too, and write-disable (bit 2i+1) forbids writes by user-mode accesses, and by
  supervisor-mode accesses while CR0.WP is set. CR4.PKS does the same for supervisor-mode addresses with
  the IA32_PKRS MSR. Keys never affect instruction fetches, keys in non-leaf entries mean nothing, and
  outside IA-32e mode the keys do nothing at all. A fault caused by a key has the PK bit in its error code.

  @X86-PK-1 @profile:x86-paging
  Scenario Outline: PKRU access-disable for key <key> stops a <who> <kind> of a user page
    Source: Intel SDM Vol. 3A, 4.6.2 "Protection Keys"
    Given <mode> paging
    And CR4.PKE is set
    And PKRU is <pkru>
    And a 4 KB page mapped at <address>
    And the PTE entry has protection key <key>
    When a <who> <kind> of <address> is made
    Then the access page-faults with error code <error>
    And no paging entry changed but A in the non-leaf entries walked before the fault

    @variant:level4 @variant:user @variant:supervisor @variant:read @variant:write @variant:leaf-4k
    Examples: 4-level paging
      | mode    | key | pkru       | who                 | kind  | address            | error       |
      | 4-level | 1   | 0x4        | user                | read  | 0x7123456789ab     | P\|U\|PK     |
      | 4-level | 15  | 0x40000000 | user                | write | 0x7123456789ab     | P\|W\|U\|PK   |
      | 4-level | 3   | 0x40       | supervisor          | read  | 0x7123456789ab     | P\|PK        |

    @variant:level5 @variant:implicit-supervisor @variant:write @variant:leaf-4k
    Examples: 5-level paging
      | mode    | key | pkru       | who                 | kind  | address            | error       |
      | 5-level | 7   | 0x4000     | implicit supervisor | write | 0x00abcdef12345678 | P\|W\|PK     |

  @X86-PK-1 @profile:x86-paging
  Scenario Outline: PKRU access-disable for key <key> stops a <who> <kind> through a <size> user page
    Source: Intel SDM Vol. 3A, 4.6.2 "Protection Keys"
    Given <mode> paging
    And CR4.PKE is set
    And PKRU is <pkru>
    And a <size> page mapped at <address> to frame <frame>
    And the <leaf> entry has protection key <key>
    When a <who> <kind> of <address> is made
    Then the access page-faults with error code <error>
    And no paging entry changed but A in the non-leaf entries walked before the fault

    @variant:leaf-2m @variant:level4 @variant:user @variant:read
    Examples: a 2 MB page
      | mode    | size | leaf  | frame      | key | pkru      | who        | kind  | address            | error     |
      | 4-level | 2 MB | PDE   | 0x40000000 | 5   | 0x400     | user       | read  | 0x7123456789ab     | P\|U\|PK   |

    @variant:leaf-1g @variant:level5 @variant:supervisor @variant:write
    Examples: a 1 GB page
      | mode    | size | leaf  | frame      | key | pkru      | who        | kind  | address            | error     |
      | 5-level | 1 GB | PDPTE | 0x80000000 | 12  | 0x1000000 | supervisor | write | 0x00abcdef12345678 | P\|W\|PK   |

  @X86-PK-1 @profile:x86-paging @variant:level4 @variant:user @variant:write @variant:leaf-4k
  Scenario: PKRU bits of other keys do not stop an access through key 2
    Source: Intel SDM Vol. 3A, 4.6.2 "Protection Keys"
    Given 4-level paging
    And CR4.PKE is set
    And PKRU is 0xffffffcf
    And a 4 KB page mapped at 0x7123456789ab to frame 0x7000
    And the PTE entry has protection key 2
    When a user write of 0x7123456789ab is made
    Then the access translates to 0x79ab
    And the effective rights are writable, user, executable with key 2

  @X86-PK-2 @profile:x86-paging
  Scenario Outline: PKRU write-disable: a <who> write with CR0.WP <wp> <verdict>
    Source: Intel SDM Vol. 3A, 4.6.2 "Protection Keys"
    Given 4-level paging
    And <bits> are set
    And PKRU is 0x8
    And a 4 KB page mapped at 0x7123456789ab to frame 0x7000
    And the PTE entry has protection key 1
    When a <who> write of 0x7123456789ab is made
    Then the access <outcome>

    @variant:user @variant:wp-clear @variant:wp-set @variant:write
    Examples: user writes, whatever CR0.WP holds
      | who        | wp    | bits              | verdict    | outcome                            |
      | user       | clear | CR4.PKE           | faults     | page-faults with error code P\|W\|U\|PK |
      | user       | set   | CR4.PKE and CR0.WP | faults     | page-faults with error code P\|W\|U\|PK |

    @variant:supervisor @variant:wp-set @variant:wp-clear @variant:write
    Examples: supervisor writes, stopped only while CR0.WP is set
      | who        | wp    | bits              | verdict    | outcome                            |
      | supervisor | set   | CR4.PKE and CR0.WP | faults     | page-faults with error code P\|W\|PK   |
      | supervisor | clear | CR4.PKE           | is allowed | translates to 0x79ab               |

  @X86-PK-2 @profile:x86-paging @variant:read @variant:user @variant:wp-set
  Scenario: PKRU write-disable does not stop a read
    Source: Intel SDM Vol. 3A, 4.6.2 "Protection Keys"
    Given 4-level paging
    And CR4.PKE and CR0.WP are set
    And PKRU is 0x8
    And a 4 KB page mapped at 0x7123456789ab to frame 0x7000
    And the PTE entry has protection key 1
    When a user read of 0x7123456789ab is made
    Then the access translates to 0x79ab

  @X86-PK-3 @profile:x86-paging
  Scenario Outline: IA32_PKRS <bit> for key <key> and a <who> <kind> of a supervisor page
    Source: Intel SDM Vol. 3A, 4.6.2 "Protection Keys"
    Given 4-level paging
    And CR4.PKS and CR0.WP are set
    And IA32_PKRS is <pkrs>
    And a 4 KB page mapped at 0x7123456789ab to frame 0x7000
    And the PTE entry is P RW
    And the PTE entry has protection key <key>
    When a <who> <kind> of 0x7123456789ab is made
    Then the access <outcome>

    @variant:access-disable @variant:write-disable @variant:supervisor @variant:user @variant:wp-set @variant:leaf-us-clear
    Examples:
      | bit            | key | pkrs       | who        | kind  | outcome                          |
      | access-disable | 2   | 0x10       | supervisor | read  | page-faults with error code P\|PK |
      | write-disable  | 2   | 0x20       | supervisor | write | page-faults with error code P\|W\|PK |
      | write-disable  | 2   | 0x20       | supervisor | read  | translates to 0x79ab             |
      | access-disable | 9   | 0x40000    | user       | read  | page-faults with error code P\|U\|PK |
      | access-disable | 9   | 0xfffbffff | supervisor | read  | translates to 0x79ab             |

  @X86-PK-3 @profile:x86-paging
  Scenario Outline: IA32_PKRS <bit> for key 4 and a <who> <kind> of a supervisor page with CR0.WP <wp>
    Source: Intel SDM Vol. 3A, 4.6.2 "Protection Keys"
    Given 4-level paging
    And <bits> are set
    And IA32_PKRS is <pkrs>
    And a 4 KB page mapped at 0x7123456789ab to frame 0x7000
    And the PTE entry is P RW
    And the PTE entry has protection key 4
    When a <who> <kind> of 0x7123456789ab is made
    Then the access <outcome>

    @variant:write-disable @variant:wp-clear @variant:supervisor
    Examples: write-disable does not stop a supervisor write while CR0.WP is clear
      | bit           | wp    | bits    | pkrs  | who        | kind  | outcome              |
      | write-disable | clear | CR4.PKS | 0x200 | supervisor | write | translates to 0x79ab |

    @variant:access-disable @variant:wp-clear @variant:supervisor
    Examples: access-disable stops a supervisor read whatever CR0.WP holds
      | bit            | wp    | bits    | pkrs  | who        | kind  | outcome                           |
      | access-disable | clear | CR4.PKS | 0x100 | supervisor | read  | page-faults with error code P\|PK  |

    @variant:access-disable @variant:write-disable @variant:implicit-supervisor
    Examples: implicit supervisor accesses
      | bit            | wp  | bits              | pkrs  | who                 | kind  | outcome                            |
      | access-disable | set | CR4.PKS and CR0.WP | 0x100 | implicit supervisor | read  | page-faults with error code P\|PK    |
      | write-disable  | set | CR4.PKS and CR0.WP | 0x200 | implicit supervisor | write | page-faults with error code P\|W\|PK |

  @X86-PK-3 @profile:x86-paging
  Scenario Outline: A page whose leaf says user under a supervisor <upper> is a supervisor-mode address: IA32_PKRS guards it, not PKRU (<case>)
    Source: Intel SDM Vol. 3A, 4.6.2 "Protection Keys"
    Given 4-level paging
    And CR4.PKE, CR4.PKS and CR0.WP are set
    And PKRU is <pkru>
    And IA32_PKRS is <pkrs>
    And a 4 KB page mapped at 0x7123456789ab to frame 0x7000
    And the <upper> entry is P RW
    And the PTE entry has protection key 6
    When a supervisor <kind> of 0x7123456789ab is made
    Then the access <outcome>

    @variant:upper-us-clear @variant:access-disable @variant:write-disable @variant:supervisor
    Examples:
      | case                          | upper | pkru   | pkrs   | kind  | outcome                           |
      | PKRS denies every access      | PDE   | 0x0    | 0x1000 | read  | page-faults with error code P\|PK  |
      | PKRS denies writes            | PML4E | 0x0    | 0x2000 | write | page-faults with error code P\|W\|PK |
      | PKRU denial does not apply    | PDE   | 0x3000 | 0x0    | write | translates to 0x79ab              |

  @X86-PK-3 @profile:x86-paging
  Scenario: PKRU does not guard supervisor pages
    Source: Intel SDM Vol. 3A, 4.6.2 "Protection Keys"
    Given 4-level paging
    And CR4.PKE and CR4.PKS are set
    And PKRU is 0xffffffff
    And a 4 KB page mapped at 0x7123456789ab to frame 0x7000
    And the PTE entry is P RW
    When a supervisor write of 0x7123456789ab is made
    Then the access translates to 0x79ab

  @X86-PK-4 @profile:x86-paging
  Scenario Outline: Keys do not affect a <who> fetch (<mode> paging, <bits>)
    Source: Intel SDM Vol. 3A, 4.6.2 "Protection Keys"
    Given <mode> paging
    And <bits> are set
    And PKRU is 0xffffffff
    And IA32_PKRS is 0xffffffff
    And a 4 KB page mapped at <address> to frame 0x7000
    And the PTE entry is <flags>
    When a <who> fetch of <address> is made
    Then the access translates to <pa>

    @variant:fetch @variant:level4 @variant:user @variant:supervisor
    Examples:
      | mode    | bits                 | who        | flags   | address        | pa     |
      | 4-level | CR4.PKE and CR4.PKS  | user       | P RW US | 0x7123456789ab | 0x79ab |
      | 4-level | CR4.PKE and CR4.PKS  | supervisor | P RW    | 0x7123456789ab | 0x79ab |

    @variant:fetch @variant:level5 @variant:supervisor
    Examples: 5-level paging
      | mode    | bits                 | who        | flags   | address            | pa     |
      | 5-level | CR4.PKE and CR4.PKS  | supervisor | P RW    | 0x00abcdef12345678 | 0x7678 |

  @X86-PK-4 @profile:x86-paging
  Scenario Outline: Outside IA-32e mode the keys do nothing (<mode> paging, a <who> <kind>)
    Source: Intel SDM Vol. 3A, 4.6.2 "Protection Keys"
    Given <mode> paging
    And CR4.PKE and CR4.PKS are set
    And PKRU is 0xffffffff
    And IA32_PKRS is 0xffffffff
    And a 4 KB page mapped at <address> to frame 0x7000
    When a <who> <kind> of <address> is made
    Then the access translates to <pa>

    @variant:outside-ia32e @variant:pae @variant:user @variant:supervisor
    Examples: PAE paging
      | mode   | who        | kind  | address    | pa     |
      | PAE    | user       | write | 0xc7654321 | 0x7321 |
      | PAE    | supervisor | read  | 0xc7654321 | 0x7321 |

    @variant:outside-ia32e @variant:bits32 @variant:user
    Examples: 32-bit paging
      | mode   | who        | kind  | address    | pa     |
      | 32-bit | user       | read  | 0x12345678 | 0x7678 |

  @X86-PK-5 @profile:x86-paging
  Scenario Outline: Only the leaf's key counts: <case>
    Source: Intel SDM Vol. 3A, 4.6.2 "Protection Keys"
    Given 4-level paging
    And CR4.PKE is set
    And PKRU is 0xc
    And a <size> page mapped at 0x7123456789ab to frame <frame>
    And the <upper> entry has protection key 1
    And the <leaf> entry has protection key <key>
    When a user read of 0x7123456789ab is made
    Then the access <outcome>

    @variant:leaf-4k @variant:key-in-pde
    Examples: a 4 KB leaf
      | case                                | size | frame      | upper | leaf | key | outcome                           |
      | key 1 in the PDE above a 4 KB leaf  | 4 KB | 0x7000     | PDE   | PTE  | 0   | translates to 0x79ab              |

    @variant:leaf-2m @variant:key-in-pdpte
    Examples: a 2 MB leaf
      | case                                | size | frame      | upper | leaf | key | outcome                           |
      | key 1 in the PDPTE above a 2 MB leaf | 2 MB | 0x40000000 | PDPTE | PDE  | 0   | translates to 0x400789ab          |
      | key 1 in the 2 MB leaf itself       | 2 MB | 0x40000000 | PDPTE | PDE  | 1   | page-faults with error code P\|U\|PK |

    @variant:leaf-1g @variant:key-in-pml4e
    Examples: a 1 GB leaf
      | case                                 | size | frame      | upper | leaf  | key | outcome                           |
      | key 1 in the PML4E above a 1 GB leaf | 1 GB | 0x80000000 | PML4E | PDPTE | 0   | translates to 0x856789ab          |
      | key 1 in the 1 GB leaf itself        | 1 GB | 0x80000000 | PML4E | PDPTE | 1   | page-faults with error code P\|U\|PK |

  @X86-PK-6 @profile:x86-paging
  Scenario Outline: A translation reports key <reported> for a leaf with key 5 (<mode> paging, <controls>)
    Source: Intel SDM Vol. 3A, 4.6.2 "Protection Keys"
    Given <mode> paging
    And <bits> are set
    And a 4 KB page mapped at <address> to frame 0x7000
    And the PTE entry has protection key 5
    When a supervisor read of <address> is made
    Then the access translates to <pa>
    And the effective rights are writable, user, executable with key <reported>

    @variant:keys-off
    Examples: neither CR4.PKE nor CR4.PKS set
      | mode    | controls          | bits     | address            | pa     | reported |
      | 4-level | keys off          | CR0.WP   | 0x7123456789ab     | 0x79ab | 0        |
      | 5-level | keys off          | EFER.NXE | 0x00abcdef12345678 | 0x7678 | 0        |

    @variant:pke-only
    Examples: CR4.PKE set
      | mode    | controls          | bits     | address            | pa     | reported |
      | 4-level | CR4.PKE set       | CR4.PKE  | 0x7123456789ab     | 0x79ab | 5        |

    @variant:pks-only
    Examples: CR4.PKS set, even for a user-mode address
      | mode    | controls          | bits     | address            | pa     | reported |
      | 5-level | CR4.PKS set       | CR4.PKS  | 0x00abcdef12345678 | 0x7678 | 5        |

  @X86-PREC-3 @profile:x86-paging
  Scenario Outline: PK is reported together with a <problem>
    Source: Intel SDM Vol. 3A, 4.6.2 "Protection Keys"
    Given 4-level paging
    And CR4.PKE, CR4.PKS and CR0.WP are set
    And PKRU is 0xc
    And IA32_PKRS is 0xc
    And a 4 KB page mapped at 0x7123456789ab
    And the PTE entry is <flags>
    And the PTE entry has protection key 1
    When a <who> <kind> of 0x7123456789ab is made
    Then the access page-faults with error code <error>

    @variant:pkru-key @variant:read-only
    Examples: a user page, guarded by PKRU
      | problem                      | flags | who  | kind  | error        |
      | write to a read-only page    | P US  | user | write | P\|W\|U\|PK    |

    @variant:pkrs-key @variant:supervisor-address @variant:both
    Examples: a supervisor page, guarded by IA32_PKRS
      | problem                      | flags | who  | kind  | error        |
      | user access to a supervisor page | P RW | user | read | P\|U\|PK      |
      | user write to a read-only supervisor page | P | user | write | P\|W\|U\|PK |
