Feature: x86 linear addresses: canonical form in IA-32e mode, 32 bits elsewhere
  In IA-32e mode a linear address is 64 bits wide but only 48 (4-level paging) or 57 (5-level paging) of
  them are translated. The rest must copy the highest translated bit: such an address is canonical. A
  data access to a non-canonical address raises #GP(0) before any paging entry is read, so no page fault
  happens, CR2 is not written and no accessed flag is set. Outside IA-32e mode linear addresses are 32
  bits wide; the kit refuses a wider one as bad input.

  @X86-CANON-1 @profile:x86-paging
  Scenario Outline: 4-level paging: <address> is non-canonical and raises #GP(0)
    Source: Intel SDM Vol. 3A, 4.5 "4-Level Paging and 5-Level Paging"
    Given 4-level paging
    And a 4 KB page mapped at 0x7123456789ab
    When a <who> <kind> of <address> is made
    Then the access raises #GP because of NON_CANONICAL_ADDRESS
    And no paging entry changed

    @variant:above-lower-half @variant:supervisor @variant:read
    Examples: the first address above the lower half
      | address            | who        | kind  |
      | 0x0000800000000000 | supervisor | read  |

    @variant:below-upper-half @variant:user @variant:write
    Examples: the last address below the upper half
      | address            | who        | kind  |
      | 0xffff7fffffffffff | user       | write |

    @variant:high-bits-only @variant:supervisor @variant:user @variant:read @variant:write @variant:fetch
    Examples: only some of bits 63:48 set, bit 47 clear
      | address            | who        | kind  |
      | 0x8000712345678000 | supervisor | fetch |
      | 0x0001000000000000 | user       | read  |
      | 0x00ab712345678000 | supervisor | write |

  @X86-CANON-1 @profile:x86-paging
  Scenario Outline: 4-level paging: <address> is canonical and is translated
    Source: Intel SDM Vol. 3A, 4.5 "4-Level Paging and 5-Level Paging"
    Given 4-level paging
    And a 4 KB page mapped at <address> to frame 0x5000
    When a supervisor read of <address> is made
    Then the access translates to <pa>

    @variant:top-of-lower-half
    Examples: the last address of the lower half
      | address            | pa     |
      | 0x00007fffffffffff | 0x5fff |

    @variant:bottom-of-upper-half
    Examples: the first address of the upper half
      | address            | pa     |
      | 0xffff800000000000 | 0x5000 |

    @variant:top-of-upper-half
    Examples: near the very top
      | address            | pa     |
      | 0xfffffffffffff123 | 0x5123 |

  @X86-CANON-2 @profile:x86-paging
  Scenario Outline: 5-level paging: <address> is <verdict>
    Source: Intel SDM Vol. 3A, 4.5 "4-Level Paging and 5-Level Paging"
    Given 5-level paging
    And a 4 KB page mapped at <address> to frame 0x5000
    When a supervisor read of <address> is made
    Then the access translates to <pa>

    @variant:beyond-48-bits
    Examples: canonical here, not under 4-level paging
      | address            | verdict                          | pa     |
      | 0x0000800000000000 | canonical, unlike 4-level paging | 0x5000 |

    @variant:top-of-lower-half
    Examples: the last address of the lower half
      | address            | verdict                          | pa     |
      | 0x00ffffffffffffff | canonical                        | 0x5fff |

    @variant:bottom-of-upper-half
    Examples: the first page of the upper half
      | address            | verdict                          | pa     |
      | 0xff00000000000123 | canonical                        | 0x5123 |

  @X86-CANON-2 @profile:x86-paging
  Scenario Outline: 5-level paging: <address> is non-canonical and raises #GP(0)
    Source: Intel SDM Vol. 3A, 4.5 "4-Level Paging and 5-Level Paging"
    Given 5-level paging
    And a 4 KB page mapped at 0x00abcdef12345678
    When a user read of <address> is made
    Then the access raises #GP because of NON_CANONICAL_ADDRESS
    And no paging entry changed

    @variant:above-lower-half @variant:read
    Examples: the first address above the lower half
      | address            |
      | 0x0100000000000000 |

    @variant:below-upper-half @variant:read
    Examples: the last address below the upper half
      | address            |
      | 0xfeffffffffffffff |

    @variant:high-bits-only @variant:read
    Examples: only some of bits 63:57 set
      | address            |
      | 0x7f00000000000000 |

  @X86-CANON-2 @profile:x86-paging
  Scenario Outline: 5-level paging: a <who> <kind> of the non-canonical <address> raises #GP(0)
    Source: Intel SDM Vol. 3A, 4.5 "4-Level Paging and 5-Level Paging"
    Given 5-level paging
    And a 4 KB page mapped at 0x00abcdef12345678
    When a <who> <kind> of <address> is made
    Then the access raises #GP because of NON_CANONICAL_ADDRESS
    And no paging entry changed

    @variant:write @variant:above-lower-half
    Examples: a write
      | who        | kind  | address            |
      | supervisor | write | 0x0100000000000000 |

    @variant:fetch @variant:below-upper-half
    Examples: a fetch
      | who        | kind  | address            |
      | user       | fetch | 0xfeffffffffffffff |

  @X86-CANON-3 @profile:x86-paging
  Scenario Outline: In <mode> paging an address above 32 bits is refused
    Source: Intel SDM Vol. 3A, 4.1.1 "Four Paging Modes"
    Given <mode> paging
    When a supervisor read of 0x100000000 is made
    Then the call is rejected with LINEAR_ADDRESS_TOO_WIDE

    @variant:unpaged
    Examples: no paging
      | mode   |
      | no     |

    @variant:bits32
    Examples: 32-bit paging
      | mode   |
      | 32-bit |

    @variant:pae
    Examples: PAE paging
      | mode   |
      | PAE    |
