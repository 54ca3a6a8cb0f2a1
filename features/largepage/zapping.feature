Feature: Large pages: write-protecting a page zaps the large entries over it
  A large shadow entry lets the guest write anywhere in its 2 MB. So when the MMU write-protects a page,
  because it starts shadowing a page table in it, it must also zap every large shadow entry that maps the
  page's 2 MB frame, however many guest-virtual addresses map that frame; the guest's next access faults
  and the mapping is rebuilt from 4 KB entries. To find those entries the MMU keeps reverse maps for
  page-directory entries as well as for page-table entries, and through the latter it makes every
  existing 4 KB entry over the page read-only. Zapped entries are simply gone (interpretation I-LP-5), and
  an entry replaced by a new shadow of its guest mapping no longer counts as mapping the page it mapped
  before, so protecting that page leaves the new entry alone.

  @LP-ZAP-1 @profile:large-pages
  Scenario Outline: Shadowing a page table at 4 MB + 8 KB zaps the large entry over the frame at 4 MB (2 GB shadowed <before> first)
    Source: 004_7b1186024e4e8869.txt, "Here's a rough sketch of my proposal", item 3
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    And the guest page table at 10 MB + 8 KB is shadowed
    And the guest large entry mapping 2 GB to <earlier> is shadowed
    And the guest large entry mapping 2 GB to 4 MB is shadowed
    When I shadow the guest page table at 4 MB + 8 KB
    Then 2 GB has no present shadow entry

    Examples:
      | before                              | earlier |
      | large, over the same frame          | 4 MB    |
      | large, over another frame           | 8 MB    |
      | by 4 KB entries, over another frame | 10 MB   |

  @LP-ZAP-2 @profile:large-pages
  Scenario Outline: Shadowing a page table zaps every large entry over its frame, here the one at <address>
    Source: 004_7b1186024e4e8869.txt, "Here's a rough sketch of my proposal", item 3
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

  @LP-ZAP-3 @profile:large-pages
  Scenario: Large entries over other frames stay present
    Source: 004_7b1186024e4e8869.txt, "Here's a rough sketch of my proposal", item 3
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    And the guest large entry mapping 2 GB to 4 MB is shadowed
    And the guest large entry mapping 2 GB + 2 MB to 6 MB is shadowed
    When I shadow the guest page table at 4 MB + 8 KB
    Then 2 GB + 2 MB is translated by a 2 MB entry to 6 MB

  @LP-ZAP-4 @profile:large-pages
  Scenario: Shadowing a page table makes the existing 4 KB entry over its page read-only
    Source: 004_7b1186024e4e8869.txt, "Here's a rough sketch of my proposal", item 3
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 4 KB pages at host 4 GB
    And the guest large entry mapping 2 GB to 4 MB is shadowed
    When I shadow the guest page table at 4 MB + 8 KB
    Then 2 GB + 8 KB is translated by a read-only 4 KB entry

  @LP-ZAP-5 @profile:large-pages
  Scenario: Shadowing a page table leaves the 4 KB entries over the other pages of its frame writable
    Source: 004_7b1186024e4e8869.txt, "Here's a rough sketch of my proposal", item 3
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 4 KB pages at host 4 GB
    And the guest large entry mapping 2 GB to 4 MB is shadowed
    When I shadow the guest page table at 4 MB + 8 KB
    Then 2 GB + 12 KB is translated by a writable 4 KB entry

  @LP-ZAP-6 @profile:large-pages
  Scenario: After the zap the guest's large entry, shadowed again, gets 4 KB entries
    Source: 004_7b1186024e4e8869.txt, "Here's a rough sketch of my proposal", item 3
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    And the guest large entry mapping 2 GB to 4 MB is shadowed
    And the guest page table at 4 MB + 8 KB is shadowed
    When I shadow the guest large entry mapping 2 GB to 4 MB
    Then 2 GB + 8 KB is translated by a read-only 4 KB entry

  @LP-ZAP-7 @profile:large-pages
  Scenario: Shadowing a page table leaves writable the 4 KB entry that mapped its page before being replaced
    Source: 004_7b1186024e4e8869.txt, "Here's a rough sketch of my proposal", item 3
    Given a shadow-paging MMU
    And a memory slot from 2 MB to 1 GB on 4 KB pages at host 4 GB
    And the guest large entry mapping 2 GB to 4 MB is shadowed
    And the guest large entry mapping 2 GB to 8 MB is shadowed
    When I shadow the guest page table at 4 MB + 8 KB
    Then 2 GB + 8 KB is translated by a writable 4 KB entry
