Feature: Large pages: one write-protect counter per 2 MB frame of a memory slot
  A shadow MMU write-protects every guest page that holds a page table it shadows, so that it sees the
  guest's writes to that table. A 2 MB guest frame may only be shadowed by one large entry while none of
  its 512 pages is write-protected: a large entry would let the guest write to a shadowed table unseen.

  To answer "is any page of this frame write-protected?" without scanning 512 pages, every memory slot
  keeps one counter per 2 MB frame lying wholly inside it, packed in one array. Shadowing a page table
  adds one to the counter of its frame, unshadowing takes one off. A slot for 1 MB to 1 GB thus has 511
  counters, for the frames at 2 MB, 4 MB, ... up to 1 GB - 2 MB; the frame at 0 is cut by the slot's
  edge and has none (interpretation I-LP-1). A table may be shadowed more than once (a 32-bit guest table
  is shadowed by two PAE shadow tables, for example), and every shadow counts (interpretation I-LP-2).

  @LP-CNT-1 @profile:large-pages-introspection @variant:start-off-boundary @variant:end-on-boundary @variant:many-whole-frames
  Scenario: A slot for 1 MB to 1 GB has 511 counters, the first for the frame at 2 MB
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    And a memory slot from 1 MB to 1 GB on 4 KB pages at host 4 GB
    Then the slot from 1 MB has 511 write-protect counters, the first for the 2 MB frame at 2 MB

  @LP-CNT-1 @profile:large-pages-introspection
  Scenario Outline: A slot from <from> to <to> has <n> counter(s), one per 2 MB frame wholly inside it, the first for the frame at <first>
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    And a memory slot from <from> to <to> on 4 KB pages at host 4 GB
    Then the slot from <from> has <n> write-protect counters, the first for the 2 MB frame at <first>

    @variant:start-on-boundary @variant:end-on-boundary @variant:many-whole-frames
    Examples: starting and ending on 2 MB boundaries
      | from | to   | n   | first |
      | 2 MB | 1 GB | 511 | 2 MB  |

    @variant:start-on-boundary @variant:end-off-boundary
    Examples: ending 1 MB past the last whole frame
      | from | to   | n | first |
      | 2 MB | 7 MB | 2 | 2 MB  |

    @variant:one-whole-frame @variant:start-on-boundary @variant:end-on-boundary
    Examples: exactly one frame
      | from | to   | n | first |
      | 4 MB | 6 MB | 1 | 4 MB  |

    @variant:one-whole-frame @variant:start-off-boundary @variant:end-off-boundary
    Examples: one whole frame between two cut ones
      | from | to   | n | first |
      | 3 MB | 7 MB | 1 | 4 MB  |

  @LP-CNT-1 @profile:large-pages-introspection @variant:no-whole-frame
  Scenario: A slot from 1 MB to 3 MB holds no whole 2 MB frame and so has no counter
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    And a memory slot from 1 MB to 3 MB on 4 KB pages at host 4 GB
    Then the slot from 1 MB has no write-protect counter

  @LP-CNT-2 @profile:large-pages-introspection @variant:count-from-zero
  Scenario Outline: A new slot from <from> to <to> counts no write-protected page in any frame
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    And a memory slot from <from> to <to> on <pages> at host 4 GB
    Then every raw counter of the slot from <from> is 0

    @variant:host-4k
    Examples: on 4 KB host pages
      | from | to   | pages      |
      | 1 MB | 1 GB | 4 KB pages |

    @variant:host-2m
    Examples: on 2 MB host pages
      | from | to   | pages      |
      | 2 MB | 1 GB | 2 MB pages |

  @LP-CNT-2 @profile:large-pages-introspection @variant:count-from-minus-one
  Scenario Outline: Counting from minus one, every frame of a new slot on <pages> decodes to no write-protected page
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU with counters from minus one
    And a memory slot from 2 MB to 1 GB on <pages> at host 4 GB
    Then every frame of the slot from 2 MB counts 0 write-protected pages

    @variant:host-4k
    Examples: on 4 KB host pages
      | pages      |
      | 4 KB pages |

    @variant:host-2m
    Examples: on 2 MB host pages
      | pages      |
      | 2 MB pages |

  @LP-CNT-3 @profile:large-pages-introspection @variant:start-off-boundary @variant:inner-page @variant:inner-frame @variant:page-not-shadowed-yet
  Scenario: Shadowing a page table at 4 MB + 8 KB counts it in the frame at 4 MB
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    And a memory slot from 1 MB to 1 GB on 4 KB pages at host 4 GB
    When I shadow the guest page table at 4 MB + 8 KB
    Then the 2 MB frame at 4 MB counts 1 write-protected page
    And the raw counter of the 2 MB frame at 4 MB is 1

  @LP-CNT-3 @profile:large-pages-introspection @variant:page-not-shadowed-yet
  Scenario Outline: Shadowing a page table at <table> in a slot from <from> counts it in the frame at <frame>
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    And a memory slot from <from> to 1 GB on 4 KB pages at host 4 GB
    When I shadow the guest page table at <table>
    Then the 2 MB frame at <frame> counts 1 write-protected page
    And the raw counter of the 2 MB frame at <frame> is 1

    @variant:start-on-boundary @variant:inner-page @variant:inner-frame
    Examples: a slot starting on a 2 MB boundary
      | from | table        | frame |
      | 2 MB | 4 MB + 8 KB  | 4 MB  |

    @variant:start-off-boundary @variant:first-page @variant:inner-frame
    Examples: the first page of a frame
      | from | table | frame |
      | 1 MB | 4 MB  | 4 MB  |

    @variant:start-off-boundary @variant:last-page @variant:inner-frame
    Examples: the last page of a frame, more than 2 MB past the slot's base
      | from | table              | frame |
      | 1 MB | 4 MB + 2 MB - 4 KB | 4 MB  |

    @variant:start-off-boundary @variant:inner-page @variant:inner-frame
    Examples: a page in the upper half of a frame, more than 2 MB past the slot's base
      | from | table       | frame |
      | 1 MB | 5 MB + 8 KB | 4 MB  |

    @variant:start-off-boundary @variant:first-frame @variant:inner-page
    Examples: the slot's first whole frame
      | from | table       | frame |
      | 1 MB | 2 MB + 8 KB | 2 MB  |

    @variant:start-off-boundary @variant:last-frame @variant:last-page
    Examples: the slot's last frame
      | from | table       | frame       |
      | 1 MB | 1 GB - 4 KB | 1 GB - 2 MB |

  @LP-CNT-3 @profile:large-pages-introspection @variant:page-already-shadowed @variant:start-off-boundary @variant:inner-page @variant:inner-frame
  Scenario: Shadowing a page table that already has a shadow adds one to its frame's counter again
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    And a memory slot from 1 MB to 1 GB on 4 KB pages at host 4 GB
    And the guest page table at 4 MB + 8 KB is shadowed
    When I shadow the guest page table at 4 MB + 8 KB
    Then the 2 MB frame at 4 MB counts 2 write-protected pages
    And the raw counter of the 2 MB frame at 4 MB is 2

  @LP-CNT-4 @profile:large-pages-introspection
  Scenario Outline: Shadowing a page table at 4 MB + 8 KB leaves the counter of the frame at <frame> alone
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    And a memory slot from 1 MB to 1 GB on 4 KB pages at host 4 GB
    When I shadow the guest page table at 4 MB + 8 KB
    Then the 2 MB frame at <frame> counts 0 write-protected pages

    @variant:frame-below
    Examples: the frame below
      | frame |
      | 2 MB  |

    @variant:frame-above
    Examples: the frame above
      | frame |
      | 6 MB  |

  @LP-CNT-4 @profile:large-pages-introspection @variant:frame-in-other-slot
  Scenario: Shadowing the last page of a slot leaves the counter of the next slot's first frame alone
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 6 MB on 4 KB pages at host 4 GB
    And a memory slot from 6 MB to 1 GB on 4 KB pages at host 8 GB
    When I shadow the guest page table at 6 MB - 4 KB
    Then the 2 MB frame at 6 MB counts 0 write-protected pages
    And the 2 MB frame at 4 MB counts 1 write-protected page

  @LP-CNT-5 @profile:large-pages-introspection @variant:other-page-shadowed
  Scenario: Unshadowing the page table at 4 MB + 8 KB takes it off the frame's counter again
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    And a memory slot from 1 MB to 1 GB on 4 KB pages at host 4 GB
    And the guest page table at 4 MB + 8 KB is shadowed
    And the guest page table at 4 MB + 16 KB is shadowed
    When I unshadow the guest page table at 4 MB + 8 KB
    Then the 2 MB frame at 4 MB counts 1 write-protected page

  @LP-CNT-5 @profile:large-pages-introspection @variant:same-page-shadowed-again
  Scenario: Unshadowing one of two shadows of the page table at 4 MB + 8 KB takes one off the frame's counter
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    And a memory slot from 1 MB to 1 GB on 4 KB pages at host 4 GB
    And the guest page table at 4 MB + 8 KB is shadowed
    And the guest page table at 4 MB + 8 KB is shadowed again
    When I unshadow the guest page table at 4 MB + 8 KB
    Then the 2 MB frame at 4 MB counts 1 write-protected page
    And the raw counter of the 2 MB frame at 4 MB is 1

  @LP-CNT-5 @profile:large-pages-introspection @variant:nothing-shadowed
  Scenario: Unshadowing the only page table of a frame brings its counter back to 0
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    And a memory slot from 1 MB to 1 GB on 4 KB pages at host 4 GB
    And the guest page table at 4 MB + 8 KB is shadowed
    When I unshadow the guest page table at 4 MB + 8 KB
    Then the 2 MB frame at 4 MB counts 0 write-protected pages
    And the raw counter of the 2 MB frame at 4 MB is 0

  @LP-CNT-6 @profile:large-pages
  Scenario Outline: A page table at <table> shadowed twice stays write-protected until it is unshadowed twice (counting from <encoding>)
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU with counters from <encoding>
    And a memory slot from <from> to 1 GB on <pages> at host 4 GB
    And the guest page table at <table> is shadowed
    And the guest page table at <table> is shadowed again
    When I unshadow the guest page table at <table>
    Then the page at <table> is write-protected

    @variant:frame-with-counter @variant:count-from-zero
    Examples: in a frame with a counter
      | encoding | from | pages      | table       |
      | zero     | 1 MB | 4 KB pages | 4 MB + 8 KB |

    @variant:frame-without-counter @variant:count-from-zero
    Examples: in the frame the slot's edge cuts
      | encoding | from | pages      | table       |
      | zero     | 1 MB | 4 KB pages | 1 MB + 8 KB |

    @variant:frame-with-counter @variant:count-from-minus-one
    Examples: counting from minus one on an aligned 2 MB host page
      | encoding  | from | pages      | table       |
      | minus one | 2 MB | 2 MB pages | 4 MB + 8 KB |

  @LP-CNT-6 @profile:large-pages @variant:frame-with-counter @variant:count-from-minus-one
  Scenario: Counting from minus one, a frame whose page table is shadowed twice and unshadowed once is still not shadowed large
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU with counters from minus one
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    And the guest page table at 4 MB + 8 KB is shadowed
    And the guest page table at 4 MB + 8 KB is shadowed again
    And the guest page table at 4 MB + 8 KB is unshadowed
    When I ask whether the 2 MB guest frame at 4 MB may be shadowed large
    Then the mapping decision is SMALL_WRITE_PROTECTED

  @LP-CNT-7 @profile:large-pages @variant:head-frame
  Scenario: A page table in the frame the slot's start cuts can be shadowed, and its page is then write-protected
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    And a memory slot from 1 MB to 1 GB on 4 KB pages at host 4 GB
    When I shadow the guest page table at 1 MB + 4 KB
    Then the page at 1 MB + 4 KB is write-protected

  @LP-CNT-7 @profile:large-pages @variant:tail-frame
  Scenario: A page table in the frame the slot's end cuts can be shadowed, and its page is then write-protected
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 7 MB on 4 KB pages at host 4 GB
    When I shadow the guest page table at 6 MB + 4 KB
    Then the page at 6 MB + 4 KB is write-protected

  @LP-CNT-8 @profile:large-pages @variant:shadowed-once @variant:frame-with-counter @variant:alone-in-frame
  Scenario: A page whose last shadow is gone is no longer write-protected
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    And a memory slot from 1 MB to 1 GB on 4 KB pages at host 4 GB
    And the guest page table at 4 MB + 8 KB is shadowed
    When I unshadow the guest page table at 4 MB + 8 KB
    Then the page at 4 MB + 8 KB is not write-protected

  @LP-CNT-8 @profile:large-pages @variant:shadowed-twice @variant:frame-with-counter @variant:alone-in-frame
  Scenario: A page table shadowed twice and unshadowed twice is no longer write-protected
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    And a memory slot from 1 MB to 1 GB on 4 KB pages at host 4 GB
    And the guest page table at 4 MB + 8 KB is shadowed
    And the guest page table at 4 MB + 8 KB is shadowed again
    And the guest page table at 4 MB + 8 KB is unshadowed
    When I unshadow the guest page table at 4 MB + 8 KB
    Then the page at 4 MB + 8 KB is not write-protected

  @LP-CNT-8 @profile:large-pages @variant:shadowed-once @variant:frame-without-counter @variant:alone-in-frame
  Scenario: A page in the frame the slot's edge cuts is no longer write-protected once its only shadow is gone
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    And a memory slot from 1 MB to 1 GB on 4 KB pages at host 4 GB
    And the guest page table at 1 MB + 8 KB is shadowed
    When I unshadow the guest page table at 1 MB + 8 KB
    Then the page at 1 MB + 8 KB is not write-protected

  @LP-CNT-8 @profile:large-pages @variant:shadowed-once @variant:frame-with-counter @variant:other-page-still-shadowed
  Scenario: A page whose last shadow is gone is no longer write-protected though another page of its frame still is
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 1
    Given a shadow-paging MMU
    And a memory slot from 1 MB to 1 GB on 4 KB pages at host 4 GB
    And the guest page table at 4 MB + 8 KB is shadowed
    And the guest page table at 4 MB + 16 KB is shadowed
    When I unshadow the guest page table at 4 MB + 8 KB
    Then the page at 4 MB + 8 KB is not write-protected
    And the page at 4 MB + 16 KB is write-protected
