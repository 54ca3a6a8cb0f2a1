Feature: Large pages: backing guest memory with large pages and splitting slots
  A large shadow entry is only possible where a 2 MB guest frame sits on one 2 MB host page, so the guest
  frames and the host pages must line up. Guest RAM from 1 MB to 1 GB put in one slot on large host pages
  that start on a 2 MB host boundary does not line up: the guest frame at 2 MB lands 1 MB into a host page.
  The emulator therefore gets an option to back guest memory with large pages, and with it splits such a
  range into two slots: 1 MB to 2 MB on ordinary 4 KB pages, and 2 MB to 1 GB on 2 MB host pages
  (HugeTLBfs) starting on a 2 MB host boundary. A range ending off a 2 MB boundary gets a third slot, on
  4 KB pages, for its tail; a range holding no whole 2 MB frame stays on 4 KB pages (interpretation
  I-LP-3). Without the option all guest memory is on 4 KB pages and nothing is shadowed large.

  @LP-SPLIT-1 @profile:large-pages
  Scenario: With the option, guest memory from 1 MB to 1 GB becomes 1-2 MB on 4 KB pages and 2 MB-1 GB on 2 MB pages
    Source: kvm-devel, large pages, January 2008 [004], reply, paragraph 1 (alignment and two memslots)
    Given a shadow-paging MMU with the option to back guest memory with large pages on
    When I add guest memory from 1 MB to 1 GB
    Then the memory slots are:
      | from | to   | host pages |
      | 1 MB | 2 MB | 4 KB       |
      | 2 MB | 1 GB | 2 MB       |

  @LP-SPLIT-2 @profile:large-pages @variant:start-off-boundary @variant:no-earlier-memory
  Scenario: With the option, the large-page slot lies as far from a 2 MB boundary in host memory as in guest memory
    Source: kvm-devel, large pages, January 2008 [004], reply, paragraph 1 (alignment and two memslots)
    Given a shadow-paging MMU with the option to back guest memory with large pages on
    When I add guest memory from 1 MB to 1 GB
    Then the slot from 2 MB starts at a host address as far from a 2 MB boundary as its guest address

  @LP-SPLIT-2 @profile:large-pages @variant:start-on-boundary @variant:no-earlier-memory
  Scenario: With the option, guest memory starting on a 2 MB boundary gets a large-page slot on a 2 MB host boundary
    Source: kvm-devel, large pages, January 2008 [004], reply, paragraph 1 (alignment and two memslots)
    Given a shadow-paging MMU with the option to back guest memory with large pages on
    When I add guest memory from 2 MB to 1 GB
    Then the slot from 2 MB starts at a host address as far from a 2 MB boundary as its guest address

  @LP-SPLIT-2 @profile:large-pages @variant:start-on-boundary @variant:earlier-memory-ending-off-boundary
  Scenario: With the option, a large-page slot lines up with its host pages though earlier guest memory ended off a 2 MB boundary
    Source: kvm-devel, large pages, January 2008 [004], reply, paragraph 1 (alignment and two memslots)
    Given a shadow-paging MMU with the option to back guest memory with large pages on
    And guest memory from 1 MB to 3 MB + 4 KB
    When I add guest memory from 4 MB to 1 GB
    Then the slot from 4 MB starts at a host address as far from a 2 MB boundary as its guest address

  @LP-SPLIT-3 @profile:large-pages
  Scenario Outline: With the option, the frame at <frame> of guest memory from 1 MB to 1 GB may be shadowed large
    Source: kvm-devel, large pages, January 2008 [004], reply, paragraph 1 (alignment and two memslots)
    Given a shadow-paging MMU with the option to back guest memory with large pages on
    And guest memory from 1 MB to 1 GB
    When I ask whether the 2 MB guest frame at <frame> may be shadowed large
    Then the mapping decision is LARGE

    @variant:first-frame
    Examples: the first frame
      | frame         |
      | 2 MB          |

    @variant:inner-frame
    Examples: a frame inside
      | frame         |
      | 4 MB          |

    @variant:last-frame
    Examples: the last frame
      | frame         |
      | 1 GB - 2 MB   |

  @LP-SPLIT-4 @profile:large-pages
  Scenario Outline: Without the option, guest memory from <from> to 1 GB is one slot on 4 KB pages
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 4
    Given a shadow-paging MMU with the option to back guest memory with large pages off
    When I add guest memory from <from> to 1 GB
    Then the memory slots are:
      | from   | to   | host pages |
      | <from> | 1 GB | 4 KB       |

    @variant:range-off-boundaries
    Examples: a range starting off a 2 MB boundary
      | from |
      | 1 MB |

    @variant:range-on-boundaries
    Examples: a range starting and ending on 2 MB boundaries
      | from |
      | 2 MB |

  @LP-SPLIT-5 @profile:large-pages
  Scenario Outline: Without the option, no frame of guest memory from <from> to 1 GB is shadowed large
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 4
    Given a shadow-paging MMU with the option to back guest memory with large pages off
    And guest memory from <from> to 1 GB
    When I ask whether the 2 MB guest frame at 4 MB may be shadowed large
    Then the mapping decision is SMALL_HOST_NOT_LARGE

    @variant:range-off-boundaries
    Examples: a range starting off a 2 MB boundary
      | from |
      | 1 MB |

    @variant:range-on-boundaries
    Examples: a range starting and ending on 2 MB boundaries
      | from |
      | 2 MB |

  @LP-SPLIT-6 @profile:large-pages @variant:with-head
  Scenario: With the option, a range ending off a 2 MB boundary gets a tail slot on 4 KB pages
    Source: kvm-devel, large pages, January 2008 [004], reply, paragraph 1 (alignment and two memslots)
    Given a shadow-paging MMU with the option to back guest memory with large pages on
    When I add guest memory from 1 MB to 7 MB
    Then the memory slots are:
      | from | to   | host pages |
      | 1 MB | 2 MB | 4 KB       |
      | 2 MB | 6 MB | 2 MB       |
      | 6 MB | 7 MB | 4 KB       |

  @LP-SPLIT-6 @profile:large-pages @variant:without-head
  Scenario: With the option, a range starting on a 2 MB boundary and ending off one gets a tail slot on 4 KB pages
    Source: kvm-devel, large pages, January 2008 [004], reply, paragraph 1 (alignment and two memslots)
    Given a shadow-paging MMU with the option to back guest memory with large pages on
    When I add guest memory from 2 MB to 7 MB
    Then the memory slots are:
      | from | to   | host pages |
      | 2 MB | 6 MB | 2 MB       |
      | 6 MB | 7 MB | 4 KB       |

  @LP-SPLIT-7 @profile:large-pages
  Scenario Outline: With the option, a range from <from> to <to> holding no whole 2 MB frame stays on 4 KB pages
    Source: kvm-devel, large pages, January 2008 [004], reply, paragraph 1 (alignment and two memslots)
    Given a shadow-paging MMU with the option to back guest memory with large pages on
    When I add guest memory from <from> to <to>
    Then the memory slots are:
      | from   | to   | host pages |
      | <from> | <to> | 4 KB       |

    @variant:inside-one-frame
    Examples: inside one frame
      | from | to   |
      | 0 MB | 1 MB |

    @variant:across-one-boundary
    Examples: across one 2 MB boundary
      | from | to   |
      | 1 MB | 3 MB |

    @variant:from-a-boundary
    Examples: from a 2 MB boundary, shorter than a frame
      | from | to   |
      | 2 MB | 3 MB |

  @LP-SPLIT-8 @profile:large-pages
  Scenario Outline: With the option, a range from <from> to <to>, starting and ending on 2 MB boundaries, is one slot on 2 MB pages
    Source: kvm-devel, large pages, January 2008 [004], reply, paragraph 1 (alignment and two memslots)
    Given a shadow-paging MMU with the option to back guest memory with large pages on
    When I add guest memory from <from> to <to>
    Then the memory slots are:
      | from   | to   | host pages |
      | <from> | <to> | 2 MB       |

    @variant:many-frames
    Examples: many frames
      | from | to   |
      | 2 MB | 1 GB |

    @variant:one-frame
    Examples: one frame
      | from | to   |
      | 4 MB | 6 MB |

  @LP-SPLIT-9 @profile:large-pages @variant:two-pieces @variant:option-on
  Scenario: Adding guest memory answers the slots it added, in guest address order
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 4
    Given a shadow-paging MMU with the option to back guest memory with large pages on
    And guest memory from 2 GB to 3 GB
    When I add guest memory from 1 MB to 1 GB
    Then the call answers the slots from 1 MB to 2 MB and from 2 MB to 1 GB

  @LP-SPLIT-9 @profile:large-pages @variant:three-pieces @variant:option-on
  Scenario: Adding guest memory split in three answers the three slots, head, large pages and tail, in guest address order
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 4
    Given a shadow-paging MMU with the option to back guest memory with large pages on
    And guest memory from 2 GB to 3 GB
    When I add guest memory from 1 MB to 7 MB
    Then the call answers the slots:
      | from | to   | host pages |
      | 1 MB | 2 MB | 4 KB       |
      | 2 MB | 6 MB | 2 MB       |
      | 6 MB | 7 MB | 4 KB       |

  @LP-SPLIT-9 @profile:large-pages @variant:one-piece @variant:option-off
  Scenario: Adding guest memory without the option answers its one slot
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 4
    Given a shadow-paging MMU with the option to back guest memory with large pages off
    And guest memory from 2 GB to 3 GB
    When I add guest memory from 1 MB to 1 GB
    Then the call answers the slots:
      | from | to   | host pages |
      | 1 MB | 1 GB | 4 KB       |

  @LP-SPLIT-10 @profile:large-pages @variant:emulator-slots-only
  Scenario Outline: Guest memory added with the option <option> gets host memory no other slot uses
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 4
    Given a shadow-paging MMU with the option to back guest memory with large pages <option>
    And guest memory from 1 MB to 1 GB
    And guest memory from 2 GB + 4 KB to 3 GB
    Then no two memory slots share host memory

    @variant:option-on
    Examples: with the option
      | option |
      | on     |

    @variant:option-off
    Examples: without the option
      | option |
      | off    |

  @LP-SPLIT-10 @profile:large-pages @variant:slot-added-directly
  Scenario Outline: Guest memory added with the option <option> gets host memory no slot added directly uses
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 4
    Given a shadow-paging MMU with the option to back guest memory with large pages <option>
    And guest memory from 1 MB to 1 GB
    And a memory slot from 2 GB to 3 GB on 2 MB pages right after the host memory of the other slots
    When I add guest memory from 4 GB to 5 GB + 4 KB
    Then no two memory slots share host memory

    @variant:option-on
    Examples: with the option
      | option |
      | on     |

    @variant:option-off
    Examples: without the option
      | option |
      | off    |
