Feature: Access handlers: bad input is refused with a typed error and changes nothing
  Registering, deregistering and asking about access handlers checks its input first. A range must cover
  whole pages in order (first byte page aligned, last byte the last of a page, not below the first); a
  physical range must be guest memory all through and free of other physical handlers; a linear range must
  lie in one canonical half of the address space. Handler ids are those registration handed out; one that
  was never handed out or was already deregistered is not found. A refused call leaves every handler, every
  page's handler states, the pending resync and the calls recorded as they were. The refusals of physical
  ranges and of the calls of an unknown id come from later VirtualBox, not from the seeds, so those rules
  are SHOULD (interpretation I-HND-9).

  Unless a scenario says otherwise, the host runs PAE paging, the guest runs legacy PAE paging with its
  tables at 0x10000, guest RAM is the first 4 MB, and a physical WRITE handler "P" covers 0x200000-0x200fff.

  Background:
    Given a shadow-paged VM with access handlers on a PAE host whose host can give it 64 pages
    And a RAM range of 4 MB at 0x0
    And the guest keeps PAE page tables at 0x10000
    And the guest maps 0x40001000 to 0x200000 writable user
    And the guest has loaded CR3
    And a physical WRITE handler "P" is registered over 0x200000-0x200fff

  @PGM-HND-8 @profile:pgm
  Scenario Outline: A physical range that is <what> is refused with VERR_INVALID_PARAMETER
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    When I register a physical <kind> handler "Q" over <first>-<last>
    Then the call is rejected with VERR_INVALID_PARAMETER
    And the handlers and page handler states are unchanged

    @variant:reversed @variant:write-kind
    Examples: reversed
      | what                           | kind  | first    | last     |
      | reversed                       | WRITE | 0x301000 | 0x300fff |

    @variant:single-byte @variant:all-kind
    Examples: a single byte
      | what                           | kind  | first    | last     |
      | empty (not a whole page)       | ALL   | 0x300000 | 0x300000 |

    @variant:unaligned-start
    Examples: an unaligned start
      | what                           | kind  | first    | last     |
      | not page aligned at its start  | WRITE | 0x300010 | 0x300fff |

    @variant:unaligned-end
    Examples: an unaligned end
      | what                           | kind  | first    | last     |
      | not ending on a page's last byte | ALL | 0x300000 | 0x300ffe |

  @PGM-HND-9 @profile:pgm
  Scenario Outline: A physical range overlapping another physical handler is refused with VERR_PGM_HANDLER_PHYSICAL_CONFLICT
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    When I register a physical <kind> handler "Q" over <first>-<last>
    Then the call is rejected with VERR_PGM_HANDLER_PHYSICAL_CONFLICT
    And the handlers and page handler states are unchanged

    @variant:identical-range @variant:write-kind
    Examples: the same range
      | kind  | first    | last     |
      | WRITE | 0x200000 | 0x200fff |

    @variant:reaches-in-from-below @variant:all-kind
    Examples: a range reaching into it from below
      | kind  | first    | last     |
      | ALL   | 0x1ff000 | 0x200fff |

    @variant:reaches-out-above
    Examples: a range starting on it and reaching past it
      | kind  | first    | last     |
      | WRITE | 0x200000 | 0x203fff |

  @PGM-HND-10 @profile:pgm
  Scenario Outline: A physical range reaching outside guest memory is refused with VERR_PGM_HANDLER_PHYSICAL_NO_RAM_RANGE
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    When I register a physical WRITE handler "Q" over <first>-<last>
    Then the call is rejected with VERR_PGM_HANDLER_PHYSICAL_NO_RAM_RANGE
    And the handlers and page handler states are unchanged

    @variant:crosses-end-of-ram
    Examples: across the end of guest RAM
      | first      | last       |
      | 0x3ff000   | 0x400fff   |

    @variant:beyond-all-ram
    Examples: beyond all guest RAM
      | first      | last       |
      | 0x10000000 | 0x10000fff |

  @PGM-HND-10 @profile:pgm @variant:across-gap-between-ranges
  Scenario: A physical range whose ends lie in guest RAM but that crosses a gap between two RAM ranges is refused
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given a RAM range of 1 MB at 0x500000
    When I register a physical WRITE handler "Q" over 0x3ff000-0x500fff
    Then the call is rejected with VERR_PGM_HANDLER_PHYSICAL_NO_RAM_RANGE
    And the handlers and page handler states are unchanged
    And page 0x3ff000 has physical handler state NONE

  @PGM-HND-11 @profile:pgm
  Scenario: Deregistering a handler id that was never handed out is refused with VERR_PGM_HANDLER_NOT_FOUND
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 6
    When I deregister a handler with id 999, which was never handed out
    Then the call is rejected with VERR_PGM_HANDLER_NOT_FOUND
    And the handlers and page handler states are unchanged

  @PGM-HND-12 @profile:pgm
  Scenario Outline: Deregistering a <kind> handler twice is refused with VERR_PGM_HANDLER_NOT_FOUND
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 6
    Given <kind> handler "Q" is registered over <first>-<last>
    And handler "Q" has been deregistered
    When I deregister handler "Q"
    Then the call is rejected with VERR_PGM_HANDLER_NOT_FOUND
    And the handlers and page handler states are unchanged

    @variant:physical-all
    Examples: a physical ALL handler
      | kind               | first      | last       |
      | a physical ALL     | 0x300000   | 0x300fff   |

    @variant:physical-write
    Examples: a physical WRITE handler
      | kind               | first      | last       |
      | a physical WRITE   | 0x300000   | 0x300fff   |

    @variant:virtual-write
    Examples: a virtual WRITE handler
      | kind               | first      | last       |
      | a virtual WRITE    | 0x40001000 | 0x40001fff |

    @variant:virtual-all
    Examples: a virtual ALL handler
      | kind               | first      | last       |
      | a virtual ALL      | 0x40001000 | 0x40001fff |

    @variant:virtual-hypervisor
    Examples: a virtual HYPERVISOR handler
      | kind               | first      | last       |
      | a virtual HYPERVISOR | 0x40008000 | 0x40008fff |

  @PGM-HND-13 @profile:pgm
  Scenario: Asking for the calls of a handler id that was never handed out is refused with VERR_PGM_HANDLER_NOT_FOUND
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 4
    When I ask for the calls of a handler with id 999, which was never handed out
    Then the call is rejected with VERR_PGM_HANDLER_NOT_FOUND
    And the handlers and page handler states are unchanged

  @PGM-VHND-21 @profile:pgm
  Scenario Outline: A linear range that is <what> is refused with VERR_INVALID_PARAMETER
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 1
    When I register a virtual <kind> handler "W" over <first>-<last>
    Then the call is rejected with VERR_INVALID_PARAMETER
    And the handlers and page handler states are unchanged

    @variant:reversed
    Examples: reversed
      | what                                   | kind       | first              | last               |
      | reversed                               | WRITE      | 0x40002000         | 0x40001fff         |

    @variant:single-byte
    Examples: a single byte
      | what                                   | kind       | first              | last               |
      | empty (not a whole page)               | ALL        | 0x40002000         | 0x40002000         |

    @variant:unaligned-start
    Examples: an unaligned start
      | what                                   | kind       | first              | last               |
      | not page aligned at its start          | HYPERVISOR | 0x40002008         | 0x40002fff         |

    @variant:unaligned-end
    Examples: an unaligned end
      | what                                   | kind       | first              | last               |
      | not ending on a page's last byte       | WRITE      | 0x40002000         | 0x40002ff7         |

    @variant:non-canonical
    Examples: outside the canonical address space
      | what                                   | kind       | first              | last               |
      | outside the canonical address space    | WRITE      | 0x0000800000000000 | 0x0000800000000fff |

    @variant:across-canonical-hole
    Examples: across the non-canonical hole
      | what                                   | kind       | first              | last               |
      | across the non-canonical hole          | ALL        | 0x00007ffffffff000 | 0x0000800000000fff |

  @PGM-VHND-22 @profile:pgm-introspection
  Scenario Outline: Asking a virtual handler's cache <what> is refused with <status>
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 2a
    Given a virtual <kind> handler "W" is registered over 0x40001000-0x40001fff
    When I ask what handler "W" caches for <address>
    Then the call is rejected with <status>
    And the handlers and page handler states are unchanged

    @variant:above-range
    Examples: above its range
      | what                               | kind       | address    | status                      |
      | for an address above its range     | WRITE      | 0x40002000 | VERR_INVALID_PARAMETER      |

    @variant:below-range
    Examples: below its range
      | what                               | kind       | address    | status                      |
      | for an address below its range     | WRITE      | 0x40000FF8 | VERR_INVALID_PARAMETER      |

    @variant:hypervisor-handler
    Examples: a HYPERVISOR handler
      | what                               | kind       | address    | status                      |
      | of a HYPERVISOR handler            | HYPERVISOR | 0x40001000 | VERR_PGM_HANDLER_NOT_FOUND  |
