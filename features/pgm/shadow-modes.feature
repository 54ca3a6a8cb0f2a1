Feature: Shadow paging in every mode of the matrix
  The shadow tables a guest runs on are in the shadow mode the paging-mode matrix gives for the host and
  the guest: a 32-bit guest runs on 32-bit shadow tables on a 32-bit host and on PAE ones elsewhere, a PAE
  guest always on PAE tables, an AMD64 guest always on AMD64 tables. So a shadow walk takes two entries
  (page directory, page table), three (PDPT, page directory, page table) or four (PML4, PDPT, page
  directory, page table).

  The upper levels of an AMD64 shadow carry fixed flags, present, writable and user, whatever the guest
  has in its own PML4 and PDPT entries, because guest-context mappings need to write through them. What
  the guest put there still counts: the shadow page directory entry carries the effective flags of the
  guest's PML4, PDPT and page directory entries together.

  @PGM-SHW-25 @profile:pgm
  Scenario Outline: A <guest> guest on a <host> host runs on <shadow> shadow tables
    Source: VirtualBox PGM documentation [001], "Paging Modes"
    Given a shadow-paged VM on a <host> host whose host can give it 64 pages
    And a RAM range of 4 MB at 0x0
    And the guest keeps <guest> page tables at 0x10000
    And the guest maps 0x40001000 to 0x200000 writable user
    And the guest has written 0x5151 to the 2 bytes at 0x200000
    And the guest has loaded CR3
    When the guest reads 0x40001000 as user
    Then the VM's shadow mode is <shadow>
    And the shadow walk for 0x40001000 uses <entries> entries
    And the shadow maps 0x40001000 to the host page behind 0x200000
    And the guest read 0x5151

    @variant:host-32bit @variant:guest-32bit @variant:guest-pae @variant:guest-amd64
    Examples: a 32-bit host
      | host   | guest         | shadow | entries |
      | 32-bit | 32-bit        | 32-bit | 2       |
      | 32-bit | PAE           | PAE    | 3       |
      | 32-bit | AMD64         | AMD64  | 4       |

    @variant:host-pae
    Examples: a PAE host
      | host   | guest         | shadow | entries |
      | PAE    | 32-bit        | PAE    | 3       |
      | PAE    | PAE           | PAE    | 3       |
      | PAE    | AMD64         | AMD64  | 4       |

    @variant:host-amd64
    Examples: an AMD64 host
      | host   | guest         | shadow | entries |
      | AMD64  | 32-bit        | PAE    | 3       |
      | AMD64  | PAE           | PAE    | 3       |
      | AMD64  | AMD64         | AMD64  | 4       |

    @variant:guest-pae-nx @variant:guest-amd64-nx
    Examples: guests with NX
      | host   | guest         | shadow | entries |
      | 32-bit | PAE with NX   | PAE    | 3       |
      | AMD64  | PAE with NX   | PAE    | 3       |
      | 32-bit | AMD64 with NX | AMD64  | 4       |
      | PAE    | AMD64 with NX | AMD64  | 4       |

  @PGM-SHW-4 @profile:pgm
  Scenario Outline: The AMD64 shadow's level-<level> entry has fixed flags though the guest's is read-only supervisor
    Source: VirtualBox PGM documentation [001], "The Shadow Memory Context"
    Given a shadow-paged VM on a AMD64 host whose host can give it 64 pages
    And a RAM range of 4 MB at 0x0
    And the guest keeps AMD64 page tables at 0x10000
    And the guest maps 0x40001000 to 0x200000 writable user
    And the guest's level-<level> entry for 0x40001000 is made read-only supervisor
    And the guest has loaded CR3
    When the guest reads 0x40001000 as supervisor
    Then the shadow's level-<level> entry for 0x40001000 has R/W set and U/S set

    @variant:amd64-shadow-pml4-entry
    Examples: the PML4 entry
      | level |
      | 1     |

    @variant:amd64-shadow-pdpt-entry
    Examples: the PDPT entry
      | level |
      | 2     |

  @PGM-SHW-5 @profile:pgm
  Scenario Outline: The AMD64 shadow directory entry carries the rights of the guest's level-<level> entry
    Source: VirtualBox PGM documentation [001], "The Shadow Memory Context"
    Given a shadow-paged VM on a AMD64 host whose host can give it 64 pages
    And a RAM range of 4 MB at 0x0
    And the guest keeps AMD64 page tables at 0x10000
    And the guest maps 0x40001000 to 0x200000 writable user
    And the guest's level-<level> entry for 0x40001000 is made read-only supervisor
    And the guest has loaded CR3
    When the guest reads 0x40001000 as supervisor
    Then the shadow's level-3 entry for 0x40001000 has R/W clear and U/S clear
    And the shadow maps 0x40001000 read-only

    @variant:guest-amd64 @variant:guest-pml4e
    Examples: the PML4 entry
      | level |
      | 1     |

    @variant:guest-pdpte
    Examples: the PDPT entry
      | level |
      | 2     |

    Examples: the page directory entry
      | level |
      | 3     |

  @PGM-SHW-25 @profile:pgm @variant:host-invalid
  Scenario: A VM on an INVALID host is refused
    Source: VirtualBox PGM documentation [001], "Paging Modes"
    When I create a shadow-paged VM on a INVALID host whose host can give it 64 pages
    Then the call is rejected with INVALID_MODE

  @PGM-SHW-16 @profile:pgm
  Scenario Outline: SyncCR3 flushes the entire <shadow> shadow of a <guest> guest on a <host> host
    Source: VirtualBox PGM documentation [001], "Virtual Access Handlers", step 2c
    Given a shadow-paged VM on a <host> host whose host can give it 64 pages
    And a RAM range of 4 MB at 0x0
    And the guest keeps <guest> page tables at 0x10000
    And the guest maps 0x40001000 to 0x200000 writable supervisor
    And the guest maps 0x40401000 to 0x201000 writable supervisor
    And the guest has loaded CR3
    And the guest has read 0x40001000 as supervisor
    And the guest has read 0x40401000 as supervisor
    And the VM's shadow mode is <shadow>
    When the VM syncs CR3
    Then the shadow does not map 0x40001000
    And the shadow does not map 0x40401000

    @variant:32bit-shadow
    Examples: a 32-bit shadow
      | host   | guest  | shadow |
      | 32-bit | 32-bit | 32-bit |

    @variant:amd64-shadow
    Examples: an AMD64 shadow
      | host   | guest  | shadow |
      | AMD64  | AMD64  | AMD64  |

  @PGM-SHW-19 @profile:pgm
  Scenario Outline: A real-mode guest on a <host> host runs on a <shadow> shadow that maps its physical memory one to one
    Source: VirtualBox PGM documentation [001], "Paging Modes"
    Given a shadow-paged VM on a <host> host whose host can give it 64 pages
    And a RAM range of 4 MB at 0x0
    And the guest has written 0x4242 to the 2 bytes at 0x305000
    When the guest reads 0x305000 as supervisor
    Then the VM's shadow mode is <shadow>
    And the monitor synced the shadow
    And the shadow maps 0x305000 to the host page behind 0x305000
    And the guest read 0x4242

    @variant:host-32bit
    Examples: a 32-bit host
      | host   | shadow |
      | 32-bit | 32-bit |

    @variant:host-amd64
    Examples: an AMD64 host
      | host   | shadow |
      | AMD64  | PAE    |
