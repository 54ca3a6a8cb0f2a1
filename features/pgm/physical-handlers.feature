Feature: Physical access handlers: pages that trap writes or every access
  A physical access handler claims accesses to a range of guest physical pages, whatever linear address
  the guest uses to reach them. A WRITE handler sees every write and no read; an ALL handler sees every
  access. PGM records the claim in each page's physical handler state (NONE, WRITE or ALL) and keeps the
  shadow tables from mapping a WRITE page writable, or an ALL page at all, so that the claimed accesses
  fault and reach the handler. Installing or removing a handler changes the page states and flushes every
  shadow entry that maps the pages, found through the pages' shadow tracking (seed 000, the 3rd step).
  A ROM page is read-only by its type, with no handler needed.

  A handler is called first and the access is carried out after it. Physical handler calls are listed as
  "write at <guest physical address>" (or read, or fetch for an instruction fetch). A page's physical and
  virtual handler states are two fields of its record, each set and cleared by handlers of its own kind. Unless a scenario says otherwise, the host runs PAE paging, the
  guest runs legacy PAE paging with its tables at 0x10000, guest RAM is the first 4 MB, and the guest maps
  0x40001000 and 0x40005000 both to 0x200000, writable for user mode.

  Background:
    Given a shadow-paged VM with access handlers on a PAE host whose host can give it 64 pages
    And a RAM range of 4 MB at 0x0
    And the guest keeps PAE page tables at 0x10000
    And the guest maps 0x40001000 to 0x200000 writable user
    And the guest maps 0x40005000 to 0x200000 writable user
    And the guest has loaded CR3

  @PGM-HND-1 @profile:pgm
  Scenario Outline: Registering a physical <kind> handler gives every covered page the state <kind>
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    When I register a physical <kind> handler "P" over 0x200000-0x201fff
    Then the handler call is accepted
    And page 0x200000 has physical handler state <kind>
    And page 0x201000 has physical handler state <kind>
    And page 0x1ff000 has physical handler state NONE
    And page 0x202000 has physical handler state NONE
    And the page at 0x200000 is read-only

    @variant:write-kind @variant:several-pages @variant:zero-page @variant:page-below @variant:page-above
    Examples: a WRITE handler
      | kind  |
      | WRITE |

    @variant:all-kind
    Examples: an ALL handler
      | kind  |
      | ALL   |

  @PGM-HND-1 @profile:pgm @variant:one-page @variant:normal-page
  Scenario: A physical WRITE handler makes a normal, writable page read-only
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given the guest has written 0x1 to the 1 bytes at 0x200000
    And the page at 0x200000 is writable
    When I register a physical WRITE handler "P" over 0x200000-0x200fff
    Then the handler call is accepted
    And the page at 0x200000 is read-only

  @PGM-HND-2 @profile:pgm @variant:several-aliases @variant:same-table @variant:first-page @variant:write-kind
  Scenario: Installing a handler flushes every shadow entry that maps the page, aliases included
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given the guest has written 0x1 to the 8 bytes at linear 0x40001000 as user
    And the guest has written 0x2 to the 8 bytes at linear 0x40005000 as user
    When I register a physical WRITE handler "P" over 0x200000-0x200fff
    Then the shadow does not map 0x40001000
    And the shadow does not map 0x40005000

  @PGM-HND-3 @profile:pgm @variant:alias @variant:first-page @variant:page-4k
  Scenario: A write to a page with a WRITE handler calls the handler, then the write is carried out
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a physical WRITE handler "P" is registered over 0x200000-0x200fff
    When the guest writes 0x1234 to the 8 bytes at linear 0x40005018 as user
    Then the monitor invoked the access handlers
    And handler "P" received write at 0x200018
    When the guest reads 8 bytes at linear 0x40001018 as user
    Then the guest read 0x1234

  @PGM-HND-4 @profile:pgm @variant:read-access @variant:physical-alone
  Scenario: A WRITE handler never sees reads: the page is synced read-only and read without it
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a physical WRITE handler "P" is registered over 0x200000-0x200fff
    When the guest reads 0x40001000 as user
    Then the monitor synced the shadow
    And the shadow maps 0x40001000 read-only
    And handler "P" received no calls

  @PGM-HND-5 @profile:pgm @variant:read-access @variant:own-mapping
  Scenario: An ALL handler sees reads too, and the shadow never maps its page
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given the guest has written 0x99 to the 8 bytes at linear 0x40001020 as user
    And a physical ALL handler "P" is registered over 0x200000-0x200fff
    When the guest reads 8 bytes at linear 0x40001020 as user
    Then the monitor invoked the access handlers
    And handler "P" received read at 0x200020
    And the guest read 0x99
    And the shadow does not map 0x40001000

  @PGM-HND-6 @profile:pgm @variant:no-handler @variant:write-handler
  Scenario: A ROM page is read-only without any handler, and a WRITE handler on it is called while the write is dropped
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a ROM range of 4 KB at 0x800000
    And the guest maps 0x40009000 to 0x800000 writable user
    And the guest has loaded CR3
    And page 0x800000 has physical handler state NONE
    And the page at 0x800000 is read-only
    And a physical WRITE handler "R" is registered over 0x800000-0x800fff
    When the guest writes 0x55 to the 8 bytes at linear 0x40009000 as user
    Then handler "R" received write at 0x800000
    When the guest reads 8 bytes at linear 0x40009000 as user
    Then the guest read 0x0

  @PGM-HND-7 @profile:pgm @variant:write-kind @variant:one-page
  Scenario: After deregistration the page is NONE again and writes no longer reach the handler
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a physical WRITE handler "P" is registered over 0x200000-0x200fff
    And handler "P" has been deregistered
    When the guest writes 0x1234 to the 8 bytes at linear 0x40001000 as user
    Then page 0x200000 has physical handler state NONE
    And handler "P" received no calls
    And the shadow maps 0x40001000 writable

  @PGM-HND-2 @profile:pgm @variant:one-mapping
  Scenario: Installing a physical handler flushes an alias mapping even after INVLPG dropped the other mapping
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given the guest has read 0x40001000 as user
    And the guest has read 0x40005000 as user
    And the guest invalidates 0x40001000 with INVLPG
    When I register a physical WRITE handler "P" over 0x200000-0x200fff
    Then the shadow does not map 0x40005000

  @PGM-HND-3 @profile:pgm
  Scenario: A write under a physical handler calls no virtual handler whose pages do not reach it
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given the guest maps 0x40002000 to 0x201000 writable user
    And a physical WRITE handler "P" is registered over 0x200000-0x200fff
    And a virtual WRITE handler "V" is registered over 0x40002000-0x40002fff
    When the guest writes 0x5 to the 8 bytes at linear 0x40001008 as user
    Then handler "P" received write at 0x200008
    And handler "V" received no calls

  @PGM-HND-4 @profile:pgm @variant:beside-virtual-all-handler
  Scenario: A physical WRITE handler is not called for a read a virtual ALL handler claims on the same page
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given the guest has written 0x99 to the 8 bytes at linear 0x40001020 as user
    And a physical WRITE handler "P" is registered over 0x200000-0x200fff
    And a virtual ALL handler "V" is registered over 0x40001000-0x40001fff
    When the guest reads 8 bytes at linear 0x40001020 as user
    Then handler "V" received read at 0x40001020
    And handler "P" received no calls

  @PGM-SHW-11 @profile:pgm @variant:handler-access
  Scenario: The guest tables walked for an access a physical ALL handler takes become write-protected too
    Source: FreeMWare list, monitor page tables [003], "marked read-only"
    Given a physical ALL handler "P" is registered over 0x200000-0x200fff
    When the guest reads 8 bytes at linear 0x40001020 as user
    Then the monitor knows 0x12000 as a guest paging structure

  @PGM-HND-2 @profile:pgm @variant:other-tables
  Scenario: Installing a handler flushes an alias that another shadow page table holds
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given the guest maps 0x40201000 to 0x200000 writable user
    And the guest has written 0x1 to the 8 bytes at linear 0x40001000 as user
    And the guest has written 0x2 to the 8 bytes at linear 0x40201000 as user
    When I register a physical WRITE handler "P" over 0x200000-0x200fff
    Then the shadow does not map 0x40001000
    And the shadow does not map 0x40201000

  @PGM-HND-2 @profile:pgm @variant:later-page
  Scenario: Installing a handler of two pages flushes the shadow entries of its second page too
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given the guest maps 0x40002000 to 0x201000 writable user
    And the guest has written 0x1 to the 8 bytes at linear 0x40001000 as user
    And the guest has written 0x2 to the 8 bytes at linear 0x40002000 as user
    When I register a physical WRITE handler "P" over 0x200000-0x201fff
    Then the shadow does not map 0x40002000
    When the guest writes 0x3 to the 8 bytes at linear 0x40002008 as user
    Then handler "P" received write at 0x201008

  @PGM-HND-2 @profile:pgm @variant:all-kind
  Scenario: Installing an ALL handler flushes every shadow entry that maps the page, read-only ones included
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given the guest has written 0x1 to the 8 bytes at linear 0x40001000 as user
    And the guest has read 0x40005000 as user
    When I register a physical ALL handler "P" over 0x200000-0x200fff
    Then the shadow does not map 0x40001000
    And the shadow does not map 0x40005000

  @PGM-HND-3 @profile:pgm @variant:own-mapping
  Scenario: A write through the page's own mapping under a WRITE handler calls the handler with the guest physical address
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a physical WRITE handler "P" is registered over 0x200000-0x200fff
    When the guest writes 0x1234 to the 8 bytes at linear 0x40001ff8 as user
    Then the monitor invoked the access handlers
    And handler "P" received write at 0x200ff8

  @PGM-HND-3 @profile:pgm @variant:later-page
  Scenario: A write to the second page of a two-page WRITE handler calls it with that page's address
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given the guest maps 0x40002000 to 0x201000 writable user
    And a physical WRITE handler "P" is registered over 0x200000-0x201fff
    When the guest writes 0x1234 to the 8 bytes at linear 0x40002010 as user
    Then handler "P" received write at 0x201010
    When the guest reads 8 bytes at 0x201010
    Then the read returns 0x1234

  @PGM-HND-3 @profile:pgm @variant:page-2m
  Scenario: A write through a guest 2 MB page to a page under a WRITE handler calls it with the piece's guest physical address
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given the guest maps 0x40200000 to 0x200000 writable user as a 2 MB page
    And a physical WRITE handler "P" is registered over 0x234000-0x234fff
    When the guest writes 0x1234 to the 8 bytes at linear 0x40234008 as user
    Then handler "P" received write at 0x234008
    When the guest reads 8 bytes at 0x234008
    Then the read returns 0x1234

  @PGM-HND-4 @profile:pgm @variant:fetch-access
  Scenario: A WRITE handler never sees instruction fetches: the page is synced read-only and fetched from without it
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given the guest has written 0x90 to the 1 bytes at 0x200000
    And a physical WRITE handler "P" is registered over 0x200000-0x200fff
    When the guest fetches from 0x40001000 as user
    Then the monitor synced the shadow
    And the guest read 0x90
    And handler "P" received no calls

  @PGM-HND-5 @profile:pgm @variant:write-access
  Scenario: An ALL handler is called for a write, the write is carried out, and the shadow still does not map the page
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a physical ALL handler "P" is registered over 0x200000-0x200fff
    When the guest writes 0x55 to the 8 bytes at linear 0x40001030 as user
    Then the monitor invoked the access handlers
    And handler "P" received write at 0x200030
    And the shadow does not map 0x40001000
    When the guest reads 8 bytes at 0x200030
    Then the read returns 0x55

  @PGM-HND-5 @profile:pgm @variant:fetch-access
  Scenario: An ALL handler is called for an instruction fetch, and the shadow still does not map the page
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given the guest has written 0x90 to the 1 bytes at 0x200000
    And a physical ALL handler "P" is registered over 0x200000-0x200fff
    When the guest fetches from 0x40001000 as user
    Then handler "P" received fetch at 0x200000
    And the guest read 0x90
    And the shadow does not map 0x40001000

  @PGM-HND-5 @profile:pgm @variant:alias
  Scenario: An ALL handler is called for a read through an alias, with the guest physical address
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given the guest has written 0x99 to the 8 bytes at linear 0x40001020 as user
    And a physical ALL handler "P" is registered over 0x200000-0x200fff
    When the guest reads 8 bytes at linear 0x40005020 as user
    Then handler "P" received read at 0x200020
    And the guest read 0x99
    And the shadow does not map 0x40005000

  @PGM-HND-7 @profile:pgm @variant:all-kind
  Scenario: After an ALL handler is deregistered, reads no longer reach it and the shadow maps the page again
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given a physical ALL handler "P" is registered over 0x200000-0x200fff
    And handler "P" has been deregistered
    When the guest reads 0x40001000 as user
    Then page 0x200000 has physical handler state NONE
    And handler "P" received no calls
    And the shadow maps 0x40001000 to the host page behind 0x200000

  @PGM-HND-7 @profile:pgm @variant:several-pages
  Scenario: After a two-page handler is deregistered, both pages are NONE and writes to the second no longer reach it
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Allocating a page"
    Given the guest maps 0x40002000 to 0x201000 writable user
    And a physical WRITE handler "P" is registered over 0x200000-0x201fff
    And handler "P" has been deregistered
    When the guest writes 0x1234 to the 8 bytes at linear 0x40002000 as user
    Then page 0x200000 has physical handler state NONE
    And page 0x201000 has physical handler state NONE
    And handler "P" received no calls
    And the shadow maps 0x40002000 writable

  @PGM-HND-14 @profile:pgm-introspection
  Scenario Outline: A page under a physical <kind> handler holds <value> in bits 5:4 of word 1 of its record
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a physical <kind> handler "P" is registered over 0x200000-0x200fff
    When I ask for the record at 0x200000
    Then bits 5:4 of word 1 of the record at 0x200000 hold <value>
    And bits 7:6 of word 1 of the record at 0x200000 hold 0x0

    @variant:physical-field @variant:write-state
    Examples: a WRITE handler
      | kind  | value |
      | WRITE | 0x2   |

    @variant:all-state
    Examples: an ALL handler
      | kind  | value |
      | ALL   | 0x3   |

  @PGM-HND-15 @profile:pgm @variant:physical-registered
  Scenario: Registering a physical handler on a page a virtual handler reaches leaves the page's virtual state as it was
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a virtual ALL handler "V" is registered over 0x40001000-0x40001fff
    And the VM has synced CR3
    When I register a physical WRITE handler "P" over 0x200000-0x200fff
    Then page 0x200000 has physical handler state WRITE
    And page 0x200000 has virtual handler state ALL

  @PGM-HND-15 @profile:pgm @variant:physical-deregistered
  Scenario: Deregistering a physical handler leaves the virtual state a virtual handler gave the page
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a physical ALL handler "P" is registered over 0x200000-0x200fff
    And a virtual WRITE handler "V" is registered over 0x40001000-0x40001fff
    And the VM has synced CR3
    When I deregister handler "P"
    Then page 0x200000 has physical handler state NONE
    And page 0x200000 has virtual handler state WRITE

  @PGM-HND-15 @profile:pgm @variant:virtual-deregistered
  Scenario: Deregistering a virtual handler leaves the physical state a physical handler gave the page
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a physical WRITE handler "P" is registered over 0x200000-0x200fff
    And a virtual ALL handler "V" is registered over 0x40001000-0x40001fff
    And the VM has synced CR3
    When I deregister handler "V"
    Then page 0x200000 has virtual handler state NONE
    And page 0x200000 has physical handler state WRITE
