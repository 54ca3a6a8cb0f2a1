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

  A guest large page (4 MB in a 32-bit guest with CR4.PSE, 2 MB in PAE and AMD64, 1 GB in AMD64) is
  shadowed 4 KB at a time: each piece the guest touches gets a shadow entry for the host page behind that
  piece. The CPU never walks the guest's tables, so the monitor keeps their accessed and dirty flags: a
  page whose guest entry is not yet dirty stays read-only in the shadow until the guest's first write.

  Unless a scenario says otherwise, the host runs PAE paging, the guest runs legacy PAE paging with its
  PDPT at 0x10000, its page directory at 0x11000 and its first page table at 0x12000, and guest RAM is
  the first 4 MB of guest physical memory. Page-fault error codes: P is 0x1, W/R 0x2, U/S 0x4, RSVD 0x8,
  I/D 0x10. A guest entry reads as the frame plus its flags: P 0x1, R/W 0x2, U/S 0x4, A 0x20, D 0x40,
  PS 0x80.

  Background:
    Given a shadow-paged VM on a PAE host whose host can give it 64 pages
    And a RAM range of 4 MB at 0x0
    And the guest keeps PAE page tables at 0x10000

  @PGM-SHW-1 @profile:pgm @variant:guest-pae @variant:page-4k @variant:first-read @variant:lower-half
  Scenario: The first access to a mapped page syncs a shadow entry that maps the host page behind it
    Source: FreeMWare list, monitor page tables [003], "whenever the guest loads a PDBR"
    Given the guest maps 0x40001000 to 0x200000 writable user
    And the guest has written 0x1234 to the 8 bytes at 0x200000
    And the guest has loaded CR3
    When the guest reads 0x40001000 as user
    Then the monitor synced the shadow
    And the shadow maps 0x40001000 to the host page behind 0x200000
    And the guest read 0x1234

  @PGM-SHW-1 @profile:pgm
  Scenario Outline: The first read of a 4 KB piece of a <guest> guest's <size> page syncs the host page behind that piece
    Source: FreeMWare list, monitor page tables [003], "whenever the guest loads a PDBR"
    Given the guest keeps <guest> page tables at 0x20000
    And the guest maps <page> to <frame> writable user as a <size> page
    And the guest has written 0x1234 to the 8 bytes at 0x201008
    And the guest has loaded CR3
    When the guest reads 8 bytes at linear <piece> as user
    Then the monitor synced the shadow
    And the shadow maps <piece> to the host page behind 0x201000
    And the guest read 0x1234

    @variant:guest-32bit @variant:page-4m
    Examples: the upper half of a 4 MB page
      | guest  | size | page       | frame    | piece      |
      | 32-bit | 4 MB | 0x40000000 | 0x0      | 0x40201008 |

    @variant:page-2m
    Examples: a 2 MB page
      | guest  | size | page       | frame    | piece      |
      | PAE    | 2 MB | 0x40200000 | 0x200000 | 0x40201008 |
      | AMD64  | 2 MB | 0x40200000 | 0x200000 | 0x40201008 |

    @variant:guest-amd64 @variant:page-1g
    Examples: a 1 GB page
      | guest  | size | page       | frame    | piece      |
      | AMD64  | 1 GB | 0x40000000 | 0x0      | 0x40201008 |

  @PGM-SHW-1 @profile:pgm @variant:guest-amd64 @variant:upper-half
  Scenario: The first read of a page in the upper canonical half of an AMD64 guest syncs the host page behind it
    Source: FreeMWare list, monitor page tables [003], "whenever the guest loads a PDBR"
    Given the guest keeps AMD64 page tables at 0x20000
    And the guest maps 0xFFFF800000001000 to 0x200000 writable supervisor
    And the guest has written 0x1234 to the 8 bytes at 0x200008
    And the guest has loaded CR3
    When the guest reads 8 bytes at linear 0xFFFF800000001008 as supervisor
    Then the monitor synced the shadow
    And the shadow maps 0xFFFF800000001000 to the host page behind 0x200000
    And the guest read 0x1234

  @PGM-SHW-1 @profile:pgm @variant:first-write
  Scenario: A first access that is a write syncs a shadow entry for the host page behind the page, and the write lands there
    Source: FreeMWare list, monitor page tables [003], "whenever the guest loads a PDBR"
    Given the guest maps 0x40001000 to 0x200000 writable user
    And the guest has written 0x1 to the 8 bytes at 0x200000
    And the guest has loaded CR3
    When the guest writes 0x77 to the 8 bytes at linear 0x40001010 as user
    Then the monitor synced the shadow
    And the shadow maps 0x40001000 to the host page behind 0x200000
    When the guest reads 8 bytes at 0x200010
    Then the read returns 0x77

  @PGM-SHW-1 @profile:pgm @variant:first-fetch
  Scenario: A first access that is an instruction fetch syncs a shadow entry for the host page behind the page
    Source: FreeMWare list, monitor page tables [003], "whenever the guest loads a PDBR"
    Given the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest has written 0x90 to the 1 bytes at 0x200000
    And the guest has loaded CR3
    When the guest fetches from 0x40001000 as supervisor
    Then the monitor synced the shadow
    And the shadow maps 0x40001000 to the host page behind 0x200000
    And the guest read 0x90

  @PGM-SHW-2 @profile:pgm @variant:read-again @variant:page-4k
  Scenario: Once synced, the access runs on the shadow tables without the monitor
    Source: FreeMWare list, monitor page tables [003], "whenever the guest loads a PDBR"
    Given the guest maps 0x40001000 to 0x200000 writable user
    And the guest has written 0x1234 to the 8 bytes at 0x200000
    And the guest has loaded CR3
    And the guest has read 0x40001000 as user
    When the guest reads 0x40001000 as user
    Then the monitor did nothing: the access ran on the shadow tables
    And the guest read 0x1234

  @PGM-SHW-2 @profile:pgm @variant:write-again
  Scenario: Once a write has synced a writable entry, the next write runs on the shadow tables without the monitor
    Source: FreeMWare list, monitor page tables [003], "whenever the guest loads a PDBR"
    Given the guest maps 0x40001000 to 0x200000 writable user
    And the guest has loaded CR3
    And the guest has written 0x1 to the 8 bytes at linear 0x40001000 as user
    When the guest writes 0x2 to the 8 bytes at linear 0x40001008 as user
    Then the monitor did nothing: the access ran on the shadow tables

  @PGM-SHW-2 @profile:pgm @variant:fetch-again
  Scenario: Once a fetch has synced the page, the next fetch runs on the shadow tables without the monitor
    Source: FreeMWare list, monitor page tables [003], "whenever the guest loads a PDBR"
    Given the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest has loaded CR3
    And the guest has fetched from 0x40001000 as supervisor
    When the guest fetches from 0x40001008 as supervisor
    Then the monitor did nothing: the access ran on the shadow tables

  @PGM-SHW-2 @profile:pgm @variant:page-2m
  Scenario: Once a piece of a guest 2 MB page is synced, the next read of it runs on the shadow tables
    Source: FreeMWare list, monitor page tables [003], "whenever the guest loads a PDBR"
    Given the guest maps 0x40200000 to 0x200000 writable user as a 2 MB page
    And the guest has written 0x1234 to the 8 bytes at 0x3FF000
    And the guest has loaded CR3
    And the guest has read 0x403FF000 as user
    When the guest reads 0x403FF000 as user
    Then the monitor did nothing: the access ran on the shadow tables
    And the guest read 0x1234

  @PGM-SHW-3 @profile:pgm
  Scenario Outline: A <access> the guest's own tables refuse is reflected to the guest with error code <error>
    Source: FreeMWare list, monitor page tables [003], "forward the page fault to the guest"
    Given the guest maps 0x40001000 to 0x200000 read-only user
    And the guest maps 0x40002000 to 0x201000 writable supervisor
    And the guest has loaded CR3
    When the guest <kind>s <address> as <privilege>
    Then the monitor reflected the fault
    And the guest gets a page fault with error code <error> and CR2 <address>

    @variant:not-present @variant:supervisor-access @variant:page-4k @variant:page-start
    Examples: not present
      | access                                | kind  | address    | privilege  | error |
      | read of an unmapped page              | read  | 0x40005000 | supervisor | 0x0   |
      | user write to an unmapped page        | write | 0x40005000 | user       | 0x6   |

    @variant:write-to-read-only @variant:user-access
    Examples: a write the guest forbids
      | access                                | kind  | address    | privilege  | error |
      | user write to a read-only page        | write | 0x40001000 | user       | 0x7   |
      | supervisor write to a read-only page  | write | 0x40001000 | supervisor | 0x3   |

    @variant:user-to-supervisor
    Examples: a user access to a supervisor page
      | access                                | kind  | address    | privilege  | error |
      | user read of a supervisor page        | read  | 0x40002000 | user       | 0x5   |

    @variant:inside-page
    Examples: an access that does not start its page, CR2 naming its own byte
      | access                                | kind  | address    | privilege  | error |
      | read inside an unmapped page          | read  | 0x40005AB8 | supervisor | 0x0   |
      | user write inside a read-only page    | write | 0x40001678 | user       | 0x7   |
      | user read inside a supervisor page    | read  | 0x40002FF8 | user       | 0x5   |

  @PGM-SHW-3 @profile:pgm @variant:fetch-from-no-execute
  Scenario: A fetch from a no-execute page is reflected with the I/D bit
    Source: FreeMWare list, monitor page tables [003], "forward the page fault to the guest"
    Given the guest keeps PAE with NX page tables at 0x10000
    And the guest maps 0x40001000 to 0x200000 writable supervisor no-execute
    And the guest has loaded CR3
    When the guest fetches from 0x40001000 as supervisor
    Then the monitor reflected the fault
    And the guest gets a page fault with error code 0x11 and CR2 0x40001000

  @PGM-SHW-3 @profile:pgm @variant:reserved-bit
  Scenario: An access through a guest entry with a reserved bit set is reflected with P and RSVD
    Source: FreeMWare list, monitor page tables [003], "forward the page fault to the guest"
    Given the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest's level-3 entry for 0x40001000 has bit 62 set
    And the guest has loaded CR3
    When the guest reads 0x40001010 as supervisor
    Then the monitor reflected the fault
    And the guest gets a page fault with error code 0x9 and CR2 0x40001010

  @PGM-SHW-3 @profile:pgm
  Scenario Outline: A <access> inside a <guest> guest's <size> page is reflected with error code <error> and its own CR2
    Source: FreeMWare list, monitor page tables [003], "forward the page fault to the guest"
    Given the guest keeps <guest> page tables at 0x20000
    And the guest maps <page> to <frame> <rights> as a <size> page
    And the guest has loaded CR3
    When the guest <kind>s <address> as user
    Then the monitor reflected the fault
    And the guest gets a page fault with error code <error> and CR2 <address>

    @variant:page-2m
    Examples: a 2 MB page
      | access                   | guest  | size | page       | frame    | rights              | kind  | address    | error |
      | user write               | PAE    | 2 MB | 0x40200000 | 0x200000 | read-only user      | write | 0x40323458 | 0x7   |

    @variant:page-4m
    Examples: a 4 MB page
      | access                   | guest  | size | page       | frame    | rights              | kind  | address    | error |
      | user read                | 32-bit | 4 MB | 0x40000000 | 0x0      | writable supervisor | read  | 0x40323458 | 0x5   |

  @PGM-SHW-4 @profile:pgm @variant:pae-shadow-of-pae-guest @variant:page-4k
  Scenario: In a legacy-PAE shadow the PDPT entry has fixed flags, R/W and U/S clear, whatever the guest has
    Source: VirtualBox PGM documentation [001], "The Shadow Memory Context"
    Given the guest maps 0x40001000 to 0x200000 writable user
    And the guest has loaded CR3
    When the guest reads 0x40001000 as user
    Then the shadow's level-1 entry for 0x40001000 has R/W clear and U/S clear
    And the shadow maps 0x40001000 for user mode

  @PGM-SHW-4 @profile:pgm @variant:pae-shadow-of-32bit-guest
  Scenario: A 32-bit guest's PAE shadow has the fixed PDPT entry too, though the guest has no PDPT
    Source: VirtualBox PGM documentation [001], "The Shadow Memory Context"
    Given the guest keeps 32-bit page tables at 0x20000
    And the guest maps 0x40001000 to 0x200000 writable user
    And the guest has loaded CR3
    When the guest reads 0x40001000 as user
    Then the shadow's level-1 entry for 0x40001000 has R/W clear and U/S clear
    And the shadow maps 0x40001000 for user mode

  @PGM-SHW-4 @profile:pgm @variant:page-2m
  Scenario: The shadow of a piece of a guest 2 MB page has the fixed PDPT entry above it
    Source: VirtualBox PGM documentation [001], "The Shadow Memory Context"
    Given the guest maps 0x40200000 to 0x200000 writable user as a 2 MB page
    And the guest has loaded CR3
    When the guest reads 0x40201000 as user
    Then the shadow's level-1 entry for 0x40201000 has R/W clear and U/S clear
    And the shadow maps 0x40201000 for user mode

  @PGM-SHW-5 @profile:pgm
  Scenario Outline: The shadow page directory entry carries the guest directory entry's <rights> rights
    Source: VirtualBox PGM documentation [001], "The Shadow Memory Context"
    Given the guest maps 0x40001000 to 0x200000 writable user
    And the guest's level-2 entry for 0x40001000 is made <rights>
    And the guest has loaded CR3
    When the guest reads 0x40001000 as supervisor
    Then the shadow's level-2 entry for 0x40001000 has R/W <rw> and U/S <us>

    @variant:guest-pae @variant:guest-pde @variant:page-table-leaf
    Examples: rights the guest grants
      | rights               | rw    | us    |
      | writable user        | set   | set   |

    @variant:read-only
    Examples: a read-only directory entry
      | rights               | rw    | us    |
      | read-only user       | clear | set   |
      | read-only supervisor | clear | clear |

    @variant:supervisor-only
    Examples: a supervisor-only directory entry
      | rights               | rw    | us    |
      | writable supervisor  | set   | clear |

  @PGM-SHW-5 @profile:pgm @variant:guest-32bit
  Scenario: The PAE shadow directory entry of a 32-bit guest carries its read-only supervisor directory entry
    Source: VirtualBox PGM documentation [001], "The Shadow Memory Context"
    Given the guest keeps 32-bit page tables at 0x20000
    And the guest maps 0x40001000 to 0x200000 writable user
    And the guest's level-1 entry for 0x40001000 is made read-only supervisor
    And the guest has loaded CR3
    When the guest reads 0x40001000 as supervisor
    Then the shadow's level-2 entry for 0x40001000 has R/W clear and U/S clear

  @PGM-SHW-5 @profile:pgm @variant:large-page-leaf
  Scenario Outline: The shadow directory entry over a guest 2 MB page carries the large page's own <rights> rights
    Source: VirtualBox PGM documentation [001], "The Shadow Memory Context"
    Given the guest maps 0x40200000 to 0x200000 <rights> as a 2 MB page
    And the guest has loaded CR3
    When the guest reads 0x40201000 as supervisor
    Then the shadow's level-2 entry for 0x40201000 has R/W <rw> and U/S <us>

    Examples:
      | rights               | rw    | us    |
      | read-only user       | clear | set   |
      | writable supervisor  | set   | clear |
      | read-only supervisor | clear | clear |

  @PGM-SHW-6 @profile:pgm
  Scenario Outline: The shadow never grants more than the guest: a dirty <rights> guest page is <shadow> in the shadow
    Source: VirtualBox PGM documentation [001], "The Shadow Memory Context"
    Given the guest maps 0x40001000 to 0x200000 <rights> dirty
    And the guest has written 0x1 to the 1 bytes at 0x200000
    And the guest has loaded CR3
    When the guest reads 0x40001000 as supervisor
    Then the shadow maps 0x40001000 <shadow>

    @variant:guest-pae @variant:page-4k @variant:no-write
    Examples: no write where the guest forbids it
      | rights               | shadow                   |
      | read-only user       | read-only                |

    @variant:no-user
    Examples: no user access to a supervisor page
      | rights               | shadow                   |
      | writable supervisor  | for supervisor mode only |

    Examples: what the guest grants
      | rights               | shadow                   |
      | writable user        | for user mode            |

  @PGM-SHW-6 @profile:pgm @variant:guest-pae-nx
  Scenario: An executable page of a guest with NX stays executable in the shadow, beside a no-execute one
    Source: VirtualBox PGM documentation [001], "The Shadow Memory Context"
    Given the guest keeps PAE with NX page tables at 0x10000
    And the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest maps 0x40002000 to 0x201000 writable supervisor no-execute
    And the guest has loaded CR3
    And the guest has read 0x40002000 as supervisor
    When the guest reads 0x40001000 as supervisor
    Then the shadow maps 0x40001000 executable

  @PGM-SHW-6 @profile:pgm
  Scenario Outline: A no-execute page of a <guest> guest is no-execute in the shadow
    Source: VirtualBox PGM documentation [001], "The Shadow Memory Context"
    Given the guest keeps <guest> page tables at 0x10000
    And the guest maps 0x40001000 to 0x200000 writable supervisor no-execute
    And the guest has loaded CR3
    When the guest reads 0x40001000 as supervisor
    Then the shadow maps 0x40001000 no-execute

    @variant:no-execute
    Examples: a PAE guest with NX
      | guest         |
      | PAE with NX   |

    @variant:guest-amd64-nx
    Examples: an AMD64 guest with NX
      | guest         |
      | AMD64 with NX |

  @PGM-SHW-6 @profile:pgm @variant:no-supervisor-fetch-under-smep
  Scenario: With CR4.SMEP set a supervisor fetch from a synced user page still faults for the guest
    Source: VirtualBox PGM documentation [001], "The Shadow Memory Context"
    Given the guest runs with CR4.SMEP set
    And the guest maps 0x40001000 to 0x200000 writable user
    And the guest has written 0x1 to the 1 bytes at 0x200000
    And the guest has loaded CR3
    And the guest has read 0x40001000 as user
    When the guest fetches from 0x40001000 as supervisor
    Then the monitor reflected the fault
    And the guest gets a page fault with error code 0x11 and CR2 0x40001000

  @PGM-SHW-6 @profile:pgm @variant:guest-32bit
  Scenario: A read-only page of a 32-bit guest is read-only in its PAE shadow
    Source: VirtualBox PGM documentation [001], "The Shadow Memory Context"
    Given the guest keeps 32-bit page tables at 0x20000
    And the guest maps 0x40001000 to 0x200000 read-only user dirty
    And the guest has written 0x1 to the 1 bytes at 0x200000
    And the guest has loaded CR3
    When the guest reads 0x40001000 as supervisor
    Then the shadow maps 0x40001000 read-only

  @PGM-SHW-6 @profile:pgm
  Scenario Outline: A piece of a <guest> guest's dirty <rights> <size> page is <shadow> in the shadow
    Source: VirtualBox PGM documentation [001], "The Shadow Memory Context"
    Given the guest keeps <guest> page tables at 0x20000
    And the guest maps <page> to <frame> <rights> dirty as a <size> page
    And the guest has written 0x1 to the 1 bytes at 0x301000
    And the guest has loaded CR3
    When the guest reads <piece> as supervisor
    Then the shadow maps <piece> <shadow>

    @variant:page-2m
    Examples: a 2 MB page
      | guest         | size | page       | frame    | rights                          | piece      | shadow                   |
      | PAE           | 2 MB | 0x40200000 | 0x200000 | read-only user                  | 0x40301000 | read-only                |
      | PAE with NX   | 2 MB | 0x40200000 | 0x200000 | writable supervisor no-execute  | 0x40301000 | no-execute               |

    @variant:page-4m
    Examples: a 4 MB page
      | guest         | size | page       | frame    | rights                          | piece      | shadow                   |
      | 32-bit        | 4 MB | 0x40000000 | 0x0      | writable supervisor             | 0x40301000 | for supervisor mode only |

    @variant:page-1g
    Examples: a 1 GB page
      | guest         | size | page       | frame    | rights                          | piece      | shadow                   |
      | AMD64 with NX | 1 GB | 0x40000000 | 0x0      | writable supervisor no-execute  | 0x40301000 | no-execute               |

  @PGM-SHW-7 @profile:pgm @variant:page-4k @variant:read-access
  Scenario: A read of a page on the zero page maps the zero page read-only
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given the guest maps 0x40003000 to 0x300000 writable user
    And the guest has loaded CR3
    When the guest reads 0x40003000 as user
    Then the shadow maps 0x40003000 to the host page behind 0x300000
    And the page at 0x300000 is backed by the zero page
    And the shadow maps 0x40003000 read-only
    And the guest read 0x0

  @PGM-SHW-7 @profile:pgm @variant:fetch-access
  Scenario: A fetch from a page on the zero page maps the zero page read-only
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given the guest maps 0x40003000 to 0x300000 writable supervisor dirty
    And the guest has loaded CR3
    When the guest fetches from 0x40003000 as supervisor
    Then the shadow maps 0x40003000 to the host page behind 0x300000
    And the page at 0x300000 is backed by the zero page
    And the shadow maps 0x40003000 read-only

  @PGM-SHW-7 @profile:pgm @variant:page-2m
  Scenario: A read of a piece of a guest 2 MB page still on the zero page maps the zero page read-only
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given the guest maps 0x40200000 to 0x200000 writable user dirty as a 2 MB page
    And the guest has loaded CR3
    When the guest reads 0x40303000 as user
    Then the shadow maps 0x40303000 to the host page behind 0x303000
    And the page at 0x303000 is backed by the zero page
    And the shadow maps 0x40303000 read-only
    And the guest read 0x0

  @PGM-SHW-8 @profile:pgm @variant:page-4k @variant:synced-read-only
  Scenario: A guest write to a page on the zero page allocates it, then syncs a writable shadow entry
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given the guest maps 0x40003000 to 0x300000 writable user
    And the guest has loaded CR3
    And the guest has read 0x40003000 as user
    When the guest writes 0x77 to the 8 bytes at linear 0x40003010 as user
    Then the monitor allocated a page and synced the shadow
    And the page at 0x300000 is in state ALLOCATED
    And the shadow maps 0x40003000 to the host page behind 0x300000
    And the shadow maps 0x40003000 writable

  @PGM-SHW-8 @profile:pgm @variant:never-synced
  Scenario: A first access that writes a page on the zero page allocates it and syncs a writable entry at once
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given the guest maps 0x40003000 to 0x300000 writable user
    And the guest has loaded CR3
    When the guest writes 0x77 to the 8 bytes at linear 0x40003010 as user
    Then the monitor allocated a page and synced the shadow
    And the page at 0x300000 is in state ALLOCATED
    And the shadow maps 0x40003000 to the host page behind 0x300000
    And the shadow maps 0x40003000 writable

  @PGM-SHW-8 @profile:pgm @variant:page-2m
  Scenario: A guest write to a piece of a guest 2 MB page on the zero page allocates that piece alone
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given the guest maps 0x40200000 to 0x200000 writable user as a 2 MB page
    And the guest has loaded CR3
    And the guest has read 0x40303000 as user
    When the guest writes 0x77 to the 8 bytes at linear 0x40303010 as user
    Then the monitor allocated a page and synced the shadow
    And the page at 0x303000 is in state ALLOCATED
    And the page at 0x304000 is in state ZERO
    And the shadow maps 0x40303000 to the host page behind 0x303000
    And the shadow maps 0x40303000 writable

  @PGM-SHW-9 @profile:pgm @variant:copy-on-write @variant:page-4k
  Scenario: A guest write to a shared page copies it, then syncs a writable shadow entry
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given the guest maps 0x40003000 to 0x300000 writable user
    And the guest has written 0xABCD to the 2 bytes at 0x300000
    And the page at 0x300000 has been shared
    And the guest has loaded CR3
    And the guest has read 0x40003000 as user
    When the guest writes 0x77 to the 1 bytes at linear 0x40003010 as user
    Then the monitor copied the shared page and synced the shadow
    And the page at 0x300000 is in state ALLOCATED
    And the shadow maps 0x40003000 to the host page behind 0x300000

  @PGM-SHW-9 @profile:pgm @variant:read-only-mapping
  Scenario: A shared page is mapped read-only in the shadow, though the guest's entry is writable and dirty
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given the guest maps 0x40003000 to 0x300000 writable user dirty
    And the guest has written 0xABCD to the 2 bytes at 0x300000
    And the page at 0x300000 has been shared
    And the guest has loaded CR3
    When the guest reads 0x40003000 as user
    Then the shadow maps 0x40003000 read-only
    And the guest read 0xABCD

  @PGM-SHW-9 @profile:pgm @variant:page-2m
  Scenario: A guest write to a shared piece of a guest 2 MB page copies that piece into a private page
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given the guest maps 0x40200000 to 0x200000 writable user as a 2 MB page
    And the guest has written 0xABCD to the 2 bytes at 0x303000
    And the page at 0x303000 has been shared
    And the guest has loaded CR3
    And the guest has read 0x40303000 as user
    When the guest writes 0x77 to the 1 bytes at linear 0x40303010 as user
    Then the monitor copied the shared page and synced the shadow
    And the page at 0x303000 is in state ALLOCATED
    And the shadow maps 0x40303000 to the host page behind 0x303000
    When the guest reads 2 bytes at linear 0x40303000 as user
    Then the guest read 0xABCD

  @PGM-SHW-10 @profile:pgm @variant:write-recorded @variant:page-4k
  Scenario: A guest write to a write-monitored page records it, then syncs a writable shadow entry
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given the guest maps 0x40003000 to 0x300000 writable user
    And the guest has written 0xABCD to the 2 bytes at 0x300000
    And write monitoring has been armed
    And the guest has loaded CR3
    When the guest writes 0x77 to the 1 bytes at linear 0x40003010 as user
    Then the monitor recorded the write and synced the shadow
    And the page at 0x300000 has been written to
    And the shadow maps 0x40003000 writable

  @PGM-SHW-10 @profile:pgm @variant:arming-takes-write-away @variant:first-range @variant:one-mapping
  Scenario: Arming write monitoring takes write access away from the shadow
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given the guest maps 0x40003000 to 0x300000 writable user
    And the guest has written 0xABCD to the 2 bytes at 0x300000
    And the guest has loaded CR3
    And the guest has written 0x1 to the 1 bytes at linear 0x40003008 as user
    And the shadow maps 0x40003000 writable
    When write monitoring is armed
    Then the shadow does not map 0x40003000

  @PGM-SHW-10 @profile:pgm @variant:later-range
  Scenario: Arming write monitoring takes write access away in every range, not only the first
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a RAM range of 1 MB at 0x1000000
    And the guest maps 0x40003000 to 0x1003000 writable user
    And the guest has written 0xABCD to the 2 bytes at 0x1003000
    And the guest has loaded CR3
    And the guest has written 0x1 to the 1 bytes at linear 0x40003008 as user
    And the shadow maps 0x40003000 writable
    When write monitoring is armed
    Then the shadow does not map 0x40003000

  @PGM-SHW-10 @profile:pgm @variant:several-mappings
  Scenario: Arming write monitoring takes write access away from every linear address that maps the page
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given the guest maps 0x40003000 to 0x300000 writable user
    And the guest maps 0x40004000 to 0x300000 writable user
    And the guest maps 0x40203000 to 0x300000 writable user
    And the guest has written 0xABCD to the 2 bytes at 0x300000
    And the guest has loaded CR3
    And the guest has written 0x1 to the 1 bytes at linear 0x40003008 as user
    And the guest has written 0x2 to the 1 bytes at linear 0x40004008 as user
    And the guest has written 0x3 to the 1 bytes at linear 0x40203008 as user
    When write monitoring is armed
    Then the shadow does not map 0x40003000 writable
    And the shadow does not map 0x40004000 writable
    And the shadow does not map 0x40203000 writable

  @PGM-SHW-10 @profile:pgm @variant:page-2m
  Scenario: Arming write monitoring takes write access away from a piece of a guest 2 MB page
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given the guest maps 0x40200000 to 0x200000 writable user as a 2 MB page
    And the guest has written 0xABCD to the 2 bytes at 0x303000
    And the guest has loaded CR3
    And the guest has written 0x1 to the 1 bytes at linear 0x40303008 as user
    And the shadow maps 0x40303000 writable
    When write monitoring is armed
    Then the shadow does not map 0x40303000 writable
    When the guest writes 0x2 to the 1 bytes at linear 0x40303010 as user
    Then the monitor recorded the write and synced the shadow
    And the page at 0x303000 has been written to

  @PGM-SHW-11 @profile:pgm @variant:page-table @variant:guest-4k-page @variant:one-mapping @variant:synced-access @variant:table-first
  Scenario: The guest's own page table is read-only in the shadow even where the guest maps it writable and dirty
    Source: FreeMWare list, monitor page tables [003], "marked read-only"
    Given the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest maps 0x40010000 to 0x12000 writable supervisor dirty
    And the guest has loaded CR3
    When the guest reads 0x40010000 as supervisor
    Then the shadow maps 0x40010000 read-only
    And the monitor knows 0x12000 as a guest paging structure
    And the monitor knows 0x11000 as a guest paging structure

  @PGM-SHW-11 @profile:pgm @variant:mapping-first
  Scenario: A page the shadow maps writable loses write access once the guest uses it as a page table
    Source: FreeMWare list, monitor page tables [003], "marked read-only"
    Given the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest has loaded CR3
    And the guest's level-2 entry for 0x40200000 points at 0x200000
    And the guest has written 0x1 to the 8 bytes at linear 0x40001000 as supervisor
    And the shadow maps 0x40001000 writable
    When the guest reads 0x40200000 as supervisor
    Then the monitor knows 0x200000 as a guest paging structure
    And the shadow does not map 0x40001000

  @PGM-SHW-11 @profile:pgm @variant:every-structure-of-a-walk
  Scenario: The monitor knows every paging structure a guest walk read, and lists them in ascending order
    Source: FreeMWare list, monitor page tables [003], "marked read-only"
    Given the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest's level-2 entry for 0x40200000 points at 0x200000
    And the guest has written 0x1 to the 8 bytes at 0x200000
    And the guest has loaded CR3
    When the guest reads 0x40200000 as supervisor
    Then the monitor knows 0x10000 as a guest paging structure
    And the monitor knows 0x11000 as a guest paging structure
    And the monitor knows 0x200000 as a guest paging structure
    And the monitor lists the guest paging structures it knows in ascending order

  @PGM-SHW-11 @profile:pgm @variant:every-structure-of-a-walk @variant:pml4
  Scenario: The monitor knows all four paging structures an AMD64 guest walk read, and lists them in ascending order
    Source: FreeMWare list, monitor page tables [003], "marked read-only"
    Given the guest keeps AMD64 page tables at 0x10000
    And the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest's level-3 entry for 0x40200000 points at 0x200000
    And the guest has written 0x1 to the 8 bytes at 0x200000
    And the guest has loaded CR3
    When the guest reads 0x40200000 as supervisor
    Then the monitor knows 0x10000 as a guest paging structure
    And the monitor knows 0x11000 as a guest paging structure
    And the monitor knows 0x12000 as a guest paging structure
    And the monitor knows 0x200000 as a guest paging structure
    And the monitor lists the guest paging structures it knows in ascending order

  @PGM-SHW-11 @profile:pgm @variant:dropped-rom-write
  Scenario: The guest tables walked for a dropped ROM write are watched like any others
    Source: FreeMWare list, monitor page tables [003], "marked read-only"
    Given a ROM range of 4 KB at 0x800000
    And the guest maps 0x40009000 to 0x800000 writable supervisor
    And the guest has loaded CR3
    When the guest writes 0x55 to the 8 bytes at linear 0x40009000 as supervisor
    Then the monitor dropped the ROM write
    And the monitor knows 0x12000 as a guest paging structure
    And the monitor knows 0x11000 as a guest paging structure

  @PGM-SHW-11 @profile:pgm
  Scenario Outline: The guest's <structure> is read-only in the shadow where the guest maps it writable and dirty
    Source: FreeMWare list, monitor page tables [003], "marked read-only"
    Given the guest keeps <guest> page tables at 0x10000
    And the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest maps 0x40010000 to <table> writable supervisor dirty
    And the guest has loaded CR3
    And the guest has read 0x40001000 as supervisor
    When the guest reads 0x40010000 as supervisor
    Then the monitor knows <table> as a guest paging structure
    And the shadow maps 0x40010000 read-only

    @variant:page-directory
    Examples: a page directory
      | structure      | guest | table   |
      | page directory | PAE   | 0x11000 |

    @variant:pae-pdpt
    Examples: a legacy PAE page directory pointer table
      | structure      | guest | table   |
      | PDPT           | PAE   | 0x10000 |

    @variant:pml4
    Examples: an AMD64 PML4
      | structure      | guest | table   |
      | PML4           | AMD64 | 0x10000 |

  @PGM-SHW-11 @profile:pgm @variant:several-mappings
  Scenario: A guest page table the guest maps at two linear addresses is read-only in the shadow at both
    Source: FreeMWare list, monitor page tables [003], "marked read-only"
    Given the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest maps 0x40010000 to 0x12000 writable supervisor dirty
    And the guest maps 0x40210000 to 0x12000 writable supervisor dirty
    And the guest has loaded CR3
    And the guest has read 0x40010000 as supervisor
    When the guest reads 0x40210000 as supervisor
    Then the shadow maps 0x40010000 read-only
    And the shadow maps 0x40210000 read-only

  @PGM-SHW-11 @profile:pgm @variant:guest-large-page
  Scenario: A guest page table inside a dirty guest 2 MB page, not at its start, is read-only in the shadow
    Source: FreeMWare list, monitor page tables [003], "marked read-only"
    Given the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest maps 0x40200000 to 0x0 writable supervisor dirty as a 2 MB page
    And the guest has loaded CR3
    And the guest has read 0x40001000 as supervisor
    And the guest has read 0x40300000 as supervisor
    When the guest reads 0x40212000 as supervisor
    Then the monitor knows 0x12000 as a guest paging structure
    And the shadow maps 0x40212000 to the host page behind 0x12000
    And the shadow maps 0x40212000 read-only

  @PGM-SHW-12 @profile:pgm @variant:page-table-entry @variant:whole-entry @variant:guest-4k-page @variant:known-structure
  Scenario: A guest write to its own page table traps and is carried out by the monitor
    Source: FreeMWare list, monitor page tables [003], "will trap to the monitor"
    Given the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest maps 0x40010000 to 0x12000 writable supervisor
    And the guest has loaded CR3
    And the guest has read 0x40010000 as supervisor
    When the guest writes 0x0 to the 8 bytes at linear 0x40010008 as supervisor
    Then the monitor emulated the page-table write
    And the guest gets no fault
    And the guest's level-3 entry for 0x40001000 reads 0x0

  @PGM-SHW-12 @profile:pgm @variant:page-table-entry @variant:whole-entry @variant:guest-4k-page @variant:first-walked
  Scenario: A guest's first access after a CR3 load, a write to the page table its own walk goes through, traps and is carried out by the monitor
    Source: FreeMWare list, monitor page tables [003], "will trap to the monitor"
    Given the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest maps 0x40010000 to 0x12000 writable supervisor
    And the guest has loaded CR3
    When the guest writes 0x0 to the 8 bytes at linear 0x40010008 as supervisor
    Then the monitor emulated the page-table write
    And the guest gets no fault
    And the guest's level-3 entry for 0x40001000 reads 0x0

  @PGM-SHW-12 @profile:pgm @variant:directory-entry @variant:first-walked
  Scenario: A guest's first access after a CR3 load, a write to the page directory its own walk goes through, traps and is carried out by the monitor
    Source: FreeMWare list, monitor page tables [003], "will trap to the monitor"
    Given the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest maps 0x40201000 to 0x201000 writable supervisor
    And the guest maps 0x40010000 to 0x11000 writable supervisor
    And the guest has loaded CR3
    When the guest writes 0x0 to the 8 bytes at linear 0x40010008 as supervisor
    Then the monitor emulated the page-table write
    And the guest gets no fault
    And the guest's level-2 entry for 0x40201000 reads 0x0

  @PGM-SHW-12 @profile:pgm @variant:directory-entry @variant:known-structure
  Scenario: A guest write to its own page directory traps and is carried out by the monitor
    Source: FreeMWare list, monitor page tables [003], "will trap to the monitor"
    Given the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest maps 0x40201000 to 0x201000 writable supervisor
    And the guest maps 0x40010000 to 0x11000 writable supervisor
    And the guest has loaded CR3
    And the guest has read 0x40010000 as supervisor
    When the guest writes 0x0 to the 8 bytes at linear 0x40010008 as supervisor
    Then the monitor emulated the page-table write
    And the guest gets no fault
    And the guest's level-2 entry for 0x40201000 reads 0x0

  @PGM-SHW-12 @profile:pgm @variant:part-of-entry @variant:known-structure
  Scenario: A guest write to one byte of its own page table entry traps and changes that byte alone
    Source: FreeMWare list, monitor page tables [003], "will trap to the monitor"
    Given the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest maps 0x40010000 to 0x12000 writable supervisor
    And the guest has loaded CR3
    And the guest has read 0x40010000 as supervisor
    When the guest writes 0x1 to the 1 bytes at linear 0x40010008 as supervisor
    Then the monitor emulated the page-table write
    And the guest's level-3 entry for 0x40001000 reads 0x200001

  @PGM-SHW-12 @profile:pgm @variant:guest-large-page @variant:known-structure
  Scenario: A guest write to its own page table through a guest 2 MB page traps and is carried out by the monitor
    Source: FreeMWare list, monitor page tables [003], "will trap to the monitor"
    Given the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest maps 0x40200000 to 0x0 writable supervisor dirty as a 2 MB page
    And the guest has loaded CR3
    And the guest has read 0x40001000 as supervisor
    And the guest has read 0x40212000 as supervisor
    When the guest writes 0x0 to the 8 bytes at linear 0x40212008 as supervisor
    Then the monitor emulated the page-table write
    And the guest's level-3 entry for 0x40001000 reads 0x0

  @PGM-SHW-13 @profile:pgm @variant:guest-write @variant:unmapped @variant:page-table-entry
  Scenario: After the guest unmaps a page through its page table, the shadow follows
    Source: FreeMWare list, monitor page tables [003], "will trap to the monitor"
    Given the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest maps 0x40010000 to 0x12000 writable supervisor
    And the guest has loaded CR3
    And the guest has read 0x40001000 as supervisor
    And the guest has read 0x40010000 as supervisor
    And the guest has written 0x0 to the 8 bytes at linear 0x40010008 as supervisor
    When the guest reads 0x40001000 as supervisor
    Then the monitor reflected the fault
    And the guest gets a page fault with error code 0x0 and CR2 0x40001000

  @PGM-SHW-13 @profile:pgm @variant:physical-write
  Scenario: A physical write to a guest page table also brings the shadow back in step
    Source: FreeMWare list, monitor page tables [003], "will trap to the monitor"
    Given the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest has loaded CR3
    And the guest has read 0x40001000 as supervisor
    When the guest writes 0x0 to the 8 bytes at 0x12008
    Then the shadow does not map 0x40001000

  @PGM-SHW-13 @profile:pgm @variant:remapped
  Scenario: After the guest points its page table entry at another page, the shadow maps the new page
    Source: FreeMWare list, monitor page tables [003], "will trap to the monitor"
    Given the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest has written 0x1111 to the 8 bytes at 0x200000
    And the guest has written 0x2222 to the 8 bytes at 0x201000
    And the guest has loaded CR3
    And the guest has read 0x40001000 as supervisor
    When the guest maps 0x40001000 to 0x201000 writable supervisor
    And the guest reads 0x40001000 as supervisor
    Then the guest read 0x2222
    And the shadow maps 0x40001000 to the host page behind 0x201000

  @PGM-SHW-13 @profile:pgm @variant:write-revoked
  Scenario: After the guest makes its page table entry read-only, the shadow no longer lets the guest write
    Source: FreeMWare list, monitor page tables [003], "will trap to the monitor"
    Given the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest has loaded CR3
    And the guest has written 0x1 to the 8 bytes at linear 0x40001000 as supervisor
    And the shadow maps 0x40001000 writable
    When the guest's level-3 entry for 0x40001000 is made read-only supervisor
    Then the shadow does not map 0x40001000 writable
    When the guest writes 0x2 to the 8 bytes at linear 0x40001000 as supervisor
    Then the monitor reflected the fault
    And the guest gets a page fault with error code 0x3 and CR2 0x40001000

  @PGM-SHW-13 @profile:pgm @variant:directory-entry
  Scenario: After the guest clears a page directory entry, every page under it is gone from the shadow
    Source: FreeMWare list, monitor page tables [003], "will trap to the monitor"
    Given the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest maps 0x40002000 to 0x201000 writable supervisor
    And the guest has loaded CR3
    And the guest has read 0x40001000 as supervisor
    And the guest has read 0x40002000 as supervisor
    When the guest clears the present bit of its level-2 entry for 0x40001000
    Then the shadow does not map 0x40001000
    And the shadow does not map 0x40002000
    When the guest reads 0x40002000 as supervisor
    Then the monitor reflected the fault
    And the guest gets a page fault with error code 0x0 and CR2 0x40002000

  @PGM-SHW-13 @profile:pgm @variant:large-page-entry
  Scenario: After the guest points a 2 MB page's entry elsewhere, no piece of the old page stays in the shadow
    Source: FreeMWare list, monitor page tables [003], "will trap to the monitor"
    Given the guest maps 0x40200000 to 0x200000 writable supervisor as a 2 MB page
    And the guest has written 0x1111 to the 8 bytes at 0x201000
    And the guest has written 0x2222 to the 8 bytes at 0x202000
    And the guest has loaded CR3
    And the guest has read 0x40201000 as supervisor
    And the guest has read 0x40202000 as supervisor
    When the guest maps 0x40200000 to 0x0 writable supervisor as a 2 MB page
    Then the shadow does not map 0x40201000
    And the shadow does not map 0x40202000
    When the guest reads 0x40202000 as supervisor
    Then the shadow maps 0x40202000 to the host page behind 0x2000

  @PGM-SHW-14 @profile:pgm @variant:drops-one-entry @variant:page-4k @variant:neighbour-in-same-table
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

  @PGM-SHW-14 @profile:pgm @variant:page-the-wide-address-would-alias
  Scenario: INVLPG of an address above 4 GB in a PAE guest drops no shadow entry
    Source: Intel SDM Vol. 3A, 4.10.4.1 "Operations that Invalidate TLBs and Paging-Structure Caches"
    Given the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest has loaded CR3
    And the guest has read 0x40001000 as supervisor
    When the guest invalidates 0x140001000 with INVLPG
    Then the shadow maps 0x40001000 to the host page behind 0x200000
    And the shadow does not map 0x140001000

  @PGM-SHW-14 @profile:pgm @variant:page-the-non-canonical-address-would-alias
  Scenario: INVLPG of a non-canonical address in an AMD64 guest drops no shadow entry
    Source: Intel SDM Vol. 3A, 4.10.4.1 "Operations that Invalidate TLBs and Paging-Structure Caches"
    Given the guest keeps AMD64 page tables at 0x20000
    And the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest has loaded CR3
    And the guest has read 0x40001000 as supervisor
    When the guest invalidates 0x1000040001000 with INVLPG
    Then the shadow maps 0x40001000 to the host page behind 0x200000

  @PGM-SHW-14 @profile:pgm @variant:resyncs-on-next-access
  Scenario: After INVLPG the next access syncs the page again
    Source: Intel SDM Vol. 3A, 4.10.4.1 "Operations that Invalidate TLBs and Paging-Structure Caches"
    Given the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest has loaded CR3
    And the guest has read 0x40001000 as supervisor
    And the guest invalidates 0x40001000 with INVLPG
    When the guest reads 0x40001000 as supervisor
    Then the monitor synced the shadow

  @PGM-SHW-14 @profile:pgm
  Scenario Outline: INVLPG of one page leaves the shadow entry of <other>
    Source: Intel SDM Vol. 3A, 4.10.4.1 "Operations that Invalidate TLBs and Paging-Structure Caches"
    Given the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest maps <kept> to <frame> writable supervisor
    And the guest has loaded CR3
    And the guest has read 0x40001000 as supervisor
    And the guest has read <kept> as supervisor
    When the guest invalidates 0x40001000 with INVLPG
    Then the shadow does not map 0x40001000
    And the shadow maps <kept> to the host page behind <frame>

    @variant:neighbour-in-other-table
    Examples: a page another shadow page table maps
      | other                                      | kept       | frame    |
      | a page in the next 2 MB region             | 0x40201000 | 0x201000 |

    @variant:alias-of-same-page
    Examples: another linear address of the same guest page
      | other                                      | kept       | frame    |
      | an alias of the same guest physical page   | 0x40005000 | 0x200000 |

  @PGM-SHW-14 @profile:pgm @variant:page-2m
  Scenario: INVLPG of an address inside a guest 2 MB page drops the shadow entry of the 4 KB piece it names
    Source: Intel SDM Vol. 3A, 4.10.4.1 "Operations that Invalidate TLBs and Paging-Structure Caches"
    Given the guest maps 0x40200000 to 0x200000 writable supervisor as a 2 MB page
    And the guest maps 0x40001000 to 0x300000 writable supervisor
    And the guest has loaded CR3
    And the guest has read 0x40200000 as supervisor
    And the guest has read 0x40234000 as supervisor
    And the guest has read 0x40001000 as supervisor
    When the guest invalidates 0x40234000 with INVLPG
    Then the shadow does not map 0x40234000
    And the shadow maps 0x40001000 to the host page behind 0x300000

  @PGM-SHW-14 @profile:pgm @variant:page-2m
  Scenario: After INVLPG of a piece of a guest 2 MB page the next access syncs that piece again
    Source: Intel SDM Vol. 3A, 4.10.4.1 "Operations that Invalidate TLBs and Paging-Structure Caches"
    Given the guest maps 0x40200000 to 0x200000 writable supervisor as a 2 MB page
    And the guest has loaded CR3
    And the guest has read 0x40234000 as supervisor
    And the guest invalidates 0x40234000 with INVLPG
    When the guest reads 0x40234000 as supervisor
    Then the monitor synced the shadow
    And the shadow maps 0x40234000 to the host page behind 0x234000

  @PGM-SHW-15 @profile:pgm @variant:same-cr3 @variant:shadow-entries
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

  @PGM-SHW-15 @profile:pgm @variant:table-watch
  Scenario: A CR3 load also drops the monitor's watch on the guest tables it walked before
    Source: Intel SDM Vol. 3A, 4.10.4.1 "Operations that Invalidate TLBs and Paging-Structure Caches"
    Given the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest has loaded CR3
    And the guest has read 0x40001000 as supervisor
    And the monitor knows 0x12000 as a guest paging structure
    When the guest loads CR3
    Then the monitor does not know 0x12000 as a guest paging structure

  @PGM-SHW-15 @profile:pgm @variant:other-cr3
  Scenario: Loading CR3 with other tables drops the shadow built from the old ones
    Source: Intel SDM Vol. 3A, 4.10.4.1 "Operations that Invalidate TLBs and Paging-Structure Caches"
    Given the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest maps 0x40201000 to 0x201000 writable supervisor
    And the guest has loaded CR3
    And the guest has read 0x40001000 as supervisor
    And the guest has read 0x40201000 as supervisor
    And the guest keeps PAE page tables at 0x30000
    And the guest maps 0x40001000 to 0x202000 writable supervisor
    When the guest loads CR3
    Then the shadow does not map 0x40001000
    And the shadow does not map 0x40201000
    And the monitor does not know 0x12000 as a guest paging structure
    When the guest reads 0x40001000 as supervisor
    Then the shadow maps 0x40001000 to the host page behind 0x202000

  @PGM-SHW-16 @profile:pgm @variant:pae-shadow @variant:one-shadow-table
  Scenario: SyncCR3 flushes the entire shadow
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 2c
    Given the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest has loaded CR3
    And the guest has read 0x40001000 as supervisor
    When the VM syncs CR3
    Then the shadow does not map 0x40001000

  @PGM-SHW-16 @profile:pgm @variant:several-shadow-tables
  Scenario: SyncCR3 flushes every shadow page table, not only the one it last synced into
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 2c
    Given the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest maps 0x40201000 to 0x201000 writable supervisor
    And the guest maps 0x7FE01000 to 0x202000 writable supervisor
    And the guest has loaded CR3
    And the guest has read 0x40001000 as supervisor
    And the guest has read 0x40201000 as supervisor
    And the guest has read 0x7FE01000 as supervisor
    When the VM syncs CR3
    Then the shadow does not map 0x40001000
    And the shadow does not map 0x40201000
    And the shadow does not map 0x7FE01000

  @PGM-SHW-17 @profile:pgm @variant:guest-pae
  Scenario: A guest table that points back at itself maps the guest's own tables, read-only
    Source: FreeMWare list, monitor page tables [003], "marked read-only"
    Given the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest's level-2 entry for 0x7FE00000 points back at its own table
    And the guest has loaded CR3
    And the guest has read 0x40001000 as supervisor
    When the guest reads 0x7FE00000 as supervisor
    Then the monitor synced the shadow
    And the shadow maps 0x7FE00000 to the host page behind 0x12000
    And the shadow maps 0x7FE00000 read-only

  @PGM-SHW-17 @profile:pgm
  Scenario Outline: A <guest> guest's <entry> that points back at its own table maps the guest's page table, read-only
    Source: FreeMWare list, monitor page tables [003], "marked read-only"
    Given the guest keeps <guest> page tables at 0x10000
    And the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest's level-1 entry for <window> points back at its own table
    And the guest has loaded CR3
    And the guest has read 0x40001000 as supervisor
    When the guest reads <table view> as supervisor
    Then the monitor synced the shadow
    And the shadow maps <table view> to the host page behind <table>
    And the shadow maps <table view> read-only

    @variant:guest-32bit
    Examples: a 32-bit page directory entry
      | guest  | entry                | window             | table view         | table   |
      | 32-bit | page directory entry | 0xFFC00000         | 0xFFD00000         | 0x11000 |

    @variant:guest-amd64
    Examples: an AMD64 PML4 entry
      | guest  | entry                | window             | table view         | table   |
      | AMD64  | PML4 entry           | 0xFFFFFF8000000000 | 0xFFFFFF8000200000 | 0x13000 |

  @PGM-SHW-18 @profile:pgm @variant:page-4k @variant:leaf-entry @variant:allocated-page
  Scenario: With CR0.WP clear a supervisor write to a read-only page is carried out by the monitor
    Source: VirtualBox PGM documentation [001], "The Shadow Memory Context"
    Given the guest runs with CR0.WP clear
    And the guest maps 0x40001000 to 0x200000 read-only supervisor
    And the guest has written 0x1 to the 1 bytes at 0x200000
    And the guest has loaded CR3
    When the guest writes 0x99 to the 1 bytes at linear 0x40001000 as supervisor
    Then the monitor synced the shadow and emulated the access
    And the shadow maps 0x40001000 read-only

  @PGM-SHW-18 @profile:pgm @variant:page-4k @variant:leaf-entry @variant:zero-page
  Scenario: With CR0.WP clear a supervisor write to a read-only page still on the zero page gets the page its own backing, then is carried out by the monitor
    Source: VirtualBox PGM documentation [001], "The Shadow Memory Context"
    Given the guest runs with CR0.WP clear
    And the guest maps 0x40001000 to 0x200000 read-only supervisor
    And the guest has loaded CR3
    When the guest writes 0x99 to the 1 bytes at linear 0x40001000 as supervisor
    Then the monitor allocated a page, synced the shadow and emulated the access
    And the shadow maps 0x40001000 read-only
    When the guest reads 1 bytes at 0x200000
    Then the read returns 0x99

  @PGM-SHW-18 @profile:pgm @variant:page-4k @variant:leaf-entry @variant:shared-page
  Scenario: With CR0.WP clear a supervisor write to a read-only shared page gets the page its own copy, then is carried out by the monitor
    Source: VirtualBox PGM documentation [001], "The Shadow Memory Context"
    Given the guest runs with CR0.WP clear
    And the guest maps 0x40001000 to 0x200000 read-only supervisor
    And the guest has written 0xABCD to the 2 bytes at 0x200000
    And the page at 0x200000 has been shared
    And the guest has loaded CR3
    When the guest writes 0x99 to the 1 bytes at linear 0x40001000 as supervisor
    Then the monitor copied the shared page, synced the shadow and emulated the access
    And the shadow maps 0x40001000 read-only
    When the guest reads 2 bytes at 0x200000
    Then the read returns 0xAB99

  @PGM-SHW-18 @profile:pgm @variant:page-4k @variant:leaf-entry @variant:write-monitored-page
  Scenario: With CR0.WP clear a supervisor write to a read-only write-monitored page is recorded, then carried out by the monitor
    Source: VirtualBox PGM documentation [001], "The Shadow Memory Context"
    Given the guest runs with CR0.WP clear
    And the guest maps 0x40001000 to 0x200000 read-only supervisor
    And the guest has written 0x1 to the 1 bytes at 0x200000
    And write monitoring has been armed
    And the guest has loaded CR3
    When the guest writes 0x99 to the 1 bytes at linear 0x40001000 as supervisor
    Then the monitor recorded the write, synced the shadow and emulated the access
    And the shadow maps 0x40001000 read-only
    When the guest reads 1 bytes at 0x200000
    Then the read returns 0x99

  @PGM-SHW-18 @profile:pgm @variant:directory-entry @variant:allocated-page
  Scenario: With CR0.WP clear a supervisor write under a read-only page directory entry is carried out by the monitor
    Source: VirtualBox PGM documentation [001], "The Shadow Memory Context"
    Given the guest runs with CR0.WP clear
    And the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest's level-2 entry for 0x40001000 is made read-only supervisor
    And the guest has written 0x1 to the 1 bytes at 0x200000
    And the guest has loaded CR3
    When the guest writes 0x99 to the 1 bytes at linear 0x40001000 as supervisor
    Then the monitor synced the shadow and emulated the access
    And the shadow maps 0x40001000 read-only
    When the guest reads 1 bytes at 0x200000
    Then the read returns 0x99

  @PGM-SHW-18 @profile:pgm @variant:page-2m @variant:allocated-page
  Scenario: With CR0.WP clear a supervisor write to a read-only guest 2 MB page is carried out by the monitor
    Source: VirtualBox PGM documentation [001], "The Shadow Memory Context"
    Given the guest runs with CR0.WP clear
    And the guest maps 0x40200000 to 0x200000 read-only supervisor as a 2 MB page
    And the guest has written 0x1 to the 1 bytes at 0x234000
    And the guest has loaded CR3
    When the guest writes 0x99 to the 1 bytes at linear 0x40234000 as supervisor
    Then the monitor synced the shadow and emulated the access
    And the shadow maps 0x40234000 read-only
    When the guest reads 1 bytes at 0x234000
    Then the read returns 0x99

  @PGM-SHW-19 @profile:pgm @variant:real-mode @variant:host-pae @variant:read-access
  Scenario: A guest in real mode runs on a shadow that maps its physical memory one to one
    Source: VirtualBox PGM documentation [001], "Paging Modes"
    Given the guest has written 0x4242 to the 2 bytes at 0x5000
    When the guest reads 0x5000 as supervisor
    Then the VM's guest mode is real
    And the monitor synced the shadow
    And the shadow maps 0x5000 to the host page behind 0x5000
    And the guest read 0x4242

  @PGM-SHW-19 @profile:pgm @variant:protected-mode
  Scenario: A guest in protected mode without paging runs on a shadow that maps its physical memory one to one
    Source: VirtualBox PGM documentation [001], "Paging Modes"
    Given the guest has written 0x4242 to the 2 bytes at 0x305000
    And the guest has entered protected mode without paging
    When the guest reads 0x305000 as supervisor
    Then the VM's guest mode is protected
    And the monitor synced the shadow
    And the shadow maps 0x305000 to the host page behind 0x305000
    And the guest read 0x4242

  @PGM-SHW-19 @profile:pgm @variant:write-access
  Scenario: A real-mode guest's write goes through the one-to-one shadow to the guest physical page it names
    Source: VirtualBox PGM documentation [001], "Paging Modes"
    When the guest writes 0x4343 to the 2 bytes at linear 0x306010 as supervisor
    Then the monitor allocated a page and synced the shadow
    And the shadow maps 0x306000 to the host page behind 0x306000
    When the guest reads 2 bytes at 0x306010
    Then the read returns 0x4343

  @PGM-SHW-20 @profile:pgm @variant:outside-ram @variant:guest-pae
  Scenario: A guest CR3 outside guest RAM is refused and changes nothing
    Source: FreeMWare list, monitor page tables [003], "whenever the guest loads a PDBR"
    When the guest loads CR3 with 0x800000
    Then the call is rejected with VERR_PGM_INVALID_GC_PHYSICAL_ADDRESS
    And the guest's registers and shadow are unchanged

  @PGM-SHW-20 @profile:pgm @variant:mmio-page
  Scenario: A guest CR3 on an MMIO page is refused and changes nothing
    Source: FreeMWare list, monitor page tables [003], "whenever the guest loads a PDBR"
    Given a MMIO range of 4 KB at 0xFEC00000
    When the guest loads CR3 with 0xFEC00000
    Then the call is rejected with VERR_PGM_PHYS_PAGE_RESERVED
    And the guest's registers and shadow are unchanged

  @PGM-SHW-20 @profile:pgm
  Scenario Outline: A <guest> guest's CR3 outside guest RAM is refused and changes nothing
    Source: FreeMWare list, monitor page tables [003], "whenever the guest loads a PDBR"
    Given the guest keeps <guest> page tables at 0x10000
    When the guest loads CR3 with 0x800000
    Then the call is rejected with VERR_PGM_INVALID_GC_PHYSICAL_ADDRESS
    And the guest's registers and shadow are unchanged

    @variant:guest-32bit
    Examples: a 32-bit guest
      | guest  |
      | 32-bit |

    @variant:guest-amd64
    Examples: an AMD64 guest
      | guest  |
      | AMD64  |

  @PGM-SHW-21 @profile:pgm @variant:guest-pae @variant:directory-entry
  Scenario: A guest table that points outside guest RAM gives the guest a not-present page fault
    Source: FreeMWare list, monitor page tables [003], "forward the page fault to the guest"
    Given the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest's level-2 entry for 0x40001000 points at 0x900000
    And the guest has loaded CR3
    When the guest reads 0x40001000 as supervisor
    Then the monitor reflected the fault
    And the guest gets a page fault with error code 0x0 and CR2 0x40001000

  @PGM-SHW-21 @profile:pgm
  Scenario Outline: A <guest> guest's level-<level> entry that points outside guest RAM gives the guest a not-present page fault
    Source: FreeMWare list, monitor page tables [003], "forward the page fault to the guest"
    Given the guest keeps <guest> page tables at 0x10000
    And the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest's level-<level> entry for 0x40001000 points at 0x900000
    And the guest has loaded CR3
    When the guest reads 0x40001000 as supervisor
    Then the monitor reflected the fault
    And the guest gets a page fault with error code 0x0 and CR2 0x40001000

    @variant:guest-32bit
    Examples: a 32-bit page directory entry
      | guest  | level |
      | 32-bit | 1     |

    @variant:guest-amd64 @variant:upper-entry
    Examples: AMD64 PML4 and PDPT entries
      | guest  | level |
      | AMD64  | 1     |
      | AMD64  | 2     |

  @PGM-SHW-22 @profile:pgm
  Scenario Outline: A guest page mapped to <what> is refused with <status>, the guest's entries untouched
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a MMIO range of 4 KB at 0xFEC00000
    And the guest maps 0x40004000 to <target> writable supervisor
    And the guest has loaded CR3
    When the guest reads 0x40004000 as supervisor
    Then the call is rejected with <status>
    And the guest's level-3 entry for 0x40004000 reads <entry>
    And the guest's registers and shadow are unchanged

    @variant:mmio-page @variant:guest-pae @variant:page-4k @variant:read-access
    Examples: an MMIO page
      | what            | target     | status                               | entry      |
      | an MMIO page    | 0xFEC00000 | VERR_PGM_PHYS_PAGE_RESERVED          | 0xFEC00003 |

    @variant:no-ram
    Examples: no RAM
      | what            | target     | status                               | entry      |
      | no RAM at all   | 0x900000   | VERR_PGM_INVALID_GC_PHYSICAL_ADDRESS | 0x900003   |

  @PGM-SHW-22 @profile:pgm @variant:guest-32bit
  Scenario: A 32-bit guest's page mapped to no RAM is refused, its entries and their neighbours untouched
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given the guest keeps 32-bit page tables at 0x20000
    And the guest maps 0x40004000 to 0x900000 writable supervisor
    And the guest maps 0x40005000 to 0x200000 writable supervisor
    And the guest has loaded CR3
    When the guest reads 0x40004000 as supervisor
    Then the call is rejected with VERR_PGM_INVALID_GC_PHYSICAL_ADDRESS
    And the guest's level-2 entry for 0x40004000 reads 0x900003
    And the guest's level-2 entry for 0x40005000 reads 0x200003

  @PGM-SHW-22 @profile:pgm @variant:write-access @variant:pdpt-as-loaded
  Scenario: A guest write to a page mapped to MMIO is refused, the guest's entries untouched
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a MMIO range of 4 KB at 0xFEC00000
    And the guest maps 0x40004000 to 0xFEC00000 writable supervisor
    And the guest has loaded CR3
    When the guest writes 0x1 to the 8 bytes at linear 0x40004000 as supervisor
    Then the call is rejected with VERR_PGM_PHYS_PAGE_RESERVED
    And the guest's level-3 entry for 0x40004000 reads 0xFEC00003
    And the guest's level-2 entry for 0x40004000 reads 0x12007
    And the guest's registers and shadow are unchanged

  @PGM-SHW-22 @profile:pgm @variant:page-2m
  Scenario: A guest 2 MB page with no RAM behind it is refused, its entries untouched
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given the guest maps 0x40400000 to 0x400000 writable supervisor as a 2 MB page
    And the guest has loaded CR3
    When the guest reads 0x40401000 as supervisor
    Then the call is rejected with VERR_PGM_INVALID_GC_PHYSICAL_ADDRESS
    And the guest's level-2 entry for 0x40400000 reads 0x400083
    And the guest's registers and shadow are unchanged

  @PGM-SHW-22 @profile:pgm @variant:guest-amd64
  Scenario: An AMD64 guest's page mapped to MMIO is refused, its entries at every level untouched
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a MMIO range of 4 KB at 0xFEC00000
    And the guest keeps AMD64 page tables at 0x20000
    And the guest maps 0x40004000 to 0xFEC00000 writable supervisor
    And the guest has loaded CR3
    When the guest reads 0x40004000 as supervisor
    Then the call is rejected with VERR_PGM_PHYS_PAGE_RESERVED
    And the guest's level-1 entry for 0x40004000 reads 0x21007
    And the guest's level-2 entry for 0x40004000 reads 0x22007
    And the guest's level-3 entry for 0x40004000 reads 0x23007
    And the guest's level-4 entry for 0x40004000 reads 0xFEC00003

  @PGM-SHW-22 @profile:pgm @variant:guest-pae @variant:pdpt-rewritten
  Scenario: A legacy-PAE guest's refused access leaves a PDPT entry rewritten since the CR3 load as the guest wrote it
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a MMIO range of 4 KB at 0xFEC00000
    And the guest maps 0x40004000 to 0xFEC00000 writable supervisor
    And the guest has loaded CR3
    And the guest's level-1 entry for 0x40004000 points at 0x30000
    When the guest reads 0x40004000 as supervisor
    Then the call is rejected with VERR_PGM_PHYS_PAGE_RESERVED
    And the guest's level-1 entry for 0x40004000 reads 0x30007

  @PGM-SHW-23 @profile:pgm
  Scenario Outline: A guest access of <width> bytes at <address> is refused: <why>
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest has loaded CR3
    When the guest reads <width> bytes at linear <address> as supervisor
    Then the call is rejected with VERR_PGM_PHYS_MISALIGNED_ACCESS
    And the guest's registers and shadow are unchanged

    @variant:read-access @variant:misaligned
    Examples: misaligned
      | width | address    | why                        |
      | 4     | 0x40001002 | not aligned to its width   |
      | 2     | 0x40001001 | not aligned to its width   |
      | 8     | 0x40001004 | not aligned to its width   |

    @variant:odd-width
    Examples: an odd width
      | width | address    | why                        |
      | 3     | 0x40001000 | not 1, 2, 4 or 8 bytes wide |
      | 16    | 0x40001000 | not 1, 2, 4 or 8 bytes wide |

  @PGM-SHW-23 @profile:pgm @variant:write-access
  Scenario Outline: A guest write of <width> bytes at <address> is refused and writes nothing: <why>
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest has loaded CR3
    And the guest has written 0x1122334455667788 to the 8 bytes at linear 0x40001000 as supervisor
    When the guest writes 0x0 to the <width> bytes at linear <address> as supervisor
    Then the call is rejected with VERR_PGM_PHYS_MISALIGNED_ACCESS
    And the guest's registers and shadow are unchanged
    When the guest reads 8 bytes at 0x200000
    Then the read returns 0x1122334455667788

    Examples:
      | width | address    | why                        |
      | 4     | 0x40001002 | not aligned to its width   |
      | 3     | 0x40001000 | not 1, 2, 4 or 8 bytes wide |

  @PGM-SHW-23 @profile:pgm
  Scenario Outline: A guest read of <width> bytes aligned to its width is carried out
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
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

  @PGM-SHW-24 @profile:pgm @variant:zero-page @variant:page-4k @variant:no-handler
  Scenario: A guest write the host has no page left for is refused, and nothing changes
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a shadow-paged VM on a PAE host whose host can give it 3 pages
    And a RAM range of 4 MB at 0x0
    And the guest keeps PAE page tables at 0x10000
    And the guest maps 0x40003000 to 0x300000 writable supervisor
    And the guest has loaded CR3
    When the guest writes 0x1 to the 1 bytes at linear 0x40003000 as supervisor
    Then the call is rejected with VERR_EM_NO_MEMORY
    And the guest's registers and shadow are unchanged
    And the guest's level-3 entry for 0x40003000 reads 0x300003

  @PGM-SHW-24 @profile:pgm @variant:shared-page
  Scenario: A guest write to a shared page the host has no page left to copy into is refused, and nothing changes
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a shadow-paged VM on a PAE host whose host can give it 5 pages
    And a RAM range of 4 MB at 0x0
    And the guest keeps PAE page tables at 0x10000
    And the guest maps 0x40003000 to 0x300000 writable supervisor
    And the guest has written 0x5 to the 1 bytes at 0x300000
    And the page at 0x300000 has been shared
    And the guest has written 0x6 to the 1 bytes at 0x301000
    And the guest has loaded CR3
    When the guest writes 0x1 to the 1 bytes at linear 0x40003000 as supervisor
    Then the call is rejected with VERR_EM_NO_MEMORY
    And the guest's registers and shadow are unchanged
    And the page at 0x300000 is in state SHARED
    And the guest's level-3 entry for 0x40003000 reads 0x300003

  @PGM-SHW-24 @profile:pgm @variant:handled-page
  Scenario: A guest write to a page under a write handler that the host has no page left for is refused, the guest's entries untouched
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a shadow-paged VM with access handlers on a PAE host whose host can give it 3 pages
    And a RAM range of 4 MB at 0x0
    And the guest keeps PAE page tables at 0x10000
    And the guest maps 0x40003000 to 0x300000 writable supervisor
    And a physical WRITE handler "P" is registered over 0x300000-0x300fff
    And the guest has loaded CR3
    When the guest writes 0x1 to the 1 bytes at linear 0x40003000 as supervisor
    Then the call is rejected with VERR_EM_NO_MEMORY
    And the guest's level-3 entry for 0x40003000 reads 0x300003
    And the guest's level-2 entry for 0x40003000 reads 0x12007

  @PGM-SHW-24 @profile:pgm @variant:page-2m
  Scenario: A guest write to a piece of a 2 MB page the host has no page left for is refused, the large entry untouched
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a shadow-paged VM on a PAE host whose host can give it 2 pages
    And a RAM range of 4 MB at 0x0
    And the guest keeps PAE page tables at 0x10000
    And the guest maps 0x40200000 to 0x200000 writable supervisor as a 2 MB page
    And the guest has loaded CR3
    When the guest writes 0x1 to the 1 bytes at linear 0x40234000 as supervisor
    Then the call is rejected with VERR_EM_NO_MEMORY
    And the guest's registers and shadow are unchanged
    And the guest's level-2 entry for 0x40200000 reads 0x200083

  @PGM-SHW-26 @profile:pgm @variant:allocated-on-write @variant:alias-in-other-table
  Scenario: A write through one alias of a zero page drops the other alias's entry for the zero page
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given the guest maps 0x40003000 to 0x300000 writable user
    And the guest maps 0x40203000 to 0x300000 writable user
    And the guest has loaded CR3
    And the guest has read 0x40003000 as user
    And the guest has read 0x40203000 as user
    When the guest writes 0x77 to the 8 bytes at linear 0x40003010 as user
    Then the shadow does not map 0x40203000
    And the shadow maps 0x40003000 to the host page behind 0x300000

  @PGM-SHW-26 @profile:pgm @variant:alias-in-same-table
  Scenario: A write through one alias of a zero page drops an alias's entry in the same shadow page table
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given the guest maps 0x40003000 to 0x300000 writable user
    And the guest maps 0x40004000 to 0x300000 writable user
    And the guest has loaded CR3
    And the guest has read 0x40003000 as user
    And the guest has read 0x40004000 as user
    When the guest writes 0x77 to the 8 bytes at linear 0x40003010 as user
    Then the shadow does not map 0x40004000
    When the guest reads 8 bytes at linear 0x40004010 as user
    Then the guest read 0x77

  @PGM-SHW-26 @profile:pgm @variant:copied-on-write
  Scenario Outline: A write through one alias of a shared page drops the entry of an alias in <where>, which then reads the copy
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given the guest maps 0x40003000 to 0x300000 writable user
    And the guest maps <alias> to 0x300000 writable user
    And the guest has written 0xABCD to the 2 bytes at 0x300010
    And the page at 0x300000 has been shared
    And the guest has loaded CR3
    And the guest has read 0x40003000 as user
    And the guest has read <alias> as user
    When the guest writes 0x77 to the 2 bytes at linear 0x40003010 as user
    Then the monitor copied the shared page and synced the shadow
    And the shadow does not map <alias>
    When the guest reads 2 bytes at linear <reread> as user
    Then the guest read 0x77

    Examples:
      | where                      | alias      | reread     |
      | another shadow page table  | 0x40203000 | 0x40203010 |
      | the same shadow page table | 0x40004000 | 0x40004010 |

  @PGM-SHW-27 @profile:pgm @variant:accessed-flag @variant:page-4k
  Scenario: The first read through the shadow leaves the guest's directory and table entries accessed, not dirty
    Source: Intel SDM Vol. 3A, 4.8 "Accessed and Dirty Flags"
    Given the guest maps 0x40001000 to 0x200000 writable user
    And the guest has loaded CR3
    When the guest reads 0x40001000 as user
    Then the guest's level-2 entry for 0x40001000 reads 0x12027
    And the guest's level-3 entry for 0x40001000 reads 0x200027

  @PGM-SHW-27 @profile:pgm @variant:dirty-flag @variant:write-after-read
  Scenario: A page the guest has only read is read-only in the shadow, and its first write faults and leaves the entry dirty
    Source: Intel SDM Vol. 3A, 4.8 "Accessed and Dirty Flags"
    Given the guest maps 0x40001000 to 0x200000 writable user
    And the guest has written 0x1 to the 1 bytes at 0x200000
    And the guest has loaded CR3
    And the guest has read 0x40001000 as user
    And the shadow maps 0x40001000 read-only
    When the guest writes 0x77 to the 8 bytes at linear 0x40001010 as user
    Then the monitor synced the shadow
    And the guest's level-3 entry for 0x40001000 reads 0x200067
    And the shadow maps 0x40001000 writable

  @PGM-SHW-27 @profile:pgm @variant:write-first
  Scenario: A first access that writes leaves the guest's table entry accessed and dirty
    Source: Intel SDM Vol. 3A, 4.8 "Accessed and Dirty Flags"
    Given the guest maps 0x40001000 to 0x200000 writable user
    And the guest has written 0x1 to the 1 bytes at 0x200000
    And the guest has loaded CR3
    When the guest writes 0x77 to the 8 bytes at linear 0x40001010 as user
    Then the guest's level-3 entry for 0x40001000 reads 0x200067
    And the guest's level-2 entry for 0x40001000 reads 0x12027

  @PGM-SHW-27 @profile:pgm @variant:page-2m
  Scenario: A write after a read of a piece of a guest 2 MB page leaves the large page's entry dirty
    Source: Intel SDM Vol. 3A, 4.8 "Accessed and Dirty Flags"
    Given the guest maps 0x40200000 to 0x200000 writable user as a 2 MB page
    And the guest has written 0x1 to the 1 bytes at 0x234000
    And the guest has loaded CR3
    And the guest has read 0x40234000 as user
    And the guest's level-2 entry for 0x40200000 reads 0x2000A7
    When the guest writes 0x77 to the 8 bytes at linear 0x40234010 as user
    Then the guest's level-2 entry for 0x40200000 reads 0x2000E7

  @PGM-PHYS-11 @profile:pgm
  Scenario: A guest write through the shadow to a ROM page is dropped by the monitor
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a ROM range of 4 KB at 0x800000
    And the guest maps 0x40009000 to 0x800000 writable supervisor
    And the guest has loaded CR3
    When the guest writes 0x55 to the 8 bytes at linear 0x40009000 as supervisor
    Then the monitor dropped the ROM write

  @PGM-SHW-28 @profile:pgm
  Scenario Outline: An AMD64 guest's access to the non-canonical address <address> gets a general-protection fault
    Source: Intel SDM Vol. 3A, 4.5 "4-Level Paging and 5-Level Paging"
    Given the guest keeps AMD64 page tables at 0x20000
    And the guest maps 0x40001000 to 0x200000 writable user
    And the guest has loaded CR3
    When the guest reads <address> as user
    Then the guest gets a general-protection fault with error code 0x0
    And the shadow does not map <address>

    @variant:above-lower-half
    Examples: just above the lower half
      | address          |
      | 0x800000000000   |

    @variant:below-upper-half
    Examples: just below the upper half
      | address            |
      | 0xFFFF7FFFFFFFF000 |

  @PGM-SHW-29 @profile:pgm
  Scenario: A legacy-PAE guest's CR3 load the CPU refuses for a reserved bit in a PDPT entry changes nothing
    Source: Intel SDM Vol. 3A, 4.4.1 "PDPTE Registers"
    Given the guest maps 0x40001000 to 0x200000 writable user
    And the guest has loaded CR3
    And the guest's level-1 entry for 0x40001000 has bit 1 set
    And the guest has read 0x40001000 as user
    When the guest loads CR3
    Then the guest's register load raises #GP because of BAD_PDPTE
    And the guest's registers and shadow are unchanged
    And the shadow maps 0x40001000 to the host page behind 0x200000
