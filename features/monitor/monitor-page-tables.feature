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

  Linear addresses and host pages are written in hexadecimal, guest pages by number.

  @MON-PAGE-1 @profile:monitor
  Scenario: Guest pages are served by the host's pages in whatever order the host gave them
    Source: 003_209c28ea7cb4a5f3.txt, "no default relationship between guest physical page numbers"
    Given a monitor for a guest of 3 pages with the host page array 0x9000, 0x3000 and 0x7000
    And the guest maps 0x1000 to guest page 0 writable user
    And the guest maps 0x2000 to guest page 1 writable user
    And the guest maps 0x3000 to guest page 2 writable user
    When the guest loads its page directory base register
    And the guest has touched 0x1000, 0x2000 and 0x3000
    Then guest pages 0 to 2 are served by distinct pages of the host page array

  @MON-PAGE-1 @profile:monitor
  Scenario: Host page 0x0 is a page like any other in the host page array
    Source: 003_209c28ea7cb4a5f3.txt, "no default relationship between guest physical page numbers"
    Given a monitor for a guest of 2 pages with the host page array 0x0 and 0x5000
    And the guest maps 0x1000 to guest page 0 writable user
    And the guest maps 0x2000 to guest page 1 writable user
    When the guest has touched 0x1000 and 0x2000
    Then guest pages 0 to 1 are served by distinct pages of the host page array

  @MON-TBL-1 @profile:monitor
  Scenario: The monitor tables map the host page serving the guest page, with the guest's rights
    Source: 003_209c28ea7cb4a5f3.txt, "whenever the guest loads a PDBR"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 2 read-only user
    And the guest has touched 0x1000
    When the guest loads its page directory base register
    Then the monitor entry for 0x1000 maps the host page serving guest page 2
    And the monitor entry for 0x1000 is read-only user

  @MON-TBL-1 @profile:monitor
  Scenario: A page directory base load enters every linear page of a resident guest page, and only those
    Source: 003_209c28ea7cb4a5f3.txt, "whenever the guest loads a PDBR"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 2 writable user
    And the guest maps 0x4000 to guest page 2 read-only user
    And the guest maps 0x5000 to guest page 3 writable user
    And the guest has touched 0x1000
    When the guest loads its page directory base register
    Then the monitor entry for 0x4000 maps the host page serving guest page 2
    And the monitor entry for 0x4000 is read-only user
    And the monitor tables do not map 0x5000

  @MON-TBL-2 @profile:monitor
  Scenario: A trapped guest write that maps a page brings the monitor tables in step
    Source: 003_209c28ea7cb4a5f3.txt, "will trap to the monitor"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 2 writable supervisor
    And the guest has touched 0x1000
    When the guest maps 0x4000 to guest page 2 read-only supervisor now
    Then the monitor entry for 0x4000 maps the host page serving guest page 2
    And the monitor entry for 0x4000 is read-only supervisor

  @MON-TBL-2 @profile:monitor
  Scenario: A trapped guest write that unmaps a page takes it out of the monitor tables
    Source: 003_209c28ea7cb4a5f3.txt, "will trap to the monitor"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 2 writable supervisor
    And the guest maps 0x4000 to guest page 2 writable supervisor
    And the guest has touched 0x1000 and 0x4000
    When the guest unmaps 0x4000
    Then the monitor tables do not map 0x4000
    And the monitor entry for 0x1000 maps the host page serving guest page 2

  @MON-TBL-2 @profile:monitor
  Scenario: A trapped guest write that points a mapped page at another guest page removes the old entry
    Source: 003_209c28ea7cb4a5f3.txt, "will trap to the monitor"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 0 writable user
    And the guest has touched 0x1000
    When the guest maps 0x1000 to guest page 1 writable user now
    Then the monitor tables do not map 0x1000
    And guest page 0 was unmapped from the monitor tables, then unlocked and given back to the host
    And 0 host pages are locked

  @MON-FLT-1 @profile:monitor
  Scenario Outline: A <mode> <kind> the guest's own tables refuse goes to the guest's page-fault handler
    Source: 003_209c28ea7cb4a5f3.txt, "forward the page fault to the guest"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 0 read-only user
    And the guest maps 0x2000 to guest page 1 writable supervisor
    And the guest has touched 0x1000 and 0x2000
    When the guest makes a <mode> <kind> at <address>
    Then the access went GUEST_FAULT

    Examples:
      | mode       | kind  | address |
      | supervisor | read  | 0x5000  |
      | user       | write | 0x1000  |
      | user       | read  | 0x2000  |

  @MON-FLT-2 @profile:monitor
  Scenario: An access the guest allows to a page the monitor does not map goes to the host, which supplies it
    Source: 003_209c28ea7cb4a5f3.txt, "causes a host page fault"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 3 writable user
    When the guest makes a user write at 0x1000
    Then the access went HOST_FAULT
    And the monitor entry for 0x1000 maps the host page serving guest page 3

  @MON-FLT-3 @profile:monitor
  Scenario: An access the monitor tables allow runs without a fault
    Source: 003_209c28ea7cb4a5f3.txt, "whenever the guest loads a PDBR"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 3 writable user
    And the guest has touched 0x1000
    When the guest makes a user write at 0x1008
    Then the access went RAN

  @MON-LOCK-1 @profile:monitor
  Scenario: Every host page mapped in the monitor tables stays locked
    Source: 003_209c28ea7cb4a5f3.txt, "keep pages locked on the host side"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 0 writable user
    And the guest maps 0x2000 to guest page 1 writable user
    When the guest has touched 0x1000 and 0x2000
    Then every host page the monitor tables map is locked
    And 2 host pages are locked

  @MON-LOCK-1 @profile:monitor
  Scenario: A host page is locked before the monitor tables map it
    Source: 003_209c28ea7cb4a5f3.txt, "keep pages locked on the host side"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 2 writable user
    When the guest has touched 0x1000
    Then guest page 2 was locked on the host before it was mapped in the monitor tables

  @MON-LOCK-2 @profile:monitor
  Scenario: A page the guest unmaps everywhere is taken out of the monitor tables and given back
    Source: 003_209c28ea7cb4a5f3.txt, "return it to the host"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 0 writable user
    And the guest maps 0x2000 to guest page 1 writable user
    And the guest has touched 0x1000 and 0x2000
    When the guest unmaps 0x1000
    Then guest page 0 was unmapped from the monitor tables, then unlocked and given back to the host
    And guest page 0 is served by no host page
    And 1 host page is locked

  @MON-EVICT-1 @profile:monitor
  Scenario: Under host memory pressure the least recently used guest pages are given back first
    Source: 003_209c28ea7cb4a5f3.txt, "accessed least frequently (recently?)"
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

  @MON-EVICT-1 @profile:monitor
  Scenario: The order in which the guest first touched its pages decides which go back first
    Source: 003_209c28ea7cb4a5f3.txt, "accessed least frequently (recently?)"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 0 writable user
    And the guest maps 0x2000 to guest page 1 writable user
    And the guest maps 0x3000 to guest page 2 writable user
    And the guest has touched 0x3000, 0x1000 and 0x2000
    When the host needs 2 pages back
    Then the monitor gave back guest pages 2 and 0, in that order
    And the monitor entry for 0x2000 maps the host page serving guest page 1

  @MON-EVICT-1 @profile:monitor
  Scenario: A resident guest page used through a linear address the monitor had not entered yet counts as just used
    Source: 003_209c28ea7cb4a5f3.txt, "accessed least frequently (recently?)"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 0 writable user
    And the guest maps 0x4000 to guest page 0 writable user
    And the guest maps 0x2000 to guest page 1 writable user
    And the guest has touched 0x1000, 0x2000 and 0x4000
    When the host needs 2 pages back
    Then the monitor gave back guest pages 1 and 0, in that order

  @MON-EVICT-2 @profile:monitor
  Scenario: A page given back under pressure leaves the monitor tables before it is unlocked
    Source: 003_209c28ea7cb4a5f3.txt, "throw them out of the monitor page tables before unlocking them"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 0 writable user
    And the guest maps 0x2000 to guest page 1 writable user
    And the guest has touched 0x1000 and 0x2000
    When the host needs 2 pages back
    Then each page given back was taken out of the monitor tables before it was unlocked
    And the monitor tables do not map 0x1000
    And 0 host pages are locked

  @MON-EVICT-3 @profile:monitor
  Scenario: A page given back under pressure is supplied again by the host on the next access
    Source: 003_209c28ea7cb4a5f3.txt, "causes a host page fault"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 0 writable user
    And the guest has touched 0x1000
    And the host needs 1 page back
    When the guest makes a user read at 0x1000
    Then the access went HOST_FAULT
    And the monitor entry for 0x1000 maps the host page serving guest page 0

  @MON-EVICT-4 @profile:monitor
  Scenario: With fewer host pages than guest pages, a new page takes the least recently used one's place
    Source: 003_209c28ea7cb4a5f3.txt, "we'll have to implement some kind of swap algorithm ourselves"
    Given a monitor for a guest of 4 pages with the host page array 0x9000 and 0x3000
    And the guest maps 0x1000 to guest page 0 writable user
    And the guest maps 0x2000 to guest page 1 writable user
    And the guest maps 0x3000 to guest page 2 writable user
    And the guest has touched 0x1000 and 0x2000
    When the guest makes a user read at 0x3000
    Then the access went HOST_FAULT
    And guest page 0 was unmapped from the monitor tables, then unlocked and given back to the host
    And 2 host pages are locked

  @MON-EVICT-4 @profile:monitor
  Scenario: A guest larger than the host page array is served one page at a time from a single host page
    Source: 003_209c28ea7cb4a5f3.txt, "we'll have to implement some kind of swap algorithm ourselves"
    Given a monitor for a guest of 4 pages with the host page array 0x9000
    And the guest maps 0x1000 to guest page 0 writable user
    And the guest maps 0x4000 to guest page 3 writable user
    When the guest has touched 0x1000 and 0x4000
    Then the monitor serves a guest of 4 pages
    And the monitor entry for 0x4000 maps the host page serving guest page 3
    And guest page 0 is served by no host page
    And 1 host page is locked

  @MON-EVICT-5 @profile:monitor
  Scenario: The host can get back no more pages than the monitor holds
    Source: 003_209c28ea7cb4a5f3.txt, "take away pages, if the host memory pressure becomes to high"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 0 writable user
    And the guest has touched 0x1000
    When the host needs 3 pages back
    Then the monitor gave back 1 page

  @MON-BAD-3 @profile:monitor
  Scenario: A demand for no pages is not refused and gives nothing back
    Source: 003_209c28ea7cb4a5f3.txt, "take away pages, if the host memory pressure becomes to high"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 0 writable user
    And the guest has touched 0x1000
    When the host needs 0 pages back
    Then the monitor gave back 0 pages
    And the monitor entry for 0x1000 maps the host page serving guest page 0

  @MON-BAD-1 @profile:monitor
  Scenario Outline: A monitor with <what> is refused with <status>
    Source: 003_209c28ea7cb4a5f3.txt, "no default relationship between guest physical page numbers"
    When I create a monitor for a guest of <guest> pages with the host page array <array>
    Then the call is rejected with <status>

    Examples:
      | what                       | guest | array          | status            |
      | a host page given twice    | 4     | 0x3000, 0x3000 | INVALID_HOST_PAGE |
      | a misaligned host page     | 4     | 0x3800         | INVALID_HOST_PAGE |
      | no guest pages             | 0     | 0x3000         | NO_HOST_PAGES     |

  @MON-BAD-1 @profile:monitor
  Scenario: A monitor without host pages is refused
    Source: 003_209c28ea7cb4a5f3.txt, "no default relationship between guest physical page numbers"
    When I create a monitor for a guest of 4 pages with an empty host page array
    Then the call is rejected with NO_HOST_PAGES

  @MON-BAD-2 @profile:monitor
  Scenario Outline: A guest page-table write of <what> is refused with <status> and changes nothing
    Source: 003_209c28ea7cb4a5f3.txt, "will trap to the monitor"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 0 writable user
    And the guest has touched 0x1000
    When the guest <write>
    Then the call is rejected with <status>
    And the monitor is unchanged

    Examples:
      | what                  | write                                            | status             |
      | a guest page too high | maps 0x2000 to guest page 4 writable user now    | INVALID_GUEST_PAGE |
      | a misaligned address  | maps 0x2010 to guest page 1 writable user now    | MISALIGNED_ADDRESS |
      | an unmapped page      | unmaps 0x5000                                    | NOT_MAPPED         |
      | a misaligned unmap    | unmaps 0x1010                                    | MISALIGNED_ADDRESS |

  @MON-BAD-2 @profile:monitor
  Scenario: A guest page just past the guest's memory is refused and served by no host page
    Source: 003_209c28ea7cb4a5f3.txt, "will trap to the monitor"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    When the guest maps 0x1000 to guest page 4 writable user now
    Then the call is rejected with INVALID_GUEST_PAGE
    And guest page 4 is served by no host page
    And the monitor tables do not map 0x1000

  @MON-BAD-3 @profile:monitor
  Scenario: A negative demand from the host is refused and changes nothing
    Source: 003_209c28ea7cb4a5f3.txt, "take away pages, if the host memory pressure becomes to high"
    Given a monitor for a guest of 4 pages with the host page array 0x9000, 0x3000, 0x7000 and 0x5000
    And the guest maps 0x1000 to guest page 0 writable user
    And the guest has touched 0x1000
    When the host needs -1 pages back
    Then the call is rejected with INVALID_PRESSURE
    And the monitor is unchanged
