Feature: Large pages: when a 2 MB guest mapping is shadowed by one large entry
  A guest maps 2 MB at once with a large (PSE) page-directory entry, and a guest in real mode, which has
  no paging at all, is run on pseudo entries that map guest-physical memory at the same addresses. The
  shadow MMU mirrors such a 2 MB mapping with one large shadow entry only if all of these hold:

    - the 2 MB guest frame lies wholly inside one memory slot (only such frames have a counter);
    - the slot's host memory is made of 2 MB host pages;
    - the guest frame starts exactly on one of those host pages (the 2 MB guest-physical address is
      2 MB aligned in host memory too), since one entry cannot map a frame spread over two host pages;
    - the frame's write-protect counter says that none of its 4 KB pages is write-protected.

  Otherwise it uses 512 4 KB shadow entries, each mapping the matching 4 KB of the guest frame, and maps
  the write-protected pages among them read-only. The MMU reports the first condition that failed, in the
  order above.

  @LP-MAP-1 @profile:large-pages @variant:inner-frame @variant:many-frame-slot @variant:no-protected-neighbour @variant:gva-differs-from-gpa
  Scenario: A guest large entry over a free frame on an aligned 2 MB host page is shadowed by one 2 MB entry
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 2
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    When I shadow the guest large entry mapping 2 GB to 4 MB
    Then the mapping decision is LARGE
    And 2 GB + 1 MB is translated by a 2 MB entry to 4 MB

  @LP-MAP-1 @profile:large-pages @variant:no-protected-neighbour
  Scenario Outline: A guest large entry mapping <gva> to the frame at <gpa> of a slot from <from> to <to> is shadowed by one 2 MB entry
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 2
    Given a shadow-paging MMU
    And a memory slot from <from> to <to> on 2 MB pages at host 4 GB
    When I shadow the guest large entry mapping <gva> to <gpa>
    Then the mapping decision is LARGE
    And <gva> + 2 MB - 4 KB is translated by a 2 MB entry to <gpa>

    @variant:first-frame @variant:many-frame-slot @variant:gva-differs-from-gpa
    Examples: the slot's first frame
      | gva  | gpa         | from | to   |
      | 2 GB | 2 MB        | 2 MB | 1 GB |

    @variant:last-frame @variant:many-frame-slot @variant:gva-differs-from-gpa
    Examples: the slot's last frame
      | gva  | gpa         | from | to   |
      | 2 GB | 1 GB - 2 MB | 2 MB | 1 GB |

    @variant:first-frame @variant:last-frame @variant:one-frame-slot @variant:gva-differs-from-gpa
    Examples: the only frame of a 2 MB slot
      | gva  | gpa         | from | to   |
      | 2 GB | 4 MB        | 4 MB | 6 MB |

    @variant:inner-frame @variant:many-frame-slot @variant:gva-equals-gpa
    Examples: a guest entry mapping the frame at its own address
      | gva  | gpa         | from | to   |
      | 4 MB | 4 MB        | 2 MB | 1 GB |

  @LP-MAP-1 @profile:large-pages @variant:protected-neighbour @variant:inner-frame @variant:many-frame-slot @variant:gva-differs-from-gpa
  Scenario: A guest large entry over a free frame is shadowed by one 2 MB entry though both neighbouring frames hold shadowed page tables
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 2
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    And the guest page table at 4 MB - 4 KB is shadowed
    And the guest page table at 6 MB is shadowed
    When I shadow the guest large entry mapping 2 GB to 4 MB
    Then the mapping decision is LARGE
    And 2 GB + 1 MB is translated by a 2 MB entry to 4 MB

  @LP-MAP-2 @profile:large-pages @variant:inner-frame
  Scenario: A real-mode pseudo entry over a free frame on an aligned 2 MB host page is shadowed by one 2 MB entry
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 2
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    When I shadow the real-mode pseudo entry for 4 MB
    Then the mapping decision is LARGE
    And 4 MB + 12 KB is translated by a 2 MB entry to 4 MB

  @LP-MAP-2 @profile:large-pages
  Scenario Outline: A real-mode pseudo entry for the slot's <which> frame, at <frame>, is shadowed by one 2 MB entry at the same address
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 2
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    When I shadow the real-mode pseudo entry for <frame>
    Then the mapping decision is LARGE
    And <frame> + 2 MB - 4 KB is translated by a 2 MB entry to <frame>

    @variant:first-frame
    Examples: the first frame
      | which | frame       |
      | first | 2 MB        |

    @variant:last-frame
    Examples: the last frame
      | which | frame       |
      | last  | 1 GB - 2 MB |

  @LP-MAP-3 @profile:large-pages @variant:gva-equals-gpa
  Scenario Outline: The guest's <entry> over a frame on 4 KB host pages is shadowed by 4 KB entries, the one for <address> mapping <address>
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 2
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 4 KB pages at host 4 GB
    When I shadow the guest's <entry> for the 2 MB frame at 4 MB
    Then the mapping decision is SMALL_HOST_NOT_LARGE
    And <address> is translated by a 4 KB entry to <address>

    @variant:guest-pse-entry @variant:inner-page
    Examples: a guest PSE entry, a page inside the frame
      | entry                  | address            |
      | large entry            | 4 MB + 12 KB       |

    @variant:real-mode-pseudo-entry @variant:inner-page
    Examples: a real-mode pseudo entry, a page inside the frame
      | entry                  | address            |
      | real-mode pseudo entry | 4 MB + 12 KB       |

    @variant:guest-pse-entry @variant:real-mode-pseudo-entry @variant:first-page
    Examples: the frame's first page
      | entry                  | address            |
      | large entry            | 4 MB               |
      | real-mode pseudo entry | 4 MB               |

    @variant:guest-pse-entry @variant:real-mode-pseudo-entry @variant:last-page
    Examples: the frame's last page
      | entry                  | address            |
      | large entry            | 4 MB + 2 MB - 4 KB |
      | real-mode pseudo entry | 4 MB + 2 MB - 4 KB |

  @LP-MAP-3 @profile:large-pages @variant:guest-pse-entry @variant:gva-differs-from-gpa
  Scenario Outline: A guest large entry mapping 2 GB to a frame on 4 KB host pages is shadowed by 4 KB entries, the one for <address> mapping <gpa>
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 2
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 4 KB pages at host 4 GB
    When I shadow the guest large entry mapping 2 GB to 4 MB
    Then the mapping decision is SMALL_HOST_NOT_LARGE
    And <address> is translated by a 4 KB entry to <gpa>

    @variant:first-page
    Examples: the first page
      | address            | gpa                |
      | 2 GB               | 4 MB               |

    @variant:inner-page
    Examples: a page inside the frame
      | address            | gpa                |
      | 2 GB + 1 MB + 4 KB | 5 MB + 4 KB        |

    @variant:last-page
    Examples: the last page
      | address            | gpa                |
      | 2 GB + 2 MB - 4 KB | 4 MB + 2 MB - 4 KB |

  @LP-MAP-4 @profile:large-pages
  Scenario Outline: The guest's <entry> over a frame of a slot from <from> on 2 MB host pages at host 4 GB is shadowed by 4 KB entries
    Source: kvm-devel, large pages, January 2008 [004], reply, paragraph 1 (alignment and two memslots)
    Given a shadow-paging MMU
    And a memory slot from <from> to 1 GB on 2 MB pages at host 4 GB
    When I shadow the guest's <entry> for the 2 MB frame at 4 MB
    Then the mapping decision is SMALL_HOST_MISALIGNED
    And 4 MB + 2 MB - 4 KB is translated by a 4 KB entry to 4 MB + 2 MB - 4 KB

    @variant:half-frame-off @variant:guest-pse-entry @variant:real-mode-pseudo-entry
    Examples: guest frames half a frame off the host pages
      | entry                  | from        |
      | large entry            | 1 MB        |
      | real-mode pseudo entry | 1 MB        |

    @variant:one-page-off @variant:guest-pse-entry @variant:real-mode-pseudo-entry
    Examples: guest frames one page off the host pages
      | entry                  | from        |
      | large entry            | 2 MB + 4 KB |
      | real-mode pseudo entry | 2 MB + 4 KB |

  @LP-MAP-5 @profile:large-pages @variant:one-protected-page
  Scenario Outline: The guest's <entry> over a frame holding a shadowed page table at <table> is shadowed by 4 KB entries
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 2
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    And the guest page table at <table> is shadowed
    When I shadow the guest's <entry> for the 2 MB frame at 4 MB
    Then the mapping decision is SMALL_WRITE_PROTECTED
    And 4 MB + 12 KB is translated by a 4 KB entry to 4 MB + 12 KB

    @variant:guest-pse-entry @variant:real-mode-pseudo-entry @variant:inner-page
    Examples: a table inside the frame
      | entry                  | table              |
      | large entry            | 4 MB + 8 KB        |
      | real-mode pseudo entry | 4 MB + 8 KB        |

    @variant:guest-pse-entry @variant:real-mode-pseudo-entry @variant:first-page
    Examples: a table in the frame's first page
      | entry                  | table              |
      | large entry            | 4 MB               |
      | real-mode pseudo entry | 4 MB               |

    @variant:guest-pse-entry @variant:real-mode-pseudo-entry @variant:last-page
    Examples: a table in the frame's last page
      | entry                  | table              |
      | large entry            | 4 MB + 2 MB - 4 KB |
      | real-mode pseudo entry | 4 MB + 2 MB - 4 KB |

  @LP-MAP-5 @profile:large-pages @variant:several-protected-pages @variant:inner-page
  Scenario Outline: The guest's <entry> over a frame holding three shadowed page tables is shadowed by 4 KB entries
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 2
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    And 3 page tables in the 2 MB frame at 4 MB are shadowed
    When I shadow the guest's <entry> for the 2 MB frame at 4 MB
    Then the mapping decision is SMALL_WRITE_PROTECTED

    @variant:guest-pse-entry
    Examples: a guest PSE entry
      | entry                  |
      | large entry            |

    @variant:real-mode-pseudo-entry
    Examples: a real-mode pseudo entry
      | entry                  |
      | real-mode pseudo entry |

  @LP-MAP-6 @profile:large-pages @variant:one-table @variant:count-from-zero @variant:guest-pse-entry
  Scenario: Once the last shadowed page table in a frame is unshadowed, the frame is shadowed large again
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    And the guest page table at 4 MB + 8 KB is shadowed
    And the guest page table at 4 MB + 8 KB is unshadowed
    When I shadow the guest large entry mapping 2 GB to 4 MB
    Then the mapping decision is LARGE

  @LP-MAP-6 @profile:large-pages @variant:several-tables
  Scenario Outline: Once all three shadowed page tables in a frame are unshadowed, the guest's <entry> over it is shadowed large again (counting from <encoding>)
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU with counters from <encoding>
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    And 3 page tables in the 2 MB frame at 4 MB are shadowed
    And 3 of them are unshadowed again
    When I shadow the guest's <entry> for the 2 MB frame at 4 MB
    Then the mapping decision is LARGE
    And 4 MB + 8 KB is translated by a 2 MB entry to 4 MB

    @variant:count-from-zero @variant:guest-pse-entry
    Examples: counting from zero, a guest PSE entry
      | encoding  | entry                  |
      | zero      | large entry            |

    @variant:count-from-minus-one @variant:real-mode-pseudo-entry
    Examples: counting from minus one, a real-mode pseudo entry
      | encoding  | entry                  |
      | minus one | real-mode pseudo entry |

  @LP-MAP-6 @profile:large-pages @variant:same-table-twice @variant:guest-pse-entry
  Scenario Outline: A frame whose page table was shadowed twice is shadowed large again only after both shadows are gone (counting from <encoding>)
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU with counters from <encoding>
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    And the guest page table at 4 MB + 8 KB is shadowed
    And the guest page table at 4 MB + 8 KB is shadowed again
    And the guest page table at 4 MB + 8 KB is unshadowed
    And the guest page table at 4 MB + 8 KB is unshadowed
    When I shadow the guest large entry mapping 2 GB to 4 MB
    Then the mapping decision is LARGE

    @variant:count-from-zero
    Examples: counting from zero
      | encoding  |
      | zero      |

    @variant:count-from-minus-one
    Examples: counting from minus one
      | encoding  |
      | minus one |

  @LP-MAP-7 @profile:large-pages @variant:guest-pse-entry @variant:mid-frame
  Scenario: A frame split between two slots has no counter and is shadowed by 4 KB entries
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 5 MB on 2 MB pages at host 4 GB
    And a memory slot from 5 MB to 1 GB on 2 MB pages at host 6 GB
    When I shadow the guest large entry mapping 2 GB to 4 MB
    Then the mapping decision is SMALL_FRAME_NOT_IN_ONE_SLOT
    And 2 GB + 1 MB + 4 KB is translated by a 4 KB entry to 5 MB + 4 KB

  @LP-MAP-7 @profile:large-pages
  Scenario Outline: The guest's <entry> over a frame split at <split> between two slots is shadowed by 4 KB entries, each to its own slot's page
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    And a memory slot from 2 MB to <split> on 4 KB pages at host 4 GB
    And a memory slot from <split> to 1 GB on 4 KB pages at host 6 GB
    When I shadow the guest's <entry> for the 2 MB frame at 4 MB
    Then the mapping decision is SMALL_FRAME_NOT_IN_ONE_SLOT
    And <split> - 4 KB is translated by a 4 KB entry to <split> - 4 KB
    And <split> is translated by a 4 KB entry to <split>

    @variant:real-mode-pseudo-entry @variant:mid-frame
    Examples: a real-mode pseudo entry, split in the middle
      | entry                  | split       |
      | real-mode pseudo entry | 5 MB        |

    @variant:guest-pse-entry @variant:real-mode-pseudo-entry @variant:one-page-into-frame
    Examples: split one page into the frame
      | entry                  | split       |
      | large entry            | 4 MB + 4 KB |
      | real-mode pseudo entry | 4 MB + 4 KB |

    @variant:guest-pse-entry @variant:real-mode-pseudo-entry @variant:one-page-before-frame-end
    Examples: split one page before the frame's end
      | entry                  | split       |
      | large entry            | 6 MB - 4 KB |
      | real-mode pseudo entry | 6 MB - 4 KB |

  @LP-MAP-8 @profile:large-pages @variant:page-protected @variant:guest-pse-entry @variant:one-protected-page
  Scenario: Among the 4 KB entries of a frame, the one over a shadowed page table is read-only
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 2
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    And the guest page table at 4 MB + 8 KB is shadowed
    When I shadow the guest large entry mapping 2 GB to 4 MB
    Then 2 GB + 8 KB is translated by a read-only 4 KB entry

  @LP-MAP-8 @profile:large-pages @variant:one-protected-page
  Scenario Outline: A frame shadowed small for another reason (<why>) still gets a read-only 4 KB entry over its shadowed page table
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 2
    Given a shadow-paging MMU
    And a memory slot from <from> to <split> on <pages> at host 4 GB
    And a memory slot from <split> to 1 GB on <pages> right after the host memory of the other slots
    And the guest page table at 4 MB + 8 KB is shadowed
    When I shadow the guest large entry mapping 2 GB to 4 MB
    Then 2 GB + 8 KB is translated by a read-only 4 KB entry

    @variant:host-4k @variant:guest-pse-entry
    Examples: 4 KB host pages
      | why                            | from | split | pages      |
      | 4 KB host pages                | 2 MB | 64 MB | 4 KB pages |

    @variant:host-misaligned @variant:guest-pse-entry
    Examples: 2 MB host pages half a frame off
      | why                            | from | split | pages      |
      | misaligned host pages          | 1 MB | 64 MB | 2 MB pages |

    @variant:frame-without-counter @variant:guest-pse-entry
    Examples: a frame split between two slots
      | why                            | from | split | pages      |
      | the frame is split             | 2 MB | 5 MB  | 2 MB pages |

  @LP-MAP-8 @profile:large-pages @variant:frame-without-counter @variant:guest-pse-entry @variant:one-protected-page
  Scenario: In a frame split between two slots, the 4 KB entry over a shadowed page table in the second slot is read-only too
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 2
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 5 MB on 2 MB pages at host 4 GB
    And a memory slot from 5 MB to 1 GB on 2 MB pages at host 6 GB
    And the guest page table at 5 MB + 8 KB is shadowed
    When I shadow the guest large entry mapping 2 GB to 4 MB
    Then 2 GB + 1 MB + 8 KB is translated by a read-only 4 KB entry

  @LP-MAP-8 @profile:large-pages @variant:page-protected @variant:real-mode-pseudo-entry @variant:one-protected-page
  Scenario: Among the 4 KB entries shadowing a real-mode pseudo entry, the one over a shadowed page table is read-only
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 2
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    And the guest page table at 4 MB + 8 KB is shadowed
    When I shadow the real-mode pseudo entry for 4 MB
    Then 4 MB + 8 KB is translated by a read-only 4 KB entry

  @LP-MAP-8 @profile:large-pages @variant:page-protected @variant:guest-pse-entry @variant:several-protected-pages
  Scenario Outline: Among the 4 KB entries of a frame holding three shadowed page tables, the one over the table at <table> is read-only
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 2
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    And 3 page tables in the 2 MB frame at 4 MB are shadowed
    When I shadow the guest large entry mapping 2 GB to 4 MB
    Then 2 GB + <offset> is translated by a read-only 4 KB entry

    Examples:
      | table        | offset |
      | 4 MB + 8 KB  | 8 KB   |
      | 4 MB + 16 KB | 16 KB  |
      | 4 MB + 24 KB | 24 KB  |

  @LP-MAP-9 @profile:large-pages @variant:page-protected @variant:never-protected
  Scenario Outline: Among the 4 KB entries of a frame, the one at <offset> over an unshadowed page is writable
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 2
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    And the guest page table at 4 MB + 8 KB is shadowed
    When I shadow the guest large entry mapping 2 GB to 4 MB
    Then 2 GB + <offset> is translated by a writable 4 KB entry

    @variant:first-page
    Examples: the frame's first page
      | offset  |
      | 0 KB    |

    @variant:neighbour-page
    Examples: the pages next to the shadowed table
      | offset  |
      | 4 KB    |
      | 12 KB   |

    @variant:last-page
    Examples: the frame's last page
      | offset  |
      | 2044 KB |

  @LP-MAP-9 @profile:large-pages @variant:never-protected @variant:neighbour-page
  Scenario Outline: A frame shadowed small for another reason (<why>) gets writable 4 KB entries over its unshadowed pages
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 2
    Given a shadow-paging MMU
    And a memory slot from 2 MB to <split> on <pages> at host 4 GB
    And a memory slot from <split> to 1 GB on <pages> right after the host memory of the other slots
    And the guest page table at 4 MB + 8 KB is shadowed
    When I shadow the guest large entry mapping 2 GB to 4 MB
    Then 2 GB + 12 KB is translated by a writable 4 KB entry

    @variant:host-4k
    Examples: 4 KB host pages
      | why                | split | pages      |
      | 4 KB host pages    | 64 MB | 4 KB pages |

    @variant:frame-without-counter
    Examples: a frame split between two slots
      | why                | split | pages      |
      | the frame is split | 5 MB  | 2 MB pages |

  @LP-MAP-9 @profile:large-pages @variant:page-protected @variant:protection-released @variant:neighbour-page
  Scenario: Among the 4 KB entries of a frame, the one over a page table unshadowed again is writable while another table keeps the frame small
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 2
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    And the guest page table at 4 MB + 8 KB is shadowed
    And the guest page table at 4 MB + 16 KB is shadowed
    And the guest page table at 4 MB + 16 KB is unshadowed
    When I shadow the guest large entry mapping 2 GB to 4 MB
    Then 2 GB + 16 KB is translated by a writable 4 KB entry

  @LP-MAP-10 @profile:large-pages
  Scenario Outline: Shadowing a guest large entry again, now mapping <gpa>, replaces its shadow entries by <size> ones
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 2
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    And the guest page table at 10 MB + 8 KB is shadowed
    And the guest page table at 12 MB + 8 KB is shadowed
    And the guest large entry mapping 2 GB to <first> is shadowed
    When I shadow the guest large entry mapping 2 GB to <gpa>
    Then 2 GB + 4 KB is translated by a <size> entry to <target>

    @variant:large-before @variant:large-after
    Examples: large before, large after
      | first | gpa   | size | target       |
      | 4 MB  | 8 MB  | 2 MB | 8 MB         |

    @variant:large-before @variant:small-after
    Examples: large before, 4 KB after
      | first | gpa   | size | target       |
      | 4 MB  | 10 MB | 4 KB | 10 MB + 4 KB |

    @variant:small-before @variant:large-after
    Examples: 4 KB before, large after
      | first | gpa   | size | target       |
      | 10 MB | 8 MB  | 2 MB | 8 MB         |

    @variant:small-before @variant:small-after
    Examples: 4 KB before, 4 KB after
      | first | gpa   | size | target       |
      | 10 MB | 12 MB | 4 KB | 12 MB + 4 KB |
