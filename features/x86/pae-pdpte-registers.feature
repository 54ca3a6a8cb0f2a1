Feature: x86 PAE paging: the four PDPTE registers
  PAE paging starts from a 32-byte page-directory-pointer table named by CR3 bits 31:5. Its four
  entries are not read during walks: the processor copies them into four PDPTE registers when CR3 (or
  the paging mode) is loaded, checks them then, and raises #GP(0) instead of loading if a present entry
  has a reserved bit set (bits 2:1, 8:5 and 63:MAXPHYADDR). Later writes to the table in memory change
  nothing until the next load, and the processor never sets A or D in a PDPTE. An implementation that
  reads PDPTEs from memory on every walk can still pass the x86-paging profile; the register behaviour
  is the separate profile x86-pdpte-registers.

  @X86-PDPTE-1 @profile:x86-pdpte-registers @variant:cleared @variant:without-reload
  Scenario: A PDPTE cleared in memory after the load still translates
    Source: Intel SDM Vol. 3A, 4.4.1 "PDPTE Registers"
    Given PAE paging
    And a 4 KB page mapped at 0xc7654321 to frame 0x7000
    When the PDPTE entry is overwritten in memory with 0x0
    And a supervisor read of 0xc7654321 is made
    Then the access translates to 0x7321

  @X86-PDPTE-1 @profile:x86-pdpte-registers @variant:cleared @variant:with-reload
  Scenario: Reloading the registers picks up the PDPTE written in memory
    Source: Intel SDM Vol. 3A, 4.4.1 "PDPTE Registers"
    Given PAE paging
    And a 4 KB page mapped at 0xc7654321 to frame 0x7000
    When the PDPTE entry is overwritten in memory with 0x0
    And the control registers are loaded again
    And a supervisor read of 0xc7654321 is made
    Then the access page-faults with error code 0

  @X86-PDPTE-1 @profile:x86-pdpte-registers @variant:redirected @variant:without-reload
  Scenario: A PDPTE pointed at another page directory in memory after the load still walks the old one
    Source: Intel SDM Vol. 3A, 4.4.1 "PDPTE Registers"
    Given PAE paging
    And a 4 KB page mapped at 0xc7654321 to frame 0x7000
    When the PDPTE entry is overwritten in memory with 0x20001
    And a supervisor read of 0xc7654321 is made
    Then the access translates to 0x7321
    And the PDE entry was read from 0x111d8

  @X86-PDPTE-1 @profile:x86-pdpte-registers @variant:redirected @variant:with-reload
  Scenario: After a reload the redirected PDPTE's empty page directory makes the access fault
    Source: Intel SDM Vol. 3A, 4.4.1 "PDPTE Registers"
    Given PAE paging
    And a 4 KB page mapped at 0xc7654321 to frame 0x7000
    When the PDPTE entry is overwritten in memory with 0x20001
    And the control registers are loaded again
    And a supervisor read of 0xc7654321 is made
    Then the access page-faults with error code 0

  @X86-PDPTE-1 @profile:x86-pdpte-registers @variant:made-present @variant:without-reload
  Scenario: A PDPTE that was not present at the load stays not present after memory makes it present
    Source: Intel SDM Vol. 3A, 4.4.1 "PDPTE Registers"
    Given PAE paging
    And a 4 KB page mapped at 0xc7654321 to frame 0x7000
    And the PDPTE entry holds 0x0
    When the PDPTE entry is overwritten in memory with 0x11001
    And a supervisor read of 0xc7654321 is made
    Then the access page-faults with error code 0

  @X86-PDPTE-1 @profile:x86-pdpte-registers @variant:made-present @variant:with-reload
  Scenario: A PDPTE made present in memory takes effect at the next load
    Source: Intel SDM Vol. 3A, 4.4.1 "PDPTE Registers"
    Given PAE paging
    And a 4 KB page mapped at 0xc7654321 to frame 0x7000
    And the PDPTE entry holds 0x0
    When the PDPTE entry is overwritten in memory with 0x11001
    And the control registers are loaded again
    And a supervisor read of 0xc7654321 is made
    Then the access translates to 0x7321

  @X86-PDPTE-1 @profile:x86-pdpte-registers @variant:cleared @variant:reentering-pae
  Scenario: Leaving PAE paging and entering it again with the same CR3 loads the PDPTEs afresh
    Source: Intel SDM Vol. 3A, 4.4.1 "PDPTE Registers"
    Given PAE paging
    And a 4 KB page mapped at 0xc7654321 to frame 0x7000
    When a supervisor read of 0xc7654321 is made
    Then the access translates to 0x7321
    When the control registers are loaded with CR0 0x1, CR3 0x10060, CR4 0x20 and EFER 0x0
    And the PDPTE entry is overwritten in memory with 0x0
    And the control registers are loaded again
    And a supervisor read of 0xc7654321 is made
    Then the access page-faults with error code 0

  @X86-PDPTE-2 @profile:x86-pdpte-registers @variant:used-entry
  Scenario: A bad PDPTE makes the reload raise #GP and the old registers stay in force
    Source: Intel SDM Vol. 3A, 4.4.1 "PDPTE Registers"
    Given PAE paging
    And a 4 KB page mapped at 0xc7654321 to frame 0x7000
    When the PDPTE entry is overwritten in memory with 0x11003
    And the control registers are loaded
    Then the register load raises #GP because of BAD_PDPTE
    When a supervisor read of 0xc7654321 is made
    Then the access translates to 0x7321

  @X86-PDPTE-2 @profile:x86-pdpte-registers @variant:other-entry
  Scenario: A bad PDPTE that the access does not use still makes the reload raise #GP, and the old registers stay in force
    Source: Intel SDM Vol. 3A, 4.4.1 "PDPTE Registers"
    Given PAE paging
    And a 4 KB page mapped at 0xc7654321 to frame 0x7000
    When a supervisor read of 0xc7654321 is made
    Then the access translates to 0x7321
    When I write 0x21041 to the 8 bytes at physical 0x10060
    And the PDPTE entry is overwritten in memory with 0x0
    And the control registers are loaded
    Then the register load raises #GP because of BAD_PDPTE
    When a supervisor read of 0xc7654321 is made
    Then the access translates to 0x7321

  @X86-PDPTE-3 @profile:x86-pdpte-registers
  Scenario Outline: A <kind> in PAE paging never sets A or D in the PDPTE
    Source: Intel SDM Vol. 3A, 4.8 "Accessed and Dirty Flags"
    Given PAE paging
    And a 4 KB page mapped at 0xc7654321
    When a user <kind> of 0xc7654321 is made
    Then the PDPTE entry has A clear and D clear
    And the PDE entry has A set and D clear

    @variant:read @variant:write @variant:fetch @variant:leaf-4k
    Examples:
      | kind  |
      | read  |
      | write |
      | fetch |

  @X86-PDPTE-3 @profile:x86-pdpte-registers
  Scenario Outline: A <kind> through a 2 MB page in PAE paging never sets A or D in the PDPTE
    Source: Intel SDM Vol. 3A, 4.8 "Accessed and Dirty Flags"
    Given PAE paging
    And a 2 MB page mapped at 0xc7654321 to frame 0x40000000
    When a user <kind> of 0xc7654321 is made
    Then the PDPTE entry has A clear and D clear
    And the PDE entry has A set and D <d>

    @variant:leaf-2m @variant:read @variant:write
    Examples:
      | kind  | d     |
      | read  | clear |
      | write | set   |

  @X86-PDPTE-4 @profile:x86-paging
  Scenario Outline: A not-present PDPTE holding <value> faults every access to its gigabyte with P=0
    Source: Intel SDM Vol. 3A, 4.4.1 "PDPTE Registers"
    Given PAE paging
    And a 4 KB page mapped at 0xc7654321
    And the PDPTE entry holds <value>
    When a <who> <kind> of 0xc7654321 is made
    Then the access page-faults with error code <error>

    @variant:zero @variant:read
    Examples: an empty PDPTE
      | value              | who        | kind  | error |
      | 0x0                | supervisor | read  | 0     |

    @variant:other-bits-set @variant:read @variant:write @variant:fetch
    Examples: P clear, every other bit set or reserved bits set
      | value              | who        | kind  | error |
      | 0xfffffffffffffffe | user       | write | W\|U   |
      | 0x11006            | user       | read  | U     |
      | 0x8000000000011066 | user       | fetch | U     |

  @X86-PDPTE-5 @profile:x86-pdpte-registers
  Scenario Outline: Bit <bit> of a present PDPTE is reserved under MAXPHYADDR <m>: the load raises #GP
    Source: Intel SDM Vol. 3A, 4.4.1 "PDPTE Registers"
    Given an x86 CPU with MAXPHYADDR <m>
    And PAE paging
    And a 4 KB page mapped at 0xc7654321
    And the PDPTE entry also has bit <bit> set
    When the control registers are loaded
    Then the register load raises #GP because of BAD_PDPTE

    @variant:low-flag-bits @variant:maxphyaddr-46
    Examples: bits 2:1 and 8:5
      | m  | bit |
      | 46 | 1   |
      | 46 | 2   |
      | 46 | 5   |
      | 46 | 6   |
      | 46 | 7   |
      | 46 | 8   |

    @variant:address-bits @variant:maxphyaddr-36 @variant:maxphyaddr-46
    Examples: address bits at or above MAXPHYADDR
      | m  | bit |
      | 36 | 36  |
      | 46 | 51  |

    @variant:top-bits @variant:maxphyaddr-46 @variant:maxphyaddr-52
    Examples: bits 63:52, reserved whatever MAXPHYADDR is
      | m  | bit |
      | 46 | 52  |
      | 46 | 63  |
      | 52 | 52  |
      | 52 | 62  |

  @X86-PDPTE-5 @profile:x86-pdpte-registers @variant:maxphyaddr-46
  Scenario Outline: Bit <bit> of a present PDPTE is not reserved and the load succeeds
    Source: Intel SDM Vol. 3A, 4.4.1 "PDPTE Registers"
    Given PAE paging
    And a 4 KB page mapped at 0xc7654321
    And the PDPTE entry also has bit <bit> set
    When the control registers are loaded
    Then the register load succeeds in PAE paging

    Examples:
      | bit |
      | 3   |
      | 4   |
      | 9   |
      | 11  |

  @X86-PDPTE-6 @profile:x86-paging
  Scenario Outline: CR3 <cr3> names the PDPT at 0x10060
    Source: Intel SDM Vol. 3A, 4.4.1 "PDPTE Registers"
    Given PAE paging
    And a 4 KB page mapped at 0xc7654321 to frame 0x7000
    When the control registers are loaded with CR0 0x80000001, CR3 <cr3>, CR4 0x20 and EFER 0x0
    And a supervisor read of 0xc7654321 is made
    Then the access translates to 0x7321
    And the PDPTE entry was read from 0x10078

    @variant:low-bits-clear @variant:low-memory
    Examples: CR3 bits 4:0 clear
      | cr3     |
      | 0x10060 |

    @variant:pwt-pcd-set @variant:low-memory
    Examples: CR3 bits 4:3 (PWT, PCD) set
      | cr3     |
      | 0x10078 |

    @variant:all-low-bits-set @variant:low-memory
    Examples: CR3 bits 4:0 all set
      | cr3     |
      | 0x1007f |

  @X86-PDPTE-6 @profile:x86-paging @variant:near-4g @variant:pwt-pcd-set
  Scenario: A PDPT just below 4 GB is found through CR3 bit 31
    Source: Intel SDM Vol. 3A, 4.4.1 "PDPTE Registers"
    Given PAE paging
    And the paging structures lie from 0xfff00000 in 0x100000000 bytes of guest RAM
    And a 4 KB page mapped at 0xc7654321 to frame 0x7000
    When the control registers are loaded with CR0 0x80000001, CR3 0xfff00078, CR4 0x20 and EFER 0x0
    And a supervisor read of 0xc7654321 is made
    Then the access translates to 0x7321
    And the PDPTE entry was read from 0xfff00078
