Feature: The life of a virtual access handler, from registration to deregistration
  A virtual access handler watches a range of guest linear addresses. PGM cannot watch linear addresses
  directly: it watches the guest physical pages the guest's own tables map the range to, by giving each
  page a virtual handler state (WRITE or ALL) in its page record and keeping the shadow tables from
  mapping the page writable (WRITE) or at all (ALL). This feature follows one handler through its life,
  step by step as seed 001 tells it. 1: registration checks for conflicts, inserts the range and flags a
  full resync. 2: the next SyncCR3 looks every handler page up through the guest's CR3 and caches the
  physical page (2a), raises every cached page to the highest state over the handlers on it (2b), flushes
  the whole shadow page cache (2c) and syncs the CR3 table (2d). 3: a read fault syncs a WRITE-handled page
  read-only and resumes, and calls an ALL handler. 4: a write fault calls the handler. 5: the guest
  remapping or unmapping a handled page and invalidating it calls the invalidation callback. 6:
  deregistration resets the cached pages to NONE and flags a full resync, so step 2 runs again.

  A handler the guest's access reaches is called first and the access is carried out after it. Handler
  calls are listed oldest first as "write at <address>", with the linear address inside the handler's
  range. Unless a scenario says otherwise, the host runs PAE paging, the guest runs legacy PAE paging with
  its tables at 0x10000, guest RAM is the first 4 MB, and the guest maps 0x40001000 to 0x200000 and
  0x40002000 to 0x201000, both writable for user mode.

  Background:
    Given a shadow-paged VM with access handlers on a PAE host whose host can give it 64 pages
    And a RAM range of 4 MB at 0x0
    And the guest keeps PAE page tables at 0x10000
    And the guest maps 0x40001000 to 0x200000 writable user
    And the guest maps 0x40002000 to 0x201000 writable user
    And the guest has loaded CR3

  @PGM-VHND-3 @profile:pgm @variant:write-kind
  Scenario: Step 1: registering a WRITE handler flags a full resync and leaves the pages alone until then
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 1
    When I register a virtual WRITE handler "V" over 0x40001000-0x40001fff
    Then the handler call is accepted
    And a full resync is pending
    And page 0x200000 has virtual handler state NONE

  @PGM-VHND-4 @profile:pgm-introspection @variant:mapped-page @variant:unmapped-page @variant:page-4k
  Scenario: Step 2a: SyncCR3 looks every handler page up through the guest's CR3 and caches the physical page
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 2a
    Given a virtual WRITE handler "V" is registered over 0x40001000-0x40003fff
    When the VM syncs CR3
    Then handler "V" caches 0x40001000 as 0x200000
    And handler "V" caches 0x40002000 as 0x201000
    And handler "V" caches nothing for 0x40003000
    And no full resync is pending
    And the monitor knows 0x12000 as a guest paging structure

  @PGM-VHND-5 @profile:pgm @variant:write-kind @variant:by-synccr3
  Scenario: Step 2a: a page whose translation changed is reset to NONE and the new page takes the state
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 2a
    Given a virtual WRITE handler "V" is registered over 0x40001000-0x40001fff
    And the VM has synced CR3
    When the guest maps 0x40001000 to 0x300000 writable user
    And the VM syncs CR3
    Then page 0x200000 has virtual handler state NONE
    And page 0x300000 has virtual handler state WRITE

  @PGM-VHND-6 @profile:pgm
  Scenario Outline: Step 2b: a page two handlers reach through aliases takes the highest state, <highest>
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 2b
    Given the guest maps 0x40005000 to 0x200000 writable user
    And the guest has loaded CR3
    And a virtual <first> handler "V" is registered over 0x40001000-0x40001fff
    And a virtual <second> handler "W" is registered over 0x40005000-0x40005fff
    When the VM syncs CR3
    Then page 0x200000 has virtual handler state <highest>

    @variant:write-and-write
    Examples: two WRITE handlers
      | first | second | highest |
      | WRITE | WRITE  | WRITE   |

    @variant:write-then-all
    Examples: a WRITE handler, then an ALL one
      | first | second | highest |
      | WRITE | ALL    | ALL     |

    @variant:all-then-write
    Examples: an ALL handler, then a WRITE one
      | first | second | highest |
      | ALL   | WRITE  | ALL     |

  @PGM-VHND-7 @profile:pgm @variant:alias-of-handled-page @variant:unhandled-page-same-table
  Scenario: Step 2c: SyncCR3 flushes the whole shadow page cache, alias mappings of handled pages included
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 2c
    Given the guest maps 0x40005000 to 0x200000 writable user
    And the guest has loaded CR3
    And the guest has written 0x1 to the 8 bytes at linear 0x40005000 as user
    And the guest has written 0x1 to the 8 bytes at linear 0x40002000 as user
    And a virtual WRITE handler "V" is registered over 0x40001000-0x40001fff
    When the VM syncs CR3
    Then the shadow does not map 0x40005000
    And the shadow does not map 0x40002000

  @PGM-VHND-8 @profile:pgm @variant:own-range
  Scenario: Step 2d: after the sync the shadow is rebuilt from the guest's CR3, handled pages read-only
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 2d
    Given a virtual WRITE handler "V" is registered over 0x40001000-0x40001fff
    And the VM has synced CR3
    When the guest reads 0x40001000 as user
    Then the monitor synced the shadow
    And the shadow maps 0x40001000 to the host page behind 0x200000
    And the shadow maps 0x40001000 read-only
    And the VM's shadow mode is PAE
    And the VM's guest mode is PAE

  @PGM-VHND-9 @profile:pgm @variant:read-access @variant:own-range
  Scenario: Step 3: a read of a WRITE-handled page is synced read-only and resumed without calling the handler
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 3
    Given the guest has written 0x77 to the 8 bytes at linear 0x40001000 as user
    And a virtual WRITE handler "V" is registered over 0x40001000-0x40001fff
    When the guest reads 0x40001000 as user
    Then the monitor synced the shadow
    And the guest read 0x77
    And the shadow maps 0x40001000 read-only
    And handler "V" received no calls

  @PGM-VHND-10 @profile:pgm @variant:read-access @variant:own-range
  Scenario: Step 3: a read of an ALL-handled page calls the handler, and the shadow keeps the page unmapped
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 3
    Given the guest has written 0x77 to the 8 bytes at linear 0x40001008 as user
    And a virtual ALL handler "V" is registered over 0x40001000-0x40001fff
    When the guest reads 8 bytes at linear 0x40001008 as user
    Then the monitor invoked the access handlers
    And handler "V" received read at 0x40001008
    And the guest read 0x77
    And the shadow does not map 0x40001000

  @PGM-VHND-11 @profile:pgm @variant:first-page @variant:distinct-pages @variant:page-4k
  Scenario: Step 4: a write to a handled page calls the handler, then the write is carried out
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 4
    Given a virtual WRITE handler "V" is registered over 0x40001000-0x40001fff
    And the guest has read 0x40001000 as user
    When the guest writes 0x1234 to the 8 bytes at linear 0x40001010 as user
    Then the monitor invoked the access handlers
    And handler "V" received write at 0x40001010
    And the shadow maps 0x40001000 read-only
    When the guest reads 8 bytes at linear 0x40001010 as user
    Then the guest read 0x1234

  @PGM-VHND-12 @profile:pgm @variant:write-kind @variant:first-page
  Scenario: Step 5: the guest remapping a handled page and invalidating it calls the invalidation callback
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 5
    Given a virtual WRITE handler "V" is registered over 0x40001000-0x40001fff
    And the VM has synced CR3
    When the guest maps 0x40001000 to 0x300000 writable user
    And the guest invalidates 0x40001000 with INVLPG
    Then handler "V" received invalidate at 0x40001000
    And page 0x200000 has virtual handler state NONE
    And page 0x300000 has virtual handler state WRITE

  @PGM-VHND-13 @profile:pgm @variant:page-table-entry
  Scenario: Step 5: the guest unmapping a handled page and invalidating it calls the invalidation callback
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 5
    Given a virtual WRITE handler "V" is registered over 0x40001000-0x40001fff
    And the VM has synced CR3
    When the guest clears the present bit of its page-table entry for 0x40001000
    And the guest invalidates 0x40001000 with INVLPG
    Then handler "V" received invalidate at 0x40001000
    And page 0x200000 has virtual handler state NONE

  @PGM-VHND-14 @profile:pgm @variant:write-kind @variant:several-pages
  Scenario: Step 6: deregistration resets the handler's cached pages to NONE and flags a full resync
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 6
    Given a virtual WRITE handler "V" is registered over 0x40001000-0x40002fff
    And the VM has synced CR3
    When I deregister handler "V"
    Then the handler call is accepted
    And page 0x200000 has virtual handler state NONE
    And page 0x201000 has virtual handler state NONE
    And a full resync is pending

  @PGM-VHND-15 @profile:pgm @variant:write-remains
  Scenario: Step 6: after deregistration step 2 runs again and gives a shared page back its other handler's state
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 6
    Given the guest maps 0x40005000 to 0x200000 writable user
    And the guest has loaded CR3
    And a virtual ALL handler "V" is registered over 0x40001000-0x40001fff
    And a virtual WRITE handler "W" is registered over 0x40005000-0x40005fff
    And the VM has synced CR3
    And handler "V" has been deregistered
    When the VM syncs CR3
    Then page 0x200000 has virtual handler state WRITE
    And no full resync is pending

  @PGM-VHND-3 @profile:pgm @variant:all-kind
  Scenario: Step 1: registering an ALL handler flags a full resync and leaves the pages alone until then
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 1
    When I register a virtual ALL handler "V" over 0x40001000-0x40002fff
    Then the handler call is accepted
    And a full resync is pending
    And page 0x200000 has virtual handler state NONE
    And page 0x201000 has virtual handler state NONE

  @PGM-VHND-5 @profile:pgm @variant:all-kind @variant:by-cr3-load
  Scenario: Step 2a at a CR3 load: an ALL-handled page whose translation changed is reset, and the new page takes ALL
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 2a
    Given a virtual ALL handler "V" is registered over 0x40001000-0x40001fff
    And the VM has synced CR3
    When the guest maps 0x40001000 to 0x300000 writable user
    And the guest loads CR3
    Then page 0x200000 has virtual handler state NONE
    And page 0x300000 has virtual handler state ALL

  @PGM-VHND-7 @profile:pgm @variant:unhandled-page-other-table
  Scenario: Step 2c: SyncCR3 also flushes a page no handler covers in another shadow page table
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 2c
    Given the guest maps 0x40201000 to 0x202000 writable user
    And the guest maps 0x40005000 to 0x200000 writable user
    And the guest has loaded CR3
    And the guest has written 0x1 to the 8 bytes at linear 0x40201000 as user
    And the guest has written 0x1 to the 8 bytes at linear 0x40005000 as user
    And a virtual WRITE handler "V" is registered over 0x40001000-0x40001fff
    When the VM syncs CR3
    Then the shadow does not map 0x40201000
    And the shadow does not map 0x40005000

  @PGM-VHND-8 @profile:pgm @variant:alias
  Scenario: Step 2d: after the sync an alias of a WRITE-handled page is rebuilt read-only too
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 2d
    Given the guest maps 0x40005000 to 0x200000 writable user dirty
    And the guest has loaded CR3
    And a virtual WRITE handler "V" is registered over 0x40001000-0x40001fff
    And the VM has synced CR3
    When the guest reads 0x40005000 as user
    Then the monitor synced the shadow
    And the shadow maps 0x40005000 to the host page behind 0x200000
    And the shadow maps 0x40005000 read-only

  @PGM-VHND-9 @profile:pgm @variant:fetch-access
  Scenario: Step 3: a fetch from a WRITE-handled page is synced read-only and resumed without calling the handler
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 3
    Given the guest has written 0x90 to the 1 bytes at 0x200000
    And a virtual WRITE handler "V" is registered over 0x40001000-0x40001fff
    When the guest fetches from 0x40001000 as user
    Then the monitor synced the shadow
    And the guest read 0x90
    And handler "V" received no calls

  @PGM-VHND-9 @profile:pgm @variant:alias
  Scenario: Step 3: a read of a WRITE-handled page through an alias is synced read-only without calling the handler
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 3
    Given the guest maps 0x40005000 to 0x200000 writable user dirty
    And the guest has loaded CR3
    And the guest has written 0x77 to the 8 bytes at linear 0x40001000 as user
    And a virtual WRITE handler "V" is registered over 0x40001000-0x40001fff
    When the guest reads 0x40005000 as user
    Then the guest read 0x77
    And the shadow maps 0x40005000 read-only
    And handler "V" received no calls

  @PGM-VHND-10 @profile:pgm @variant:fetch-access
  Scenario: Step 3: a fetch from an ALL-handled page calls the handler, and the shadow keeps the page unmapped
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 3
    Given the guest has written 0x90 to the 1 bytes at 0x200000
    And a virtual ALL handler "V" is registered over 0x40001000-0x40001fff
    When the guest fetches from 0x40001000 as user
    Then handler "V" received fetch at 0x40001000
    And the guest read 0x90
    And the shadow does not map 0x40001000

  @PGM-VHND-10 @profile:pgm @variant:alias
  Scenario: Step 3: a read of an ALL-handled page through an alias calls the handler at the address inside its range
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 3
    Given the guest maps 0x40005000 to 0x200000 writable user
    And the guest has loaded CR3
    And the guest has written 0x77 to the 8 bytes at linear 0x40001008 as user
    And a virtual ALL handler "V" is registered over 0x40001000-0x40001fff
    And the VM has synced CR3
    When the guest reads 8 bytes at linear 0x40005008 as user
    Then handler "V" received read at 0x40001008
    And the guest read 0x77
    And the shadow does not map 0x40005000

  @PGM-VHND-12 @profile:pgm @variant:all-kind
  Scenario: Step 5: the guest remapping an ALL-handled page and invalidating it calls the callback and moves ALL
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 5
    Given a virtual ALL handler "V" is registered over 0x40001000-0x40001fff
    And the VM has synced CR3
    When the guest maps 0x40001000 to 0x300000 writable user
    And the guest invalidates 0x40001000 with INVLPG
    Then handler "V" received invalidate at 0x40001000
    And page 0x200000 has virtual handler state NONE
    And page 0x300000 has virtual handler state ALL

  @PGM-VHND-12 @profile:pgm @variant:later-page
  Scenario: Step 5: remapping the second page of a two-page handler calls the callback with that page's address
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 5
    Given a virtual WRITE handler "V" is registered over 0x40001000-0x40002fff
    And the VM has synced CR3
    When the guest maps 0x40002000 to 0x300000 writable user
    And the guest invalidates 0x40002000 with INVLPG
    Then handler "V" received invalidate at 0x40002000
    And page 0x201000 has virtual handler state NONE
    And page 0x300000 has virtual handler state WRITE
    And page 0x200000 has virtual handler state WRITE

  @PGM-VHND-13 @profile:pgm @variant:directory-entry
  Scenario: Step 5: the guest unmapping a handled page's whole page table and invalidating the page calls the callback
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 5
    Given a virtual WRITE handler "V" is registered over 0x40001000-0x40001fff
    And the VM has synced CR3
    When the guest clears the present bit of its level-2 entry for 0x40001000
    And the guest invalidates 0x40001000 with INVLPG
    Then handler "V" received invalidate at 0x40001000
    And page 0x200000 has virtual handler state NONE

  @PGM-VHND-14 @profile:pgm @variant:all-kind @variant:one-page
  Scenario: Step 6: deregistering an ALL handler resets its cached page to NONE and flags a full resync
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 6
    Given a virtual ALL handler "V" is registered over 0x40001000-0x40001fff
    And the VM has synced CR3
    When I deregister handler "V"
    Then the handler call is accepted
    And page 0x200000 has virtual handler state NONE
    And a full resync is pending

  @PGM-VHND-15 @profile:pgm @variant:all-remains
  Scenario: Step 6: after a WRITE handler goes, step 2 gives a shared page back the ALL state of the handler that stays
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 6
    Given the guest maps 0x40005000 to 0x200000 writable user
    And the guest has loaded CR3
    And a virtual WRITE handler "V" is registered over 0x40001000-0x40001fff
    And a virtual ALL handler "W" is registered over 0x40005000-0x40005fff
    And the VM has synced CR3
    And handler "V" has been deregistered
    And page 0x200000 has virtual handler state NONE
    When the VM syncs CR3
    Then page 0x200000 has virtual handler state ALL
    And no full resync is pending
