package org.gmck.kit.site;

/** The list of every feature, by area, with how many scenarios and rules each has. */
final class FeaturesIndexPage {

    private FeaturesIndexPage() {}

    static String render(SiteContent site) {
        StringBuilder h = new StringBuilder("<h1>Features</h1>\n<p>Each feature describes one part of guest memory")
                .append(" management in prose and checks it with scenarios; each scenario is tagged with the rule")
                .append(" it checks and the profile it belongs to.</p>\n");
        String area = null;
        for (FeatureBook.FeatureDoc f : site.features().features()) {
            if (!f.area().equals(area)) {
                if (area != null) {
                    h.append("</tbody></table>\n");
                }
                area = f.area();
                h.append("<h2 id=\"area-")
                        .append(Html.esc(area))
                        .append("\">")
                        .append(Html.esc(area))
                        .append("</h2>\n<table class=\"list\"><thead><tr><th>Feature</th><th>Scenarios</th>")
                        .append("<th>Rules</th></tr></thead><tbody>\n");
            }
            h.append("<tr><td><a href=\"")
                    .append(f.page())
                    .append("\">")
                    .append(Html.esc(f.name()))
                    .append("</a></td><td>")
                    .append(f.scenarios().size())
                    .append("</td><td>")
                    .append(f.scenarios().stream()
                            .flatMap(s -> s.ruleIds().stream())
                            .distinct()
                            .count())
                    .append("</td></tr>\n");
        }
        if (area != null) {
            h.append("</tbody></table>\n");
        }
        return Html.page("features.html", "Features", h.toString());
    }
}
