package org.gmck.kit.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    @Test
    void everyBitLayoutIsStatedByItsFeature() {
        for (BitLayoutPicture.Layout layout : BitLayoutPicture.LAYOUTS) {
            String text = new String(FILES.get(layout.feature()), StandardCharsets.UTF_8);
            assertEquals(List.of(), BitLayoutPicture.check(layout, text), layout.title());
        }
        BitLayoutPicture.Layout moved = new BitLayoutPicture.Layout(
                "moved",
                "gmm/page-layouts.feature",
                List.of(new BitLayoutPicture.Word(
                        "w", 64, List.of(new BitLayoutPicture.Field("f", 9, 0, "VM handle bits 33-48")))));
        assertEquals(1, BitLayoutPicture.check(moved, "VM handle bits 32-47").size());
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
