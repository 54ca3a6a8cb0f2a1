Feature: x86 SMEP and SMAP: keeping the kernel out of user pages
  Two CR4 bits stop supervisor-mode code from using user-mode addresses by accident. With CR4.SMEP set,
  a supervisor-mode instruction fetch from a user-mode address faults, in every paging mode. With CR4.SMAP
  set, a supervisor-mode data access to a user-mode address faults, unless it is an explicit access made
  while RFLAGS.AC is set (the STAC/CLAC window). Implicit supervisor-mode accesses, such as the processor
  reading the GDT, IDT or TSS, are never excused by AC, and their error code reports a supervisor access
  even when they happen at CPL 3. SMEP says nothing about data, SMAP nothing about fetches.

  @X86-SMEP-1 @profile:x86-paging
  Scenario Outline: SMEP: a supervisor fetch from a user page faults in <mode> paging
    Source: Intel SDM Vol. 3A, 4.6.1 "Determination of Access Rights"
    Given <mode> paging
    And CR4.SMEP is set
    And a 4 KB page mapped at <address>
    When a supervisor fetch of <address> is made
    Then the access page-faults with error code P|ID
    And no paging entry changed but A in the non-leaf entries walked before the fault

    @variant:bits32 @variant:pae @variant:level4 @variant:level5 @variant:leaf-4k @variant:nxe-clear
    Examples:
      | mode    | address            |
      | 32-bit  | 0x12345678         |
      | PAE     | 0xc7654321         |
      | 4-level | 0x7123456789ab     |
      | 5-level | 0x00abcdef12345678 |

  @X86-SMEP-1 @profile:x86-paging @variant:leaf-2m @variant:level4 @variant:nxe-clear
  Scenario: SMEP: a supervisor fetch from a 2 MB user page faults as well
    Source: Intel SDM Vol. 3A, 4.6.1 "Determination of Access Rights"
    Given 4-level paging
    And CR4.SMEP is set
    And a 2 MB page mapped at 0x7123456789ab to frame 0x40000000
    When a supervisor fetch of 0x7123456789ab is made
    Then the access page-faults with error code P|ID

  @X86-SMEP-1 @profile:x86-paging
  Scenario Outline: SMEP: a supervisor fetch from a <size> user page faults (<mode> paging, <bits> set)
    Source: Intel SDM Vol. 3A, 4.6.1 "Determination of Access Rights"
    Given <mode> paging
    And <bits> are set
    And a <size> page mapped at <address> to frame <frame>
    When a supervisor fetch of <address> is made
    Then the access page-faults with error code P|ID
    And no paging entry changed but A in the non-leaf entries walked before the fault

    @variant:leaf-4m @variant:bits32 @variant:nxe-clear
    Examples: a 4 MB page
      | mode    | bits                 | size | address            | frame      |
      | 32-bit  | CR4.SMEP and CR4.PSE | 4 MB | 0x12345678         | 0x40000000 |

    @variant:leaf-1g @variant:level5 @variant:nxe-clear
    Examples: a 1 GB page
      | mode    | bits                 | size | address            | frame      |
      | 5-level | CR4.SMEP             | 1 GB | 0x00abcdef12345678 | 0x80000000 |

    @variant:nxe-set @variant:leaf-4k @variant:leaf-2m @variant:pae @variant:level4
    Examples: EFER.NXE set on an executable page
      | mode    | bits                  | size | address            | frame      |
      | PAE     | CR4.SMEP and EFER.NXE | 2 MB | 0xc7654321         | 0x40000000 |
      | 4-level | CR4.SMEP and EFER.NXE | 4 KB | 0x7123456789ab     | 0x7000     |

  @X86-SMEP-2 @profile:x86-paging
  Scenario Outline: SMEP does not stop a <who> <kind> of a <page> page
    Source: Intel SDM Vol. 3A, 4.6.1 "Determination of Access Rights"
    Given 4-level paging
    And CR4.SMEP is set
    And a 4 KB page mapped at 0x7123456789ab to frame 0x7000
    And the PTE entry is <flags>
    When a <who> <kind> of 0x7123456789ab is made
    Then the access translates to 0x79ab

    @variant:supervisor-read
    Examples: a supervisor read of a user page
      | who        | kind  | page       | flags    |
      | supervisor | read  | user       | P RW US  |

    @variant:supervisor-write
    Examples: a supervisor write to a user page
      | who        | kind  | page       | flags    |
      | supervisor | write | user       | P RW US  |

    @variant:user-fetch
    Examples: a user fetch from a user page
      | who        | kind  | page       | flags    |
      | user       | fetch | user       | P RW US  |

    @variant:supervisor-fetch-of-supervisor-page
    Examples: a supervisor fetch from a supervisor page
      | who        | kind  | page       | flags    |
      | supervisor | fetch | supervisor | P RW     |

  @X86-SMAP-1 @profile:x86-paging
  Scenario Outline: SMAP without AC: a supervisor <kind> of a user page faults (<mode> paging)
    Source: Intel SDM Vol. 3A, 4.6.1 "Determination of Access Rights"
    Given <mode> paging
    And CR4.SMAP is set
    And a 4 KB page mapped at <address>
    When a supervisor <kind> of <address> is made
    Then the access page-faults with error code <error>

    @variant:bits32 @variant:pae @variant:level4 @variant:level5 @variant:read @variant:write @variant:leaf-4k
    Examples:
      | mode    | kind  | address            | error |
      | 32-bit  | read  | 0x12345678         | P     |
      | PAE     | write | 0xc7654321         | P\|W   |
      | 4-level | read  | 0x7123456789ab     | P     |
      | 5-level | write | 0x00abcdef12345678 | P\|W   |

  @X86-SMAP-1 @profile:x86-paging
  Scenario Outline: SMAP without AC: a supervisor <kind> of a <size> user page faults (<mode> paging)
    Source: Intel SDM Vol. 3A, 4.6.1 "Determination of Access Rights"
    Given <mode> paging
    And CR4.SMAP and CR4.PSE are set
    And a <size> page mapped at <address> to frame <frame>
    When a supervisor <kind> of <address> is made
    Then the access page-faults with error code <error>
    And no paging entry changed but A in the non-leaf entries walked before the fault

    @variant:leaf-4m @variant:bits32 @variant:write
    Examples: a 4 MB page
      | mode    | kind  | size | address            | frame      | error |
      | 32-bit  | write | 4 MB | 0x12345678         | 0x40000000 | P\|W   |

    @variant:leaf-2m @variant:level4 @variant:read
    Examples: a 2 MB page
      | mode    | kind  | size | address            | frame      | error |
      | 4-level | read  | 2 MB | 0x7123456789ab     | 0x40000000 | P     |

    @variant:leaf-1g @variant:level5 @variant:write
    Examples: a 1 GB page
      | mode    | kind  | size | address            | frame      | error |
      | 5-level | write | 1 GB | 0x00abcdef12345678 | 0x80000000 | P\|W   |

  @X86-SMAP-2 @profile:x86-paging
  Scenario Outline: SMAP with AC: a supervisor <kind> of a <flags> user page with <bits> set is allowed
    Source: Intel SDM Vol. 3A, 4.6.1 "Determination of Access Rights"
    Given 4-level paging
    And CR4.SMAP and RFLAGS.AC are set
    And <bits> are set
    And a 4 KB page mapped at 0x7123456789ab to frame 0x7000
    And the PTE entry is <flags>
    When a supervisor <kind> of 0x7123456789ab is made
    Then the access translates to 0x79ab

    @variant:read @variant:wp-set
    Examples: a read
      | kind  | flags   | bits     |
      | read  | P RW US | CR0.WP   |

    @variant:write @variant:wp-set
    Examples: a write to a writable page
      | kind  | flags   | bits     |
      | write | P RW US | CR0.WP   |

    @variant:write @variant:wp-clear
    Examples: a write to a read-only page with CR0.WP clear
      | kind  | flags   | bits     |
      | write | P US    | EFER.NXE |

  @X86-SMAP-2 @profile:x86-paging @variant:write @variant:wp-set
  Scenario: SMAP with AC: a supervisor write to a read-only user page still obeys CR0.WP
    Source: Intel SDM Vol. 3A, 4.6.1 "Determination of Access Rights"
    Given 4-level paging
    And CR4.SMAP, RFLAGS.AC and CR0.WP are set
    And a 4 KB page mapped at 0x7123456789ab
    And the PTE entry is P US
    When a supervisor write of 0x7123456789ab is made
    Then the access page-faults with error code P|W

  @X86-SMAP-3 @profile:x86-paging
  Scenario Outline: SMAP: an implicit supervisor <kind> of a user page faults with AC <ac>
    Source: Intel SDM Vol. 3A, 4.6.1 "Determination of Access Rights"
    Given <mode> paging
    And <bits> are set
    And a 4 KB page mapped at <address>
    When an implicit supervisor <kind> of <address> is made
    Then the access page-faults with error code <error>
    And no paging entry changed but A in the non-leaf entries walked before the fault

    @variant:smap-set @variant:ac-clear @variant:read
    Examples: AC clear
      | mode    | ac    | bits                  | kind  | address        | error |
      | 4-level | clear | CR4.SMAP              | read  | 0x7123456789ab | P     |

    @variant:smap-set @variant:ac-set @variant:read @variant:write
    Examples: AC set, which excuses explicit accesses only
      | mode    | ac    | bits                  | kind  | address        | error |
      | 4-level | set   | CR4.SMAP and RFLAGS.AC | read  | 0x7123456789ab | P     |
      | 32-bit  | set   | CR4.SMAP and RFLAGS.AC | write | 0x12345678     | P\|W   |

  @X86-SMAP-3 @profile:x86-paging @variant:smap-clear @variant:read
  Scenario: Without SMAP an implicit supervisor read of a user page is allowed
    Source: Intel SDM Vol. 3A, 4.6.1 "Determination of Access Rights"
    Given 4-level paging
    And a 4 KB page mapped at 0x7123456789ab to frame 0x7000
    When an implicit supervisor read of 0x7123456789ab is made
    Then the access translates to 0x79ab

  @X86-SMAP-4 @profile:x86-paging
  Scenario Outline: SMAP does not affect a <who> fetch of a user page
    Source: Intel SDM Vol. 3A, 4.6.1 "Determination of Access Rights"
    Given 4-level paging
    And CR4.SMAP is set
    And a 4 KB page mapped at 0x7123456789ab to frame 0x7000
    When a <who> fetch of 0x7123456789ab is made
    Then the access translates to 0x79ab

    @variant:supervisor
    Examples: a supervisor fetch
      | who        |
      | supervisor |

    @variant:user
    Examples: a user fetch
      | who        |
      | user       |
