Feature: x86 page-fault error code and CR2
  A page fault pushes an error code that describes both the cause and the access. P says whether the
  fault came from a not-present entry (0) or from anything else (1); W/R is set for writes; U/S is set for
  user-mode accesses, and is clear for implicit supervisor-mode accesses even at CPL 3; RSVD marks a
  reserved bit; I/D marks an instruction fetch, but only when fetches can be told apart, that is when
  CR4.SMEP is set or when PAE-style paging runs with EFER.NXE set; PK marks a protection-key refusal.
  CR2 receives the whole faulting linear address, not just its page.

  @X86-ERR-1 @profile:x86-paging
  Scenario Outline: A not-present fault of a <who> <kind> at <address> reports <error> and CR2
    Source: Intel SDM Vol. 3A, 4.7 "Page-Fault Exceptions"
    Given <mode> paging
    And a 4 KB page mapped at <address>
    And the PTE entry is not present
    When a <who> <kind> of <address> is made
    Then the access page-faults with error code <error>

    @variant:not-present-fault @variant:bits32 @variant:user @variant:read @variant:write
    Examples: 32-bit paging
      | mode    | who                 | kind  | address            | error |
      | 32-bit  | user                | read  | 0x12345678         | U     |
      | 32-bit  | user                | write | 0x12345fff         | W\|U   |

    @variant:not-present-fault @variant:pae @variant:supervisor @variant:write
    Examples: PAE paging
      | mode    | who                 | kind  | address            | error |
      | PAE     | supervisor          | write | 0xc7654321         | W     |

    @variant:not-present-fault @variant:level4 @variant:implicit-supervisor @variant:read @variant:write
    Examples: 4-level paging, implicit supervisor accesses
      | mode    | who                 | kind  | address            | error |
      | 4-level | implicit supervisor | write | 0xffff923456789abc | W     |
      | 4-level | implicit supervisor | read  | 0x7123456789ab     | 0     |

    @variant:not-present-fault @variant:level5 @variant:user @variant:read
    Examples: 5-level paging
      | mode    | who                 | kind  | address            | error |
      | 5-level | user                | read  | 0x00abcdef12345678 | U     |

  @X86-ERR-1 @profile:x86-paging
  Scenario Outline: A protection fault of a <who> <kind> at <address> reports <error> and CR2
    Source: Intel SDM Vol. 3A, 4.7 "Page-Fault Exceptions"
    Given <mode> paging
    And CR0.WP is set
    And a 4 KB page mapped at <address>
    And the PTE entry is P
    When a <who> <kind> of <address> is made
    Then the access page-faults with error code <error>

    @variant:protection-fault @variant:user @variant:supervisor @variant:implicit-supervisor @variant:read @variant:write @variant:bits32 @variant:pae @variant:level4 @variant:level5
    Examples:
      | mode    | who                 | kind  | address            | error   |
      | 32-bit  | user                | read  | 0x12345ffe         | P\|U    |
      | PAE     | supervisor          | write | 0xc7654000         | P\|W    |
      | 4-level | implicit supervisor | write | 0xffff923456789abc | P\|W    |
      | 5-level | user                | write | 0x00abcdef12345678 | P\|W\|U  |

  @X86-ERR-2 @profile:x86-paging
  Scenario Outline: I/D for a fetch in <mode> paging with <bits> set: <error>
    Source: Intel SDM Vol. 3A, 4.7 "Page-Fault Exceptions"
    Given <mode> paging
    And <bits> are set
    And a 4 KB page mapped at <address>
    And the PTE entry is not present
    When a supervisor fetch of <address> is made
    Then the access page-faults with error code <error>

    @variant:bits32 @variant:neither @variant:nxe-only @variant:smep-only
    Examples: 32-bit paging, where NXE does not count
      | mode    | bits                 | address        | error |
      | 32-bit  | CR0.WP               | 0x12345678     | 0     |
      | 32-bit  | EFER.NXE             | 0x12345678     | 0     |
      | 32-bit  | CR4.SMEP             | 0x12345678     | ID    |

    @variant:pae @variant:neither @variant:nxe-only @variant:smep-only
    Examples: PAE paging
      | mode    | bits                 | address        | error |
      | PAE     | CR0.WP               | 0xc7654321     | 0     |
      | PAE     | EFER.NXE             | 0xc7654321     | ID    |
      | PAE     | CR4.SMEP             | 0xc7654321     | ID    |

    @variant:level4 @variant:neither @variant:nxe-only @variant:smep-only
    Examples: 4-level paging
      | mode    | bits                 | address        | error |
      | 4-level | CR0.WP               | 0x7123456789ab | 0     |
      | 4-level | EFER.NXE             | 0x7123456789ab | ID    |
      | 4-level | CR4.SMEP and CR0.WP  | 0x7123456789ab | ID    |

    @variant:level5 @variant:neither @variant:nxe-only @variant:smep-only
    Examples: 5-level paging
      | mode    | bits                 | address            | error |
      | 5-level | CR0.WP               | 0x00abcdef12345678 | 0     |
      | 5-level | EFER.NXE             | 0x00abcdef12345678 | ID    |
      | 5-level | CR4.SMEP             | 0x00abcdef12345678 | ID    |
