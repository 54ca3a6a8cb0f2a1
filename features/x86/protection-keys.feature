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

    Examples:
      | mode    | key | pkru       | who                 | kind  | address            | error       |
      | 4-level | 1   | 0x4        | user                | read  | 0x7123456789ab     | P\|U\|PK     |
      | 4-level | 15  | 0x40000000 | user                | write | 0x7123456789ab     | P\|W\|U\|PK   |
      | 4-level | 3   | 0x40       | supervisor          | read  | 0x7123456789ab     | P\|PK        |
      | 5-level | 7   | 0x4000     | implicit supervisor | write | 0x00abcdef12345678 | P\|W\|PK     |

  @X86-PK-1 @profile:x86-paging
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

    Examples:
      | who        | wp    | bits              | verdict    | outcome                            |
      | user       | clear | CR4.PKE           | faults     | page-faults with error code P\|W\|U\|PK |
      | user       | set   | CR4.PKE and CR0.WP | faults     | page-faults with error code P\|W\|U\|PK |
      | supervisor | set   | CR4.PKE and CR0.WP | faults     | page-faults with error code P\|W\|PK   |
      | supervisor | clear | CR4.PKE           | is allowed | translates to 0x79ab               |

  @X86-PK-2 @profile:x86-paging
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

    Examples:
      | bit            | key | pkrs       | who        | kind  | outcome                          |
      | access-disable | 2   | 0x10       | supervisor | read  | page-faults with error code P\|PK |
      | write-disable  | 2   | 0x20       | supervisor | write | page-faults with error code P\|W\|PK |
      | write-disable  | 2   | 0x20       | supervisor | read  | translates to 0x79ab             |
      | access-disable | 9   | 0x40000    | user       | read  | page-faults with error code P\|U\|PK |
      | access-disable | 9   | 0xfffbffff | supervisor | read  | translates to 0x79ab             |

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

    Examples:
      | mode    | bits                 | who        | flags   | address        | pa     |
      | 4-level | CR4.PKE and CR4.PKS  | user       | P RW US | 0x7123456789ab | 0x79ab |
      | 4-level | CR4.PKE and CR4.PKS  | supervisor | P RW    | 0x7123456789ab | 0x79ab |

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

    Examples:
      | mode   | who        | kind  | address    | pa     |
      | PAE    | user       | write | 0xc7654321 | 0x7321 |
      | PAE    | supervisor | read  | 0xc7654321 | 0x7321 |
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

    Examples:
      | case                                | size | frame      | upper | leaf | key | outcome                           |
      | key 1 in the PDE above a 4 KB leaf  | 4 KB | 0x7000     | PDE   | PTE  | 0   | translates to 0x79ab              |
      | key 1 in the PDPTE above a 2 MB leaf | 2 MB | 0x40000000 | PDPTE | PDE  | 0   | translates to 0x400789ab          |
      | key 1 in the 2 MB leaf itself       | 2 MB | 0x40000000 | PDPTE | PDE  | 1   | page-faults with error code P\|U\|PK |

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

    Examples:
      | problem                      | flags | who  | kind  | error        |
      | write to a read-only page    | P US  | user | write | P\|W\|U\|PK    |
      | user access to a supervisor page | P RW | user | read | P\|U\|PK      |
      | user write to a read-only supervisor page | P | user | write | P\|W\|U\|PK |
