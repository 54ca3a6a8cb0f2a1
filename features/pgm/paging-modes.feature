Feature: Paging modes: the shadow mode PGM runs a guest in
  PGM knows three basic paging modes: 32-bit, PAE and AMD64. The host paging mode is whatever the host
  operating system uses, and PGM takes it as given. The guest's mode follows from its control registers.
  PGM then picks the shadow paging mode, the mode the CPU really runs the guest in, from a fixed matrix:

      guest \ host   32-bit   PAE     AMD64
      32-bit         32-bit   PAE     PAE
      PAE            PAE      PAE     PAE
      AMD64          AMD64    AMD64   AMD64

  The source says every configuration off "the diagonal (upper left)" needs the switcher's "special
  effort". Read through the matrix, that is where the shadow mode differs from the host's mode, so the
  switcher must change paging modes on every switch (interpretation I-1); read literally, it is every cell
  whose guest mode differs from the host's. The two readings part only for real, protected and 32-bit
  guests on a PAE host: an adapter declares which it takes (pgm.switcher-special-effort, see CONFORMANCE.md,
  "Declared readings"), and every other cell is checked for every adapter.

  @PGM-MODE-1 @profile:pgm-modes
  Scenario Outline: A 32-bit guest on a <host> host runs on a <shadow> shadow
    Source: VirtualBox PGM documentation [001], "Paging Modes"
    When I ask for the shadow mode of a 32-bit guest on a <host> host
    Then the shadow mode is <shadow>

    @variant:host-32bit
    Examples: the host's own mode
      | host   | shadow |
      | 32-bit | 32-bit |

    @variant:host-pae
    Examples: a PAE host
      | host   | shadow |
      | PAE    | PAE    |

    @variant:host-amd64
    Examples: an AMD64 host, whose PAE shadow the switcher reaches from long mode
      | host   | shadow |
      | AMD64  | PAE    |

  @PGM-MODE-2 @profile:pgm-modes
  Scenario Outline: A <guest> guest on a <host> host runs on a PAE shadow
    Source: VirtualBox PGM documentation [001], "Paging Modes"
    When I ask for the shadow mode of a <guest> guest on a <host> host
    Then the shadow mode is PAE

    @variant:pae @variant:host-32bit @variant:host-pae @variant:host-amd64
    Examples: a PAE guest without NX on every host
      | guest       | host   |
      | PAE         | 32-bit |
      | PAE         | PAE    |
      | PAE         | AMD64  |

    @variant:pae-nx @variant:host-32bit @variant:host-pae @variant:host-amd64
    Examples: a PAE guest with NX on every host
      | guest       | host   |
      | PAE with NX | 32-bit |
      | PAE with NX | PAE    |
      | PAE with NX | AMD64  |

  @PGM-MODE-3 @profile:pgm-modes
  Scenario Outline: A <guest> guest on a <host> host runs on an AMD64 shadow
    Source: VirtualBox PGM documentation [001], "Paging Modes"
    When I ask for the shadow mode of a <guest> guest on a <host> host
    Then the shadow mode is AMD64

    @variant:amd64 @variant:host-32bit @variant:host-pae @variant:host-amd64
    Examples: an AMD64 guest without NX on every host
      | guest         | host   |
      | AMD64         | 32-bit |
      | AMD64         | PAE    |
      | AMD64         | AMD64  |

    @variant:amd64-nx @variant:host-32bit @variant:host-pae @variant:host-amd64
    Examples: an AMD64 guest with NX on every host
      | guest         | host   |
      | AMD64 with NX | 32-bit |
      | AMD64 with NX | PAE    |
      | AMD64 with NX | AMD64  |

  @PGM-MODE-4 @profile:pgm-modes
  Scenario Outline: A guest in <guest> mode on a <host> host is shadowed like a 32-bit guest
    Source: VirtualBox PGM documentation [001], "Paging Modes"
    When I ask for the shadow mode of a <guest> guest on a <host> host
    Then the shadow mode is <shadow>

    @variant:real @variant:host-32bit @variant:host-pae @variant:host-amd64
    Examples: real mode on every host
      | guest     | host   | shadow |
      | real      | 32-bit | 32-bit |
      | real      | PAE    | PAE    |
      | real      | AMD64  | PAE    |

    @variant:protected @variant:host-32bit @variant:host-pae @variant:host-amd64
    Examples: protected mode on every host
      | guest     | host   | shadow |
      | protected | 32-bit | 32-bit |
      | protected | PAE    | PAE    |
      | protected | AMD64  | PAE    |

  @PGM-MODE-5 @profile:pgm-modes
  Scenario Outline: The switcher's special effort for a <guest> guest on a <host> host: <effort>
    Source: VirtualBox PGM documentation [001], "Paging Modes"
    When I ask whether a <guest> guest on a <host> host needs the switcher's special effort
    Then the answer is <effort>

    @variant:host-32bit @variant:real @variant:protected @variant:bit32 @variant:pae @variant:pae-nx @variant:amd64 @variant:amd64-nx
    Examples: a 32-bit host: only guests on a PAE or AMD64 shadow need it, under either reading
      | guest         | host   | effort |
      | real          | 32-bit | no     |
      | protected     | 32-bit | no     |
      | 32-bit        | 32-bit | no     |
      | PAE           | 32-bit | yes    |
      | PAE with NX   | 32-bit | yes    |
      | AMD64         | 32-bit | yes    |
      | AMD64 with NX | 32-bit | yes    |

    @variant:host-pae @variant:pae @variant:pae-nx @variant:amd64 @variant:amd64-nx
    Examples: a PAE host: PAE guests need none and long-mode guests need it, under either reading
      | guest         | host   | effort |
      | PAE           | PAE    | no     |
      | PAE with NX   | PAE    | no     |
      | AMD64         | PAE    | yes    |
      | AMD64 with NX | PAE    | yes    |

    @variant:host-amd64 @variant:real @variant:protected @variant:bit32 @variant:pae @variant:pae-nx @variant:amd64 @variant:amd64-nx
    Examples: an AMD64 host: every guest on a PAE shadow needs it, under either reading
      | guest         | host   | effort |
      | real          | AMD64  | yes    |
      | protected     | AMD64  | yes    |
      | 32-bit        | AMD64  | yes    |
      | PAE           | AMD64  | yes    |
      | PAE with NX   | AMD64  | yes    |
      | AMD64         | AMD64  | no     |
      | AMD64 with NX | AMD64  | no     |

    @reading:pgm.switcher-special-effort=shadow-differs-from-host @variant:host-pae @variant:real @variant:protected @variant:bit32
    Examples: a PAE host, effort where the shadow mode differs from the host's: guests on the PAE shadow need none
      | guest         | host   | effort |
      | real          | PAE    | no     |
      | protected     | PAE    | no     |
      | 32-bit        | PAE    | no     |

    @reading:pgm.switcher-special-effort=off-diagonal @variant:host-pae @variant:real @variant:protected @variant:bit32
    Examples: a PAE host, effort off the diagonal read literally: guests of the 32-bit row need it
      | guest         | host   | effort |
      | real          | PAE    | yes    |
      | protected     | PAE    | yes    |
      | 32-bit        | PAE    | yes    |

  @PGM-MODE-6 @profile:pgm-modes @variant:host-pae @variant:enters-amd64
  Scenario: The host paging mode stays what the host set, whatever mode the guest enters
    Source: VirtualBox PGM documentation [001], "Paging Modes"
    Given a shadow context on a PAE host
    When the guest sets CR0.PE, CR0.PG, CR4.PAE and EFER.LME, EFER.LMA
    Then the guest mode is AMD64
    And the shadow mode is AMD64
    And the host mode is still PAE

  @PGM-MODE-6 @profile:pgm-modes
  Scenario Outline: A <host> host stays a <host> host while its guest enters <guest> mode
    Source: VirtualBox PGM documentation [001], "Paging Modes"
    Given a shadow context on a <host> host
    When the guest sets <bits>
    Then the guest mode is <guest>
    And the host mode is still <host>

    @variant:host-32bit @variant:enters-bit32 @variant:enters-pae @variant:enters-amd64
    Examples: a 32-bit host
      | host   | bits                                           | guest |
      | 32-bit | CR0.PE and CR0.PG                              | 32-bit |
      | 32-bit | CR0.PE, CR0.PG and CR4.PAE                     | PAE    |
      | 32-bit | CR0.PE, CR0.PG, CR4.PAE and EFER.LME, EFER.LMA | AMD64  |

    @variant:host-pae @variant:enters-bit32 @variant:enters-pae
    Examples: a PAE host
      | host   | bits                                           | guest  |
      | PAE    | CR0.PE and CR0.PG                              | 32-bit |
      | PAE    | CR0.PE, CR0.PG and CR4.PAE                     | PAE    |

    @variant:host-amd64 @variant:enters-bit32 @variant:enters-pae @variant:enters-amd64
    Examples: an AMD64 host
      | host   | bits                                           | guest  |
      | AMD64  | CR0.PE and CR0.PG                              | 32-bit |
      | AMD64  | CR0.PE, CR0.PG and CR4.PAE                     | PAE    |
      | AMD64  | CR0.PE, CR0.PG, CR4.PAE and EFER.LME, EFER.LMA | AMD64  |

  @PGM-MODE-6 @profile:pgm-modes
  Scenario Outline: A <host> host stays a <host> host when its long-mode guest returns to real mode
    Source: VirtualBox PGM documentation [001], "Paging Modes"
    Given a shadow context on a <host> host
    And the guest sets CR0.PE, CR0.PG, CR4.PAE and EFER.LME, EFER.LMA
    When the guest clears every control bit
    Then the guest mode is real
    And the host mode is still <host>

    @variant:enters-real
    Examples:
      | host   |
      | 32-bit |
      | AMD64  |

  @PGM-MODE-7 @profile:pgm-modes
  Scenario Outline: A shadow context on a <host> host starts with the guest in real mode
    Source: VirtualBox PGM documentation [001], "Paging Modes"
    Given a shadow context on a <host> host
    Then the guest mode is real
    And the shadow mode is <shadow>

    @variant:host-32bit
    Examples: a 32-bit host
      | host   | shadow |
      | 32-bit | 32-bit |

    @variant:host-pae
    Examples: a PAE host
      | host   | shadow |
      | PAE    | PAE    |

    @variant:host-amd64
    Examples: an AMD64 host
      | host   | shadow |
      | AMD64  | PAE    |

  @PGM-MODE-8 @profile:pgm-modes
  Scenario Outline: An INVALID <which> mode is refused by the shadow-mode query
    Source: VirtualBox PGM documentation [001], "Paging Modes"
    When I ask for the shadow mode of a <guest> guest on a <host> host
    Then the call is rejected with INVALID_MODE

    @variant:shadow-mode-query @variant:invalid-guest-mode @variant:invalid-paging-mode
    Examples:
      | which | guest   | host    |
      | guest | INVALID | PAE     |
      | host  | PAE     | INVALID |

  @PGM-MODE-8 @profile:pgm-modes
  Scenario Outline: An INVALID <which> mode is refused by the special-effort query
    Source: VirtualBox PGM documentation [001], "Paging Modes"
    When I ask whether a <guest> guest on a <host> host needs the switcher's special effort
    Then the call is rejected with INVALID_MODE

    @variant:special-effort-query @variant:invalid-guest-mode @variant:invalid-paging-mode
    Examples:
      | which | guest   | host    |
      | guest | INVALID | AMD64   |
      | host  | 32-bit  | INVALID |

  @PGM-MODE-8 @profile:pgm-modes @variant:new-shadow-context @variant:invalid-paging-mode
  Scenario: A shadow context for an INVALID host mode is refused
    Source: VirtualBox PGM documentation [001], "Paging Modes"
    When I create a shadow context on an INVALID host
    Then the call is rejected with INVALID_MODE

  @PGM-MODE-8 @profile:pgm-modes @variant:cr3-for @variant:invalid-paging-mode
  Scenario: Asking for the CR3 of a table in the INVALID mode is refused
    Source: VirtualBox PGM documentation [001], "Paging Modes"
    When I ask for the CR3 of an INVALID table at 0x1000
    Then the call is rejected with INVALID_MODE

  @PGM-MODE-8 @profile:pgm-modes @variant:guest-table-address @variant:invalid-guest-mode
  Scenario: Reading the guest's table address from CR3 in the INVALID mode is refused as no mode, not as a mode without paging
    Source: VirtualBox PGM documentation [001], "Paging Modes"
    When I ask for the guest table address of CR3 0x1000 in INVALID mode
    Then the call is rejected with INVALID_MODE

  @PGM-MODE-8 @profile:pgm-modes @variant:pdpe-check @variant:invalid-guest-mode
  Scenario: Checking a guest PDPE in the INVALID mode is refused as no mode, not as a mode without a PDPT
    Source: VirtualBox PGM documentation [001], "Paging Modes"
    When I check a present guest PDPE with bit 1 set in INVALID mode
    Then the call is rejected with INVALID_MODE

  @PGM-MODE-9 @profile:pgm-modes
  Scenario Outline: On a <host> host a guest that goes from <from> to <to> mode runs on the <shadow> shadow the matrix gives
    Source: VirtualBox PGM documentation [001], "Paging Modes"
    Given a shadow context on a <host> host
    And the guest sets <first>
    When the guest <then>
    Then the guest mode is <to>
    And the shadow mode is <shadow>

    @variant:from-amd64 @variant:to-real @variant:to-protected
    Examples: a long-mode guest turns paging off
      | host   | from  | first                                          | then                    | to        | shadow |
      | AMD64  | AMD64 | CR0.PE, CR0.PG, CR4.PAE and EFER.LME, EFER.LMA | clears every control bit | real      | PAE    |
      | 32-bit | AMD64 | CR0.PE, CR0.PG, CR4.PAE and EFER.LME, EFER.LMA | sets CR0.PE             | protected | 32-bit |

    @variant:from-pae @variant:to-real @variant:to-protected @variant:to-bit32
    Examples: a PAE guest turns paging off or PAE off
      | host   | from | first                      | then                     | to        | shadow |
      | 32-bit | PAE  | CR0.PE, CR0.PG and CR4.PAE | clears every control bit | real      | 32-bit |
      | 32-bit | PAE  | CR0.PE, CR0.PG and CR4.PAE | sets CR0.PE              | protected | 32-bit |
      | 32-bit | PAE  | CR0.PE, CR0.PG and CR4.PAE | sets CR0.PE and CR0.PG   | 32-bit    | 32-bit |

    @variant:from-bit32 @variant:to-amd64 @variant:to-pae
    Examples: a 32-bit guest turns PAE or long mode on
      | host   | from   | first             | then                                           | to    | shadow |
      | 32-bit | 32-bit | CR0.PE and CR0.PG | sets CR0.PE, CR0.PG, CR4.PAE and EFER.LME, EFER.LMA | AMD64 | AMD64 |
      | AMD64  | 32-bit | CR0.PE and CR0.PG | sets CR0.PE, CR0.PG and CR4.PAE                | PAE   | PAE    |
