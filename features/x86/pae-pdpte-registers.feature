Feature: x86 PAE paging: the four PDPTE registers
  PAE paging starts from a 32-byte page-directory-pointer table named by CR3 bits 31:5. Its four
  entries are not read during walks: the processor copies them into four PDPTE registers when CR3 (or
  the paging mode) is loaded, checks them then, and raises #GP(0) instead of loading if a present entry
  has a reserved bit set (bits 2:1, 8:5 and 63:MAXPHYADDR). Later writes to the table in memory change
  nothing until the next load, and the processor never sets A or D in a PDPTE. An implementation that
  reads PDPTEs from memory on every walk can still pass the x86-paging profile; the register behaviour
  is the separate profile x86-pdpte-registers.

  @X86-PDPTE-1 @profile:x86-pdpte-registers
  Scenario: A PDPTE cleared in memory after the load still translates
    Source: Intel SDM Vol. 3A, 4.4.1 "PDPTE Registers"
    Given PAE paging
    And a 4 KB page mapped at 0xc7654321 to frame 0x7000
    When the PDPTE entry is overwritten in memory with 0x0
    And a supervisor read of 0xc7654321 is made
    Then the access translates to 0x7321

  @X86-PDPTE-1 @profile:x86-pdpte-registers
  Scenario: Reloading the registers picks up the PDPTE written in memory
    Source: Intel SDM Vol. 3A, 4.4.1 "PDPTE Registers"
    Given PAE paging
    And a 4 KB page mapped at 0xc7654321 to frame 0x7000
    When the PDPTE entry is overwritten in memory with 0x0
    And the control registers are loaded again
    And a supervisor read of 0xc7654321 is made
    Then the access page-faults with error code 0

  @X86-PDPTE-2 @profile:x86-pdpte-registers
  Scenario: A bad PDPTE makes the reload raise #GP and the old registers stay in force
    Source: Intel SDM Vol. 3A, 4.4.1 "PDPTE Registers"
    Given PAE paging
    And a 4 KB page mapped at 0xc7654321 to frame 0x7000
    When the PDPTE entry is overwritten in memory with 0x11003
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

    Examples:
      | kind  |
      | read  |
      | write |

  @X86-PDPTE-4 @profile:x86-paging
  Scenario Outline: A not-present PDPTE holding <value> faults every access to its gigabyte with P=0
    Source: Intel SDM Vol. 3A, 4.4.1 "PDPTE Registers"
    Given PAE paging
    And a 4 KB page mapped at 0xc7654321
    And the PDPTE entry holds <value>
    When a <who> <kind> of 0xc7654321 is made
    Then the access page-faults with error code <error>

    Examples:
      | value              | who        | kind  | error |
      | 0x0                | supervisor | read  | 0     |
      | 0xfffffffffffffffe | user       | write | W\|U   |
      | 0x11006            | user       | read  | U     |

  @X86-PDPTE-5 @profile:x86-pdpte-registers
  Scenario Outline: Bit <bit> of a present PDPTE is reserved under MAXPHYADDR <m>: the load raises #GP
    Source: Intel SDM Vol. 3A, 4.4.1 "PDPTE Registers"
    Given an x86 CPU with MAXPHYADDR <m>
    And PAE paging
    And a 4 KB page mapped at 0xc7654321
    And the PDPTE entry also has bit <bit> set
    When the control registers are loaded
    Then the register load raises #GP because of BAD_PDPTE

    Examples:
      | m  | bit |
      | 46 | 1   |
      | 46 | 2   |
      | 46 | 5   |
      | 46 | 6   |
      | 46 | 7   |
      | 46 | 8   |
      | 36 | 36  |
      | 46 | 51  |
      | 46 | 52  |
      | 46 | 63  |

  @X86-PDPTE-5 @profile:x86-pdpte-registers
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

    Examples:
      | cr3     |
      | 0x10060 |
      | 0x10078 |
      | 0x1007f |
