Feature: Shadow paging: the guest runs on monitor tables built from its own
  A guest keeps its own page tables in guest physical memory, but the CPU never runs on them: whenever
  the guest loads CR3, PGM gives the CPU a shadow (or "monitor") root instead, and fills the shadow tables
  from the guest's as the guest touches its memory, with every guest physical page replaced by the host
  page behind it. The upper shadow levels carry fixed flags; the shadow page directory entry carries the
  effective flags of all guest levels above the guest's page table; the shadow never grants more than
  the guest's tables do, and less where PGM needs to see the write first.

  When an access faults on the shadow tables, the monitor's fault handler looks at the guest's tables and
  decides. If the guest's tables do not allow the access, the fault is the guest's: it is handed to the
  guest with exactly the error code and CR2 the guest's tables produce. If they do, the fault was PGM's:
  the handler syncs the shadow entry, first giving a page on the zero page a private page, copying a
  shared page or recording a write to a write-monitored page, and resumes the access. The guest's own
  page tables are read-only in the shadow, so that every guest write to them traps: the handler carries
  the write out and brings the shadow back in step.

  Unless a scenario says otherwise, the host runs PAE paging, the guest runs legacy PAE paging with its
  PDPT at 0x10000, its page directory at 0x11000 and its first page table at 0x12000, and guest RAM is
  the first 4 MB of guest physical memory. Page-fault error codes: P is 0x1, W/R 0x2, U/S 0x4, I/D 0x10.

  Background:
    Given a shadow-paged VM on a PAE host whose host can give it 64 pages
    And a RAM range of 4 MB at 0x0
    And the guest keeps PAE page tables at 0x10000

  @PGM-SHW-1 @profile:pgm
  Scenario: The first access to a mapped page syncs a shadow entry that maps the host page behind it
    Source: 003_209c28ea7cb4a5f3.txt, "whenever the guest loads a PDBR"
    Given the guest maps 0x40001000 to 0x200000 writable user
    And the guest has written 0x1234 to the 8 bytes at 0x200000
    And the guest has loaded CR3
    When the guest reads 0x40001000 as user
    Then the monitor synced the shadow
    And the shadow maps 0x40001000 to the host page behind 0x200000
    And the guest read 0x1234

  @PGM-SHW-2 @profile:pgm
  Scenario: Once synced, the access runs on the shadow tables without the monitor
    Source: 003_209c28ea7cb4a5f3.txt, "whenever the guest loads a PDBR"
    Given the guest maps 0x40001000 to 0x200000 writable user
    And the guest has written 0x1234 to the 8 bytes at 0x200000
    And the guest has loaded CR3
    And the guest has read 0x40001000 as user
    When the guest reads 0x40001000 as user
    Then the monitor did nothing: the access ran on the shadow tables
    And the guest read 0x1234

  @PGM-SHW-3 @profile:pgm
  Scenario Outline: A <access> the guest's own tables refuse is reflected to the guest with error code <error>
    Source: 003_209c28ea7cb4a5f3.txt, "forward the page fault to the guest"
    Given the guest maps 0x40001000 to 0x200000 read-only user
    And the guest maps 0x40002000 to 0x201000 writable supervisor
    And the guest has loaded CR3
    When the guest <kind>s <address> as <privilege>
    Then the monitor reflected the fault
    And the guest gets a page fault with error code <error> and CR2 <address>

    Examples:
      | access                                | kind  | address    | privilege  | error |
      | read of an unmapped page              | read  | 0x40005000 | supervisor | 0x0   |
      | user write to an unmapped page        | write | 0x40005000 | user       | 0x6   |
      | user write to a read-only page        | write | 0x40001000 | user       | 0x7   |
      | user read of a supervisor page        | read  | 0x40002000 | user       | 0x5   |

  @PGM-SHW-3 @profile:pgm
  Scenario: A fetch from a no-execute page is reflected with the I/D bit
    Source: 003_209c28ea7cb4a5f3.txt, "forward the page fault to the guest"
    Given the guest keeps PAE with NX page tables at 0x10000
    And the guest maps 0x40001000 to 0x200000 writable supervisor no-execute
    And the guest has loaded CR3
    When the guest fetches from 0x40001000 as supervisor
    Then the monitor reflected the fault
    And the guest gets a page fault with error code 0x11 and CR2 0x40001000

  @PGM-SHW-4 @profile:pgm
  Scenario: In a legacy-PAE shadow the PDPT entry has fixed flags, R/W and U/S clear, whatever the guest has
    Source: 001_96135646f618994a.txt, "The Shadow Memory Context"
    Given the guest maps 0x40001000 to 0x200000 writable user
    And the guest has loaded CR3
    When the guest reads 0x40001000 as user
    Then the shadow's level-1 entry for 0x40001000 has R/W clear and U/S clear
    And the shadow maps 0x40001000 for user mode

  @PGM-SHW-5 @profile:pgm
  Scenario Outline: The shadow page directory entry carries the guest directory entry's <rights> rights
    Source: 001_96135646f618994a.txt, "The Shadow Memory Context"
    Given the guest maps 0x40001000 to 0x200000 writable user
    And the guest's level-2 entry for 0x40001000 is made <rights>
    And the guest has loaded CR3
    When the guest reads 0x40001000 as supervisor
    Then the shadow's level-2 entry for 0x40001000 has R/W <rw> and U/S <us>

    Examples:
      | rights               | rw    | us    |
      | writable user        | set   | set   |
      | read-only user       | clear | set   |
      | writable supervisor  | set   | clear |
      | read-only supervisor | clear | clear |

  @PGM-SHW-6 @profile:pgm
  Scenario Outline: The shadow never grants more than the guest: a <rights> guest page is <shadow> in the shadow
    Source: 001_96135646f618994a.txt, "The Shadow Memory Context"
    Given the guest maps 0x40001000 to 0x200000 <rights>
    And the guest has written 0x1 to the 1 bytes at 0x200000
    And the guest has loaded CR3
    When the guest reads 0x40001000 as supervisor
    Then the shadow maps 0x40001000 <shadow>

    Examples:
      | rights               | shadow                   |
      | read-only user       | read-only                |
      | writable supervisor  | for supervisor mode only |
      | writable user        | writable                 |
      | writable user        | for user mode            |

  @PGM-SHW-6 @profile:pgm
  Scenario: An executable page of a guest with NX stays executable in the shadow, beside a no-execute one
    Source: 001_96135646f618994a.txt, "The Shadow Memory Context"
    Given the guest keeps PAE with NX page tables at 0x10000
    And the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest maps 0x40002000 to 0x201000 writable supervisor no-execute
    And the guest has loaded CR3
    And the guest has read 0x40002000 as supervisor
    When the guest reads 0x40001000 as supervisor
    Then the shadow maps 0x40001000 executable

  @PGM-SHW-6 @profile:pgm
  Scenario Outline: A no-execute page of a <guest> guest is no-execute in the shadow
    Source: 001_96135646f618994a.txt, "The Shadow Memory Context"
    Given the guest keeps <guest> page tables at 0x10000
    And the guest maps 0x40001000 to 0x200000 writable supervisor no-execute
    And the guest has loaded CR3
    When the guest reads 0x40001000 as supervisor
    Then the shadow maps 0x40001000 no-execute

    Examples:
      | guest         |
      | PAE with NX   |
      | AMD64 with NX |

  @PGM-SHW-6 @profile:pgm
  Scenario: With CR4.SMEP set a supervisor fetch from a synced user page still faults for the guest
    Source: 001_96135646f618994a.txt, "The Shadow Memory Context"
    Given the guest runs with CR4.SMEP set
    And the guest maps 0x40001000 to 0x200000 writable user
    And the guest has written 0x1 to the 1 bytes at 0x200000
    And the guest has loaded CR3
    And the guest has read 0x40001000 as user
    When the guest fetches from 0x40001000 as supervisor
    Then the monitor reflected the fault
    And the guest gets a page fault with error code 0x11 and CR2 0x40001000

  @PGM-SHW-7 @profile:pgm
  Scenario: A read of a page on the zero page maps the zero page read-only
    Source: 000_20bc3ec9f13f3511.txt, "Allocating a page"
    Given the guest maps 0x40003000 to 0x300000 writable user
    And the guest has loaded CR3
    When the guest reads 0x40003000 as user
    Then the shadow maps 0x40003000 to the host page behind 0x300000
    And the page at 0x300000 is backed by the zero page
    And the shadow maps 0x40003000 read-only
    And the guest read 0x0

  @PGM-SHW-8 @profile:pgm
  Scenario: A guest write to a page on the zero page allocates it, then syncs a writable shadow entry
    Source: 000_20bc3ec9f13f3511.txt, "Allocating a page"
    Given the guest maps 0x40003000 to 0x300000 writable user
    And the guest has loaded CR3
    And the guest has read 0x40003000 as user
    When the guest writes 0x77 to the 8 bytes at linear 0x40003010 as user
    Then the monitor allocated a page and synced the shadow
    And the page at 0x300000 is in state ALLOCATED
    And the shadow maps 0x40003000 to the host page behind 0x300000
    And the shadow maps 0x40003000 writable

  @PGM-SHW-8 @profile:pgm
  Scenario: A write through one alias of a zero page drops the other alias's entry for the zero page
    Source: 000_20bc3ec9f13f3511.txt, "Allocating a page"
    Given the guest maps 0x40003000 to 0x300000 writable user
    And the guest maps 0x40203000 to 0x300000 writable user
    And the guest has loaded CR3
    And the guest has read 0x40003000 as user
    And the guest has read 0x40203000 as user
    When the guest writes 0x77 to the 8 bytes at linear 0x40003010 as user
    Then the shadow does not map 0x40203000
    And the shadow maps 0x40003000 to the host page behind 0x300000

  @PGM-SHW-9 @profile:pgm
  Scenario: A guest write to a shared page copies it, then syncs a writable shadow entry
    Source: 000_20bc3ec9f13f3511.txt, "Allocating a page"
    Given the guest maps 0x40003000 to 0x300000 writable user
    And the guest has written 0xABCD to the 2 bytes at 0x300000
    And the page at 0x300000 has been shared
    And the guest has loaded CR3
    And the guest has read 0x40003000 as user
    When the guest writes 0x77 to the 1 bytes at linear 0x40003010 as user
    Then the monitor copied the shared page and synced the shadow
    And the page at 0x300000 is in state ALLOCATED
    And the shadow maps 0x40003000 to the host page behind 0x300000

  @PGM-SHW-9 @profile:pgm
  Scenario: A shared page is mapped read-only in the shadow
    Source: 000_20bc3ec9f13f3511.txt, "Allocating a page"
    Given the guest maps 0x40003000 to 0x300000 writable user
    And the guest has written 0xABCD to the 2 bytes at 0x300000
    And the page at 0x300000 has been shared
    And the guest has loaded CR3
    When the guest reads 0x40003000 as user
    Then the shadow maps 0x40003000 read-only
    And the guest read 0xABCD

  @PGM-SHW-10 @profile:pgm
  Scenario: A guest write to a write-monitored page records it, then syncs a writable shadow entry
    Source: 000_20bc3ec9f13f3511.txt, "Per-VM"
    Given the guest maps 0x40003000 to 0x300000 writable user
    And the guest has written 0xABCD to the 2 bytes at 0x300000
    And write monitoring has been armed
    And the guest has loaded CR3
    When the guest writes 0x77 to the 1 bytes at linear 0x40003010 as user
    Then the monitor recorded the write and synced the shadow
    And the page at 0x300000 has been written to
    And the shadow maps 0x40003000 writable

  @PGM-SHW-10 @profile:pgm
  Scenario: Arming write monitoring takes write access away from the shadow
    Source: 000_20bc3ec9f13f3511.txt, "Per-VM"
    Given the guest maps 0x40003000 to 0x300000 writable user
    And the guest has written 0xABCD to the 2 bytes at 0x300000
    And the guest has loaded CR3
    And the guest has read 0x40003000 as user
    When write monitoring is armed
    Then the shadow does not map 0x40003000

  @PGM-SHW-10 @profile:pgm
  Scenario: Arming write monitoring takes write access away in every range, not only the first
    Source: 000_20bc3ec9f13f3511.txt, "Per-VM"
    Given a RAM range of 1 MB at 0x1000000
    And the guest maps 0x40003000 to 0x1003000 writable user
    And the guest has written 0xABCD to the 2 bytes at 0x1003000
    And the guest has loaded CR3
    And the guest has read 0x40003000 as user
    When write monitoring is armed
    Then the shadow does not map 0x40003000

  @PGM-SHW-11 @profile:pgm
  Scenario: The guest's own page table is read-only in the shadow even where the guest maps it writable
    Source: 003_209c28ea7cb4a5f3.txt, "marked read-only"
    Given the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest maps 0x40010000 to 0x12000 writable supervisor
    And the guest has loaded CR3
    When the guest reads 0x40010000 as supervisor
    Then the shadow maps 0x40010000 read-only
    And the monitor knows 0x12000 as a guest paging structure
    And the monitor knows 0x11000 as a guest paging structure

  @PGM-SHW-11 @profile:pgm
  Scenario: A page the shadow maps writable loses write access once the guest uses it as a page table
    Source: 003_209c28ea7cb4a5f3.txt, "marked read-only"
    Given the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest has loaded CR3
    And the guest's level-2 entry for 0x40200000 points at 0x200000
    And the guest has written 0x1 to the 8 bytes at linear 0x40001000 as supervisor
    And the shadow maps 0x40001000 writable
    When the guest reads 0x40200000 as supervisor
    Then the monitor knows 0x200000 as a guest paging structure
    And the shadow does not map 0x40001000

  @PGM-SHW-11 @profile:pgm
  Scenario: The guest tables walked for a dropped ROM write are watched like any others
    Source: 003_209c28ea7cb4a5f3.txt, "marked read-only"
    Given a ROM range of 4 KB at 0x800000
    And the guest maps 0x40009000 to 0x800000 writable supervisor
    And the guest has loaded CR3
    When the guest writes 0x55 to the 8 bytes at linear 0x40009000 as supervisor
    Then the monitor dropped the ROM write
    And the monitor knows 0x12000 as a guest paging structure
    And the monitor knows 0x11000 as a guest paging structure

  @PGM-SHW-12 @profile:pgm
  Scenario: A guest write to its own page table traps and is carried out by the monitor
    Source: 003_209c28ea7cb4a5f3.txt, "will trap to the monitor"
    Given the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest maps 0x40010000 to 0x12000 writable supervisor
    And the guest has loaded CR3
    And the guest has read 0x40010000 as supervisor
    When the guest writes 0x0 to the 8 bytes at linear 0x40010008 as supervisor
    Then the monitor emulated the page-table write
    And the guest gets no fault
    And the guest's level-3 entry for 0x40001000 reads 0x0

  @PGM-SHW-13 @profile:pgm
  Scenario: After the guest unmaps a page through its page table, the shadow follows
    Source: 003_209c28ea7cb4a5f3.txt, "will trap to the monitor"
    Given the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest maps 0x40010000 to 0x12000 writable supervisor
    And the guest has loaded CR3
    And the guest has read 0x40001000 as supervisor
    And the guest has read 0x40010000 as supervisor
    And the guest has written 0x0 to the 8 bytes at linear 0x40010008 as supervisor
    When the guest reads 0x40001000 as supervisor
    Then the monitor reflected the fault
    And the guest gets a page fault with error code 0x0 and CR2 0x40001000

  @PGM-SHW-13 @profile:pgm
  Scenario: A physical write to a guest page table also brings the shadow back in step
    Source: 003_209c28ea7cb4a5f3.txt, "will trap to the monitor"
    Given the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest has loaded CR3
    And the guest has read 0x40001000 as supervisor
    When the guest writes 0x0 to the 8 bytes at 0x12008
    Then the shadow does not map 0x40001000

  @PGM-SHW-14 @profile:pgm
  Scenario: INVLPG drops the shadow entry of one page
    Source: Intel SDM Vol. 3A, 4.10.4.1 "Operations that Invalidate TLBs and Paging-Structure Caches"
    Given the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest maps 0x40002000 to 0x201000 writable supervisor
    And the guest has loaded CR3
    And the guest has read 0x40001000 as supervisor
    And the guest has read 0x40002000 as supervisor
    When the guest invalidates 0x40001000 with INVLPG
    Then the shadow does not map 0x40001000
    And the shadow maps 0x40002000 to the host page behind 0x201000

  @PGM-SHW-14 @profile:pgm
  Scenario: After INVLPG the next access syncs the page again
    Source: Intel SDM Vol. 3A, 4.10.4.1 "Operations that Invalidate TLBs and Paging-Structure Caches"
    Given the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest has loaded CR3
    And the guest has read 0x40001000 as supervisor
    And the guest invalidates 0x40001000 with INVLPG
    When the guest reads 0x40001000 as supervisor
    Then the monitor synced the shadow

  @PGM-SHW-15 @profile:pgm
  Scenario: A CR3 load drops the whole shadow, which is rebuilt on demand
    Source: Intel SDM Vol. 3A, 4.10.4.1 "Operations that Invalidate TLBs and Paging-Structure Caches"
    Given the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest maps 0x40002000 to 0x201000 writable supervisor
    And the guest has loaded CR3
    And the guest has read 0x40001000 as supervisor
    And the guest has read 0x40002000 as supervisor
    When the guest loads CR3
    Then the shadow does not map 0x40001000
    And the shadow does not map 0x40002000

  @PGM-SHW-15 @profile:pgm
  Scenario: A CR3 load also drops the monitor's watch on the guest tables it walked before
    Source: Intel SDM Vol. 3A, 4.10.4.1 "Operations that Invalidate TLBs and Paging-Structure Caches"
    Given the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest has loaded CR3
    And the guest has read 0x40001000 as supervisor
    And the monitor knows 0x12000 as a guest paging structure
    When the guest loads CR3
    Then the monitor does not know 0x12000 as a guest paging structure

  @PGM-SHW-16 @profile:pgm
  Scenario: SyncCR3 flushes the entire shadow
    Source: 001_96135646f618994a.txt, "Virtual Access Handlers", step 2c
    Given the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest has loaded CR3
    And the guest has read 0x40001000 as supervisor
    When the VM syncs CR3
    Then the shadow does not map 0x40001000

  @PGM-SHW-17 @profile:pgm
  Scenario: A guest table that points back at itself maps the guest's own tables, read-only
    Source: 003_209c28ea7cb4a5f3.txt, "marked read-only"
    Given the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest's level-2 entry for 0x7FE00000 points back at its own table
    And the guest has loaded CR3
    And the guest has read 0x40001000 as supervisor
    When the guest reads 0x7FE00000 as supervisor
    Then the monitor synced the shadow
    And the shadow maps 0x7FE00000 to the host page behind 0x12000
    And the shadow maps 0x7FE00000 read-only

  @PGM-SHW-18 @profile:pgm
  Scenario: With CR0.WP clear a supervisor write to a read-only page is carried out by the monitor
    Source: 001_96135646f618994a.txt, "The Shadow Memory Context"
    Given the guest runs with CR0.WP clear
    And the guest maps 0x40001000 to 0x200000 read-only supervisor
    And the guest has written 0x1 to the 1 bytes at 0x200000
    And the guest has loaded CR3
    When the guest writes 0x99 to the 1 bytes at linear 0x40001000 as supervisor
    Then the monitor synced the shadow and emulated the access
    And the shadow maps 0x40001000 read-only

  @PGM-SHW-19 @profile:pgm
  Scenario: A guest in real mode runs on a shadow that maps its physical memory one to one
    Source: 001_96135646f618994a.txt, "Paging Modes"
    Given the guest has written 0x4242 to the 2 bytes at 0x5000
    When the guest reads 0x5000 as supervisor
    Then the VM's guest mode is real
    And the monitor synced the shadow
    And the shadow maps 0x5000 to the host page behind 0x5000
    And the guest read 0x4242

  @PGM-SHW-20 @profile:pgm
  Scenario: A guest CR3 outside guest RAM is refused and changes nothing
    Source: 003_209c28ea7cb4a5f3.txt, "whenever the guest loads a PDBR"
    When the guest loads CR3 with 0x800000
    Then the call is rejected with VERR_PGM_INVALID_GC_PHYSICAL_ADDRESS
    And the guest's registers and shadow are unchanged

  @PGM-SHW-20 @profile:pgm
  Scenario: A guest CR3 on an MMIO page is refused and changes nothing
    Source: 003_209c28ea7cb4a5f3.txt, "whenever the guest loads a PDBR"
    Given a MMIO range of 4 KB at 0xFEC00000
    When the guest loads CR3 with 0xFEC00000
    Then the call is rejected with VERR_PGM_PHYS_PAGE_RESERVED
    And the guest's registers and shadow are unchanged

  @PGM-SHW-21 @profile:pgm
  Scenario: A guest table that points outside guest RAM gives the guest a not-present page fault
    Source: 003_209c28ea7cb4a5f3.txt, "forward the page fault to the guest"
    Given the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest's level-2 entry for 0x40001000 points at 0x900000
    And the guest has loaded CR3
    When the guest reads 0x40001000 as supervisor
    Then the monitor reflected the fault
    And the guest gets a page fault with error code 0x0 and CR2 0x40001000

  @PGM-SHW-22 @profile:pgm
  Scenario Outline: A guest page mapped to <what> is refused with <status>, the guest's entries untouched
    Source: 000_20bc3ec9f13f3511.txt, "Per-VM"
    Given a MMIO range of 4 KB at 0xFEC00000
    And the guest maps 0x40004000 to <target> writable supervisor
    And the guest has loaded CR3
    When the guest reads 0x40004000 as supervisor
    Then the call is rejected with <status>
    And the guest's level-3 entry for 0x40004000 reads <entry>
    And the guest's registers and shadow are unchanged

    Examples:
      | what            | target     | status                               | entry      |
      | an MMIO page    | 0xFEC00000 | VERR_PGM_PHYS_PAGE_RESERVED          | 0xFEC00003 |
      | no RAM at all   | 0x900000   | VERR_PGM_INVALID_GC_PHYSICAL_ADDRESS | 0x900003   |

  @PGM-SHW-22 @profile:pgm
  Scenario: A 32-bit guest's page mapped to no RAM is refused, its entries and their neighbours untouched
    Source: 000_20bc3ec9f13f3511.txt, "Per-VM"
    Given the guest keeps 32-bit page tables at 0x20000
    And the guest maps 0x40004000 to 0x900000 writable supervisor
    And the guest maps 0x40005000 to 0x200000 writable supervisor
    And the guest has loaded CR3
    When the guest reads 0x40004000 as supervisor
    Then the call is rejected with VERR_PGM_INVALID_GC_PHYSICAL_ADDRESS
    And the guest's level-2 entry for 0x40004000 reads 0x900003
    And the guest's level-2 entry for 0x40005000 reads 0x200003

  @PGM-SHW-23 @profile:pgm
  Scenario Outline: A guest access of <width> bytes at <address> is refused: <why>
    Source: 000_20bc3ec9f13f3511.txt, "Per-VM"
    Given the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest has loaded CR3
    When the guest reads <width> bytes at linear <address> as supervisor
    Then the call is rejected with VERR_PGM_PHYS_MISALIGNED_ACCESS
    And the guest's registers and shadow are unchanged

    Examples:
      | width | address    | why                        |
      | 4     | 0x40001002 | not aligned to its width   |
      | 2     | 0x40001001 | not aligned to its width   |
      | 8     | 0x40001004 | not aligned to its width   |
      | 3     | 0x40001000 | not 1, 2, 4 or 8 bytes wide |
      | 16    | 0x40001000 | not 1, 2, 4 or 8 bytes wide |

  @PGM-SHW-23 @profile:pgm
  Scenario Outline: A guest read of <width> bytes aligned to its width is carried out
    Source: 000_20bc3ec9f13f3511.txt, "Per-VM"
    Given the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest has loaded CR3
    And the guest has written 0x1122334455667788 to the 8 bytes at linear 0x40001000 as supervisor
    When the guest reads <width> bytes at linear <address> as supervisor
    Then the guest read <value>

    Examples:
      | width | address    | value      |
      | 1     | 0x40001007 | 0x11       |
      | 2     | 0x40001002 | 0x5566     |
      | 4     | 0x40001004 | 0x11223344 |

  @PGM-SHW-24 @profile:pgm
  Scenario: A guest write the host has no page left for is refused, and nothing changes
    Source: 000_20bc3ec9f13f3511.txt, "Allocating a page"
    Given a shadow-paged VM on a PAE host whose host can give it 3 pages
    And a RAM range of 4 MB at 0x0
    And the guest keeps PAE page tables at 0x10000
    And the guest maps 0x40003000 to 0x300000 writable supervisor
    And the guest has loaded CR3
    When the guest writes 0x1 to the 1 bytes at linear 0x40003000 as supervisor
    Then the call is rejected with VERR_EM_NO_MEMORY
    And the guest's registers and shadow are unchanged
    And the guest's level-3 entry for 0x40003000 reads 0x300003

  @PGM-PHYS-11 @profile:pgm
  Scenario: A guest write through the shadow to a ROM page is dropped by the monitor
    Source: 000_20bc3ec9f13f3511.txt, "Per-VM"
    Given a ROM range of 4 KB at 0x800000
    And the guest maps 0x40009000 to 0x800000 writable supervisor
    And the guest has loaded CR3
    When the guest writes 0x55 to the 8 bytes at linear 0x40009000 as supervisor
    Then the monitor dropped the ROM write
