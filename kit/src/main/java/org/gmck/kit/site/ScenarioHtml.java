package org.gmck.kit.site;

import java.util.List;
import java.util.stream.Collectors;

/** One scenario rendered for reading: its name, tags, source, steps with their tables, and its examples. */
final class ScenarioHtml {

    private ScenarioHtml() {}

    /**
     * @param s        the scenario
     * @param root     how the page reaches the site's root
     * @param feature  the feature, to link the scenario to its place there; null on the feature's own page
     */
    static String render(FeatureBook.ScenarioDoc s, String root, FeatureBook.FeatureDoc feature) {
        StringBuilder h = new StringBuilder("<section class=\"scenario\"");
        if (feature == null) {
            h.append(" id=\"").append(s.anchor()).append('"');
        }
        h.append(">\n<h3><span class=\"kw\">")
                .append(Html.esc(s.keyword()))
                .append(":</span> ")
                .append(placeholders(s.name()));
        if (feature == null) {
            h.append(" <a class=\"anchor\" href=\"#")
                    .append(s.anchor())
                    .append("\" title=\"link to this scenario\">¶</a>");
        }
        h.append("</h3>\n<p class=\"where\">");
        if (feature != null) {
            h.append("<a href=\"")
                    .append(root)
                    .append(feature.page())
                    .append('#')
                    .append(s.anchor())
                    .append("\">")
                    .append(Html.esc(feature.name()))
                    .append("</a> · ");
        }
        h.append("<code>features/")
                .append(Html.esc(s.file()))
                .append(':')
                .append(s.line())
                .append("</code> ")
                .append(tags(s.tags(), root))
                .append("</p>\n");
        if (!s.description().isBlank()) {
            h.append("<div class=\"description\">")
                    .append(Prose.html(s.description()))
                    .append("</div>\n");
        }
        h.append(steps(s.steps()));
        for (FeatureBook.ExamplesDoc x : s.examples()) {
            h.append("<div class=\"examples\"><h4>Examples")
                    .append(x.name().isBlank() ? "" : ": " + Html.esc(x.name()))
                    .append(' ')
                    .append(tags(x.tags(), root))
                    .append("</h4>\n")
                    .append(table(x.rows()))
                    .append("</div>\n");
        }
        return h.append("</section>\n").toString();
    }

    /** Steps as a list, each with its table or doc string. */
    static String steps(List<FeatureBook.StepDoc> steps) {
        StringBuilder h = new StringBuilder("<ol class=\"steps\">\n");
        for (FeatureBook.StepDoc st : steps) {
            h.append("<li><b>").append(Html.esc(st.keyword())).append("</b> ").append(placeholders(st.text()));
            if (!st.table().isEmpty()) {
                h.append(table(st.table()));
            }
            st.docString().ifPresent(d -> h.append("<pre>").append(Html.esc(d)).append("</pre>"));
            h.append("</li>\n");
        }
        return h.append("</ol>\n").toString();
    }

    /** A Gherkin table, its first row as the header. */
    static String table(List<List<String>> rows) {
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder h = new StringBuilder("<table class=\"gherkin\"><thead><tr>");
        rows.get(0).forEach(c -> h.append("<th>").append(Html.esc(c)).append("</th>"));
        h.append("</tr></thead><tbody>\n");
        for (List<String> row : rows.subList(1, rows.size())) {
            h.append("<tr>");
            row.forEach(c -> h.append("<td>").append(Html.esc(c)).append("</td>"));
            h.append("</tr>\n");
        }
        return h.append("</tbody></table>\n").toString();
    }

    /** Tags as small labels; a rule tag links to its rule, a profile tag to its profile. */
    static String tags(List<String> tags, String root) {
        return tags.stream()
                .map(t -> {
                    String bare = t.substring(1);
                    if (org.gmck.kit.catalogue.Rule.ID.matcher(bare).matches()) {
                        return "<a class=\"tag\" href=\"" + root + Html.rulePage(bare) + "\">" + Html.esc(t) + "</a>";
                    }
                    return org.gmck.spi.common.Profile.byTag(t)
                            .map(p -> "<a class=\"tag\" href=\"" + root + Html.profilePage(p.id()) + "\">" + Html.esc(t)
                                    + "</a>")
                            .orElse("<span class=\"tag\">" + Html.esc(t) + "</span>");
                })
                .collect(Collectors.joining(" "));
    }

    /** Text with its outline placeholders ({@code <name>}) marked. */
    static String placeholders(String text) {
        return Html.esc(text).replaceAll("&lt;([A-Za-z0-9 _-]+)&gt;", "<var>&lt;$1&gt;</var>");
    }
}
