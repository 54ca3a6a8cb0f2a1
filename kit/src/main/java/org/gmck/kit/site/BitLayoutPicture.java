package org.gmck.kit.site;

import java.util.List;
import java.util.Locale;

/**
 * The GMMPAGE words and the PGM page record drawn field by field. Each field names the words of its feature
 * that state where it is, and {@link #check} refuses a layout whose feature no longer says so: the picture
 * cannot drift from the features without the site's build failing.
 */
final class BitLayoutPicture {

    private BitLayoutPicture() {}

    /** A field of a word, and the words of the feature that place it. */
    record Field(String name, int high, int low, String says) {}

    /** One word of a layout. */
    record Word(String title, int bits, List<Field> fields) {}

    /** A layout drawn from one feature. */
    record Layout(String title, String feature, List<Word> words) {}

    static final List<Layout> LAYOUTS = List.of(
            new Layout(
                    "GMMPAGE, 64-bit hosts",
                    "gmm/page-layouts.feature",
                    List.of(
                            new Word(
                                    "private (state 0)",
                                    64,
                                    List.of(
                                            new Field("guest pfn", 31, 0, "pfn (guest) bits 0-31"),
                                            new Field("VM handle", 47, 32, "VM handle bits 32-47"),
                                            new Field("reserved", 61, 48, "reserved 48-61"),
                                            new Field("state", 63, 62, "state always in bits 62-63"))),
                            new Word(
                                    "shared (state 2)",
                                    64,
                                    List.of(
                                            new Field("host pfn", 31, 0, "pfn (host) bits 0-31"),
                                            new Field("references", 47, 32, "references bits 32-47"),
                                            new Field("checksum", 61, 48, "checksum 48-61"),
                                            new Field("state", 63, 62, "state always in bits 62-63"))),
                            new Word(
                                    "free (state 3)",
                                    64,
                                    List.of(
                                            new Field("next index", 15, 0, "next index bits 0-15"),
                                            new Field("zeroed", 61, 61, "zeroed bit 61"),
                                            new Field("state", 63, 62, "state always in bits 62-63"))))),
            new Layout(
                    "GMMPAGE, 32-bit hosts",
                    "gmm/page-layouts.feature",
                    List.of(
                            new Word(
                                    "private (state 0 or 1)",
                                    32,
                                    List.of(
                                            new Field("pfn", 23, 0, "24-bit pfn"),
                                            new Field("VM handle", 30, 24, "7-bit VM handle"),
                                            new Field("0", 31, 31, "must-be-zero bit 31"))),
                            new Word(
                                    "shared (state 2)",
                                    32,
                                    List.of(
                                            new Field("references", 29, 0, "30-bit reference count"),
                                            new Field("state", 31, 30, "below state 2"))),
                            new Word(
                                    "free (state 3)",
                                    32,
                                    List.of(
                                            new Field("next index", 15, 0, "16-bit next index"),
                                            new Field("state", 31, 30, "below state 3"))))),
            new Layout(
                    "PGM page record (PGMPAGE), final layout",
                    "pgm/page-record.feature",
                    List.of(
                            new Word(
                                    "word 0",
                                    64,
                                    List.of(
                                            new Field("page id 11:0", 11, 0, "low 12 bits in bits 11:0"),
                                            new Field("host page frame", 47, 12, "page frame in bits 47:12"),
                                            new Field("page id 27:12", 63, 48, "the rest in bits 63:48"))),
                            new Word(
                                    "word 1",
                                    64,
                                    List.of(
                                            new Field("RO", 0, 0, "bit 0 says the page is read-only"),
                                            new Field("type", 3, 1, "bits 3:1 hold the type"),
                                            new Field("phys", 5, 4, "bits 5:4 and 7:6"),
                                            new Field("virt", 7, 6, "bits 5:4 and 7:6"),
                                            new Field("state", 9, 8, "bits 9:8 the state"),
                                            new Field("W", 10, 10, "bit 10 written-to"),
                                            new Field(
                                                    "shadow tracking", 63, 32, "upper half is the tracking word"))))));

    /** What is wrong with a layout against its feature's text; empty when the feature states every field. */
    static List<String> check(Layout layout, String featureText) {
        String text = featureText.replaceAll("\\s+", " ");
        return layout.words().stream()
                .flatMap(w -> w.fields().stream())
                .filter(f -> !text.contains(f.says()))
                .map(f -> layout.feature() + " no longer says \"" + f.says() + "\" (" + layout.title() + ", " + f.name()
                        + ")")
                .distinct()
                .toList();
    }

    static String render(Layout layout, String root) {
        int left = 170;
        int cell = 13;
        int rowHeight = 84;
        Svg svg = new Svg(left + 64 * cell + 20, 30 + rowHeight * layout.words().size(), layout.title());
        int y = 30;
        for (Word w : layout.words()) {
            svg.text(10, y + 25, w.title(), "head-left");
            double scale = 64.0 * cell / w.bits();
            for (int bit = 0; bit < w.bits(); bit++) {
                double x = left + (w.bits() - 1 - bit) * scale;
                svg.rect(x, y + 5, scale, 30, "bit-cell");
            }
            for (Field f : w.fields()) {
                double x = left + (w.bits() - 1 - f.high()) * scale;
                double width = (f.high() - f.low() + 1) * scale;
                String cls =
                        "field f" + (Math.abs(f.name().toLowerCase(Locale.ROOT).hashCode()) % 6);
                svg.rect(x, y + 5, width, 30, cls);
                svg.text(x + width / 2, y + 25, width > f.name().length() * 6.5 ? f.name() : "", "cell");
                svg.text(x + 1, y + 48, String.valueOf(f.high()), "bit");
                if (f.high() != f.low()) {
                    svg.text(x + width - 1, y + 48, String.valueOf(f.low()), "bit-end");
                }
            }
            svg.text(
                    left,
                    y + 64,
                    w.fields().stream()
                            .map(f -> f.name() + " " + f.high() + (f.high() == f.low() ? "" : ":" + f.low()))
                            .collect(java.util.stream.Collectors.joining(" · ")),
                    "note");
            y += rowHeight;
        }
        return svg.toString();
    }
}
