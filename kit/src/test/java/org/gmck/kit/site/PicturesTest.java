package org.gmck.kit.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.gmck.kit.report.KitSources;
import org.gmck.spi.x86.X86PagingMode;
import org.junit.jupiter.api.Test;

/** The site's pictures say what the kit's tables say. */
class PicturesTest {

    private static final Map<String, byte[]> FILES = KitSources.onClassPath().featureFiles();
    private static final FeatureBook BOOK = FeatureBook.parse(FILES);

    @Test
    void aPageWalkIndexesEachLevelWithItsBitsOfTheLinearAddress() {
        assertEquals(
                List.of(
                        new PageWalkPicture.Slice("PD", 31, 22),
                        new PageWalkPicture.Slice("PT", 21, 12),
                        new PageWalkPicture.Slice("offset", 11, 0)),
                PageWalkPicture.slices(X86PagingMode.BITS32));
        assertEquals(
                List.of(
                        new PageWalkPicture.Slice("PDPT", 31, 30),
                        new PageWalkPicture.Slice("PD", 29, 21),
                        new PageWalkPicture.Slice("PT", 20, 12),
                        new PageWalkPicture.Slice("offset", 11, 0)),
                PageWalkPicture.slices(X86PagingMode.PAE));
        assertEquals(
                new PageWalkPicture.Slice("PML4", 47, 39),
                PageWalkPicture.slices(X86PagingMode.LEVEL4).get(0));
        assertEquals(
                new PageWalkPicture.Slice("PML5", 56, 48),
                PageWalkPicture.slices(X86PagingMode.LEVEL5).get(0));
    }

    @Test
    void theModeMatrixHasTheCellsTheFeaturesState() {
        List<ModeMatrixPicture.Cell> cells = ModeMatrixPicture.cells(BOOK);
        assertTrue(cells.stream()
                .anyMatch(c -> c.host().equals("AMD64")
                        && c.guest().equals("32-bit")
                        && c.shadow().equals("PAE")));
        assertTrue(cells.stream()
                .anyMatch(c -> c.host().equals("32-bit")
                        && c.guest().equals("32-bit")
                        && c.shadow().equals("32-bit")));
    }

    private static Map<String, String> texts() {
        Map<String, String> texts = new java.util.TreeMap<>();
        FILES.forEach((k, v) -> texts.put(k, new String(v, StandardCharsets.UTF_8)));
        return texts;
    }

    @Test
    void theBitLayoutsAreTheWordsTheFeaturesState() {
        List<BitLayoutPicture.Layout> layouts = BitLayoutPicture.of(texts());
        assertEquals(
                List.of(
                        "gmm/page-layouts.feature",
                        "pgm/page-record-initial-layout.feature",
                        "pgm/page-record.feature"),
                layouts.stream().map(BitLayoutPicture.Layout::feature).toList());
        BitLayoutPicture.Word privatePage = layouts.get(0).words().get(0);
        assertEquals("private (state 0)", privatePage.title());
        assertEquals(64, privatePage.bits());
        assertEquals(
                List.of(
                        new BitLayoutPicture.Field("state", 63, 62),
                        new BitLayoutPicture.Field("reserved", 61, 48),
                        new BitLayoutPicture.Field("VM handle", 47, 32),
                        new BitLayoutPicture.Field("guest pfn", 31, 0)),
                privatePage.fields());
        assertEquals(6, layouts.get(0).words().size());
        assertEquals(32, layouts.get(0).words().get(3).bits());
        BitLayoutPicture.Word word1 = layouts.get(2).words().get(1);
        assertEquals(new BitLayoutPicture.Field("W", 10, 10), word1.fields().get(1));
    }

    @Test
    void aLayoutLineThatDoesNotDescribeAWordFailsTheBuild() {
        assertThrows(
                IllegalStateException.class,
                () -> BitLayoutPicture.word("f", 32, "w", "40:32 too high | 31:0 pfn"),
                "a field outside the word");
        assertThrows(
                IllegalStateException.class,
                () -> BitLayoutPicture.word("f", 64, "w", "47:32 handle | 40:0 pfn"),
                "overlapping fields");
        assertThrows(
                IllegalStateException.class,
                () -> BitLayoutPicture.word("f", 64, "w", "31:0 pfn | 47:32 handle"),
                "low bits first");
        assertThrows(IllegalStateException.class, () -> BitLayoutPicture.word("f", 64, "w", "pfn 31:0"), "no bits");
        assertTrue(
                BitLayoutPicture.words("f", "Feature: f\n  @X-1\n  Scenario: s\n      64-bit w:  1:0 a\n")
                        .isEmpty(),
                "lines after the first scenario are not layouts");
    }

    @Test
    void theHandlerLifeHasEveryStepInOrder() {
        FeatureBook.FeatureDoc life = BOOK.features().stream()
                .filter(f -> f.file().equals(HandlerLifePicture.FEATURE))
                .findFirst()
                .orElseThrow();
        assertEquals(
                List.of("1", "2a", "2b", "2c", "2d", "3", "4", "5", "6"),
                HandlerLifePicture.stages(life).stream()
                        .map(HandlerLifePicture.Stage::step)
                        .toList());
    }
}
