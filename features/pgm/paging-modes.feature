Feature: Paging modes: the shadow mode PGM runs a guest in
  PGM knows three basic paging modes: 32-bit, PAE and AMD64. The host paging mode is whatever the host
  operating system uses, and PGM takes it as given. The guest's mode follows from its control registers.
  PGM then picks the shadow paging mode, the mode the CPU really runs the guest in, from a fixed matrix:

      guest \ host   32-bit   PAE     AMD64
      32-bit         32-bit   PAE     PAE
      PAE            PAE      PAE     PAE
      AMD64          AMD64    AMD64   AMD64

  A guest whose shadow mode differs from the host's mode makes the world switcher change paging modes
  on every switch, which is the "special effort" the source speaks of (interpretation I-1).

  @PGM-MODE-1 @profile:pgm-modes
  Scenario Outline: A 32-bit guest on a <host> host runs on a <shadow> shadow
    Source: 001_96135646f618994a.txt, "Paging Modes"
    When I ask for the shadow mode of a 32-bit guest on a <host> host
    Then the shadow mode is <shadow>

    Examples:
      | host   | shadow |
      | 32-bit | 32-bit |
      | PAE    | PAE    |
      | AMD64  | PAE    |

  @PGM-MODE-2 @profile:pgm-modes
  Scenario Outline: A <guest> guest on a <host> host runs on a PAE shadow
    Source: 001_96135646f618994a.txt, "Paging Modes"
    When I ask for the shadow mode of a <guest> guest on a <host> host
    Then the shadow mode is PAE

    Examples:
      | guest       | host   |
      | PAE         | 32-bit |
      | PAE         | PAE    |
      | PAE         | AMD64  |
      | PAE with NX | 32-bit |
      | PAE with NX | AMD64  |

  @PGM-MODE-3 @profile:pgm-modes
  Scenario Outline: A <guest> guest on a <host> host runs on an AMD64 shadow
    Source: 001_96135646f618994a.txt, "Paging Modes"
    When I ask for the shadow mode of a <guest> guest on a <host> host
    Then the shadow mode is AMD64

    Examples:
      | guest         | host   |
      | AMD64         | 32-bit |
      | AMD64         | PAE    |
      | AMD64         | AMD64  |
      | AMD64 with NX | 32-bit |
      | AMD64 with NX | PAE    |

  @PGM-MODE-4 @profile:pgm-modes
  Scenario Outline: A guest in <guest> mode on a <host> host is shadowed like a 32-bit guest
    Source: 001_96135646f618994a.txt, "Paging Modes"
    When I ask for the shadow mode of a <guest> guest on a <host> host
    Then the shadow mode is <shadow>

    Examples:
      | guest     | host   | shadow |
      | real      | 32-bit | 32-bit |
      | real      | AMD64  | PAE    |
      | protected | PAE    | PAE    |
      | protected | 32-bit | 32-bit |

  @PGM-MODE-5 @profile:pgm-modes
  Scenario Outline: The switcher's special effort for a <guest> guest on a <host> host: <effort>
    Source: 001_96135646f618994a.txt, "Paging Modes"
    When I ask whether a <guest> guest on a <host> host needs the switcher's special effort
    Then the answer is <effort>

    Examples:
      | guest  | host   | effort |
      | 32-bit | 32-bit | no     |
      | 32-bit | PAE    | no     |
      | 32-bit | AMD64  | yes    |
      | PAE    | 32-bit | yes    |
      | PAE    | PAE    | no     |
      | PAE    | AMD64  | yes    |
      | AMD64  | 32-bit | yes    |
      | AMD64  | PAE    | yes    |
      | AMD64  | AMD64  | no     |

  @PGM-MODE-6 @profile:pgm-modes
  Scenario: The host paging mode stays what the host set, whatever mode the guest enters
    Source: 001_96135646f618994a.txt, "Paging Modes"
    Given a shadow context on a PAE host
    When the guest sets CR0.PE, CR0.PG, CR4.PAE and EFER.LME, EFER.LMA
    Then the guest mode is AMD64
    And the shadow mode is AMD64
    And the host mode is still PAE

  @PGM-MODE-7 @profile:pgm-modes
  Scenario Outline: A shadow context on a <host> host starts with the guest in real mode
    Source: 001_96135646f618994a.txt, "Paging Modes"
    Given a shadow context on a <host> host
    Then the guest mode is real
    And the shadow mode is <shadow>

    Examples:
      | host   | shadow |
      | 32-bit | 32-bit |
      | PAE    | PAE    |
      | AMD64  | PAE    |

  @PGM-MODE-8 @profile:pgm-modes
  Scenario Outline: An INVALID <which> mode is refused
    Source: 001_96135646f618994a.txt, "Paging Modes"
    When I ask for the shadow mode of a <guest> guest on a <host> host
    Then the call is rejected with INVALID_MODE

    Examples:
      | which | guest   | host    |
      | guest | INVALID | PAE     |
      | host  | PAE     | INVALID |

  @PGM-MODE-8 @profile:pgm-modes
  Scenario: A shadow context for an INVALID host mode is refused
    Source: 001_96135646f618994a.txt, "Paging Modes"
    When I create a shadow context on an INVALID host
    Then the call is rejected with INVALID_MODE
