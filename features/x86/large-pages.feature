Feature: x86 large pages: 4 MB, 2 MB and 1 GB leaves above the page table
  A walk can end before the page table when an entry has its page-size bit (PS, bit 7) set. In 32-bit
  paging a PDE maps a 4 MB page, but only while CR4.PSE is set; with PSE-36 such a page can lie above
  4 GB, because PDE bits 20:13 then carry physical-address bits 39:32 (as many as MAXPHYADDR allows). In
  PAE, 4-level and 5-level paging a PDE maps a 2 MB page whatever CR4.PSE holds, and a PDPTE maps a 1 GB
  page on CPUs that have 1 GB pages. In every large leaf bit 12 is the PAT bit, not part of the address.

  @X86-LARGE-1 @profile:x86-paging @variant:pse-set
  Scenario: With CR4.PSE a 32-bit PDE with PS=1 maps a 4 MB page
    Source: Intel SDM Vol. 3A, 4.3 "32-Bit Paging"
    Given 32-bit paging
    And CR4.PSE is set
    And a 4 MB page mapped at 0x12345678 to frame 0x40000000
    When a supervisor read of 0x12345678 is made
    Then the access translates to 0x40345678
    And the page size is 4 MB
    And the translation used the PDE entries

  @X86-LARGE-1 @profile:x86-paging @variant:pse-clear
  Scenario: Without CR4.PSE bit 7 of a 32-bit PDE is ignored and the walk goes on to the PTE
    Source: Intel SDM Vol. 3A, 4.3 "32-Bit Paging"
    Given 32-bit paging
    And a 4 KB page mapped at 0x12345678 to frame 0x7000
    And the PDE entry also has bit 7 set
    When a supervisor read of 0x12345678 is made
    Then the access translates to 0x7678
    And the page size is 4 KB
    And the translation used the PDE and PTE entries

  @X86-LARGE-2 @profile:x86-paging
  Scenario Outline: A 4 MB page at <frame> under MAXPHYADDR <m> <with> PSE-36
    Source: Intel SDM Vol. 3A, 4.3 "32-Bit Paging"
    Given <cpu>
    And 32-bit paging
    And CR4.PSE is set
    And a 4 MB page mapped at 0x12345678 to frame <frame>
    When a user write of 0x12345678 is made
    Then the access translates to <pa>

    @variant:with-pse36 @variant:maxphyaddr-36 @variant:maxphyaddr-40 @variant:maxphyaddr-46
    Examples: with PSE-36, up to min(40, MAXPHYADDR) address bits
      | m  | with    | cpu                                                | frame        | pa           |
      | 36 | with    | an x86 CPU with MAXPHYADDR 36                      | 0xfffc00000  | 0xffff45678  |
      | 40 | with    | an x86 CPU with MAXPHYADDR 40                      | 0xfffc00000  | 0xffff45678  |
      | 40 | with    | an x86 CPU with MAXPHYADDR 40                      | 0xffffc00000 | 0xfffff45678 |
      | 46 | with    | an x86 CPU with MAXPHYADDR 46                      | 0xffffc00000 | 0xfffff45678 |

    @variant:with-pse36 @variant:maxphyaddr-32
    Examples: with PSE-36 but MAXPHYADDR 32, so no address bit above 4 GB
      | m  | with    | cpu                                                | frame        | pa           |
      | 32 | with    | an x86 CPU with MAXPHYADDR 32                      | 0xffc00000   | 0xfff45678   |

    @variant:without-pse36 @variant:maxphyaddr-46
    Examples: without PSE-36, below 4 GB
      | m  | with    | cpu                                                | frame        | pa           |
      | 46 | without | an x86 CPU with MAXPHYADDR 46 without PSE36        | 0xffc00000   | 0xfff45678   |

  @X86-LARGE-3 @profile:x86-paging
  Scenario Outline: A PDE with PS=1 maps a 2 MB page in <mode> paging with <bits> set
    Source: Intel SDM Vol. 3A, 4.5.4 "Linear-Address Translation with 4-Level Paging and 5-Level Paging"
    Given <mode> paging
    And <bits> are set
    And a 2 MB page mapped at <address> to frame 0x40000000
    When a supervisor write of <address> is made
    Then the access translates to <pa>
    And the page size is 2 MB

    @variant:pae @variant:pse-clear @variant:pse-set
    Examples: PAE paging
      | mode    | bits               | address            | pa         |
      | PAE     | CR0.WP             | 0xc7654321         | 0x40054321 |
      | PAE     | CR0.WP and CR4.PSE | 0xc7654321         | 0x40054321 |

    @variant:level4 @variant:pse-clear @variant:pse-set
    Examples: 4-level paging
      | mode    | bits               | address            | pa         |
      | 4-level | CR0.WP             | 0x7123456789ab     | 0x400789ab |
      | 4-level | CR0.WP and CR4.PSE | 0x7123456789ab     | 0x400789ab |

    @variant:level5 @variant:pse-clear @variant:pse-set
    Examples: 5-level paging
      | mode    | bits               | address            | pa         |
      | 5-level | CR0.WP             | 0x00abcdef12345678 | 0x40145678 |
      | 5-level | CR0.WP and CR4.PSE | 0x00abcdef12345678 | 0x40145678 |

  @X86-LARGE-4 @profile:x86-paging
  Scenario Outline: A PDPTE with PS=1 maps a 1 GB page in <mode> paging
    Source: Intel SDM Vol. 3A, 4.5.4 "Linear-Address Translation with 4-Level Paging and 5-Level Paging"
    Given <mode> paging
    And a 1 GB page mapped at <address> to frame 0x80000000
    When a user read of <address> is made
    Then the access translates to <pa>
    And the page size is 1 GB
    And the translation used the <entries> entries

    @variant:with-1g-pages @variant:level4
    Examples: 4-level paging
      | mode    | address            | pa         | entries                |
      | 4-level | 0x7123456789ab     | 0x856789ab | PML4E and PDPTE        |

    @variant:with-1g-pages @variant:level5
    Examples: 5-level paging
      | mode    | address            | pa         | entries                |
      | 5-level | 0x00abcdef12345678 | 0x92345678 | PML5E, PML4E and PDPTE |

  @X86-LARGE-4 @profile:x86-paging
  Scenario Outline: On a CPU without 1 GB pages PS in a PDPTE is reserved (<who> <kind>)
    Source: Intel SDM Vol. 3A, 4.5.4 "Linear-Address Translation with 4-Level Paging and 5-Level Paging"
    Given an x86 CPU with MAXPHYADDR 46 without PAGE_1GB
    And 4-level paging
    And EFER.NXE is set
    And a 1 GB page mapped at 0x7123456789ab to frame 0x80000000
    When a <who> <kind> of 0x7123456789ab is made
    Then the access page-faults with error code <error>
    And no paging entry changed but A in the non-leaf entries walked before the fault

    @variant:without-1g-pages @variant:level4
    Examples:
      | who        | kind  | error       |
      | supervisor | read  | P\|RSVD      |
      | user       | write | P\|W\|U\|RSVD  |
      | user       | fetch | P\|U\|RSVD\|ID |

  @X86-LARGE-4 @profile:x86-paging @variant:without-1g-pages @variant:level5
  Scenario: On a CPU without 1 GB pages PS in a 5-level PDPTE is reserved too
    Source: Intel SDM Vol. 3A, 4.5.4 "Linear-Address Translation with 4-Level Paging and 5-Level Paging"
    Given an x86 CPU with MAXPHYADDR 46 without PAGE_1GB
    And 5-level paging
    And a 1 GB page mapped at 0x00abcdef12345678 to frame 0x80000000
    When a supervisor write of 0x00abcdef12345678 is made
    Then the access page-faults with error code P|W|RSVD
    And no paging entry changed but A in the non-leaf entries walked before the fault

  @X86-LARGE-5 @profile:x86-paging
  Scenario Outline: Bit 12 of a <size> leaf is PAT and does not move the page (<mode> paging)
    Source: Intel SDM Vol. 3A, 4.5.4 "Linear-Address Translation with 4-Level Paging and 5-Level Paging"
    Given <mode> paging
    And CR4.PSE is set
    And a <size> page mapped at <address> to frame <frame>
    And the <leaf> entry also has bit 12 set
    When a supervisor read of <address> is made
    Then the access translates to <pa>

    @variant:page-4m @variant:bits32
    Examples: a 4 MB leaf
      | mode    | size | leaf  | address            | frame      | pa         |
      | 32-bit  | 4 MB | PDE   | 0x12345678         | 0x40000000 | 0x40345678 |

    @variant:page-2m @variant:pae @variant:level4
    Examples: 2 MB leaves
      | mode    | size | leaf  | address            | frame      | pa         |
      | PAE     | 2 MB | PDE   | 0xc7654321         | 0x40000000 | 0x40054321 |
      | 4-level | 2 MB | PDE   | 0x7123456789ab     | 0x40000000 | 0x400789ab |

    @variant:page-1g @variant:level4 @variant:level5
    Examples: 1 GB leaves
      | mode    | size | leaf  | address            | frame      | pa         |
      | 4-level | 1 GB | PDPTE | 0x7123456789ab     | 0x80000000 | 0x856789ab |
      | 5-level | 1 GB | PDPTE | 0x00abcdef12345678 | 0x80000000 | 0x92345678 |

  @X86-LARGE-6 @profile:x86-paging
  Scenario Outline: Bit 7 of a PTE is PAT, not a page size: the <mode> walk still ends at the PTE with a 4 KB page
    Source: Intel SDM Vol. 3A, 4.5.4 "Linear-Address Translation with 4-Level Paging and 5-Level Paging"
    Given <mode> paging
    And CR4.PSE is set
    And a 4 KB page mapped at <address> to frame 0x7000
    And the PTE entry also has bit 7 set
    When a supervisor write of <address> is made
    Then the access translates to <pa>
    And the page size is 4 KB
    And the PTE entry has A set and D set

    @variant:bits32
    Examples: 32-bit paging with CR4.PSE set
      | mode    | address            | pa     |
      | 32-bit  | 0x12345678         | 0x7678 |

    @variant:pae
    Examples: PAE paging
      | mode    | address            | pa     |
      | PAE     | 0xc7654321         | 0x7321 |

    @variant:level4
    Examples: 4-level paging
      | mode    | address            | pa     |
      | 4-level | 0x7123456789ab     | 0x79ab |

    @variant:level5
    Examples: 5-level paging
      | mode    | address            | pa     |
      | 5-level | 0x00abcdef12345678 | 0x7678 |
