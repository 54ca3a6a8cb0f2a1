Feature: Large pages: the two encodings of the write-protect counter
  The seed discusses two ways to store a frame's counter. In the first, the counter is simply the number
  of write-protected 4 KB pages; a large shadow entry needs a large, aligned host page and a counter of 0.
  In the second, the counter of a frame starts at -1 when the host memory behind the frame is an aligned
  2 MB host page and at 0 otherwise, and moves by one per write-protected page; a large entry is allowed
  exactly while it reads -1, so the host check is folded into the counter. A short (16-bit) value per
  frame is enough for it.

  The kit requires both encodings, chosen when the MMU is created, and requires them to behave the same:
  only the raw values differ. "An aligned 2 MB host page" is read as including the 2 MB alignment the
  reply insists on (interpretation I-LP-6): a frame on large host pages that is misaligned starts at 0.

  @LP-ENC-1 @profile:large-pages-introspection
  Scenario Outline: Counting from minus one, the counters of a slot from <from> on <pages> at host <host> start at <start>
    Source: kvm-devel, large pages, January 2008 [004], reply, paragraph 2 (a short value per large page)
    Given a shadow-paging MMU with counters from minus one
    And a memory slot from <from> to 1 GB on <pages> at host <host>
    Then every raw counter of the slot from <from> is <start>

    @variant:host-2m-aligned
    Examples: on 2 MB host pages lined up with the guest frames
      | from | pages      | host        | start |
      | 2 MB | 2 MB pages | 4 GB        | -1    |

    @variant:host-4k
    Examples: on 4 KB host pages, on a 2 MB host boundary or off it
      | from | pages      | host        | start |
      | 2 MB | 4 KB pages | 4 GB        | 0     |
      | 2 MB | 4 KB pages | 4 GB + 4 KB | 0     |

    @variant:host-2m-misaligned
    Examples: on 2 MB host pages 1 MB off the guest frames
      | from | pages      | host        | start |
      | 1 MB | 2 MB pages | 4 GB        | 0     |

  @LP-ENC-2 @profile:large-pages-introspection
  Scenario Outline: Counting from minus one, <n> shadowed table(s) in a frame on <pages> read <raw>
    Source: kvm-devel, large pages, January 2008 [004], reply, paragraph 2 (a short value per large page)
    Given a shadow-paging MMU with counters from minus one
    And a memory slot from 2 MB to 1 GB on <pages> at host 4 GB
    And <n> page tables in the 2 MB frame at 4 MB are shadowed
    Then the raw counter of the 2 MB frame at 4 MB is <raw>

    @variant:host-2m-aligned @variant:one-table
    Examples: one table on an aligned 2 MB host page
      | pages      | n | raw |
      | 2 MB pages | 1 | 0   |

    @variant:host-2m-aligned @variant:several-tables
    Examples: three tables on an aligned 2 MB host page
      | pages      | n | raw |
      | 2 MB pages | 3 | 2   |

    @variant:host-4k @variant:one-table
    Examples: one table on 4 KB host pages
      | pages      | n | raw |
      | 4 KB pages | 1 | 1   |

    @variant:host-4k @variant:several-tables
    Examples: three tables on 4 KB host pages
      | pages      | n | raw |
      | 4 KB pages | 3 | 3   |

  @LP-ENC-2 @profile:large-pages-introspection @variant:same-table-twice
  Scenario Outline: Counting from minus one, one table shadowed twice in a frame on <pages> reads <raw>
    Source: kvm-devel, large pages, January 2008 [004], reply, paragraph 2 (a short value per large page)
    Given a shadow-paging MMU with counters from minus one
    And a memory slot from 2 MB to 1 GB on <pages> at host 4 GB
    And the guest page table at 4 MB + 8 KB is shadowed
    And the guest page table at 4 MB + 8 KB is shadowed again
    Then the raw counter of the 2 MB frame at 4 MB is <raw>

    @variant:host-2m-aligned
    Examples: on an aligned 2 MB host page
      | pages      | raw |
      | 2 MB pages | 1   |

    @variant:host-4k
    Examples: on 4 KB host pages
      | pages      | raw |
      | 4 KB pages | 2   |

  @LP-ENC-3 @profile:large-pages-introspection
  Scenario Outline: Counting from minus one, unshadowing <m> of 2 tables in a frame on <pages> leaves <raw>
    Source: kvm-devel, large pages, January 2008 [004], reply, paragraph 2 (a short value per large page)
    Given a shadow-paging MMU with counters from minus one
    And a memory slot from 2 MB to 1 GB on <pages> at host 4 GB
    And 2 page tables in the 2 MB frame at 4 MB are shadowed
    And <m> of them are unshadowed again
    Then the raw counter of the 2 MB frame at 4 MB is <raw>

    @variant:host-2m-aligned @variant:some-left
    Examples: one left on an aligned 2 MB host page
      | pages      | m | raw |
      | 2 MB pages | 1 | 0   |

    @variant:host-2m-aligned @variant:none-left
    Examples: none left on an aligned 2 MB host page
      | pages      | m | raw |
      | 2 MB pages | 2 | -1  |

    @variant:host-4k @variant:some-left
    Examples: one left on 4 KB host pages
      | pages      | m | raw |
      | 4 KB pages | 1 | 1   |

    @variant:host-4k @variant:none-left
    Examples: none left on 4 KB host pages
      | pages      | m | raw |
      | 4 KB pages | 2 | 0   |

  @LP-ENC-4 @profile:large-pages-introspection
  Scenario Outline: Counting from <encoding>, two shadowed tables in a frame of a slot from <from> on <pages> decode to a count of 2
    Source: kvm-devel, large pages, January 2008 [004], reply, paragraph 2 (a short value per large page)
    Given a shadow-paging MMU with counters from <encoding>
    And a memory slot from <from> to 1 GB on <pages> at host 4 GB
    And 2 page tables in the 2 MB frame at 4 MB are shadowed
    Then the 2 MB frame at 4 MB counts 2 write-protected pages

    @variant:count-from-zero @variant:host-2m-aligned
    Examples: counting from zero on an aligned 2 MB host page
      | encoding | from | pages      |
      | zero     | 2 MB | 2 MB pages |

    @variant:count-from-zero @variant:host-4k
    Examples: counting from zero on 4 KB host pages
      | encoding | from | pages      |
      | zero     | 2 MB | 4 KB pages |

    @variant:count-from-zero @variant:host-2m-misaligned
    Examples: counting from zero on misaligned 2 MB host pages
      | encoding | from | pages      |
      | zero     | 1 MB | 2 MB pages |

    @variant:count-from-minus-one @variant:host-2m-aligned
    Examples: counting from minus one on an aligned 2 MB host page
      | encoding  | from | pages      |
      | minus one | 2 MB | 2 MB pages |

    @variant:count-from-minus-one @variant:host-4k
    Examples: counting from minus one on 4 KB host pages
      | encoding  | from | pages      |
      | minus one | 2 MB | 4 KB pages |

    @variant:count-from-minus-one @variant:host-2m-misaligned
    Examples: counting from minus one on misaligned 2 MB host pages
      | encoding  | from | pages      |
      | minus one | 1 MB | 2 MB pages |

  @LP-ENC-5 @profile:large-pages @variant:count-from-zero @variant:count-from-minus-one
  Scenario Outline: Counting from <encoding>, a frame of a slot from <from> on <pages> with <n> of <m> tables left is <decision>
    Source: kvm-devel, large pages, January 2008 [004], reply, paragraph 2 (a short value per large page)
    Given a shadow-paging MMU with counters from <encoding>
    And a memory slot from <from> to 1 GB on <pages> at host 4 GB
    And <m> page tables in the 2 MB frame at 4 MB are shadowed
    And <unshadowed> of them are unshadowed again
    When I ask whether the 2 MB guest frame at 4 MB may be shadowed large
    Then the mapping decision is <decision>

    @variant:host-2m-aligned @variant:never-protected
    Examples: an aligned 2 MB host page, never protected
      | encoding  | from | pages      | m | unshadowed | n | decision              |
      | zero      | 2 MB | 2 MB pages | 0 | 0          | 0 | LARGE                 |
      | minus one | 2 MB | 2 MB pages | 0 | 0          | 0 | LARGE                 |

    @variant:host-2m-aligned @variant:still-protected
    Examples: an aligned 2 MB host page with a table left
      | encoding  | from | pages      | m | unshadowed | n | decision              |
      | zero      | 2 MB | 2 MB pages | 2 | 1          | 1 | SMALL_WRITE_PROTECTED |
      | minus one | 2 MB | 2 MB pages | 2 | 1          | 1 | SMALL_WRITE_PROTECTED |

    @variant:host-2m-aligned @variant:protection-released
    Examples: an aligned 2 MB host page whose tables are all unshadowed again
      | encoding  | from | pages      | m | unshadowed | n | decision              |
      | zero      | 2 MB | 2 MB pages | 2 | 2          | 0 | LARGE                 |
      | minus one | 2 MB | 2 MB pages | 2 | 2          | 0 | LARGE                 |

    @variant:host-4k @variant:never-protected
    Examples: 4 KB host pages, never protected
      | encoding  | from | pages      | m | unshadowed | n | decision              |
      | zero      | 2 MB | 4 KB pages | 0 | 0          | 0 | SMALL_HOST_NOT_LARGE  |
      | minus one | 2 MB | 4 KB pages | 0 | 0          | 0 | SMALL_HOST_NOT_LARGE  |

    @variant:host-4k @variant:still-protected @variant:protection-released
    Examples: 4 KB host pages with a table left, or with all unshadowed again
      | encoding  | from | pages      | m | unshadowed | n | decision              |
      | zero      | 2 MB | 4 KB pages | 2 | 1          | 1 | SMALL_HOST_NOT_LARGE  |
      | minus one | 2 MB | 4 KB pages | 2 | 1          | 1 | SMALL_HOST_NOT_LARGE  |
      | zero      | 2 MB | 4 KB pages | 1 | 1          | 0 | SMALL_HOST_NOT_LARGE  |
      | minus one | 2 MB | 4 KB pages | 1 | 1          | 0 | SMALL_HOST_NOT_LARGE  |

    @variant:host-2m-misaligned @variant:never-protected
    Examples: misaligned 2 MB host pages, never protected
      | encoding  | from | pages      | m | unshadowed | n | decision              |
      | zero      | 1 MB | 2 MB pages | 0 | 0          | 0 | SMALL_HOST_MISALIGNED |
      | minus one | 1 MB | 2 MB pages | 0 | 0          | 0 | SMALL_HOST_MISALIGNED |

    @variant:host-2m-misaligned @variant:still-protected @variant:protection-released
    Examples: misaligned 2 MB host pages with a table left, or with all unshadowed again
      | encoding  | from | pages      | m | unshadowed | n | decision              |
      | zero      | 1 MB | 2 MB pages | 2 | 1          | 1 | SMALL_HOST_MISALIGNED |
      | minus one | 1 MB | 2 MB pages | 2 | 1          | 1 | SMALL_HOST_MISALIGNED |
      | zero      | 1 MB | 2 MB pages | 1 | 1          | 0 | SMALL_HOST_MISALIGNED |
      | minus one | 1 MB | 2 MB pages | 1 | 1          | 0 | SMALL_HOST_MISALIGNED |

  @LP-ENC-6 @profile:large-pages-introspection
  Scenario Outline: The counters of a slot on <pages> in an MMU created counting from <encoding> say they count from <encoding>
    Source: kvm-devel, large pages, January 2008 [004], reply, paragraph 2 (a short value per large page)
    Given a shadow-paging MMU with counters from <encoding>
    And a memory slot from 2 MB to 1 GB on <pages> at host 4 GB
    Then the counters of the slot from 2 MB count from <encoding>

    @variant:count-from-zero @variant:host-2m-aligned
    Examples: counting from zero on an aligned 2 MB host page
      | encoding  | pages      |
      | zero      | 2 MB pages |

    @variant:count-from-minus-one @variant:host-2m-aligned
    Examples: counting from minus one on an aligned 2 MB host page
      | encoding  | pages      |
      | minus one | 2 MB pages |

    @variant:count-from-zero @variant:host-4k
    Examples: counting from zero on 4 KB host pages
      | encoding  | pages      |
      | zero      | 4 KB pages |

    @variant:count-from-minus-one @variant:host-4k
    Examples: counting from minus one on 4 KB host pages, whose counters start at 0 as in the other encoding
      | encoding  | pages      |
      | minus one | 4 KB pages |

  @LP-ENC-7 @profile:large-pages
  Scenario Outline: A <paging> MMU created counting from <encoding> reports that encoding among its options
    Source: kvm-devel, large pages, January 2008 [004], reply, paragraph 2 (a short value per large page)
    Given a <paging> MMU with counters from <encoding>
    Then the MMU counts from <encoding>

    @variant:shadow-paging @variant:count-from-zero
    Examples: shadow paging counting from zero
      | paging         | encoding  |
      | shadow-paging  | zero      |

    @variant:shadow-paging @variant:count-from-minus-one
    Examples: shadow paging counting from minus one
      | paging         | encoding  |
      | shadow-paging  | minus one |

    @variant:nested-paging @variant:count-from-zero
    Examples: nested paging counting from zero
      | paging         | encoding  |
      | nested-paging  | zero      |

    @variant:nested-paging @variant:count-from-minus-one
    Examples: nested paging counting from minus one
      | paging         | encoding  |
      | nested-paging  | minus one |

  @LP-ENC-8 @profile:large-pages
  Scenario Outline: Counting from <encoding>, a frame with all 512 of its pages shadowed <times> each is still not shadowed large
    Source: kvm-devel, large pages, January 2008 [004], reply, paragraph 2 (a short value per large page)
    Given a shadow-paging MMU with counters from <encoding>
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    And every 4 KB page of the 2 MB frame at 4 MB holds a page table shadowed <times>
    When I ask whether the 2 MB guest frame at 4 MB may be shadowed large
    Then the mapping decision is SMALL_WRITE_PROTECTED

    @variant:count-from-zero @variant:once-each
    Examples: counting from zero, 512 shadows
      | encoding  | times   |
      | zero      | 1 time  |

    @variant:count-from-minus-one @variant:once-each
    Examples: counting from minus one, 512 shadows
      | encoding  | times   |
      | minus one | 1 time  |

    @variant:count-from-zero @variant:several-each
    Examples: counting from zero, 1536 shadows
      | encoding  | times   |
      | zero      | 3 times |

    @variant:count-from-minus-one @variant:several-each
    Examples: counting from minus one, 1536 shadows
      | encoding  | times   |
      | minus one | 3 times |
