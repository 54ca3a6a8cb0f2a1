Feature: The FreeMWare monitor: monitor descriptor tables
  Just as it never runs the guest on the guest's page tables, the monitor never loads the guest's GDT or
  LDT. It builds monitor descriptor tables from them: the guest's descriptors keep their slots, but the
  guest's kernel runs deprivileged, so the guest's ring-0 code and data segments become ring-1 segments
  in the monitor's tables, and the only ring-0 segments are the monitor's own entries, added after the
  guest's (interpretation I-MON-1). A guest call gate therefore leads at most to ring 1, and a call gate
  that names one of the monitor's own entries is made not present: the guest can never write itself a
  call gate to the real ring 0.

  Descriptors are raw 8-byte values in hexadecimal. 0x00CF9A000000FFFF is a flat ring-0 code segment,
  0x00CFFA000000FFFF a flat ring-3 one, and 0x0000EC0000081000 a present ring-3 32-bit call gate to
  offset 0x1000 of selector 0x08 (GDT slot 1).

  @MON-DT-1 @profile:monitor
  Scenario: The guest's ring-0 code segment runs at ring 1 in the monitor GDT, in its own slot
    Source: 003_209c28ea7cb4a5f3.txt, "monitor GDT and LDTs"
    Given a monitor for a guest of 1 pages with the host page array 0x9000
    When the guest loads the GDT 0x0, 0x00CF9A000000FFFF and 0x00CFFA000000FFFF
    Then slot 1 of the monitor GDT holds 0x00CFBA000000FFFF
    And slot 2 of the monitor GDT holds 0x00CFFA000000FFFF
    And slot 0 of the monitor GDT holds 0x0

  @MON-DT-2 @profile:monitor
  Scenario: A guest call gate to its ring-0 code leads to ring 1 in the monitor GDT
    Source: 003_209c28ea7cb4a5f3.txt, "call gate to real ring-0"
    Given a monitor for a guest of 1 pages with the host page array 0x9000
    When the guest loads the GDT 0x0, 0x00CF9A000000FFFF and 0x0000EC0000081000
    Then slot 2 of the monitor GDT holds 0x0000EC0000081000
    And no present call gate in the monitor GDT leads to a ring-0 code segment

  @MON-DT-2 @profile:monitor
  Scenario: A guest call gate naming one of the monitor's own entries is made not present
    Source: 003_209c28ea7cb4a5f3.txt, "call gate to real ring-0"
    Given a monitor for a guest of 1 pages with the host page array 0x9000
    When the guest loads the GDT 0x0, 0x00CF9A000000FFFF and 0x0000EC0000181000
    Then slot 2 of the monitor GDT holds 0x00006C0000181000
    And no present call gate in the monitor GDT leads to a ring-0 code segment

  @MON-DT-2 @profile:monitor
  Scenario: A 16-bit guest call gate naming one of the monitor's own entries is made not present too
    Source: 003_209c28ea7cb4a5f3.txt, "call gate to real ring-0"
    Given a monitor for a guest of 1 pages with the host page array 0x9000
    When the guest loads the GDT 0x0, 0x00CF9A000000FFFF and 0x0000E40000181000
    Then slot 2 of the monitor GDT holds 0x0000640000181000
    And no present call gate in the monitor GDT leads to a ring-0 code segment

  @MON-DT-3 @profile:monitor
  Scenario: The monitor adds its own ring-0 entries after the guest's
    Source: 003_209c28ea7cb4a5f3.txt, "additional entries for use by the monitor"
    Given a monitor for a guest of 1 pages with the host page array 0x9000
    When the guest loads the GDT 0x0, 0x00CF9A000000FFFF and 0x00CFFA000000FFFF
    Then the monitor GDT has 5 entries
    And slot 3 of the monitor GDT holds 0x00CF9A000000FFFF
    And slot 4 of the monitor GDT holds 0x00CF92000000FFFF

  @MON-DT-4 @profile:monitor
  Scenario: The monitor LDT deprivileges the guest's ring-0 segments and disarms gates to the monitor's entries
    Source: 003_209c28ea7cb4a5f3.txt, "monitor GDT and LDTs"
    Given a monitor for a guest of 1 pages with the host page array 0x9000
    And the guest loads a GDT of 0x0, 0x00CF9A000000FFFF and 0x00CFFA000000FFFF
    When the guest loads the LDT 0x00CF92000000FFFF, 0x0000EC0000181000 and 0x0000EC0000081000
    Then slot 0 of the monitor LDT holds 0x00CFB2000000FFFF
    And slot 1 of the monitor LDT holds 0x00006C0000181000
    And slot 2 of the monitor LDT holds 0x0000EC0000081000

  @MON-DT-4 @profile:monitor
  Scenario: An LDT larger than a descriptor table can hold is refused like an oversized GDT and changes nothing
    Source: 003_209c28ea7cb4a5f3.txt, "monitor GDT and LDTs"
    Given a monitor for a guest of 1 pages with the host page array 0x9000
    And the guest loads a GDT of 0x0, 0x00CF9A000000FFFF and 0x00CFFA000000FFFF
    When the guest loads an LDT of 8193 descriptors
    Then the call is rejected with TOO_MANY_DESCRIPTORS
    And the monitor is unchanged

  @MON-DT-5 @profile:monitor
  Scenario: A GDT that leaves no room for the monitor's own entries is refused and changes nothing
    Source: 003_209c28ea7cb4a5f3.txt, "additional entries for use by the monitor"
    Given a monitor for a guest of 1 pages with the host page array 0x9000
    When the guest loads a GDT of 8191 descriptors
    Then the call is rejected with TOO_MANY_DESCRIPTORS
    And the monitor is unchanged

  @MON-DT-5 @profile:monitor
  Scenario: A GDT of 8190 descriptors fills the 8192 slots together with the monitor's two entries
    Source: 003_209c28ea7cb4a5f3.txt, "additional entries for use by the monitor"
    Given a monitor for a guest of 1 pages with the host page array 0x9000
    When the guest loads a GDT of 8190 descriptors
    Then the monitor GDT has 8192 entries
    And slot 8191 of the monitor GDT holds 0x00CF92000000FFFF
