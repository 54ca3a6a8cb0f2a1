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

    Examples:
      | mode    | level | address            |
      | 32-bit  | PDE   | 0x12345678         |
      | PAE     | PDE   | 0xc7654321         |
      | 4-level | PML4E | 0x7123456789ab     |
      | 4-level | PDPTE | 0x7123456789ab     |
      | 5-level | PML5E | 0x00abcdef12345678 |
      | 5-level | PTE   | 0x00abcdef12345678 |

  @X86-AR-1 @profile:x86-paging
  Scenario Outline: With R/W set everywhere the <mode> translation is writable
    Source: Intel SDM Vol. 3A, 4.6.1 "Determination of Access Rights"
    Given <mode> paging
    And CR0.WP and EFER.NXE are set
    And a 4 KB page mapped at <address> to frame 0x7000
    When a user write of <address> is made
    Then the effective rights are writable, user, executable with key 0

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

    Examples:
      | mode    | level | address            |
      | 32-bit  | PDE   | 0x12345678         |
      | PAE     | PTE   | 0xc7654321         |
      | 4-level | PML4E | 0x7123456789ab     |
      | 5-level | PDE   | 0x00abcdef12345678 |

  @X86-AR-3 @profile:x86-paging
  Scenario Outline: XD in the <level> makes the translation non-executable
    Source: Intel SDM Vol. 3A, 4.6.1 "Determination of Access Rights"
    Given <mode> paging
    And EFER.NXE is set
    And a 4 KB page mapped at <address>
    And the <level> entry is P RW US XD
    When a supervisor fetch of <address> is made
    Then the access page-faults with error code P|ID

    Examples:
      | mode    | level | address            |
      | PAE     | PDE   | 0xc7654321         |
      | 4-level | PML4E | 0x7123456789ab     |
      | 4-level | PDPTE | 0x7123456789ab     |
      | 5-level | PML5E | 0x00abcdef12345678 |
      | 5-level | PTE   | 0x00abcdef12345678 |

  @X86-AR-4 @profile:x86-paging
  Scenario Outline: A user <kind> of a supervisor-mode address faults (<mode> paging)
    Source: Intel SDM Vol. 3A, 4.6.1 "Determination of Access Rights"
    Given <mode> paging
    And a 4 KB page mapped at <address>
    And the PTE entry is P RW
    When a user <kind> of <address> is made
    Then the access page-faults with error code <error>

    Examples:
      | mode    | kind  | address        | error  |
      | 32-bit  | read  | 0x12345678     | P\|U    |
      | 32-bit  | write | 0x12345678     | P\|W\|U  |
      | PAE     | fetch | 0xc7654321     | P\|U    |
      | 4-level | read  | 0x7123456789ab | P\|U    |

  @X86-AR-5 @profile:x86-paging
  Scenario Outline: A user write to a read-only page faults with CR0.WP <wp>
    Source: Intel SDM Vol. 3A, 4.6.1 "Determination of Access Rights"
    Given 4-level paging
    And <bits> are set
    And a 4 KB page mapped at 0x7123456789ab
    And the PTE entry is P US
    When a user write of 0x7123456789ab is made
    Then the access page-faults with error code P|W|U

    Examples:
      | wp    | bits               |
      | clear | EFER.NXE           |
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

    Examples:
      | mode    | page       | flags | address        | pa     |
      | 32-bit  | supervisor | P     | 0x12345678     | 0x7678 |
      | PAE     | user       | P US  | 0xc7654321     | 0x7321 |
      | 4-level | supervisor | P     | 0x7123456789ab | 0x79ab |

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

    Examples:
      | mode    | who                 | kind  | address        | pa     |
      | PAE     | user                | read  | 0xc7654321     | 0x7321 |
      | 4-level | user                | write | 0x7123456789ab | 0x79ab |
      | 4-level | implicit supervisor | read  | 0x7123456789ab | 0x79ab |

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

    Examples:
      | who        | flags | rights                         |
      | user       | P US  | read-only, user, executable    |
      | supervisor | P     | read-only, supervisor, executable |
