package org.gmck.kit.site;

import java.util.ArrayList;
import java.util.List;

/**
 * A feature's or scenario's description as HTML: paragraphs split at blank lines, and blocks indented
 * deeper than the text around them (the layouts some features draw in text) kept as preformatted text.
 */
final class Prose {

    private Prose() {}

    static String html(String text) {
        List<String> lines = text.lines().toList();
        int base = lines.stream()
                .filter(l -> !l.isBlank())
                .mapToInt(Prose::indent)
                .min()
                .orElse(0);
        StringBuilder h = new StringBuilder();
        List<String> block = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                flush(block, base, h);
            } else {
                block.add(line);
            }
        }
        flush(block, base, h);
        return h.toString();
    }

    private static void flush(List<String> block, int base, StringBuilder h) {
        if (block.isEmpty()) {
            return;
        }
        if (block.stream().allMatch(l -> indent(l) > base)) {
            int least = block.stream().mapToInt(Prose::indent).min().orElse(0);
            h.append("<pre class=\"drawn\">");
            block.forEach(l -> h.append(Html.esc(l.substring(least))).append('\n'));
            h.append("</pre>\n");
        } else {
            h.append("<p>")
                    .append(Html.esc(
                            String.join(" ", block.stream().map(String::strip).toList())))
                    .append("</p>\n");
        }
        block.clear();
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return i;
    }
}
