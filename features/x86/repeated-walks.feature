Feature: x86 page walks: every access walks afresh
  A processor may keep translations in TLBs and paging-structure caches, and software must invalidate
  them after it changes an entry. The SPI models a processor whose caches are empty before every access,
  as right after a MOV to CR3 with no global pages: each access reads the paging structures as guest
  memory holds them at that moment and checks them against the registers and the access it is, and
  nothing an earlier access found is used again. In each scenario one MMU makes a first access that
  succeeds, then something changes (an entry in memory, the kind or privilege of the access, RFLAGS.AC,
  PKRU, CR3, or CR0.WP with CR3 kept), and a second access to the same address must see the change. An implementation that
  hands back the first answer, or skips setting A and D because the first access set them, fails here.
  In 4-level paging the tables lie from 0x10000: the PDE for 0x7123456789ab is at 0x12158 and points to
  the page table at 0x13000, whose PTE for the address is at 0x133c0.

  @X86-WALK-6 @profile:x86-paging @variant:not-present
  Scenario: A PTE made not present after a successful read makes the next read fault
    Source: Intel SDM Vol. 3A, 4.10 "Caching Translation Information"
    Given 4-level paging
    And a 4 KB page mapped at 0x7123456789ab to frame 0x5000
    When a supervisor read of 0x7123456789ab is made
    Then the access translates to 0x59ab
    When the PTE entry is overwritten in memory with 0x5026
    And a supervisor read of 0x7123456789ab is made
    Then the access page-faults with error code 0

  @X86-WALK-6 @profile:x86-paging @variant:new-frame
  Scenario: A PTE pointed at another frame after a successful read makes the next read translate to the new frame
    Source: Intel SDM Vol. 3A, 4.10 "Caching Translation Information"
    Given 4-level paging
    And a 4 KB page mapped at 0x7123456789ab to frame 0x5000
    When a user read of 0x7123456789ab is made
    Then the access translates to 0x59ab
    When the PTE entry is overwritten in memory with 0x9027
    And a user read of 0x7123456789ab is made
    Then the access translates to 0x99ab

  @X86-WALK-6 @profile:x86-paging @variant:rw-cleared
  Scenario: R/W cleared in the PTE after a successful write makes the next write fault
    Source: Intel SDM Vol. 3A, 4.10 "Caching Translation Information"
    Given 4-level paging
    And a 4 KB page mapped at 0x7123456789ab to frame 0x5000
    When a user write of 0x7123456789ab is made
    Then the access translates to 0x59ab
    When the PTE entry is overwritten in memory with 0x5065
    And a user write of 0x7123456789ab is made
    Then the access page-faults with error code P|W|U

  @X86-WALK-6 @profile:x86-paging @variant:us-cleared
  Scenario: U/S cleared in the PDE after a successful user read makes the next user read fault
    Source: Intel SDM Vol. 3A, 4.10 "Caching Translation Information"
    Given 4-level paging
    And a 4 KB page mapped at 0x7123456789ab to frame 0x5000
    When a user read of 0x7123456789ab is made
    Then the access translates to 0x59ab
    When the PDE entry is overwritten in memory with 0x13023
    And a user read of 0x7123456789ab is made
    Then the access page-faults with error code P|U

  @X86-WALK-6 @profile:x86-paging @variant:accessed-cleared
  Scenario: A cleared by the guest after a read is set again by the next read
    Source: Intel SDM Vol. 3A, 4.10 "Caching Translation Information"
    Given 4-level paging
    And a 4 KB page mapped at 0x7123456789ab to frame 0x5000
    When a supervisor read of 0x7123456789ab is made
    Then the PTE entry has A set and D clear
    When the PTE entry is overwritten in memory with 0x5007
    And a supervisor read of 0x7123456789ab is made
    Then the access translates to 0x59ab
    And the PTE entry has A set and D clear

  @X86-WALK-6 @profile:x86-paging @variant:dirty-cleared
  Scenario: A and D cleared by the guest after a write are set again by the next write
    Source: Intel SDM Vol. 3A, 4.10 "Caching Translation Information"
    Given 4-level paging
    And a 4 KB page mapped at 0x7123456789ab to frame 0x5000
    When a supervisor write of 0x7123456789ab is made
    Then the PTE entry has A set and D set
    When the PTE entry is overwritten in memory with 0x5007
    And a supervisor write of 0x7123456789ab is made
    Then the access translates to 0x59ab
    And the PTE entry has A set and D set

  @X86-WALK-6 @profile:x86-paging @variant:user-after-supervisor
  Scenario: A user read of a supervisor page faults after a supervisor read of it succeeded
    Source: Intel SDM Vol. 3A, 4.10 "Caching Translation Information"
    Given 4-level paging
    And a 4 KB page mapped at 0x7123456789ab to frame 0x5000
    And the PTE entry is P RW
    When a supervisor read of 0x7123456789ab is made
    Then the access translates to 0x59ab
    When a user read of 0x7123456789ab is made
    Then the access page-faults with error code P|U

  @X86-WALK-6 @profile:x86-paging @variant:write-after-read
  Scenario: A write to a read-only page faults after a read of it succeeded
    Source: Intel SDM Vol. 3A, 4.10 "Caching Translation Information"
    Given 4-level paging
    And a 4 KB page mapped at 0x7123456789ab to frame 0x5000
    And the PTE entry is P US
    When a user read of 0x7123456789ab is made
    Then the access translates to 0x59ab
    When a user write of 0x7123456789ab is made
    Then the access page-faults with error code P|W|U

  @X86-WALK-6 @profile:x86-paging @variant:fetch-after-read
  Scenario: A fetch from a non-executable page faults after a read of it succeeded
    Source: Intel SDM Vol. 3A, 4.10 "Caching Translation Information"
    Given 4-level paging
    And EFER.NXE is set
    And a 4 KB page mapped at 0x7123456789ab to frame 0x5000
    And the PTE entry is P RW US XD
    When a user read of 0x7123456789ab is made
    Then the access translates to 0x59ab
    When a user fetch of 0x7123456789ab is made
    Then the access page-faults with error code P|U|ID

  @X86-WALK-6 @profile:x86-paging @variant:rflags-ac-cleared
  Scenario: With SMAP, a supervisor read of a user page faults once RFLAGS.AC is cleared after a read with AC set
    Source: Intel SDM Vol. 3A, 4.10 "Caching Translation Information"
    Given 4-level paging
    And CR4.SMAP and RFLAGS.AC are set
    And a 4 KB page mapped at 0x7123456789ab to frame 0x5000
    When a supervisor read of 0x7123456789ab is made
    Then the access translates to 0x59ab
    When RFLAGS.AC is cleared
    And a supervisor read of 0x7123456789ab is made
    Then the access page-faults with error code P

  @X86-WALK-6 @profile:x86-paging @variant:pkru-changed
  Scenario: A user read faults once PKRU disables access for the page's key after a read with the key enabled
    Source: Intel SDM Vol. 3A, 4.10 "Caching Translation Information"
    Given 4-level paging
    And CR4.PKE is set
    And a 4 KB page mapped at 0x7123456789ab to frame 0x5000
    And the PTE entry has protection key 1
    When a user read of 0x7123456789ab is made
    Then the access translates to 0x59ab
    When PKRU is changed to 0x4
    And a user read of 0x7123456789ab is made
    Then the access page-faults with error code P|U|PK

  @X86-WALK-6 @profile:x86-paging @variant:cr3-reloaded
  Scenario: After CR3 is loaded with another page directory the same address translates through it
    Source: Intel SDM Vol. 3A, 4.10 "Caching Translation Information"
    Given 32-bit paging
    And a 4 KB page mapped at 0x12345678 to frame 0x5000
    When a supervisor read of 0x12345678 is made
    Then the access translates to 0x5678
    When I write 0x21007 to the 4 bytes at physical 0x20120
    And I write 0x9007 to the 4 bytes at physical 0x21d14
    And the control registers are loaded with CR0 0x80000001, CR3 0x20000, CR4 0x0 and EFER 0x0
    Then the register load succeeds in 32-bit paging
    When a supervisor read of 0x12345678 is made
    Then the access translates to 0x9678

  @X86-WALK-6 @profile:x86-paging @variant:wp-set
  Scenario: A supervisor write to a read-only page faults once CR0.WP is set by a load that keeps CR3
    Source: Intel SDM Vol. 3A, 4.10 "Caching Translation Information"
    Given 32-bit paging
    And a 4 KB page mapped at 0x12345678 to frame 0x5000
    And the PTE entry is P
    When a supervisor write of 0x12345678 is made
    Then the access translates to 0x5678
    When the control registers are loaded with CR0 0x80010001, CR3 0x10000, CR4 0x0 and EFER 0x0
    Then the register load succeeds in 32-bit paging
    When a supervisor write of 0x12345678 is made
    Then the access page-faults with error code P|W
