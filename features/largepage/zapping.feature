Feature: Large pages: write-protecting a page zaps the large entries over it
  A large shadow entry lets the guest write anywhere in its 2 MB. So when the MMU write-protects a page,
  because it starts shadowing a page table in it, it must also zap every large shadow entry that maps the
  page's 2 MB frame, however many guest-virtual addresses map that frame; the guest's next access faults
  and the mapping is rebuilt from 4 KB entries. To find those entries the MMU keeps reverse maps for
  page-directory entries as well as for page-table entries, and through the latter it makes every
  existing 4 KB entry over the page read-only. Zapped entries are simply gone (interpretation I-LP-5), and
  an entry replaced by a new shadow of its guest mapping no longer counts as mapping the page it mapped
  before, so protecting that page leaves the new entry alone.

  @LP-ZAP-1 @profile:large-pages @variant:guest-pse-entry @variant:inner-page
  Scenario Outline: Shadowing a page table at 4 MB + 8 KB zaps the large entry over the frame at 4 MB (2 GB shadowed <before> first)
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 3
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    And the guest page table at 10 MB + 8 KB is shadowed
    And the guest large entry mapping 2 GB to <earlier> is shadowed
    And the guest large entry mapping 2 GB to 4 MB is shadowed
    When I shadow the guest page table at 4 MB + 8 KB
    Then 2 GB has no present shadow entry

    @variant:large-same-frame-before
    Examples: large over the same frame
      | before                              | earlier |
      | large, over the same frame          | 4 MB    |

    @variant:large-other-frame-before
    Examples: large over another frame
      | before                              | earlier |
      | large, over another frame           | 8 MB    |

    @variant:small-other-frame-before
    Examples: by 4 KB entries over another frame
      | before                              | earlier |
      | by 4 KB entries, over another frame | 10 MB   |

  @LP-ZAP-1 @profile:large-pages @variant:none-before
  Scenario Outline: Shadowing a page table at <table> zaps the large entry the guest's <entry> got over its frame
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 3
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    And the guest's <entry> for the 2 MB frame at 4 MB is shadowed
    When I shadow the guest page table at <table>
    Then 4 MB has no present shadow entry

    @variant:real-mode-pseudo-entry @variant:inner-page
    Examples: a real-mode pseudo entry
      | entry                  | table              |
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

  @LP-ZAP-2 @profile:large-pages @variant:three-entries @variant:pse-entries-only
  Scenario Outline: Shadowing a page table zaps every large entry over its frame, here the one at <address>
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 3
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    And the guest large entry mapping 2 GB to 4 MB is shadowed
    And the guest large entry mapping 3 GB to 4 MB is shadowed
    And the guest large entry mapping 4 MB to 4 MB is shadowed
    When I shadow the guest page table at 4 MB + 8 KB
    Then <address> has no present shadow entry

    Examples:
      | address |
      | 2 GB    |
      | 3 GB    |
      | 4 MB    |

  @LP-ZAP-2 @profile:large-pages @variant:two-entries @variant:pse-and-real-mode-entries
  Scenario Outline: Shadowing a page table zaps both the guest PSE entry's and the real-mode pseudo entry's large entries over its frame, here the one at <address>
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 3
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    And the guest large entry mapping 2 GB to 4 MB is shadowed
    And the real-mode pseudo entry for 4 MB is shadowed
    When I shadow the guest page table at 4 MB + 8 KB
    Then <address> has no present shadow entry

    Examples:
      | address |
      | 2 GB    |
      | 4 MB    |

  @LP-ZAP-3 @profile:large-pages @variant:frame-above @variant:same-slot
  Scenario: Large entries over other frames stay present
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 3
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    And the guest large entry mapping 2 GB to 4 MB is shadowed
    And the guest large entry mapping 2 GB + 2 MB to 6 MB is shadowed
    When I shadow the guest page table at 4 MB + 8 KB
    Then 2 GB + 2 MB is translated by a 2 MB entry to 6 MB

  @LP-ZAP-3 @profile:large-pages @variant:frame-below @variant:same-slot
  Scenario: Shadowing a page table in the first page of a frame leaves the large entry over the frame below present
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 3
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    And the guest large entry mapping 2 GB to 2 MB is shadowed
    And the guest large entry mapping 2 GB + 2 MB to 4 MB is shadowed
    When I shadow the guest page table at 4 MB
    Then 2 GB is translated by a 2 MB entry to 2 MB

  @LP-ZAP-3 @profile:large-pages @variant:frame-above @variant:other-slot
  Scenario: Shadowing the last page of a slot leaves the large entry over the next slot's first frame present
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 3
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 6 MB on 2 MB pages at host 4 GB
    And a memory slot from 6 MB to 1 GB on 2 MB pages at host 6 GB
    And the guest large entry mapping 2 GB to 4 MB is shadowed
    And the guest large entry mapping 2 GB + 2 MB to 6 MB is shadowed
    When I shadow the guest page table at 6 MB - 4 KB
    Then 2 GB + 2 MB is translated by a 2 MB entry to 6 MB

  @LP-ZAP-4 @profile:large-pages @variant:one-entry @variant:guest-pse-entry @variant:host-4k
  Scenario: Shadowing a page table makes the existing 4 KB entry over its page read-only
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 3
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 4 KB pages at host 4 GB
    And the guest large entry mapping 2 GB to 4 MB is shadowed
    When I shadow the guest page table at 4 MB + 8 KB
    Then 2 GB + 8 KB is translated by a read-only 4 KB entry

  @LP-ZAP-4 @profile:large-pages @variant:several-entries @variant:guest-pse-entry @variant:real-mode-pseudo-entry @variant:host-4k
  Scenario Outline: Shadowing a page table makes every existing 4 KB entry over its page read-only, here the one for <address>
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 3
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 4 KB pages at host 4 GB
    And the guest large entry mapping 2 GB to 4 MB is shadowed
    And the guest large entry mapping 3 GB to 4 MB is shadowed
    And the real-mode pseudo entry for 4 MB is shadowed
    When I shadow the guest page table at 4 MB + 8 KB
    Then <address> is translated by a read-only 4 KB entry

    Examples:
      | address     |
      | 2 GB + 8 KB |
      | 3 GB + 8 KB |
      | 4 MB + 8 KB |

  @LP-ZAP-4 @profile:large-pages @variant:one-entry @variant:guest-pse-entry
  Scenario Outline: Shadowing a page table makes the existing 4 KB entry over its page read-only where the frame was small because <why>
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 3
    Given a shadow-paging MMU
    And a memory slot from 2 MB to <split> on 2 MB pages at host 4 GB
    And a memory slot from <split> to 1 GB on 2 MB pages at host 6 GB
    And the guest page table at <other> is shadowed
    And the guest large entry mapping 2 GB to 4 MB is shadowed
    When I shadow the guest page table at 4 MB + 8 KB
    Then 2 GB + 8 KB is translated by a read-only 4 KB entry

    @variant:frame-without-counter
    Examples: the frame is split between two slots
      | why                                  | split | other        |
      | it is split between two slots        | 5 MB  | 10 MB        |

    @variant:page-already-protected
    Examples: another page of it was already write-protected
      | why                                  | split | other        |
      | another of its pages was protected   | 64 MB | 4 MB + 16 KB |

  @LP-ZAP-5 @profile:large-pages @variant:host-4k
  Scenario Outline: Shadowing a page table leaves the 4 KB entry over the page <where> it writable
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 3
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 4 KB pages at host 4 GB
    And the guest large entry mapping 2 GB to 4 MB is shadowed
    When I shadow the guest page table at 4 MB + 8 KB
    Then 2 GB + <offset> is translated by a writable 4 KB entry

    @variant:page-above
    Examples: the page above
      | where | offset |
      | above | 12 KB  |

    @variant:page-below
    Examples: the page below
      | where | offset |
      | below | 4 KB   |

  @LP-ZAP-5 @profile:large-pages @variant:page-already-protected @variant:page-above
  Scenario: Shadowing a second page table in a frame already shadowed small leaves the 4 KB entries over its other pages writable
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 3
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    And the guest page table at 4 MB + 16 KB is shadowed
    And the guest large entry mapping 2 GB to 4 MB is shadowed
    When I shadow the guest page table at 4 MB + 8 KB
    Then 2 GB + 12 KB is translated by a writable 4 KB entry

  @LP-ZAP-6 @profile:large-pages
  Scenario Outline: After the zap the guest's <entry>, shadowed again, gets 4 KB entries (counting from <encoding>)
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 3
    Given a shadow-paging MMU with counters from <encoding>
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    And the guest's <entry> for the 2 MB frame at 4 MB is shadowed
    And the guest page table at 4 MB + 8 KB is shadowed
    When I shadow the guest's <entry> for the 2 MB frame at 4 MB
    Then the mapping decision is SMALL_WRITE_PROTECTED
    And 4 MB + 8 KB is translated by a read-only 4 KB entry

    @variant:guest-pse-entry @variant:count-from-zero
    Examples: a guest PSE entry, counting from zero
      | entry                  | encoding  |
      | large entry            | zero      |

    @variant:real-mode-pseudo-entry @variant:count-from-zero
    Examples: a real-mode pseudo entry, counting from zero
      | entry                  | encoding  |
      | real-mode pseudo entry | zero      |

    @variant:guest-pse-entry @variant:real-mode-pseudo-entry @variant:count-from-minus-one
    Examples: counting from minus one
      | entry                  | encoding  |
      | large entry            | minus one |
      | real-mode pseudo entry | minus one |

  @LP-ZAP-6 @profile:large-pages @variant:guest-pse-entry @variant:count-from-zero
  Scenario: After the zap the guest's large entry at 2 GB, shadowed again, gets 4 KB entries
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 3
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    And the guest large entry mapping 2 GB to 4 MB is shadowed
    And the guest page table at 4 MB + 8 KB is shadowed
    When I shadow the guest large entry mapping 2 GB to 4 MB
    Then 2 GB + 8 KB is translated by a read-only 4 KB entry

  @LP-ZAP-7 @profile:large-pages @variant:replaced-by-small-entries
  Scenario: Shadowing a page table leaves writable the 4 KB entry that mapped its page before being replaced
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 3
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 4 KB pages at host 4 GB
    And the guest large entry mapping 2 GB to 4 MB is shadowed
    And the guest large entry mapping 2 GB to 8 MB is shadowed
    When I shadow the guest page table at 4 MB + 8 KB
    Then 2 GB + 8 KB is translated by a writable 4 KB entry

  @LP-ZAP-7 @profile:large-pages @variant:replaced-by-large-entry
  Scenario: Shadowing a page table leaves the large entry that replaced the 4 KB entries once over its page present
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 3
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    And the guest page table at 4 MB + 16 KB is shadowed
    And the guest large entry mapping 2 GB to 4 MB is shadowed
    And the guest large entry mapping 2 GB to 8 MB is shadowed
    When I shadow the guest page table at 4 MB + 8 KB
    Then 2 GB + 8 KB is translated by a 2 MB entry to 8 MB

  @LP-ZAP-8 @profile:large-pages @variant:zapped-large-entry
  Scenario: Unshadowing the page table again does not bring back the large entry its write protection zapped
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 3
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    And the guest large entry mapping 2 GB to 4 MB is shadowed
    And the guest page table at 4 MB + 8 KB is shadowed
    When I unshadow the guest page table at 4 MB + 8 KB
    Then 2 GB has no present shadow entry

  @LP-ZAP-8 @profile:large-pages @variant:read-only-small-entry @reading:largepage.unshadowed-small-entry=stays-read-only
  Scenario: Unshadowing the page table again leaves read-only the 4 KB entry its write protection made read-only
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 3
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 4 KB pages at host 4 GB
    And the guest large entry mapping 2 GB to 4 MB is shadowed
    And the guest page table at 4 MB + 8 KB is shadowed
    When I unshadow the guest page table at 4 MB + 8 KB
    Then 2 GB + 8 KB is translated by a read-only 4 KB entry

  @LP-ZAP-8 @profile:large-pages @variant:read-only-small-entry @reading:largepage.unshadowed-small-entry=writable-again
  Scenario: Unshadowing the page table's last shadow makes the 4 KB entry over it writable again
    Source: kvm-devel, large pages, January 2008 [004], "Here's a rough sketch of my proposal", item 3
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 4 KB pages at host 4 GB
    And the guest large entry mapping 2 GB to 4 MB is shadowed
    And the guest page table at 4 MB + 8 KB is shadowed
    When I unshadow the guest page table at 4 MB + 8 KB
    Then 2 GB + 8 KB is translated by a writable 4 KB entry
