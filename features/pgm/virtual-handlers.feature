Feature: Virtual access handlers: kinds, aliases, the maximum rule and guests that change their tables
  Virtual access handlers come in three kinds. WRITE and ALL handlers live in one tree keyed by their linear
  ranges and reach guest physical pages through the guest's tables: every page one of them finds gets a
  virtual handler state, so that the guest reaching the page through any other linear address (an alias)
  still ends up at the handler, which is told the address inside its own range. HYPERVISOR handlers live
  in a tree of their own: they watch writes to their linear range only, never give physical pages a state,
  never flag a resync, and are consulted only when a write through their own range faults.

  The guest may change its tables while a handler is registered. PGM keeps the guest tables it walked for
  the handlers write-protected, so it sees the change; the handler states follow before the guest's next
  access, and the handler is told of a page whose mapping changed through its invalidation callback.
  Handler calls are listed oldest first. Unless a scenario says otherwise, the host runs PAE paging, the
  guest runs legacy PAE paging with its tables at 0x10000, guest RAM is the first 4 MB, and the guest maps
  0x40001000 to 0x200000, 0x40002000 to 0x201000 and 0x40005000 (an alias) to 0x200000, all writable for
  user mode.

  Background:
    Given a shadow-paged VM with access handlers on a PAE host whose host can give it 64 pages
    And a RAM range of 4 MB at 0x0
    And the guest keeps PAE page tables at 0x10000
    And the guest maps 0x40001000 to 0x200000 writable user
    And the guest maps 0x40002000 to 0x201000 writable user
    And the guest maps 0x40005000 to 0x200000 writable user
    And the guest has loaded CR3

  @PGM-VHND-1 @profile:pgm @variant:one-page @variant:on-registration
  Scenario: A HYPERVISOR handler flags no resync, gives no page a state, and is called when a write in its range faults
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers"
    Given a virtual HYPERVISOR handler "H" is registered over 0x40001000-0x40001fff
    And no full resync is pending
    When the guest writes 0x5 to the 8 bytes at linear 0x40001008 as user
    Then handler "H" received write at 0x40001008
    And page 0x200000 has virtual handler state NONE

  @PGM-VHND-1 @profile:pgm @variant:one-page @variant:on-deregistration
  Scenario: Deregistering a HYPERVISOR handler flags no resync
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers"
    Given a virtual HYPERVISOR handler "H" is registered over 0x40001000-0x40001fff
    And no full resync is pending
    When I deregister handler "H"
    Then the handler call is accepted
    And no full resync is pending

  @PGM-PHYS-10 @profile:pgm @variant:virtual-write-handler-page
  Scenario: A normal page a virtual WRITE handler reaches is read-only
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given the guest has written 0x1 to the 1 bytes at 0x200000
    And the page at 0x200000 is writable
    And a virtual WRITE handler "V" is registered over 0x40001000-0x40001fff
    When the VM syncs CR3
    Then page 0x200000 has virtual handler state WRITE
    And the page at 0x200000 is read-only

  @PGM-VHND-2 @profile:pgm
  Scenario: A HYPERVISOR handler does not apply to physical pages: a write through an alias does not reach it
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers"
    Given a virtual HYPERVISOR handler "H" is registered over 0x40001000-0x40001fff
    When the guest writes 0x5 to the 8 bytes at linear 0x40005008 as user
    Then handler "H" received no calls
    And the shadow maps 0x40005000 writable

  @PGM-VHND-16 @profile:pgm @variant:next-write @variant:write-kind
  Scenario: A pending full resync runs before the guest's next access, so no write slips past a new handler
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 1
    Given the guest has written 0x1 to the 8 bytes at linear 0x40001000 as user
    And a virtual WRITE handler "V" is registered over 0x40001000-0x40001fff
    When the guest writes 0x2 to the 8 bytes at linear 0x40001000 as user
    Then handler "V" received write at 0x40001000
    And no full resync is pending
    And page 0x200000 has virtual handler state WRITE

  @PGM-VHND-16 @profile:pgm @variant:cr3-load @variant:all-kind
  Scenario: A pending full resync is carried out by the guest's next CR3 load
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 1
    Given a virtual ALL handler "V" is registered over 0x40001000-0x40001fff
    When the guest loads CR3
    Then no full resync is pending
    And page 0x200000 has virtual handler state ALL

  @PGM-VHND-17 @profile:pgm @variant:first-page @variant:same-shadow-table
  Scenario: A write through an alias reaches the handler, which is told the address inside its own range
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 2c
    Given a virtual WRITE handler "V" is registered over 0x40001000-0x40001fff
    And the VM has synced CR3
    When the guest writes 0x7 to the 8 bytes at linear 0x40005030 as user
    Then the monitor invoked the access handlers
    And handler "V" received write at 0x40001030
    And the shadow maps 0x40005000 read-only

  @PGM-VHND-18 @profile:pgm @variant:remapped @variant:physical-write
  Scenario: A guest that remaps a handled page in its tables is followed before its next access
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 5
    Given a virtual WRITE handler "V" is registered over 0x40001000-0x40001fff
    And the VM has synced CR3
    And the guest maps 0x40001000 to 0x300000 writable user
    When the guest writes 0x9 to the 8 bytes at linear 0x40001000 as user
    Then handler "V" received invalidate at 0x40001000, write at 0x40001000
    And page 0x300000 has virtual handler state WRITE
    And page 0x200000 has virtual handler state NONE

  @PGM-VHND-18 @profile:pgm
  Scenario: A guest that changes the tables a handler was looked up through has a full resync pending
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 5
    Given a virtual WRITE handler "V" is registered over 0x40001000-0x40001fff
    And the VM has synced CR3
    And no full resync is pending
    When the guest maps 0x40001000 to 0x300000 writable user
    Then a full resync is pending

  @PGM-VHND-4 @profile:pgm-introspection @variant:outside-ram
  Scenario: A handler page the guest maps outside its RAM is cached as nothing
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 2a
    Given the guest maps 0x40003000 to 0x7000000 writable user
    And a virtual WRITE handler "V" is registered over 0x40001000-0x40003fff
    When the VM syncs CR3
    Then handler "V" caches 0x40001000 as 0x200000
    And handler "V" caches nothing for 0x40003000

  @PGM-VHND-23 @profile:pgm @variant:user-page-with-smap @variant:guest-pae @variant:page-4k
  Scenario: The look-up finds a user page for its handler with CR4.SMAP set
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 2a
    Given the guest runs with CR4.SMAP set
    And the guest has loaded CR3
    And a virtual WRITE handler "V" is registered over 0x40001000-0x40001fff
    When the VM syncs CR3
    Then page 0x200000 has virtual handler state WRITE

  @PGM-VHND-23 @profile:pgm
  Scenario: The look-up leaves the guest's accessed flags as they were
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 2a
    Given a virtual WRITE handler "V" is registered over 0x40002000-0x40002fff
    When the VM syncs CR3
    Then page 0x201000 has virtual handler state WRITE
    And the guest's level-3 entry for 0x40002000 reads 0x201007
    And the guest's level-2 entry for 0x40002000 reads 0x12007

  @PGM-VHND-23 @profile:pgm @variant:guest-32bit
  Scenario: The look-up in a 32-bit guest's tables leaves its entries, and the entries beside them, as they were
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 2a
    Given the guest keeps 32-bit page tables at 0x20000
    And the guest maps 0x40002000 to 0x201000 writable user
    And the guest maps 0x40003000 to 0x202000 writable user
    And the guest has loaded CR3
    And a virtual WRITE handler "V" is registered over 0x40002000-0x40002fff
    When the VM syncs CR3
    Then page 0x201000 has virtual handler state WRITE
    And the guest's level-2 entry for 0x40002000 reads 0x201007
    And the guest's level-2 entry for 0x40003000 reads 0x202007

  @PGM-VHND-19 @profile:pgm @variant:write-through-range
  Scenario: A guest that maps a handled page the handler found unmapped does not call the invalidation callback
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 3
    Given a virtual WRITE handler "V" is registered over 0x40003000-0x40003fff
    And the VM has synced CR3
    And the guest maps 0x40003000 to 0x300000 writable user
    When the guest writes 0x9 to the 8 bytes at linear 0x40003000 as user
    Then handler "V" received write at 0x40003000
    And page 0x300000 has virtual handler state WRITE

  @PGM-VHND-19 @profile:pgm @variant:invlpg
  Scenario: A handler page the guest maps anew and invalidates takes the handler's state without an invalidation callback
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 3
    Given a virtual WRITE handler "V" is registered over 0x40003000-0x40003fff
    And the VM has synced CR3
    And the guest maps 0x40003000 to 0x300000 writable user
    When the guest invalidates 0x40003000 with INVLPG
    Then page 0x300000 has virtual handler state WRITE
    And handler "V" received no calls

  @PGM-VHND-20 @profile:pgm
  Scenario Outline: A virtual <second> range that overlaps a <first> handler's is refused with VERR_PGM_HANDLER_VIRTUAL_CONFLICT
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 1
    Given a virtual <first> handler "V" is registered over 0x40001000-0x40002fff
    When I register a virtual <second> handler "W" over <start>-<end>
    Then the call is rejected with VERR_PGM_HANDLER_VIRTUAL_CONFLICT
    And the handlers and page handler states are unchanged

    @variant:over-write @variant:new-write @variant:inside
    Examples: a WRITE range inside a WRITE handler's
      | first      | second     | start      | end        |
      | WRITE      | WRITE      | 0x40001000 | 0x40001fff |

    @variant:new-all @variant:overhangs-end
    Examples: an ALL range reaching past a WRITE handler's end
      | first      | second     | start      | end        |
      | WRITE      | ALL        | 0x40002000 | 0x40003fff |

    @variant:over-all @variant:overhangs-start
    Examples: a WRITE range reaching below an ALL handler's start
      | first      | second     | start      | end        |
      | ALL        | WRITE      | 0x40000000 | 0x40001fff |

    @variant:over-hypervisor @variant:new-hypervisor @variant:encloses
    Examples: a HYPERVISOR range around another HYPERVISOR handler's whole range
      | first      | second     | start      | end        |
      | HYPERVISOR | HYPERVISOR | 0x40000000 | 0x40004fff |

    @variant:new-hypervisor @variant:encloses @reading:pgm.hypervisor-handler-overlap=refused
    Examples: a HYPERVISOR range around a WRITE handler's whole range, where one byte has one handler
      | first      | second     | start      | end        |
      | WRITE      | HYPERVISOR | 0x40000000 | 0x40004fff |

    @variant:over-hypervisor @reading:pgm.hypervisor-handler-overlap=refused
    Examples: a WRITE range inside a HYPERVISOR handler's, where one byte has one handler
      | first      | second     | start      | end        |
      | HYPERVISOR | WRITE      | 0x40002000 | 0x40002fff |

    @variant:new-hypervisor @variant:overhangs-start @reading:pgm.hypervisor-handler-overlap=refused
    Examples: a HYPERVISOR range reaching below an ALL handler's start, where one byte has one handler
      | first      | second     | start      | end        |
      | ALL        | HYPERVISOR | 0x40000000 | 0x40001fff |

    @variant:over-hypervisor @variant:new-all @variant:overhangs-end @reading:pgm.hypervisor-handler-overlap=refused
    Examples: an ALL range reaching past a HYPERVISOR handler's end, where one byte has one handler
      | first      | second     | start      | end        |
      | HYPERVISOR | ALL        | 0x40002000 | 0x40003fff |

  @PGM-VHND-20 @profile:pgm @reading:pgm.hypervisor-handler-overlap=separate-trees
  Scenario Outline: With HYPERVISOR handlers in a tree of their own, a virtual <second> range over a <first> handler's is registered
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 1
    Given a virtual <first> handler "V" is registered over 0x40001000-0x40002fff
    When I register a virtual <second> handler "W" over <start>-<end>
    Then the handler call is accepted

    @variant:new-hypervisor @variant:encloses
    Examples: a HYPERVISOR range around a WRITE handler's whole range
      | first      | second     | start      | end        |
      | WRITE      | HYPERVISOR | 0x40000000 | 0x40004fff |

    @variant:over-hypervisor @variant:inside
    Examples: a WRITE range inside a HYPERVISOR handler's
      | first      | second     | start      | end        |
      | HYPERVISOR | WRITE      | 0x40002000 | 0x40002fff |

    @variant:new-hypervisor @variant:overhangs-start
    Examples: a HYPERVISOR range reaching below an ALL handler's start
      | first      | second     | start      | end        |
      | ALL        | HYPERVISOR | 0x40000000 | 0x40001fff |

    @variant:over-hypervisor @variant:new-all @variant:overhangs-end
    Examples: an ALL range reaching past a HYPERVISOR handler's end
      | first      | second     | start      | end        |
      | HYPERVISOR | ALL        | 0x40002000 | 0x40003fff |

  @PGM-VHND-17 @profile:pgm @variant:later-page
  Scenario: A write through an alias of a handler's second page is reported at that page of the range
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 2c
    Given a virtual WRITE handler "V" is registered over 0x40001000-0x40002fff
    And the guest maps 0x40006000 to 0x201000 writable user
    And the VM has synced CR3
    When the guest writes 0x7 to the 8 bytes at linear 0x40006010 as user
    Then handler "V" received write at 0x40002010

  @PGM-VHND-11 @profile:pgm @variant:one-page-twice
  Scenario: A handler whose range maps one page twice is told the address the guest wrote through
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 4
    Given the guest maps 0x40002000 to 0x200000 writable user
    And a virtual WRITE handler "V" is registered over 0x40001000-0x40002fff
    And the VM has synced CR3
    When the guest writes 0x7 to the 8 bytes at linear 0x40002010 as user
    Then handler "V" received write at 0x40002010

  @PGM-SHW-14 @profile:pgm
  Scenario: INVLPG in a VM with access handlers drops the page's shadow entry
    Source: Intel SDM Vol. 3A, 4.10.4.1 "Operations that Invalidate TLBs and Paging-Structure Caches"
    Given the guest has read 0x40002000 as user
    When the guest invalidates 0x40002000 with INVLPG
    Then the shadow does not map 0x40002000

  @PGM-SHW-25 @profile:pgm
  Scenario: A VM with access handlers runs in the modes the host-by-guest matrix gives
    Source: VirtualBox PGM documentation [001], "Paging Modes"
    Then the VM's host mode is PAE
    And the VM's guest mode is PAE
    And the VM's shadow mode is PAE

  @PGM-VHND-1 @profile:pgm @variant:several-pages
  Scenario: A write to the second page of a two-page HYPERVISOR handler calls it there and gives neither page a state
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers"
    Given a virtual HYPERVISOR handler "H" is registered over 0x40001000-0x40002fff
    And no full resync is pending
    When the guest writes 0x5 to the 8 bytes at linear 0x40002010 as user
    Then handler "H" received write at 0x40002010
    And page 0x200000 has virtual handler state NONE
    And page 0x201000 has virtual handler state NONE

  @PGM-VHND-16 @profile:pgm @variant:next-read
  Scenario: A pending full resync runs before the guest's next read, so a new ALL handler sees it
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 1
    Given the guest has written 0x1 to the 8 bytes at linear 0x40001000 as user
    And a virtual ALL handler "V" is registered over 0x40001000-0x40001fff
    When the guest reads 8 bytes at linear 0x40001000 as user
    Then handler "V" received read at 0x40001000
    And the guest read 0x1
    And no full resync is pending

  @PGM-VHND-17 @profile:pgm @variant:other-shadow-table
  Scenario: A write through an alias in another shadow page table reaches the handler at the address inside its range
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 2c
    Given the guest maps 0x40205000 to 0x200000 writable user
    And a virtual WRITE handler "V" is registered over 0x40001000-0x40001fff
    And the VM has synced CR3
    When the guest writes 0x7 to the 8 bytes at linear 0x40205030 as user
    Then handler "V" received write at 0x40001030
    And the shadow maps 0x40205000 read-only

  @PGM-VHND-18 @profile:pgm @variant:unmapped
  Scenario: A guest that unmaps a handled page in its tables is followed before its next access, and the callback is called
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 5
    Given a virtual WRITE handler "V" is registered over 0x40001000-0x40001fff
    And the VM has synced CR3
    And the guest clears the present bit of its page-table entry for 0x40001000
    When the guest reads 0x40002000 as user
    Then handler "V" received invalidate at 0x40001000
    And page 0x200000 has virtual handler state NONE

  @PGM-VHND-18 @profile:pgm @variant:guest-write
  Scenario: A guest that remaps a handled page by writing its own page table is followed before its next access
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 5
    Given the guest maps 0x40010000 to 0x12000 writable user
    And the guest has loaded CR3
    And a virtual WRITE handler "V" is registered over 0x40001000-0x40001fff
    And the VM has synced CR3
    And the guest has written 0x300007 to the 8 bytes at linear 0x40010008 as user
    When the guest writes 0x9 to the 8 bytes at linear 0x40001000 as user
    Then handler "V" received invalidate at 0x40001000, write at 0x40001000
    And page 0x300000 has virtual handler state WRITE
    And page 0x200000 has virtual handler state NONE

  @PGM-VHND-4 @profile:pgm-introspection @variant:page-2m
  Scenario: A handler page inside a guest 2 MB page is cached as the guest physical page of its own 4 KB piece
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 2a
    Given the guest maps 0x40400000 to 0x200000 writable user as a 2 MB page
    And the guest has loaded CR3
    And a virtual WRITE handler "V" is registered over 0x40434000-0x40435fff
    When the VM syncs CR3
    Then handler "V" caches 0x40434000 as 0x234000
    And handler "V" caches 0x40435000 as 0x235000

  @PGM-VHND-11 @profile:pgm @variant:later-page
  Scenario: A write to the second page of a two-page handler calls it with that address, then the write is carried out
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 4
    Given a virtual WRITE handler "V" is registered over 0x40001000-0x40002fff
    And the VM has synced CR3
    When the guest writes 0x1234 to the 8 bytes at linear 0x40002018 as user
    Then handler "V" received write at 0x40002018
    When the guest reads 8 bytes at 0x201018
    Then the read returns 0x1234

  @PGM-VHND-11 @profile:pgm @variant:page-2m
  Scenario: A write to a handled piece of a guest 2 MB page calls the handler with the linear address
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 4
    Given the guest maps 0x40400000 to 0x200000 writable user as a 2 MB page
    And the guest has loaded CR3
    And a virtual WRITE handler "V" is registered over 0x40434000-0x40434fff
    And the VM has synced CR3
    When the guest writes 0x1234 to the 8 bytes at linear 0x40434018 as user
    Then handler "V" received write at 0x40434018
    And page 0x234000 has virtual handler state WRITE
    When the guest reads 8 bytes at 0x234018
    Then the read returns 0x1234

  @PGM-VHND-23 @profile:pgm @variant:supervisor-page
  Scenario: The look-up finds a supervisor-only page for its handler
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 2a
    Given the guest maps 0x40003000 to 0x300000 writable supervisor
    And the guest has loaded CR3
    And a virtual WRITE handler "V" is registered over 0x40003000-0x40003fff
    When the VM syncs CR3
    Then page 0x300000 has virtual handler state WRITE

  @PGM-VHND-23 @profile:pgm @variant:page-2m
  Scenario: The look-up of a handler page inside a guest 2 MB page leaves the large page's entry as it was
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 2a
    Given the guest maps 0x40400000 to 0x200000 writable user as a 2 MB page
    And the guest has loaded CR3
    And a virtual WRITE handler "V" is registered over 0x40434000-0x40434fff
    When the VM syncs CR3
    Then page 0x234000 has virtual handler state WRITE
    And the guest's level-2 entry for 0x40400000 reads 0x200087

  @PGM-HND-14 @profile:pgm-introspection
  Scenario Outline: A page a virtual <kind> handler reaches holds <value> in bits 7:6 of word 1 of its record
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a virtual <kind> handler "V" is registered over 0x40001000-0x40001fff
    And the VM has synced CR3
    When I ask for the record at 0x200000
    Then bits 7:6 of word 1 of the record at 0x200000 hold <value>
    And bits 5:4 of word 1 of the record at 0x200000 hold 0x0

    @variant:virtual-field @variant:write-state
    Examples: a WRITE handler
      | kind  | value |
      | WRITE | 0x2   |

    @variant:all-state
    Examples: an ALL handler
      | kind  | value |
      | ALL   | 0x3   |
