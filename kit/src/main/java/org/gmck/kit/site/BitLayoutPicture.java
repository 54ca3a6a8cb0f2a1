package org.gmck.kit.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The packed words the features describe (the GMMPAGE words, the PGM page record in either layout), drawn
 * field by field from the features' own text. A feature states a word on a line of its description, high bits
 * first:
 *
 * <pre>
 *     64-bit private (state 0):  63:62 state | 61:48 reserved | 47:32 VM handle | 31:0 guest pfn
 * </pre>
 *
 * The picture has no table of its own, so it cannot drift from the features; a line that does not describe
 * a word (a field outside it, fields that overlap or are out of order) fails the site's build.
 */
final class BitLayoutPicture {

    private BitLayoutPicture() {}

    /** A field of a word: its name and its bits, {@code high} down to {@code low}. */
    record Field(String name, int high, int low) {}

    /** One word of a layout. */
    record Word(String title, int bits, List<Field> fields) {}

    /** The words one feature states. */
    record Layout(String title, String feature, List<Word> words) {}

    private static final Pattern WORD = Pattern.compile("^\\s+(32|64)-bit ([^:|]+):\\s+(\\d.*)$");
    private static final Pattern FIELD = Pattern.compile("(\\d+)(?::(\\d+))? (\\S.*)");
    private static final Pattern FEATURE = Pattern.compile("^Feature:\\s*(.+)$", Pattern.MULTILINE);

    /** The layouts the features state, one per feature that states a word, in the order of the files' names. */
    static List<Layout> of(Map<String, String> featureTexts) {
        List<Layout> out = new ArrayList<>();
        featureTexts.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            List<Word> words = words(e.getKey(), e.getValue());
            if (!words.isEmpty()) {
                Matcher name = FEATURE.matcher(e.getValue());
                out.add(new Layout(name.find() ? name.group(1).strip() : e.getKey(), e.getKey(), words));
            }
        });
        return out;
    }

    /** The words a feature's description states, before its first scenario. */
    static List<Word> words(String feature, String text) {
        List<Word> words = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String t = line.strip();
            if (t.startsWith("@") || t.startsWith("Scenario") || t.startsWith("Background")) {
                break;
            }
            Matcher m = WORD.matcher(line);
            if (m.matches()) {
                words.add(word(feature, Integer.parseInt(m.group(1)), m.group(2).strip(), m.group(3)));
            }
        }
        return words;
    }

    /** One word from the fields of its line, checked: inside the word, high bits first, no overlap. */
    static Word word(String feature, int bits, String title, String fieldsText) {
        List<Field> fields = new ArrayList<>();
        int below = bits;
        for (String part : fieldsText.split("\\|")) {
            Matcher f = FIELD.matcher(part.strip());
            if (!f.matches()) {
                throw new IllegalStateException(feature + ", " + title + ": \"" + part.strip()
                        + "\" is not a field (HIGH:LOW name or BIT name)");
            }
            int high = Integer.parseInt(f.group(1));
            int low = f.group(2) == null ? high : Integer.parseInt(f.group(2));
            if (high < low || high >= below) {
                throw new IllegalStateException(
                        feature + ", " + title + ": field " + f.group(3).strip() + " (" + high
                                + (high == low ? "" : ":" + low) + ") is outside the " + bits
                                + "-bit word, overlaps the field before it or is not high bits first");
            }
            fields.add(new Field(f.group(3).strip(), high, low));
            below = low;
        }
        return new Word(title, bits, List.copyOf(fields));
    }

    static String render(Layout layout) {
        int left = 210;
        int cell = 13;
        int rowHeight = 84;
        Svg svg = new Svg(left + 64 * cell + 20, 30 + rowHeight * layout.words().size(), layout.title());
        int y = 30;
        for (Word w : layout.words()) {
            svg.text(10, y + 25, w.bits() + "-bit " + w.title(), "head-left");
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
                            .collect(Collectors.joining(" · ")),
                    "note");
            y += rowHeight;
        }
        return svg.toString();
    }
}
