package org.gmck.kit.site;

import java.util.List;
import org.gmck.spi.x86.X86PagingMode;

/** The pictures: the paging-mode matrix, a page walk per mode, the bit layouts and the handler life cycle. */
final class PicturesPage {

    private PicturesPage() {}

    static String render(SiteContent site, java.util.Map<String, String> featureTexts) {
        String root = "";
        StringBuilder h = new StringBuilder("<h1>Pictures</h1>\n<p>Each picture is drawn from the kit's own")
                .append(" tables when the site is built: the features' examples, the SPI's paging modes, the layouts")
                .append(" the features state. Click a part for the scenario behind it.</p>\n")
                .append(
                        "<nav class=\"toc\"><a href=\"#modes\">paging-mode matrix</a> <a href=\"#walks\">page walks</a>")
                .append(
                        " <a href=\"#layouts\">bit layouts</a> <a href=\"#handler\">virtual handler life cycle</a></nav>\n");
        h.append("<h2 id=\"modes\">Host by guest: the shadow paging mode</h2>\n<p>PGM picks the shadow paging mode")
                .append(" from the host's paging mode and the guest's.</p>\n<div class=\"figure\">")
                .append(ModeMatrixPicture.render(site.features(), root))
                .append("</div>\n");
        h.append("<h2 id=\"walks\">Page walks</h2>\n<p>Which bits of the linear address index which level's table in")
                .append(" each x86 paging mode, for a walk that ends in a 4 KiB page.</p>\n");
        for (X86PagingMode mode : X86PagingMode.values()) {
            if (mode.levels().isEmpty()) {
                continue;
            }
            h.append("<h3 id=\"walk-")
                    .append(mode.name().toLowerCase(java.util.Locale.ROOT))
                    .append("\">")
                    .append(mode.name())
                    .append(" (")
                    .append(mode.levels().size())
                    .append(" levels)</h3>\n<div class=\"figure\">")
                    .append(PageWalkPicture.render(mode))
                    .append("</div>\n");
        }
        h.append("<h2 id=\"layouts\">Bit layouts</h2>\n");
        List<BitLayoutPicture.Layout> layouts = BitLayoutPicture.of(featureTexts);
        if (layouts.isEmpty()) {
            throw new IllegalStateException("no feature states a bit layout (a line such as \"64-bit private (state"
                    + " 0):  63:62 state | 61:48 reserved | ...\")");
        }
        for (BitLayoutPicture.Layout layout : layouts) {
            site.features().features().stream()
                    .filter(f -> f.file().equals(layout.feature()))
                    .findFirst()
                    .ifPresent(f -> h.append("<h3>")
                            .append(Html.esc(layout.title()))
                            .append("</h3>\n<p>Drawn from the lines of <a href=\"")
                            .append(f.page())
                            .append("\">its feature</a> that state each word, high bits first; bit 0 on the right.")
                            .append("</p>\n<div class=\"figure\">")
                            .append(BitLayoutPicture.render(layout))
                            .append("</div>\n"));
        }
        h.append("<h2 id=\"handler\">The life of a virtual access handler</h2>\n");
        HandlerLifePicture.render(site.features(), root)
                .ifPresent(svg -> h.append("<div class=\"figure\">").append(svg).append("</div>\n"));
        return Html.page("pictures.html", "Pictures", h.toString());
    }
}
