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

    Examples:
      | mode    | address            |
      | 32-bit  | 0x12345678         |
      | PAE     | 0xc7654321         |
      | 4-level | 0x7123456789ab     |
      | 5-level | 0x00abcdef12345678 |

  @X86-SMEP-1 @profile:x86-paging
  Scenario: SMEP: a supervisor fetch from a 2 MB user page faults as well
    Source: Intel SDM Vol. 3A, 4.6.1 "Determination of Access Rights"
    Given 4-level paging
    And CR4.SMEP is set
    And a 2 MB page mapped at 0x7123456789ab to frame 0x40000000
    When a supervisor fetch of 0x7123456789ab is made
    Then the access page-faults with error code P|ID

  @X86-SMEP-2 @profile:x86-paging
  Scenario Outline: SMEP does not stop a <who> <kind> of a <page> page
    Source: Intel SDM Vol. 3A, 4.6.1 "Determination of Access Rights"
    Given 4-level paging
    And CR4.SMEP is set
    And a 4 KB page mapped at 0x7123456789ab to frame 0x7000
    And the PTE entry is <flags>
    When a <who> <kind> of 0x7123456789ab is made
    Then the access translates to 0x79ab

    Examples:
      | who        | kind  | page       | flags    |
      | supervisor | read  | user       | P RW US  |
      | supervisor | write | user       | P RW US  |
      | user       | fetch | user       | P RW US  |
      | supervisor | fetch | supervisor | P RW     |

  @X86-SMAP-1 @profile:x86-paging
  Scenario Outline: SMAP without AC: a supervisor <kind> of a user page faults (<mode> paging)
    Source: Intel SDM Vol. 3A, 4.6.1 "Determination of Access Rights"
    Given <mode> paging
    And CR4.SMAP is set
    And a 4 KB page mapped at <address>
    When a supervisor <kind> of <address> is made
    Then the access page-faults with error code <error>

    Examples:
      | mode    | kind  | address            | error |
      | 32-bit  | read  | 0x12345678         | P     |
      | PAE     | write | 0xc7654321         | P\|W   |
      | 4-level | read  | 0x7123456789ab     | P     |
      | 5-level | write | 0x00abcdef12345678 | P\|W   |

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

    Examples:
      | kind  | flags   | bits     |
      | read  | P RW US | CR0.WP   |
      | write | P RW US | CR0.WP   |
      | write | P US    | EFER.NXE |

  @X86-SMAP-2 @profile:x86-paging
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

    Examples:
      | mode    | ac    | bits                  | kind  | address        | error |
      | 4-level | clear | CR4.SMAP              | read  | 0x7123456789ab | P     |
      | 4-level | set   | CR4.SMAP and RFLAGS.AC | read  | 0x7123456789ab | P     |
      | 32-bit  | set   | CR4.SMAP and RFLAGS.AC | write | 0x12345678     | P\|W   |

  @X86-SMAP-3 @profile:x86-paging
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

    Examples:
      | who        |
      | supervisor |
      | user       |
