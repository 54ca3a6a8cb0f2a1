Feature: Physical access handlers: pages that trap writes or every access
  A physical access handler claims accesses to a range of guest physical pages, whatever linear address
  the guest uses to reach them. A WRITE handler sees every write and no read; an ALL handler sees every
  access. PGM records the claim in each page's physical handler state (NONE, WRITE or ALL) and keeps the
  shadow tables from mapping a WRITE page writable, or an ALL page at all, so that the claimed accesses
  fault and reach the handler. Installing or removing a handler changes the page states and flushes every
  shadow entry that maps the pages, found through the pages' shadow tracking (seed 000, the 3rd step).
  A ROM page is read-only by its type, with no handler needed.

  A handler is called first and the access is carried out after it. Physical handler calls are listed as
  "write at <guest physical address>". Unless a scenario says otherwise, the host runs PAE paging, the
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
    Source: 000_20bc3ec9f13f3511.txt, "Per-VM"
    When I register a physical <kind> handler "P" over 0x200000-0x201fff
    Then the handler call is accepted
    And page 0x200000 has physical handler state <kind>
    And page 0x201000 has physical handler state <kind>
    And page 0x202000 has physical handler state NONE
    And the page at 0x200000 is read-only

    Examples:
      | kind  |
      | WRITE |
      | ALL   |

  @PGM-HND-1 @profile:pgm
  Scenario: A physical WRITE handler makes a normal, writable page read-only
    Source: 000_20bc3ec9f13f3511.txt, "Per-VM"
    Given the guest has written 0x1 to the 1 bytes at 0x200000
    And the page at 0x200000 is writable
    When I register a physical WRITE handler "P" over 0x200000-0x200fff
    Then the handler call is accepted
    And the page at 0x200000 is read-only

  @PGM-HND-2 @profile:pgm
  Scenario: Installing a handler flushes every shadow entry that maps the page, aliases included
    Source: 000_20bc3ec9f13f3511.txt, "Allocating a page"
    Given the guest has written 0x1 to the 8 bytes at linear 0x40001000 as user
    And the guest has written 0x2 to the 8 bytes at linear 0x40005000 as user
    When I register a physical WRITE handler "P" over 0x200000-0x200fff
    Then the shadow does not map 0x40001000
    And the shadow does not map 0x40005000

  @PGM-HND-3 @profile:pgm
  Scenario: A write to a page with a WRITE handler calls the handler, then the write is carried out
    Source: 000_20bc3ec9f13f3511.txt, "Per-VM"
    Given a physical WRITE handler "P" is registered over 0x200000-0x200fff
    When the guest writes 0x1234 to the 8 bytes at linear 0x40005018 as user
    Then the monitor invoked the access handlers
    And handler "P" received write at 0x200018
    When the guest reads 8 bytes at linear 0x40001018 as user
    Then the guest read 0x1234

  @PGM-HND-4 @profile:pgm
  Scenario: A WRITE handler never sees reads: the page is synced read-only and read without it
    Source: 000_20bc3ec9f13f3511.txt, "Per-VM"
    Given a physical WRITE handler "P" is registered over 0x200000-0x200fff
    When the guest reads 0x40001000 as user
    Then the monitor synced the shadow
    And the shadow maps 0x40001000 read-only
    And handler "P" received no calls

  @PGM-HND-5 @profile:pgm
  Scenario: An ALL handler sees reads too, and the shadow never maps its page
    Source: 000_20bc3ec9f13f3511.txt, "Per-VM"
    Given the guest has written 0x99 to the 8 bytes at linear 0x40001020 as user
    And a physical ALL handler "P" is registered over 0x200000-0x200fff
    When the guest reads 8 bytes at linear 0x40001020 as user
    Then the monitor invoked the access handlers
    And handler "P" received read at 0x200020
    And the guest read 0x99
    And the shadow does not map 0x40001000

  @PGM-HND-6 @profile:pgm
  Scenario: A ROM page is read-only without any handler, and a WRITE handler on it is called while the write is dropped
    Source: 000_20bc3ec9f13f3511.txt, "Per-VM"
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

  @PGM-HND-7 @profile:pgm
  Scenario: After deregistration the page is NONE again and writes no longer reach the handler
    Source: 000_20bc3ec9f13f3511.txt, "Allocating a page"
    Given a physical WRITE handler "P" is registered over 0x200000-0x200fff
    And handler "P" has been deregistered
    When the guest writes 0x1234 to the 8 bytes at linear 0x40001000 as user
    Then page 0x200000 has physical handler state NONE
    And handler "P" received no calls
    And the shadow maps 0x40001000 writable

  @PGM-HND-2 @profile:pgm
  Scenario: Installing a physical handler flushes an alias mapping even after INVLPG dropped the other mapping
    Source: 000_20bc3ec9f13f3511.txt, "Allocating a page"
    Given the guest has read 0x40001000 as user
    And the guest has read 0x40005000 as user
    And the guest invalidates 0x40001000 with INVLPG
    When I register a physical WRITE handler "P" over 0x200000-0x200fff
    Then the shadow does not map 0x40005000

  @PGM-HND-3 @profile:pgm
  Scenario: A write under a physical handler calls no virtual handler whose pages do not reach it
    Source: 000_20bc3ec9f13f3511.txt, "Per-VM"
    Given the guest maps 0x40002000 to 0x201000 writable user
    And a physical WRITE handler "P" is registered over 0x200000-0x200fff
    And a virtual WRITE handler "V" is registered over 0x40002000-0x40002fff
    When the guest writes 0x5 to the 8 bytes at linear 0x40001008 as user
    Then handler "P" received write at 0x200008
    And handler "V" received no calls

  @PGM-HND-4 @profile:pgm
  Scenario: A physical WRITE handler is not called for a read a virtual ALL handler claims on the same page
    Source: 000_20bc3ec9f13f3511.txt, "Per-VM"
    Given the guest has written 0x99 to the 8 bytes at linear 0x40001020 as user
    And a physical WRITE handler "P" is registered over 0x200000-0x200fff
    And a virtual ALL handler "V" is registered over 0x40001000-0x40001fff
    When the guest reads 8 bytes at linear 0x40001020 as user
    Then handler "V" received read at 0x40001020
    And handler "P" received no calls

  @PGM-SHW-11 @profile:pgm
  Scenario: The guest tables walked for an access a physical ALL handler takes become write-protected too
    Source: 003_209c28ea7cb4a5f3.txt, "marked read-only"
    Given a physical ALL handler "P" is registered over 0x200000-0x200fff
    When the guest reads 8 bytes at linear 0x40001020 as user
    Then the monitor knows 0x12000 as a guest paging structure
