Feature: The shadow tracking word: which shadow page tables map a guest page
  When a guest page changes under the shadow (it gets a private page, is shared, is write monitored, or a
  physical handler is put on it), every shadow entry that maps it must go, whichever linear address that
  entry serves. Scanning every shadow table for them would make each such change cost as much as the
  whole shadow. Instead the page's own record says where to look: the upper 32 bits of word 1 are its
  tracking word. While no shadow entry maps the page, the word is zero. While one entry maps it, the word
  holds a reference count of 1 in bits 15:14 and, in bits 13:0, the pool index of the shadow page table
  holding that entry. When more entries map it, the count is 3 and the index names a chain of physical
  extents that list the tables (the index 0x3FFF is VirtualBox's marker for references it no longer lists,
  which a short list never shows). The number a shadow page table gets is the implementation's own: these
  scenarios only compare the numbers of two pages.

  Reading the record is introspection: an implementation may track its mappings differently and skip
  these scenarios. Unless a scenario says otherwise, the host runs PAE paging, the guest runs legacy PAE
  paging with its tables at 0x10000, and guest RAM is the first 4 MB. 0x40001000 and 0x40002000 lie in
  one 2 MB region, so one shadow page table maps both; 0x40201000 lies in the next, with a table of its own.

  Background:
    Given a shadow-paged VM on a PAE host whose host can give it 64 pages
    And a RAM range of 4 MB at 0x0
    And the guest keeps PAE page tables at 0x10000

  @PGM-REC-9 @profile:pgm-introspection @variant:mapped-but-not-accessed
  Scenario: A page no shadow entry maps is tracked by no shadow page table
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given the guest maps 0x40001000 to 0x200000 writable user
    And the guest maps 0x40002000 to 0x201000 writable user
    And the guest has loaded CR3
    When the guest reads 0x40002000 as user
    Then the page at 0x200000 is tracked by no shadow page table
    And the page at 0x201000 is tracked to one shadow page table

  @PGM-REC-10 @profile:pgm-introspection @variant:pae-shadow @variant:single-page
  Scenario: A page one shadow entry maps is tracked to that entry's shadow page table
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given the guest maps 0x40001000 to 0x200000 writable user
    And the guest has loaded CR3
    When the guest reads 0x40001000 as user
    Then the page at 0x200000 is tracked to one shadow page table

  @PGM-REC-10 @profile:pgm-introspection @variant:pae-shadow @variant:same-table-pages
  Scenario: Pages that one shadow page table maps carry the same pool index
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given the guest maps 0x40001000 to 0x200000 writable user
    And the guest maps 0x40002000 to 0x201000 writable user
    And the guest has loaded CR3
    And the guest has read 0x40001000 as user
    When the guest reads 0x40002000 as user
    Then the pages at 0x200000 and 0x201000 are tracked to the same shadow page table

  @PGM-REC-10 @profile:pgm-introspection @variant:pae-shadow @variant:different-table-pages
  Scenario: Pages that different shadow page tables map carry different pool indices
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given the guest maps 0x40001000 to 0x200000 writable user
    And the guest maps 0x40201000 to 0x202000 writable user
    And the guest has loaded CR3
    And the guest has read 0x40001000 as user
    When the guest reads 0x40201000 as user
    Then the pages at 0x200000 and 0x202000 are tracked to different shadow page tables

  @PGM-REC-11 @profile:pgm-introspection @variant:two-tables @variant:pae-shadow
  Scenario: A page that two shadow entries map is tracked through a list of physical extents
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given the guest maps 0x40001000 to 0x200000 writable user
    And the guest maps 0x40201000 to 0x200000 writable user
    And the guest has loaded CR3
    And the guest has read 0x40001000 as user
    When the guest reads 0x40201000 as user
    Then the page at 0x200000 is tracked through a list of physical extents

  @PGM-REC-11 @profile:pgm-introspection @variant:one-table-two-entries @variant:pae-shadow
  Scenario: A page that two entries of one shadow page table map is tracked through physical extents too
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given the guest maps 0x40001000 to 0x200000 writable user
    And the guest maps 0x40002000 to 0x200000 writable user
    And the guest has loaded CR3
    And the guest has read 0x40001000 as user
    When the guest reads 0x40002000 as user
    Then the page at 0x200000 is tracked through a list of physical extents

  @PGM-REC-11 @profile:pgm-introspection @variant:five-entries @variant:pae-shadow
  Scenario: A page that five shadow entries map keeps every one of them listed, and a change drops them all
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given the guest maps 0x40001000 to 0x200000 writable user
    And the guest maps 0x40002000 to 0x200000 writable user
    And the guest maps 0x40201000 to 0x200000 writable user
    And the guest maps 0x40202000 to 0x200000 writable user
    And the guest maps 0x40401000 to 0x200000 writable user
    And the guest has loaded CR3
    And the guest has read 0x40001000 as user
    And the guest has read 0x40002000 as user
    And the guest has read 0x40201000 as user
    And the guest has read 0x40202000 as user
    And the guest has read 0x40401000 as user
    When the guest writes 0x5 to the 1 bytes at linear 0x40001000 as user
    Then the shadow does not map 0x40002000
    And the shadow does not map 0x40201000
    And the shadow does not map 0x40202000
    And the shadow does not map 0x40401000
    And the page at 0x200000 is tracked to one shadow page table

  @PGM-REC-11 @profile:pgm-introspection @variant:three-entries @variant:pae-shadow
  Scenario: A page that three shadow entries map stays on its list when one of them goes
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given the guest maps 0x40001000 to 0x200000 writable user
    And the guest maps 0x40201000 to 0x200000 writable user
    And the guest maps 0x40401000 to 0x200000 writable user
    And the guest has loaded CR3
    And the guest has read 0x40001000 as user
    And the guest has read 0x40201000 as user
    And the guest has read 0x40401000 as user
    When the guest invalidates 0x40201000 with INVLPG
    Then the page at 0x200000 is tracked through a list of physical extents

  @PGM-REC-11 @profile:pgm-introspection @variant:five-entries @variant:pae-shadow
  Scenario: Of five shadow tables mapping a page, the one whose entry went is the one dropped from its list
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given the guest maps 0x40001000 to 0x200000 writable user
    And the guest maps 0x40201000 to 0x200000 writable user
    And the guest maps 0x40401000 to 0x200000 writable user
    And the guest maps 0x40601000 to 0x200000 writable user
    And the guest maps 0x40801000 to 0x200000 writable user
    And the guest has loaded CR3
    And the guest has read 0x40001000 as user
    And the guest has read 0x40201000 as user
    And the guest has read 0x40401000 as user
    And the guest has read 0x40601000 as user
    And the guest has read 0x40801000 as user
    And the guest invalidates 0x40801000 with INVLPG
    When the guest writes 0x5 to the 1 bytes at linear 0x40201000 as user
    Then the shadow does not map 0x40001000
    And the shadow does not map 0x40401000
    And the shadow does not map 0x40601000
    And the page at 0x200000 is tracked to one shadow page table

  @PGM-REC-12 @profile:pgm-introspection @variant:invlpg @variant:one-entry
  Scenario: INVLPG of the only shadow entry mapping a page clears its tracking
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given the guest maps 0x40001000 to 0x200000 writable user
    And the guest has loaded CR3
    And the guest has read 0x40001000 as user
    When the guest invalidates 0x40001000 with INVLPG
    Then the page at 0x200000 is tracked by no shadow page table

  @PGM-REC-12 @profile:pgm-introspection @variant:invlpg
  Scenario: When one of its two shadow entries goes, a page is tracked to the table of the other again
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given the guest maps 0x40001000 to 0x200000 writable user
    And the guest maps 0x40201000 to 0x200000 writable user
    And the guest maps 0x40202000 to 0x201000 writable user
    And the guest has loaded CR3
    And the guest has read 0x40001000 as user
    And the guest has read 0x40201000 as user
    And the guest has read 0x40202000 as user
    When the guest invalidates 0x40001000 with INVLPG
    Then the pages at 0x200000 and 0x201000 are tracked to the same shadow page table

  @PGM-REC-12 @profile:pgm-introspection @variant:invlpg @variant:two-entries
  Scenario: When the last of two shadow entries mapping a page goes, its tracking is clear
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given the guest maps 0x40001000 to 0x200000 writable user
    And the guest maps 0x40201000 to 0x200000 writable user
    And the guest has loaded CR3
    And the guest has read 0x40001000 as user
    And the guest has read 0x40201000 as user
    And the guest invalidates 0x40201000 with INVLPG
    When the guest invalidates 0x40001000 with INVLPG
    Then the page at 0x200000 is tracked by no shadow page table

  @PGM-REC-12 @profile:pgm-introspection @variant:sync-cr3 @variant:one-entry @variant:two-entries
  Scenario: SyncCR3 flushes the shadow and clears the tracking of every page it mapped
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given the guest maps 0x40001000 to 0x200000 writable user
    And the guest maps 0x40201000 to 0x201000 writable user
    And the guest maps 0x40202000 to 0x201000 writable user
    And the guest has loaded CR3
    And the guest has read 0x40001000 as user
    And the guest has read 0x40201000 as user
    And the guest has read 0x40202000 as user
    When the VM syncs CR3
    Then the page at 0x200000 is tracked by no shadow page table
    And the page at 0x201000 is tracked by no shadow page table

  @PGM-REC-12 @profile:pgm-introspection @variant:write-monitoring @variant:one-entry
  Scenario: Arming write monitoring drops the page's shadow entries and with them its tracking
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given the guest maps 0x40001000 to 0x200000 writable user
    And the guest has written 0x1 to the 1 bytes at 0x200000
    And the guest has loaded CR3
    And the guest has read 0x40001000 as user
    When write monitoring is armed
    Then the page at 0x200000 is tracked by no shadow page table
    And the shadow does not map 0x40001000

  @PGM-REC-12 @profile:pgm-introspection @variant:first-write @variant:two-entries
  Scenario: The first write to a page on the zero page gives it a new backing, which drops both its shadow entries and its tracking
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given the guest maps 0x40001000 to 0x200000 writable user
    And the guest maps 0x40201000 to 0x200000 writable user
    And the guest has loaded CR3
    And the guest has read 0x40001000 as user
    And the guest has read 0x40201000 as user
    When the guest writes 0x5 to the 1 bytes at 0x200010
    Then the page at 0x200000 is tracked by no shadow page table
    And the shadow does not map 0x40001000
    And the shadow does not map 0x40201000

  @PGM-REC-12 @profile:pgm-introspection @variant:sharing @variant:one-entry
  Scenario: Sharing a page the shadow maps drops its shadow entry and its tracking
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given the guest maps 0x40001000 to 0x200000 writable user
    And the guest has written 0x1 to the 1 bytes at 0x200000
    And the guest has loaded CR3
    And the guest has read 0x40001000 as user
    When I share the page at 0x200000
    Then the page at 0x200000 is tracked by no shadow page table
    And the shadow does not map 0x40001000

  @PGM-REC-9 @profile:pgm-introspection @variant:not-in-guest-tables
  Scenario: A page the guest's tables do not map at all is tracked by no shadow page table
    Source: VirtualBox PGM.cpp, changeset 4518 of 2007 [000], "Per-VM"
    Given the guest maps 0x40001000 to 0x200000 writable user
    And the guest has written 0x1 to the 1 bytes at 0x300000
    And the guest has loaded CR3
    When the guest reads 0x40001000 as user
    Then the page at 0x300000 is tracked by no shadow page table
    And the page at 0x200000 is tracked to one shadow page table
