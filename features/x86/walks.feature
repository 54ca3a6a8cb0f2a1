Feature: x86 page walks: which entries a linear address selects in each mode
  A page walk splits the linear address into table indexes and a page offset. 32-bit paging uses bits
  31:22 to pick a 4-byte PDE in the page directory named by CR3, then bits 21:12 to pick a 4-byte PTE.
  PAE paging picks one of four PDPTE registers with bits 31:30, then 8-byte PDEs and PTEs with 9 bits
  each. 4-level paging uses four 9-bit indexes (PML4E, PDPTE, PDE, PTE) and 5-level paging adds a PML5E
  above them. The physical address is the frame in the last entry, the leaf, plus the page offset. In
  these scenarios CR3 names a table at 0x10000 (the PAE PDPT sits at 0x10060) and each lower table
  follows 4 KB higher, unless a scenario places the tables elsewhere.

  @X86-WALK-1 @profile:x86-paging @variant:small-indexes
  Scenario: 32-bit paging reads the PDE and PTE chosen by bits 31:22 and 21:12
    Source: Intel SDM Vol. 3A, 4.3 "32-Bit Paging"
    Given 32-bit paging
    And a 4 KB page mapped at 0x12345678 to frame 0xabcde000
    When a supervisor read of 0x12345678 is made
    Then the access translates to 0xabcde678
    And the translation used the PDE and PTE entries
    And the PDE entry was read from 0x10120
    And the PTE entry was read from 0x11d14
    And the page size is 4 KB

  @X86-WALK-1 @profile:x86-paging @variant:largest-indexes
  Scenario: 32-bit paging uses all ten bits of each index: the last PDE and the last PTE
    Source: Intel SDM Vol. 3A, 4.3 "32-Bit Paging"
    Given 32-bit paging
    And a 4 KB page mapped at 0xfffff123 to frame 0xabcde000
    When a user read of 0xfffff123 is made
    Then the access translates to 0xabcde123
    And the PDE entry was read from 0x10ffc
    And the PTE entry was read from 0x11ffc

  @X86-WALK-2 @profile:x86-paging @variant:pdpte-3
  Scenario: PAE paging takes the PDPTE register chosen by bits 31:30, then a PDE and a PTE
    Source: Intel SDM Vol. 3A, 4.4.2 "Linear-Address Translation with PAE Paging"
    Given PAE paging
    And a 4 KB page mapped at 0xc7654321 to frame 0x9abcde000
    When a supervisor read of 0xc7654321 is made
    Then the access translates to 0x9abcde321
    And the translation used the PDPTE, PDE and PTE entries
    And the PDPTE entry was read from 0x10078
    And the PDE entry was read from 0x111d8
    And the PTE entry was read from 0x122a0

  @X86-WALK-2 @profile:x86-paging
  Scenario Outline: PAE paging takes PDPTE register <slot> for <address>, loaded from <pdpte>
    Source: Intel SDM Vol. 3A, 4.4.2 "Linear-Address Translation with PAE Paging"
    Given PAE paging
    And a 4 KB page mapped at <address> to frame 0x9abcde000
    When a user write of <address> is made
    Then the access translates to 0x9abcde321
    And the PDPTE entry was read from <pdpte>
    And the PDE entry was read from <pde>

    @variant:pdpte-0
    Examples: the first gigabyte
      | slot | address    | pdpte   | pde     |
      | 0    | 0x00654321 | 0x10060 | 0x11018 |

    @variant:pdpte-1
    Examples: the second gigabyte
      | slot | address    | pdpte   | pde     |
      | 1    | 0x47654321 | 0x10068 | 0x111d8 |

    @variant:pdpte-2
    Examples: the third gigabyte
      | slot | address    | pdpte   | pde     |
      | 2    | 0x87654321 | 0x10070 | 0x111d8 |

  @X86-WALK-3 @profile:x86-paging @variant:tables-below-4g @variant:lower-half
  Scenario: 4-level paging reads PML4E, PDPTE, PDE and PTE chosen by four 9-bit indexes
    Source: Intel SDM Vol. 3A, 4.5.4 "Linear-Address Translation with 4-Level Paging and 5-Level Paging"
    Given 4-level paging
    And a 4 KB page mapped at 0x7123456789ab to frame 0x3ffffffff000
    When a user write of 0x7123456789ab is made
    Then the access translates to 0x3ffffffff9ab
    And the translation used the PML4E, PDPTE, PDE and PTE entries
    And the PML4E entry was read from 0x10710
    And the PDPTE entry was read from 0x11468
    And the PDE entry was read from 0x12158
    And the PTE entry was read from 0x133c0

  @X86-WALK-3 @profile:x86-paging @variant:tables-above-4g @variant:lower-half
  Scenario: 4-level paging finds a PML4 above 4 GB through all of CR3's address bits
    Source: Intel SDM Vol. 3A, 4.5.4 "Linear-Address Translation with 4-Level Paging and 5-Level Paging"
    Given 4-level paging
    And the paging structures lie from 0x100000000 in 0x200000000 bytes of guest RAM
    And a 4 KB page mapped at 0x7123456789ab to frame 0x3ffffffff000
    When a user write of 0x7123456789ab is made
    Then the access translates to 0x3ffffffff9ab
    And the PML4E entry was read from 0x100000710

  @X86-WALK-3 @profile:x86-paging @variant:tables-below-4g @variant:upper-half
  Scenario: 4-level paging indexes an upper-half address with bits 47:12 alone, ignoring its sign extension
    Source: Intel SDM Vol. 3A, 4.5.4 "Linear-Address Translation with 4-Level Paging and 5-Level Paging"
    Given 4-level paging
    And a 4 KB page mapped at 0xffff923456789abc to frame 0x3ffffffff000
    When a supervisor read of 0xffff923456789abc is made
    Then the access translates to 0x3ffffffffabc
    And the PML4E entry was read from 0x10920
    And the PDPTE entry was read from 0x11688
    And the PDE entry was read from 0x12598
    And the PTE entry was read from 0x13c48

  @X86-WALK-4 @profile:x86-paging @variant:lower-half
  Scenario: 5-level paging reads a PML5E chosen by bits 56:48 first
    Source: Intel SDM Vol. 3A, 4.5.4 "Linear-Address Translation with 4-Level Paging and 5-Level Paging"
    Given 5-level paging
    And a 4 KB page mapped at 0x00abcdef12345678 to frame 0x123456000
    When a user fetch of 0x00abcdef12345678 is made
    Then the access translates to 0x123456678
    And the translation used the PML5E, PML4E, PDPTE, PDE and PTE entries
    And the PML5E entry was read from 0x10558
    And the PML4E entry was read from 0x11cd8

  @X86-WALK-4 @profile:x86-paging @variant:upper-half
  Scenario: 5-level paging indexes an upper-half address with bits 56:12 alone
    Source: Intel SDM Vol. 3A, 4.5.4 "Linear-Address Translation with 4-Level Paging and 5-Level Paging"
    Given 5-level paging
    And a 4 KB page mapped at 0xff923456789abcde to frame 0x123456000
    When a supervisor write of 0xff923456789abcde is made
    Then the access translates to 0x123456cde
    And the translation used the PML5E, PML4E, PDPTE, PDE and PTE entries
    And the PML5E entry was read from 0x10c90
    And the PML4E entry was read from 0x11340
    And the PTE entry was read from 0x14d58

  @X86-WALK-5 @profile:x86-paging
  Scenario Outline: A <mode> translation reports its entries as read and the leaf frame plus offset
    Source: Intel SDM Vol. 3A, 4.2 "Hierarchical Paging Structures: An Overview"
    Given <mode> paging
    And a 4 KB page mapped at <address> to frame 0x7000
    And the PTE entry is P RW US A
    When a supervisor read of <address> is made
    Then the access translates to <pa>
    And the translation used the <entries> entries

    @variant:page-4k @variant:bits32 @variant:pae @variant:level4 @variant:level5
    Examples:
      | mode    | address            | pa     | entries                               |
      | 32-bit  | 0x00401fff         | 0x7fff | PDE and PTE                           |
      | PAE     | 0x80000001         | 0x7001 | PDPTE, PDE and PTE                    |
      | 4-level | 0xffff800000000800 | 0x7800 | PML4E, PDPTE, PDE and PTE             |
      | 5-level | 0xff80000000000abc | 0x7abc | PML5E, PML4E, PDPTE, PDE and PTE      |

  @X86-WALK-5 @profile:x86-paging
  Scenario Outline: A <mode> translation through a <size> leaf reports the <entries> entries and the leaf frame plus offset
    Source: Intel SDM Vol. 3A, 4.2 "Hierarchical Paging Structures: An Overview"
    Given <mode> paging
    And CR4.PSE is set
    And a <size> page mapped at <address> to frame <frame>
    When a user read of <address> is made
    Then the access translates to <pa>
    And the page size is <size>
    And the translation used the <entries> entries

    @variant:page-4m @variant:bits32
    Examples: a 4 MB leaf
      | mode    | size | address            | frame       | pa          | entries                |
      | 32-bit  | 4 MB | 0xffffffff         | 0x40000000  | 0x403fffff  | PDE                    |

    @variant:page-2m @variant:pae @variant:level5
    Examples: 2 MB leaves
      | mode    | size | address            | frame       | pa          | entries                |
      | PAE     | 2 MB | 0x80000001         | 0x40000000  | 0x40000001  | PDPTE and PDE          |
      | 5-level | 2 MB | 0xff80000000000abc | 0x40000000  | 0x40000abc  | PML5E, PML4E, PDPTE and PDE |

    @variant:page-1g @variant:level4
    Examples: a 1 GB leaf
      | mode    | size | address            | frame       | pa          | entries                |
      | 4-level | 1 GB | 0xffff80003fffffff | 0x80000000  | 0xbfffffff  | PML4E and PDPTE        |
