package org.gmck.kit.site;

import java.util.List;
import org.gmck.spi.x86.PageSize;
import org.gmck.spi.x86.X86Level;
import org.gmck.spi.x86.X86PagingMode;

/**
 * A page walk per x86 paging mode, from the SPI's table of modes: which bits of the linear address index
 * which level's table, and the page offset below them. A table is one page of entries of the mode's entry
 * size, so a level takes log2(page size / entry size) bits, and the top level takes what is left of the
 * address (32 bits without IA-32e paging).
 */
final class PageWalkPicture {

    private PageWalkPicture() {}

    /** The bits of the linear address one level indexes. */
    record Slice(String name, int high, int low) {}

    /** The slices of a mode's linear address, top first, the page offset last. */
    static List<Slice> slices(X86PagingMode mode) {
        int offset = PageSize.SIZE_4K.shift();
        int perLevel = Integer.numberOfTrailingZeros((1 << offset) / mode.entryBytes());
        List<X86Level> levels = mode.levels();
        int width = mode.ia32e() ? offset + perLevel * levels.size() : 32;
        List<Slice> slices = new java.util.ArrayList<>();
        int low = offset;
        for (int i = levels.size() - 1; i >= 0; i--) {
            int high = i == 0 ? width - 1 : low + perLevel - 1;
            slices.add(0, new Slice(levels.get(i).name(), high, low));
            low = high + 1;
        }
        slices.add(new Slice("offset", offset - 1, 0));
        return slices;
    }

    static String render(X86PagingMode mode) {
        List<Slice> slices = slices(mode);
        int width = slices.get(0).high() + 1;
        int left = 20;
        int total = left + 95 + (slices.size() - 1) * 150 + 130;
        double scale = (total - 2.0 * left) / 57;
        Svg svg = new Svg(total, 170, "page walk in " + mode + " paging");
        double x = left;
        for (Slice s : slices) {
            double w = (s.high() - s.low() + 1) * scale;
            svg.rect(x, 30, w, 36, "slice " + (s.name().equals("offset") ? "offset" : "level"));
            svg.text(x + w / 2, 53, s.name(), "cell");
            svg.text(x + 2, 24, String.valueOf(s.high()), "bit");
            x += w;
        }
        svg.text(x - 2, 24, "0", "bit-end");
        double bx = left;
        double by = 120;
        svg.rect(bx, by, 70, 36, "box");
        svg.text(bx + 35, by + 23, "CR3", "cell");
        for (int i = 0; i < slices.size() - 1; i++) {
            Slice s = slices.get(i);
            double nx = left + 95 + i * 150;
            svg.line(bx + (i == 0 ? 70 : 120), by + 18, nx, by + 18, "arrow");
            svg.rect(nx, by, 120, 36, "box");
            svg.text(nx + 60, by + 16, s.name() + " table", "cell");
            svg.text(nx + 60, by + 31, "index bits " + s.high() + ":" + s.low(), "small");
            bx = nx;
        }
        double px = left + 95 + (slices.size() - 1) * 150;
        svg.line(bx + 120, by + 18, px, by + 18, "arrow");
        svg.rect(px, by, 110, 36, "box page");
        svg.text(px + 55, by + 16, "4 KiB page", "cell");
        svg.text(px + 55, by + 31, "offset bits " + (PageSize.SIZE_4K.shift() - 1) + ":0", "small");
        svg.text(left, 98, width + "-bit linear address, " + mode.entryBytes() + "-byte entries", "note");
        return svg.toString();
    }
}
