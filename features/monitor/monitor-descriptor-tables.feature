Feature: The FreeMWare monitor: monitor descriptor tables
  Just as it never runs the guest on the guest's page tables, the monitor never loads the guest's GDT or
  LDT. It builds monitor descriptor tables from them: the guest's descriptors keep their slots, but the
  guest's kernel runs deprivileged, so the guest's ring-0 code and data segments become ring-1 segments
  in the monitor's tables, and the only ring-0 segments are the monitor's own entries, added after the
  guest's (interpretation I-MON-1). A guest call gate therefore leads at most to ring 1, and a call gate
  that names one of the monitor's own entries is made not present: the guest can never write itself a
  call gate to the real ring 0.

  Every other descriptor is mirrored as the guest wrote it: segments of rings 1 to 3, system descriptors
  such as a TSS or an LDT descriptor, and call gates that lead to guest code, whether their selector names
  a GDT slot (table indicator 0) or an LDT slot (table indicator 1).

  Descriptors are raw 8-byte values in hexadecimal. 0x00CF9A000000FFFF is a flat ring-0 code segment,
  0x00CF92000000FFFF a flat ring-0 data segment, 0x00CFFA000000FFFF a flat ring-3 code segment, and
  0x0000EC0000081000 a present ring-3 32-bit call gate to offset 0x1000 of selector 0x08 (GDT slot 1);
  0x0000E4... is the 16-bit gate, and a selector of 0x1C names LDT slot 3.

  @MON-DT-1 @profile:monitor @variant:code-segment @variant:present-segment
  Scenario: The guest's ring-0 code segment runs at ring 1 in the monitor GDT, in its own slot
    Source: FreeMWare list, monitor page tables [003], "monitor GDT and LDTs"
    Given a monitor for a guest of 1 pages with the host page array 0x9000
    When the guest loads the GDT 0x0, 0x00CF9A000000FFFF and 0x00CFFA000000FFFF
    Then slot 1 of the monitor GDT holds 0x00CFBA000000FFFF
    And slot 2 of the monitor GDT holds 0x00CFFA000000FFFF
    And slot 0 of the monitor GDT holds 0x0

  @MON-DT-1 @profile:monitor
  Scenario Outline: The guest's ring-0 <segment> <descriptor> is <mirrored> in its slot of the monitor GDT
    Source: FreeMWare list, monitor page tables [003], "monitor GDT and LDTs"
    Given a monitor for a guest of 1 pages with the host page array 0x9000
    When the guest loads the GDT 0x0, 0x00CFFA000000FFFF and <descriptor>
    Then slot 2 of the monitor GDT holds <mirrored>

    @variant:data-segment @variant:present-segment
    Examples: a present data segment
      | segment                   | descriptor         | mirrored           |
      | data segment              | 0x00CF92000000FFFF | 0x00CFB2000000FFFF |

    @variant:code-segment @variant:not-present-segment
    Examples: a code segment not present
      | segment                   | descriptor         | mirrored           |
      | code segment, not present | 0x00CF1A000000FFFF | 0x00CF3A000000FFFF |

    @variant:data-segment @variant:not-present-segment
    Examples: a data segment not present
      | segment                   | descriptor         | mirrored           |
      | data segment, not present | 0x00CF12000000FFFF | 0x00CF32000000FFFF |

  @MON-DT-2 @profile:monitor @variant:32-bit-gate @variant:guest-code-target @variant:gdt-selector
  Scenario: A guest call gate to its ring-0 code leads to ring 1 in the monitor GDT
    Source: FreeMWare list, monitor page tables [003], "call gate to real ring-0"
    Given a monitor for a guest of 1 pages with the host page array 0x9000
    When the guest loads the GDT 0x0, 0x00CF9A000000FFFF and 0x0000EC0000081000
    Then slot 2 of the monitor GDT holds 0x0000EC0000081000
    And no present call gate in the monitor GDT leads to a ring-0 code segment

  @MON-DT-2 @profile:monitor @variant:16-bit-gate @variant:guest-code-target @variant:gdt-selector
  Scenario: A 16-bit guest call gate to its ring-0 code stays present and leads to ring 1
    Source: FreeMWare list, monitor page tables [003], "call gate to real ring-0"
    Given a monitor for a guest of 1 pages with the host page array 0x9000
    When the guest loads the GDT 0x0, 0x00CF9A000000FFFF and 0x0000E40000081000
    Then slot 2 of the monitor GDT holds 0x0000E40000081000
    And no present call gate in the monitor GDT leads to a ring-0 code segment

  @MON-DT-2 @profile:monitor @variant:32-bit-gate @variant:monitor-code-entry-target @variant:gdt-selector
  Scenario: A guest call gate naming one of the monitor's own entries is made not present
    Source: FreeMWare list, monitor page tables [003], "call gate to real ring-0"
    Given a monitor for a guest of 1 pages with the host page array 0x9000
    When the guest loads the GDT 0x0, 0x00CF9A000000FFFF and 0x0000EC0000181000
    Then slot 2 of the monitor GDT holds 0x00006C0000181000
    And no present call gate in the monitor GDT leads to a ring-0 code segment

  @MON-DT-2 @profile:monitor @variant:16-bit-gate @variant:monitor-code-entry-target @variant:gdt-selector
  Scenario: A 16-bit guest call gate naming one of the monitor's own entries is made not present too
    Source: FreeMWare list, monitor page tables [003], "call gate to real ring-0"
    Given a monitor for a guest of 1 pages with the host page array 0x9000
    When the guest loads the GDT 0x0, 0x00CF9A000000FFFF and 0x0000E40000181000
    Then slot 2 of the monitor GDT holds 0x0000640000181000
    And no present call gate in the monitor GDT leads to a ring-0 code segment

  @MON-DT-2 @profile:monitor @variant:32-bit-gate @variant:monitor-data-entry-target @variant:gdt-selector
  Scenario: A guest call gate naming the monitor's second entry, its data segment, is made not present
    Source: FreeMWare list, monitor page tables [003], "call gate to real ring-0"
    Given a monitor for a guest of 1 pages with the host page array 0x9000
    When the guest loads the GDT 0x0, 0x00CF9A000000FFFF and 0x0000EC0000201000
    Then slot 2 of the monitor GDT holds 0x00006C0000201000

  @MON-DT-2 @profile:monitor @variant:32-bit-gate @variant:guest-code-target @variant:ldt-selector
  Scenario: A guest call gate naming an LDT slot past the end of the guest GDT leads to guest code and stays present
    Source: FreeMWare list, monitor page tables [003], "call gate to real ring-0"
    Given a monitor for a guest of 1 pages with the host page array 0x9000
    And the guest loads a GDT of 0x0, 0x00CF9A000000FFFF and 0x0000EC00001C1000
    When the guest loads the LDT 0x0, 0x0, 0x00CFF2000000FFFF and 0x00CF9A000000FFFF
    Then slot 2 of the monitor GDT holds 0x0000EC00001C1000
    And slot 3 of the monitor LDT holds 0x00CFBA000000FFFF

  @MON-DT-3 @profile:monitor @variant:several-entry-gdt @variant:first-load
  Scenario: The monitor adds its own ring-0 entries after the guest's
    Source: FreeMWare list, monitor page tables [003], "additional entries for use by the monitor"
    Given a monitor for a guest of 1 pages with the host page array 0x9000
    When the guest loads the GDT 0x0, 0x00CF9A000000FFFF and 0x00CFFA000000FFFF
    Then the monitor GDT has 5 entries
    And slot 3 of the monitor GDT holds 0x00CF9A000000FFFF
    And slot 4 of the monitor GDT holds 0x00CF92000000FFFF

  @MON-DT-3 @profile:monitor @variant:one-entry-gdt @variant:first-load
  Scenario: After a guest GDT of only the null descriptor, the monitor's entries take slots 1 and 2
    Source: FreeMWare list, monitor page tables [003], "additional entries for use by the monitor"
    Given a monitor for a guest of 1 pages with the host page array 0x9000
    When the guest loads the GDT 0x0
    Then the monitor GDT has 3 entries
    And slot 1 of the monitor GDT holds 0x00CF9A000000FFFF
    And slot 2 of the monitor GDT holds 0x00CF92000000FFFF

  @MON-DT-3 @profile:monitor @variant:several-entry-gdt @variant:reload-with-other-size
  Scenario: When the guest loads a larger GDT, the monitor's entries move to follow the new guest entries
    Source: FreeMWare list, monitor page tables [003], "additional entries for use by the monitor"
    Given a monitor for a guest of 1 pages with the host page array 0x9000
    And the guest loads a GDT of 0x0, 0x00CF9A000000FFFF and 0x00CFFA000000FFFF
    When the guest loads the GDT 0x0, 0x00CF9A000000FFFF, 0x00CFFA000000FFFF, 0x00CFF2000000FFFF and 0x00CF92000000FFFF
    Then the monitor GDT has 7 entries
    And slot 5 of the monitor GDT holds 0x00CF9A000000FFFF
    And slot 6 of the monitor GDT holds 0x00CF92000000FFFF

  @MON-DT-4 @profile:monitor @variant:ring-0-segment @variant:gate-to-monitor-entry @variant:gate-to-guest-code @variant:ordinary-ldt
  Scenario: The monitor LDT deprivileges the guest's ring-0 segments and disarms gates to the monitor's entries
    Source: FreeMWare list, monitor page tables [003], "monitor GDT and LDTs"
    Given a monitor for a guest of 1 pages with the host page array 0x9000
    And the guest loads a GDT of 0x0, 0x00CF9A000000FFFF and 0x00CFFA000000FFFF
    When the guest loads the LDT 0x00CF92000000FFFF, 0x0000EC0000181000 and 0x0000EC0000081000
    Then slot 0 of the monitor LDT holds 0x00CFB2000000FFFF
    And slot 1 of the monitor LDT holds 0x00006C0000181000
    And slot 2 of the monitor LDT holds 0x0000EC0000081000

  @MON-DT-4 @profile:monitor @variant:oversized-ldt
  Scenario: An LDT larger than a descriptor table can hold is refused like an oversized GDT and changes nothing
    Source: FreeMWare list, monitor page tables [003], "monitor GDT and LDTs"
    Given a monitor for a guest of 1 pages with the host page array 0x9000
    And the guest loads a GDT of 0x0, 0x00CF9A000000FFFF and 0x00CFFA000000FFFF
    When the guest loads an LDT of 8193 descriptors
    Then the call is rejected with TOO_MANY_DESCRIPTORS
    And the monitor is unchanged

  @MON-DT-4 @profile:monitor @variant:largest-ldt
  Scenario: An LDT of 8192 descriptors fills a whole descriptor table, as the monitor adds no entry of its own to an LDT
    Source: FreeMWare list, monitor page tables [003], "monitor GDT and LDTs"
    Given a monitor for a guest of 1 pages with the host page array 0x9000
    And the guest loads a GDT of 0x0, 0x00CF9A000000FFFF and 0x00CFFA000000FFFF
    When the guest loads an LDT of 8192 descriptors
    Then the monitor LDT has 8192 entries

  @MON-DT-5 @profile:monitor
  Scenario Outline: A GDT of <size> descriptors leaves no room for the monitor's own entries and is refused, changing nothing
    Source: FreeMWare list, monitor page tables [003], "additional entries for use by the monitor"
    Given a monitor for a guest of 1 pages with the host page array 0x9000
    When the guest loads a GDT of <size> descriptors
    Then the call is rejected with TOO_MANY_DESCRIPTORS
    And the monitor is unchanged

    @variant:smallest-refused-gdt
    Examples: one slot short
      | size  |
      | 8191  |

    @variant:far-oversized-gdt
    Examples: far too many
      | size  |
      | 10000 |

  @MON-DT-5 @profile:monitor @variant:largest-accepted-gdt
  Scenario: A GDT of 8190 descriptors fills the 8192 slots together with the monitor's two entries
    Source: FreeMWare list, monitor page tables [003], "additional entries for use by the monitor"
    Given a monitor for a guest of 1 pages with the host page array 0x9000
    When the guest loads a GDT of 8190 descriptors
    Then the monitor GDT has 8192 entries
    And slot 8191 of the monitor GDT holds 0x00CF92000000FFFF

  @MON-DT-6 @profile:monitor @variant:in-gdt
  Scenario Outline: A guest <kind> in the GDT is mirrored unchanged in its slot of the monitor GDT
    Source: FreeMWare list, monitor page tables [003], "monitor GDT and LDTs"
    Given a monitor for a guest of 1 pages with the host page array 0x9000
    When the guest loads the GDT 0x0, <descriptor> and 0x00CF9A000000FFFF
    Then slot 1 of the monitor GDT holds <descriptor>

    @variant:ring-1-segment
    Examples: a ring-1 code segment
      | kind                 | descriptor         |
      | ring-1 code segment  | 0x00CFBA000000FFFF |

    @variant:ring-2-segment
    Examples: ring-2 segments
      | kind                 | descriptor         |
      | ring-2 data segment  | 0x00CFD2000000FFFF |
      | ring-2 code segment  | 0x00CFDA000000FFFF |

    @variant:ring-3-segment
    Examples: a ring-3 data segment
      | kind                 | descriptor         |
      | ring-3 data segment  | 0x00CFF2000000FFFF |

    @variant:tss-descriptor
    Examples: a 32-bit TSS descriptor
      | kind                 | descriptor         |
      | TSS descriptor       | 0x0000890000000067 |

    @variant:ldt-descriptor
    Examples: an LDT descriptor
      | kind                 | descriptor         |
      | LDT descriptor       | 0x0000820000000FFF |

    @variant:null-descriptor
    Examples: a null descriptor
      | kind                 | descriptor         |
      | null descriptor      | 0x0                |

  @MON-DT-6 @profile:monitor @variant:in-ldt
  Scenario Outline: A guest <kind> in the LDT is mirrored unchanged in its slot of the monitor LDT
    Source: FreeMWare list, monitor page tables [003], "monitor GDT and LDTs"
    Given a monitor for a guest of 1 pages with the host page array 0x9000
    And the guest loads a GDT of 0x0, 0x00CF9A000000FFFF and 0x00CFFA000000FFFF
    When the guest loads the LDT 0x00CF92000000FFFF and <descriptor>
    Then slot 1 of the monitor LDT holds <descriptor>

    @variant:ring-1-segment
    Examples: a ring-1 data segment
      | kind                 | descriptor         |
      | ring-1 data segment  | 0x00CFB2000000FFFF |

    @variant:ring-2-segment
    Examples: a ring-2 code segment
      | kind                 | descriptor         |
      | ring-2 code segment  | 0x00CFDA000000FFFF |

    @variant:ring-3-segment
    Examples: a ring-3 code segment
      | kind                 | descriptor         |
      | ring-3 code segment  | 0x00CFFA000000FFFF |
