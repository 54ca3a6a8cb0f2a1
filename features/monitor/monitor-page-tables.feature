Feature: The FreeMWare monitor: monitor page tables, fault routing and host pages
  Under the FreeMWare monitor a guest never runs on its own page tables. The monitor keeps an array of
  pages the host gave it and serves guest physical pages from them in whatever order it likes, so there is
  no fixed relation between a guest page number and the host page behind it. When the guest loads its page
  directory base register, the monitor builds its own tables from the guest's, with every guest page
  number replaced by the host page serving it. The guest's tables are write-protected, so every guest
  write to them traps and the monitor brings its tables in step.

  A page fault on the monitor tables is routed by comparing the two: if the guest's tables do not allow
  the access, the fault is the guest's and goes to the guest's page-fault handler; if they do but the
  monitor has no page there, the monitor switches to the host, which supplies the page, and the access
  resumes.

  Host pages mapped in the monitor tables stay locked, since the processor uses them. A page the guest
  unmaps everywhere is taken out of the monitor tables and given back to the host. When the host runs
  short of memory, the monitor gives back the least recently used guest pages, each first taken out of the
  monitor tables and only then unlocked.

  The guest may map one guest page at several linear pages (aliases), each with its own rights. All of
  them are served by the one host page behind the guest page; an alias the monitor has not entered yet is
  entered with that host page on its first use, without a new page from the host (interpretation I-MON-3).
  A page given back, whether the guest unmapped it everywhere or the host wanted it, leaves the monitor
  tables at every alias before it is unlocked (interpretation I-MON-4).

  Linear addresses and host pages are written in hexadecimal, guest pages by number.

  @MON-PAGE-1 @profile:monitor @variant:unordered-array @variant:without-page-zero @variant:first-supply
  Scenario: Guest pages are served by the host's pages in whatever order the host gave them
    Source: FreeMWare list, monitor page tables [003], "no default relationship between guest physical page numbers"
    Given a monitor for a guest of 3 pages with the host page array 0x9000, 0x3000 and 0x7000
    And the guest maps 0x1000 to guest page 0 writable user
    And the guest maps 0x2000 to guest page 1 writable user
    And the guest maps 0x3000 to guest page 2 writable user
    When the guest loads its page directory base register
    And the guest has touched 0x1000, 0x2000 and 0x3000
    Then guest pages 0 to 2 are served by distinct pages of the host page array

  @MON-PAGE-1 @profile:monitor @variant:ascending-array @variant:with-page-zero @variant:first-supply
  Scenario: Host page 0x0 is a page like any other in the host page array
    Source: FreeMWare list, monitor page tables [003], "no default relationship between guest physical page numbers"
    Given a monitor for a guest of 2 pages with the host page array 0x0 and 0x5000
    And the guest maps 0x1000 to guest page 0 writable user
    And the guest maps 0x2000 to guest page 1 writable user
    When the guest has touched 0x1000 and 0x2000
    Then guest pages 0 to 1 are served by distinct pages of the host page array

  @MON-PAGE-1 @profile:monitor @variant:unordered-array @variant:without-page-zero @variant:after-give-back
  Scenario: Host pages given back and handed out again still serve one guest page each
    Source: FreeMWare list, monitor page tables [003], "no default relationship between guest physical page numbers"
    Given a monitor for a guest of 4 pages with the host page array 0x9000 and 0x3000
    And the guest maps 0x1000 to guest page 0 writable user
    And the guest maps 0x2000 to guest page 1 writable user
    And the guest maps 0x3000 to guest page 2 writable user
    And the guest has touched 0x1000, 0x2000 and 0x3000
    When the guest has touched 0x1000
    Then the resident guest pages are served by distinct pages of the host page array

  @MON-TBL-1 @profile:monitor @variant:one-alias
  Scenario Outline: The monitor tables map the host page serving the guest page, with the guest's rights (<rights>)
    Source: FreeMWare list, monitor page tables [003], "whenever the guest loads a PDBR"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 2 <rights>
    And the guest has touched 0x1000
    When the guest loads its page directory base register
    Then the monitor entry for 0x1000 maps the host page serving guest page 2
    And the monitor entry for 0x1000 is <rights>

    @variant:read-only-user
    Examples: read-only, user
      | rights                |
      | read-only user        |

    @variant:writable-user
    Examples: writable, user
      | rights                |
      | writable user         |

    @variant:writable-supervisor
    Examples: writable, supervisor
      | rights                |
      | writable supervisor   |

    @variant:read-only-supervisor
    Examples: read-only, supervisor
      | rights                |
      | read-only supervisor  |

  @MON-TBL-1 @profile:monitor @variant:several-aliases @variant:writable-user @variant:read-only-user
  Scenario: A page directory base load enters every linear page of a resident guest page, each with its own rights, and only those
    Source: FreeMWare list, monitor page tables [003], "whenever the guest loads a PDBR"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 2 writable user
    And the guest maps 0x4000 to guest page 2 read-only user
    And the guest maps 0x5000 to guest page 3 writable user
    And the guest has touched 0x1000
    When the guest loads its page directory base register
    Then the monitor entry for 0x4000 maps the host page serving guest page 2
    And the monitor entry for 0x4000 is read-only user
    And the monitor entry for 0x1000 is writable user
    And the monitor tables do not map 0x5000

  @MON-TBL-2 @profile:monitor @variant:new-mapping @variant:several-aliases @variant:page-resident
  Scenario: A trapped guest write that maps a page brings the monitor tables in step
    Source: FreeMWare list, monitor page tables [003], "will trap to the monitor"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 2 writable supervisor
    And the guest has touched 0x1000
    When the guest maps 0x4000 to guest page 2 read-only supervisor now
    Then the monitor entry for 0x4000 maps the host page serving guest page 2
    And the monitor entry for 0x4000 is read-only supervisor

  @MON-TBL-2 @profile:monitor @variant:new-mapping @variant:one-alias @variant:page-not-resident
  Scenario: A trapped guest write that maps a page no host page serves yet enters nothing until the guest uses it
    Source: FreeMWare list, monitor page tables [003], "will trap to the monitor"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 0 writable user
    And the guest has touched 0x1000
    When the guest maps 0x2000 to guest page 1 writable user now
    Then the monitor tables do not map 0x2000
    And guest page 1 is served by no host page

  @MON-TBL-2 @profile:monitor @variant:removed-mapping @variant:several-aliases @variant:page-resident
  Scenario: A trapped guest write that unmaps a page takes it out of the monitor tables
    Source: FreeMWare list, monitor page tables [003], "will trap to the monitor"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 2 writable supervisor
    And the guest maps 0x4000 to guest page 2 writable supervisor
    And the guest has touched 0x1000 and 0x4000
    When the guest unmaps 0x4000
    Then the monitor tables do not map 0x4000
    And the monitor entry for 0x1000 maps the host page serving guest page 2

  @MON-TBL-2 @profile:monitor @variant:removed-mapping @variant:one-alias @variant:page-resident
  Scenario: A trapped guest write that unmaps the only mapping of a page takes it out of the monitor tables
    Source: FreeMWare list, monitor page tables [003], "will trap to the monitor"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 2 writable supervisor
    And the guest has touched 0x1000
    When the guest unmaps 0x1000
    Then the monitor tables do not map 0x1000

  @MON-TBL-2 @profile:monitor @variant:remapped-to-other-page @variant:one-alias @variant:page-resident
  Scenario: A trapped guest write that points a mapped page at another guest page removes the old entry
    Source: FreeMWare list, monitor page tables [003], "will trap to the monitor"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 0 writable user
    And the guest has touched 0x1000
    When the guest maps 0x1000 to guest page 1 writable user now
    Then the monitor tables do not map 0x1000
    And guest page 0 was unmapped from the monitor tables, then unlocked and given back to the host
    And 0 host pages are locked

  @MON-TBL-2 @profile:monitor @variant:rights-changed @variant:one-alias @variant:page-resident
  Scenario Outline: A trapped guest write that changes only the rights of a mapping, from <before> to <after>, changes the monitor entry's rights
    Source: FreeMWare list, monitor page tables [003], "will trap to the monitor"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 2 <before>
    And the guest has touched 0x1000
    When the guest maps 0x1000 to guest page 2 <after> now
    Then the monitor entry for 0x1000 is <after>

    Examples:
      | before               | after                |
      | writable user        | read-only user       |
      | writable user        | writable supervisor  |
      | read-only supervisor | writable user        |

  @MON-TBL-2 @profile:monitor @variant:rights-changed @variant:several-aliases @variant:page-resident
  Scenario Outline: A trapped guest write that makes one of two aliases read-only changes that alias's entry alone, here <alias>
    Source: FreeMWare list, monitor page tables [003], "will trap to the monitor"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 2 writable user
    And the guest maps 0x4000 to guest page 2 writable user
    And the guest has touched 0x1000 and 0x4000
    When the guest maps 0x4000 to guest page 2 read-only user now
    Then the monitor entry for <alias> is <rights>

    Examples:
      | alias  | rights         |
      | 0x4000 | read-only user |
      | 0x1000 | writable user  |

  @MON-FLT-1 @profile:monitor
  Scenario Outline: A <mode> <kind> the guest's own tables refuse goes to the guest's page-fault handler
    Source: FreeMWare list, monitor page tables [003], "forward the page fault to the guest"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 0 read-only user
    And the guest maps 0x2000 to guest page 1 writable supervisor
    And the guest has touched 0x1000 and 0x2000
    When the guest makes a <mode> <kind> at <address>
    Then the access went GUEST_FAULT

    @variant:not-mapped @variant:page-not-in-monitor-tables
    Examples: a linear page the guest does not map
      | mode       | kind  | address |
      | supervisor | read  | 0x5000  |

    @variant:write-to-read-only @variant:page-in-monitor-tables
    Examples: a write to a page the guest maps read-only
      | mode       | kind  | address |
      | user       | write | 0x1000  |

    @variant:user-to-supervisor @variant:page-in-monitor-tables
    Examples: a user access to a page the guest maps for the supervisor
      | mode       | kind  | address |
      | user       | read  | 0x2000  |

  @MON-FLT-1 @profile:monitor @variant:page-not-in-monitor-tables
  Scenario Outline: A <mode> <kind> the guest's tables refuse, to guest page <page> no host page serves yet, goes to the guest and brings in no page
    Source: FreeMWare list, monitor page tables [003], "forward the page fault to the guest"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 0 read-only user
    And the guest maps 0x2000 to guest page 1 writable supervisor
    When the guest makes a <mode> <kind> at <address>
    Then the access went GUEST_FAULT
    And guest page <page> is served by no host page

    @variant:write-to-read-only
    Examples: a write to a page the guest maps read-only
      | mode       | kind  | address | page |
      | user       | write | 0x1000  | 0    |

    @variant:user-to-supervisor
    Examples: a user access to a page the guest maps for the supervisor
      | mode       | kind  | address | page |
      | user       | read  | 0x2000  | 1    |
      | user       | write | 0x2000  | 1    |

  @MON-FLT-2 @profile:monitor
  Scenario Outline: A <mode> <kind> the guest allows to a page the monitor does not map goes to the host, which supplies it
    Source: FreeMWare list, monitor page tables [003], "causes a host page fault"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 3 writable user
    When the guest makes a <mode> <kind> at 0x1000
    Then the access went HOST_FAULT
    And the monitor entry for 0x1000 maps the host page serving guest page 3

    @variant:user-mode @variant:write-access
    Examples: a user write
      | mode       | kind  |
      | user       | write |

    @variant:user-mode @variant:read-access
    Examples: a user read
      | mode       | kind  |
      | user       | read  |

    @variant:supervisor-mode @variant:read-access @variant:write-access
    Examples: supervisor accesses
      | mode       | kind  |
      | supervisor | read  |
      | supervisor | write |

  @MON-FLT-3 @profile:monitor
  Scenario Outline: A <mode> <kind> at <address>, which the monitor tables allow, runs without a fault
    Source: FreeMWare list, monitor page tables [003], "whenever the guest loads a PDBR"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 3 writable user
    And the guest has touched 0x1000
    When the guest makes a <mode> <kind> at <address>
    Then the access went RAN

    @variant:user-mode @variant:write-access @variant:inside-page
    Examples: a user write inside the page
      | mode       | kind  | address |
      | user       | write | 0x1008  |

    @variant:user-mode @variant:read-access @variant:inside-page
    Examples: a user read at the page's last bytes
      | mode       | kind  | address |
      | user       | read  | 0x1FF8  |

    @variant:supervisor-mode @variant:read-access @variant:write-access @variant:page-start
    Examples: supervisor accesses at the page's start
      | mode       | kind  | address |
      | supervisor | read  | 0x1000  |
      | supervisor | write | 0x1000  |

  @MON-FLT-4 @profile:monitor
  Scenario Outline: A user <kind> through a second linear page of a resident guest page is entered with the host page already serving it
    Source: FreeMWare list, monitor page tables [003], "causes a host page fault"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 2 writable user
    And the guest maps 0x4000 to guest page 2 writable user
    And the guest has touched 0x1000
    When the guest makes a user <kind> at 0x4000
    Then the access went HOST_FAULT
    And the monitor entry for 0x4000 maps the host page serving guest page 2
    And the access locked no host page
    And 1 host page is locked

    @variant:read-access
    Examples: a read
      | kind  |
      | read  |

    @variant:write-access
    Examples: a write
      | kind  |
      | write |

  @MON-LOCK-1 @profile:monitor @variant:several-pages @variant:one-alias @variant:after-host-fault
  Scenario: Every host page mapped in the monitor tables stays locked
    Source: FreeMWare list, monitor page tables [003], "keep pages locked on the host side"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 0 writable user
    And the guest maps 0x2000 to guest page 1 writable user
    When the guest has touched 0x1000 and 0x2000
    Then every host page the monitor tables map is locked
    And 2 host pages are locked

  @MON-LOCK-1 @profile:monitor @variant:one-page @variant:one-alias @variant:after-host-fault
  Scenario: A host page is locked before the monitor tables map it
    Source: FreeMWare list, monitor page tables [003], "keep pages locked on the host side"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 2 writable user
    When the guest has touched 0x1000
    Then guest page 2 was locked on the host before it was mapped in the monitor tables

  @MON-LOCK-1 @profile:monitor @variant:one-page @variant:several-aliases @variant:after-host-fault
  Scenario: A guest page mapped at two linear pages is one locked host page
    Source: FreeMWare list, monitor page tables [003], "keep pages locked on the host side"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 2 writable user
    And the guest maps 0x4000 to guest page 2 read-only user
    When the guest has touched 0x1000 and 0x4000
    Then every host page the monitor tables map is locked
    And 1 host page is locked

  @MON-LOCK-1 @profile:monitor @variant:several-pages @variant:several-aliases @variant:after-eviction
  Scenario: After host memory pressure takes a page mapped at two linear pages, every host page the monitor tables map is still locked
    Source: FreeMWare list, monitor page tables [003], "keep pages locked on the host side"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 0 writable user
    And the guest maps 0x4000 to guest page 0 writable user
    And the guest maps 0x2000 to guest page 1 writable user
    And the guest has touched 0x1000, 0x4000 and 0x2000
    When the host needs 1 page back
    Then every host page the monitor tables map is locked
    And 1 host page is locked

  @MON-LOCK-2 @profile:monitor @variant:one-alias
  Scenario: A page the guest unmaps everywhere is taken out of the monitor tables and given back
    Source: FreeMWare list, monitor page tables [003], "return it to the host"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 0 writable user
    And the guest maps 0x2000 to guest page 1 writable user
    And the guest has touched 0x1000 and 0x2000
    When the guest unmaps 0x1000
    Then guest page 0 was unmapped from the monitor tables, then unlocked and given back to the host
    And guest page 0 is served by no host page
    And 1 host page is locked

  @MON-LOCK-2 @profile:monitor @variant:several-aliases
  Scenario: A page mapped at two linear pages is given back once the guest has unmapped both
    Source: FreeMWare list, monitor page tables [003], "return it to the host"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 0 writable user
    And the guest maps 0x4000 to guest page 0 read-only user
    And the guest maps 0x2000 to guest page 1 writable user
    And the guest has touched 0x1000, 0x4000 and 0x2000
    And the guest has unmapped 0x1000
    When the guest unmaps 0x4000
    Then guest page 0 was unmapped from the monitor tables, then unlocked and given back to the host
    And guest page 0 is served by no host page
    And 1 host page is locked

  @MON-LOCK-3 @profile:monitor @variant:several-remaining
  Scenario: A page the guest still maps at 0x4000 and 0x5000 after unmapping 0x1000 stays resident, locked and entered there
    Source: FreeMWare list, monitor page tables [003], "return it to the host"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 2 writable user
    And the guest maps 0x4000 to guest page 2 writable user
    And the guest maps 0x5000 to guest page 2 read-only user
    And the guest has touched 0x1000, 0x4000 and 0x5000
    When the guest unmaps 0x1000
    Then guest page 2 has not been given back to the host
    And the monitor entry for 0x5000 maps the host page serving guest page 2
    And every host page the monitor tables map is locked
    And 1 host page is locked

  @MON-LOCK-3 @profile:monitor @variant:one-remaining
  Scenario: A page the guest still maps at 0x4000 after unmapping 0x1000 stays resident, locked and entered there
    Source: FreeMWare list, monitor page tables [003], "return it to the host"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 2 writable user
    And the guest maps 0x4000 to guest page 2 writable user
    And the guest has touched 0x1000 and 0x4000
    When the guest unmaps 0x1000
    Then guest page 2 has not been given back to the host
    And the monitor entry for 0x4000 maps the host page serving guest page 2
    And every host page the monitor tables map is locked
    And 1 host page is locked

  @MON-EVICT-1 @profile:monitor @variant:retouched-page @variant:several-pages
  Scenario: Under host memory pressure the least recently used guest pages are given back first
    Source: FreeMWare list, monitor page tables [003], "accessed least frequently (recently?)"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 0 writable user
    And the guest maps 0x2000 to guest page 1 writable user
    And the guest maps 0x3000 to guest page 2 writable user
    And the guest has touched 0x1000, 0x2000 and 0x3000
    And the guest has touched 0x1000
    When the host needs 2 pages back
    Then the monitor gave back 2 pages
    And the monitor gave back guest pages 1 and 2, in that order
    And the monitor entry for 0x1000 maps the host page serving guest page 0

  @MON-EVICT-1 @profile:monitor @variant:first-touch-order @variant:several-pages
  Scenario: The order in which the guest first touched its pages decides which go back first
    Source: FreeMWare list, monitor page tables [003], "accessed least frequently (recently?)"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 0 writable user
    And the guest maps 0x2000 to guest page 1 writable user
    And the guest maps 0x3000 to guest page 2 writable user
    And the guest has touched 0x3000, 0x1000 and 0x2000
    When the host needs 2 pages back
    Then the monitor gave back guest pages 2 and 0, in that order
    And the monitor entry for 0x2000 maps the host page serving guest page 1

  @MON-EVICT-1 @profile:monitor @variant:first-touch-order @variant:one-page
  Scenario: A demand for one page gives back only the guest page used least recently
    Source: FreeMWare list, monitor page tables [003], "accessed least frequently (recently?)"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 0 writable user
    And the guest maps 0x2000 to guest page 1 writable user
    And the guest maps 0x3000 to guest page 2 writable user
    And the guest has touched 0x2000, 0x3000 and 0x1000
    When the host needs 1 page back
    Then the monitor gave back 1 page
    And guest page 1 is served by no host page
    And the monitor entry for 0x3000 maps the host page serving guest page 2

  @MON-EVICT-1 @profile:monitor @variant:touched-through-new-alias @variant:several-pages
  Scenario: A resident guest page used through a linear address the monitor had not entered yet counts as just used
    Source: FreeMWare list, monitor page tables [003], "accessed least frequently (recently?)"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 0 writable user
    And the guest maps 0x4000 to guest page 0 writable user
    And the guest maps 0x2000 to guest page 1 writable user
    And the guest has touched 0x1000, 0x2000 and 0x4000
    When the host needs 2 pages back
    Then the monitor gave back guest pages 1 and 0, in that order

  @MON-EVICT-2 @profile:monitor @variant:one-alias @variant:several-pages
  Scenario: A page given back under pressure leaves the monitor tables before it is unlocked
    Source: FreeMWare list, monitor page tables [003], "throw them out of the monitor page tables before unlocking them"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 0 writable user
    And the guest maps 0x2000 to guest page 1 writable user
    And the guest has touched 0x1000 and 0x2000
    When the host needs 2 pages back
    Then each page given back was taken out of the monitor tables before it was unlocked
    And the monitor tables do not map 0x1000
    And 0 host pages are locked

  @MON-EVICT-2 @profile:monitor @variant:several-aliases @variant:one-page
  Scenario Outline: A page mapped at two linear pages and given back under pressure leaves the monitor tables at both, here at <alias>
    Source: FreeMWare list, monitor page tables [003], "throw them out of the monitor page tables before unlocking them"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 0 writable user
    And the guest maps 0x4000 to guest page 0 read-only user
    And the guest maps 0x2000 to guest page 1 writable user
    And the guest has touched 0x1000, 0x4000 and 0x2000
    When the host needs 1 page back
    Then guest page 0 is served by no host page
    And the monitor tables do not map <alias>

    Examples:
      | alias  |
      | 0x1000 |
      | 0x4000 |

  @MON-EVICT-2 @profile:monitor @variant:several-aliases @variant:several-pages
  Scenario: Pages mapped at several linear pages and given back under pressure leave no monitor entry on the host pages they gave back
    Source: FreeMWare list, monitor page tables [003], "throw them out of the monitor page tables before unlocking them"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 0 writable user
    And the guest maps 0x4000 to guest page 0 writable user
    And the guest maps 0x2000 to guest page 1 writable supervisor
    And the guest maps 0x5000 to guest page 1 read-only user
    And the guest maps 0x6000 to guest page 1 read-only supervisor
    And the guest maps 0x3000 to guest page 2 writable user
    And the guest has touched 0x1000, 0x4000, 0x2000, 0x5000, 0x6000 and 0x3000
    When the host needs 2 pages back
    Then each page given back was taken out of the monitor tables before it was unlocked
    And the monitor tables map no host page the monitor gave back

  @MON-EVICT-3 @profile:monitor @variant:one-alias
  Scenario Outline: A page given back under pressure is supplied again by the host on the next access, a <kind>
    Source: FreeMWare list, monitor page tables [003], "causes a host page fault"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 0 writable user
    And the guest has touched 0x1000
    And the host needs 1 page back
    When the guest makes a user <kind> at 0x1000
    Then the access went HOST_FAULT
    And the monitor entry for 0x1000 maps the host page serving guest page 0

    @variant:read-access
    Examples: a read
      | kind  |
      | read  |

    @variant:write-access
    Examples: a write
      | kind  |
      | write |

  @MON-EVICT-3 @profile:monitor @variant:several-aliases
  Scenario Outline: A page mapped at two linear pages and given back under pressure is supplied again by the host on a <kind> through either, here <alias>
    Source: FreeMWare list, monitor page tables [003], "causes a host page fault"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 0 writable user
    And the guest maps 0x4000 to guest page 0 writable user
    And the guest maps 0x2000 to guest page 1 writable user
    And the guest has touched 0x1000, 0x4000 and 0x2000
    And the host needs 1 page back
    When the guest makes a user <kind> at <alias>
    Then the access went HOST_FAULT
    And the monitor entry for <alias> maps the host page serving guest page 0

    @variant:read-access
    Examples: a read
      | kind  | alias  |
      | read  | 0x1000 |
      | read  | 0x4000 |

    @variant:write-access
    Examples: a write
      | kind  | alias  |
      | write | 0x4000 |

  @MON-EVICT-4 @profile:monitor @variant:several-host-pages @variant:one-alias
  Scenario: With fewer host pages than guest pages, a new page takes the least recently used one's place
    Source: FreeMWare list, monitor page tables [003], "we'll have to implement some kind of swap algorithm ourselves"
    Given a monitor for a guest of 4 pages with the host page array 0x9000 and 0x3000
    And the guest maps 0x1000 to guest page 0 writable user
    And the guest maps 0x2000 to guest page 1 writable user
    And the guest maps 0x3000 to guest page 2 writable user
    And the guest has touched 0x1000 and 0x2000
    When the guest makes a user read at 0x3000
    Then the access went HOST_FAULT
    And guest page 0 was unmapped from the monitor tables, then unlocked and given back to the host
    And 2 host pages are locked

  @MON-EVICT-4 @profile:monitor @variant:one-host-page @variant:one-alias
  Scenario: A guest larger than the host page array is served one page at a time from a single host page
    Source: FreeMWare list, monitor page tables [003], "we'll have to implement some kind of swap algorithm ourselves"
    Given a monitor for a guest of 4 pages with the host page array 0x9000
    And the guest maps 0x1000 to guest page 0 writable user
    And the guest maps 0x4000 to guest page 3 writable user
    When the guest has touched 0x1000 and 0x4000
    Then the monitor serves a guest of 4 pages
    And the monitor entry for 0x4000 maps the host page serving guest page 3
    And guest page 0 is served by no host page
    And 1 host page is locked

  @MON-EVICT-4 @profile:monitor @variant:several-host-pages @variant:several-aliases
  Scenario Outline: A new page that takes the place of one mapped at two linear pages takes it out of the monitor tables at both, here at <alias>
    Source: FreeMWare list, monitor page tables [003], "we'll have to implement some kind of swap algorithm ourselves"
    Given a monitor for a guest of 4 pages with the host page array 0x9000 and 0x3000
    And the guest maps 0x1000 to guest page 0 writable user
    And the guest maps 0x4000 to guest page 0 writable user
    And the guest maps 0x2000 to guest page 1 writable user
    And the guest maps 0x3000 to guest page 2 writable user
    And the guest has touched 0x1000, 0x4000 and 0x2000
    When the guest makes a user read at 0x3000
    Then the access went HOST_FAULT
    And the monitor tables do not map <alias>

    Examples:
      | alias  |
      | 0x1000 |
      | 0x4000 |

  @MON-EVICT-5 @profile:monitor @variant:larger-than-held @variant:pages-held
  Scenario: The host can get back no more pages than the monitor holds
    Source: FreeMWare list, monitor page tables [003], "take away pages, if the host memory pressure becomes to high"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 0 writable user
    And the guest has touched 0x1000
    When the host needs 3 pages back
    Then the monitor gave back 1 page

  @MON-EVICT-5 @profile:monitor @variant:pages-held
  Scenario Outline: With 3 pages held, a demand for <demand> page(s) gets <given> back
    Source: FreeMWare list, monitor page tables [003], "take away pages, if the host memory pressure becomes to high"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 0 writable user
    And the guest maps 0x2000 to guest page 1 writable user
    And the guest maps 0x3000 to guest page 2 writable user
    And the guest has touched 0x1000, 0x2000 and 0x3000
    When the host needs <demand> pages back
    Then the monitor gave back <given> pages
    And <left> host pages are locked

    @variant:smaller-than-held
    Examples: fewer than held
      | demand | given | left |
      | 2      | 2     | 1    |

    @variant:equal-to-held
    Examples: exactly as many as held
      | demand | given | left |
      | 3      | 3     | 0    |

    @variant:larger-than-held
    Examples: more than held
      | demand | given | left |
      | 4      | 3     | 0    |

  @MON-EVICT-5 @profile:monitor @variant:nothing-held @variant:larger-than-held
  Scenario: A monitor holding no page gives none back
    Source: FreeMWare list, monitor page tables [003], "take away pages, if the host memory pressure becomes to high"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 0 writable user
    When the host needs 2 pages back
    Then the monitor gave back 0 pages

  @MON-BAD-3 @profile:monitor @variant:zero-demand
  Scenario: A demand for no pages is not refused and gives nothing back
    Source: FreeMWare list, monitor page tables [003], "take away pages, if the host memory pressure becomes to high"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 0 writable user
    And the guest has touched 0x1000
    When the host needs 0 pages back
    Then the monitor gave back 0 pages
    And the monitor entry for 0x1000 maps the host page serving guest page 0

  @MON-BAD-1 @profile:monitor
  Scenario Outline: A monitor with <what> is refused with <status>
    Source: FreeMWare list, monitor page tables [003], "no default relationship between guest physical page numbers"
    When I create a monitor for a guest of <guest> pages with the host page array <array>
    Then the call is rejected with <status>

    @variant:host-page-twice @variant:duplicate-side-by-side
    Examples: a host page given twice in a row
      | what                               | guest | array                  | status            |
      | a host page given twice            | 4     | 0x3000, 0x3000         | INVALID_HOST_PAGE |

    @variant:host-page-twice @variant:duplicate-apart
    Examples: a host page given twice with others between
      | what                               | guest | array                  | status            |
      | a host page given twice, apart     | 4     | 0x3000, 0x5000, 0x7000 and 0x3000 | INVALID_HOST_PAGE |

    @variant:host-page-off-boundary
    Examples: a host page off a page boundary
      | what                               | guest | array                  | status            |
      | a misaligned host page             | 4     | 0x3800                 | INVALID_HOST_PAGE |

    @variant:host-page-at-2-52
    Examples: a host page at 2^52, the first address beyond any physical address (interpretation I-MON-5)
      | what                               | guest | array                  | status            |
      | a host page at 2^52                | 4     | 0x3000 and 0x10_0000_0000_0000 | INVALID_HOST_PAGE |

    @variant:host-page-bit-63
    Examples: a host page with bit 63 set (interpretation I-MON-5)
      | what                               | guest | array                  | status            |
      | a host page with bit 63 set        | 4     | 0x8000_0000_0000_3000  | INVALID_HOST_PAGE |

    @variant:zero-guest-pages
    Examples: a guest without pages
      | what                               | guest | array                  | status            |
      | no guest pages                     | 0     | 0x3000                 | NO_HOST_PAGES     |

    @variant:negative-guest-pages
    Examples: a negative guest size
      | what                               | guest | array                  | status            |
      | a negative number of guest pages   | -1    | 0x3000                 | NO_HOST_PAGES     |

  @MON-BAD-1 @profile:monitor @variant:empty-array
  Scenario: A monitor without host pages is refused
    Source: FreeMWare list, monitor page tables [003], "no default relationship between guest physical page numbers"
    When I create a monitor for a guest of 4 pages with an empty host page array
    Then the call is rejected with NO_HOST_PAGES

  @MON-BAD-2 @profile:monitor
  Scenario Outline: A guest page-table write of <what> is refused with <status> and changes nothing
    Source: FreeMWare list, monitor page tables [003], "will trap to the monitor"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 0 writable user
    And the guest has touched 0x1000
    When the guest <write>
    Then the call is rejected with <status>
    And the monitor is unchanged

    @variant:guest-page-too-high
    Examples: a guest page past the guest's memory
      | what                  | write                                            | status             |
      | a guest page too high | maps 0x2000 to guest page 4 writable user now    | INVALID_GUEST_PAGE |

    @variant:guest-page-negative
    Examples: a negative guest page
      | what                  | write                                            | status             |
      | a negative guest page | maps 0x2000 to guest page -1 writable user now   | INVALID_GUEST_PAGE |

    @variant:misaligned-map
    Examples: a mapping at a misaligned address
      | what                  | write                                            | status             |
      | a misaligned address  | maps 0x2010 to guest page 1 writable user now    | MISALIGNED_ADDRESS |

    @variant:unmapped-unmap
    Examples: an unmap of a page the guest does not map
      | what                  | write                                            | status             |
      | an unmapped page      | unmaps 0x5000                                    | NOT_MAPPED         |

    @variant:misaligned-unmap
    Examples: an unmap at a misaligned address
      | what                  | write                                            | status             |
      | a misaligned unmap    | unmaps 0x1010                                    | MISALIGNED_ADDRESS |

  @MON-BAD-2 @profile:monitor @variant:guest-page-too-high
  Scenario: A guest page just past the guest's memory is refused and served by no host page
    Source: FreeMWare list, monitor page tables [003], "will trap to the monitor"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    When the guest maps 0x1000 to guest page 4 writable user now
    Then the call is rejected with INVALID_GUEST_PAGE
    And guest page 4 is served by no host page
    And the monitor tables do not map 0x1000

  @MON-BAD-3 @profile:monitor
  Scenario Outline: A negative demand from the host, <demand> pages, is refused and changes nothing
    Source: FreeMWare list, monitor page tables [003], "take away pages, if the host memory pressure becomes to high"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 0 writable user
    And the guest has touched 0x1000
    When the host needs <demand> pages back
    Then the call is rejected with INVALID_PRESSURE
    And the monitor is unchanged

    @variant:minus-one-demand
    Examples: minus one
      | demand      |
      | -1          |

    @variant:most-negative-demand
    Examples: the most negative number
      | demand      |
      | -2147483648 |
