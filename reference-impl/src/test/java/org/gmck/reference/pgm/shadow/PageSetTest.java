package org.gmck.reference.pgm.shadow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The guest-table page set against a sorted set of longs, over random adds, look-ups and clears. */
class PageSetTest {

    @Test
    void behavesAsASortedSetOfPages() {
        qt().withFixedSeed(20261206L)
                .withExamples(300)
                .forAll(lists().of(integers().between(-1, 4000)).ofSizeBetween(0, 600))
                .checkAssert(PageSetTest::sameAsModel);
    }

    /** Each number n: -1 clears the set, anything else adds page n (pages 0 to 4000, page 0 included) and asks. */
    private static void sameAsModel(List<Integer> steps) {
        PageSet set = new PageSet();
        TreeSet<Long> model = new TreeSet<>();
        for (int n : steps) {
            if (n < 0) {
                set.clear();
                model.clear();
                continue;
            }
            long page = (long) n << 12;
            assertEquals(model.add(page), set.add(page), "add " + page);
            assertTrue(set.contains(page), "contains " + page);
            assertEquals(model.contains(page + 4096), set.contains(page + 4096), "contains " + (page + 4096));
        }
        assertArrayEquals(model.stream().mapToLong(Long::longValue).toArray(), set.sorted());
    }
}
