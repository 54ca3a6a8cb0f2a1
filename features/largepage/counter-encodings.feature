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
  Scenario Outline: Counting from minus one, the counters of a slot on <pages> at host <host> start at <start>
    Source: 004_7b1186024e4e8869.txt, reply, paragraph 2 (a short value per large page)
    Given a shadow-paging MMU with counters from minus one
    And a memory slot from <from> to 1 GB on <pages> at host <host>
    Then every raw counter of the slot from <from> is <start>

    Examples:
      | from | pages      | host        | start |
      | 2 MB | 2 MB pages | 4 GB        | -1    |
      | 2 MB | 4 KB pages | 4 GB        | 0     |
      | 2 MB | 4 KB pages | 4 GB + 4 KB | 0     |
      | 1 MB | 2 MB pages | 4 GB        | 0     |

  @LP-ENC-2 @profile:large-pages-introspection
  Scenario Outline: Counting from minus one, <n> shadowed table(s) in a frame on <pages> read <raw>
    Source: 004_7b1186024e4e8869.txt, reply, paragraph 2 (a short value per large page)
    Given a shadow-paging MMU with counters from minus one
    And a memory slot from 2 MB to 1 GB on <pages> at host 4 GB
    And <n> page tables in the 2 MB frame at 4 MB are shadowed
    Then the raw counter of the 2 MB frame at 4 MB is <raw>

    Examples:
      | pages      | n | raw |
      | 2 MB pages | 1 | 0   |
      | 2 MB pages | 3 | 2   |
      | 4 KB pages | 1 | 1   |
      | 4 KB pages | 3 | 3   |

  @LP-ENC-3 @profile:large-pages-introspection
  Scenario Outline: Counting from minus one, unshadowing <m> of 2 tables in a frame on <pages> leaves <raw>
    Source: 004_7b1186024e4e8869.txt, reply, paragraph 2 (a short value per large page)
    Given a shadow-paging MMU with counters from minus one
    And a memory slot from 2 MB to 1 GB on <pages> at host 4 GB
    And 2 page tables in the 2 MB frame at 4 MB are shadowed
    And <m> of them are unshadowed again
    Then the raw counter of the 2 MB frame at 4 MB is <raw>

    Examples:
      | pages      | m | raw |
      | 2 MB pages | 1 | 0   |
      | 2 MB pages | 2 | -1  |
      | 4 KB pages | 2 | 0   |

  @LP-ENC-4 @profile:large-pages-introspection
  Scenario Outline: Counting from <encoding>, two shadowed tables in a frame on <pages> decode to a count of 2
    Source: 004_7b1186024e4e8869.txt, reply, paragraph 2 (a short value per large page)
    Given a shadow-paging MMU with counters from <encoding>
    And a memory slot from 2 MB to 1 GB on <pages> at host 4 GB
    And 2 page tables in the 2 MB frame at 4 MB are shadowed
    Then the 2 MB frame at 4 MB counts 2 write-protected pages

    Examples:
      | encoding  | pages      |
      | zero      | 2 MB pages |
      | zero      | 4 KB pages |
      | minus one | 2 MB pages |
      | minus one | 4 KB pages |

  @LP-ENC-5 @profile:large-pages
  Scenario Outline: Counting from <encoding>, a frame of a slot from <from> on <pages> with <n> of <m> tables left is <decision>
    Source: 004_7b1186024e4e8869.txt, reply, paragraph 2 (a short value per large page)
    Given a shadow-paging MMU with counters from <encoding>
    And a memory slot from <from> to 1 GB on <pages> at host 4 GB
    And <m> page tables in the 2 MB frame at 4 MB are shadowed
    And <unshadowed> of them are unshadowed again
    When I ask whether the 2 MB guest frame at 4 MB may be shadowed large
    Then the mapping decision is <decision>

    Examples:
      | encoding  | from | pages      | m | unshadowed | n | decision              |
      | zero      | 2 MB | 2 MB pages | 0 | 0          | 0 | LARGE                 |
      | minus one | 2 MB | 2 MB pages | 0 | 0          | 0 | LARGE                 |
      | zero      | 2 MB | 2 MB pages | 2 | 1          | 1 | SMALL_WRITE_PROTECTED |
      | minus one | 2 MB | 2 MB pages | 2 | 1          | 1 | SMALL_WRITE_PROTECTED |
      | zero      | 2 MB | 2 MB pages | 2 | 2          | 0 | LARGE                 |
      | minus one | 2 MB | 2 MB pages | 2 | 2          | 0 | LARGE                 |
      | zero      | 2 MB | 4 KB pages | 0 | 0          | 0 | SMALL_HOST_NOT_LARGE  |
      | minus one | 2 MB | 4 KB pages | 0 | 0          | 0 | SMALL_HOST_NOT_LARGE  |
      | zero      | 1 MB | 2 MB pages | 0 | 0          | 0 | SMALL_HOST_MISALIGNED |
      | minus one | 1 MB | 2 MB pages | 0 | 0          | 0 | SMALL_HOST_MISALIGNED |

  @LP-ENC-6 @profile:large-pages-introspection
  Scenario Outline: The counters of an MMU created counting from <encoding> say they count from <encoding>
    Source: 004_7b1186024e4e8869.txt, reply, paragraph 2 (a short value per large page)
    Given a shadow-paging MMU with counters from <encoding>
    And a memory slot from 2 MB to 1 GB on 2 MB pages at host 4 GB
    Then the counters of the slot from 2 MB count from <encoding>

    Examples:
      | encoding  |
      | zero      |
      | minus one |

  @LP-ENC-7 @profile:large-pages
  Scenario Outline: An MMU created counting from <encoding> reports that encoding among its options
    Source: 004_7b1186024e4e8869.txt, reply, paragraph 2 (a short value per large page)
    Given a shadow-paging MMU with counters from <encoding>
    Then the MMU counts from <encoding>

    Examples:
      | encoding  |
      | zero      |
      | minus one |
