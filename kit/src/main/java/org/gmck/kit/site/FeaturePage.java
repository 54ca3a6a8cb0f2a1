package org.gmck.kit.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A feature's page: its prose, its background, and every scenario grouped under the rule it checks. */
final class FeaturePage {

    private FeaturePage() {}

    static String render(FeatureBook.FeatureDoc f, SiteContent site) {
        String root = Html.root(f.page());
        StringBuilder h = new StringBuilder("<p class=\"crumbs\"><a href=\"")
                .append(root)
                .append("features.html\">features</a> · <code>features/")
                .append(Html.esc(f.file()))
                .append("</code></p>\n<h1>")
                .append(Html.esc(f.name()))
                .append("</h1>\n<div class=\"prose\">")
                .append(Prose.html(f.description()))
                .append("</div>\n");
        if (!f.background().isEmpty()) {
            h.append("<section class=\"background\"><h2>Background</h2>\n")
                    .append(ScenarioHtml.steps(f.background()))
                    .append("</section>\n");
        }
        Map<String, List<FeatureBook.ScenarioDoc>> byRule = new LinkedHashMap<>();
        for (FeatureBook.ScenarioDoc s : f.scenarios()) {
            String rule = s.ruleIds().isEmpty() ? "" : s.ruleIds().get(0);
            byRule.computeIfAbsent(rule, k -> new ArrayList<>()).add(s);
        }
        h.append("<nav class=\"toc\"><b>Rules here:</b> ");
        byRule.keySet().stream()
                .filter(id -> !id.isEmpty())
                .forEach(id -> h.append("<a href=\"#rule-")
                        .append(id)
                        .append("\">")
                        .append(id)
                        .append("</a> "));
        h.append("</nav>\n");
        byRule.forEach((id, scenarios) -> {
            h.append("<section class=\"rule-group\"");
            if (!id.isEmpty()) {
                h.append(" id=\"rule-").append(id).append('"');
            }
            h.append("><h2>");
            if (id.isEmpty()) {
                h.append("Scenarios without a rule");
            } else {
                h.append("<a href=\"")
                        .append(root)
                        .append(Html.rulePage(id))
                        .append("\">")
                        .append(id)
                        .append("</a>");
                site.catalogue()
                        .rule(id)
                        .ifPresent(r -> h.append(" <span class=\"level\">")
                                .append(r.level())
                                .append("</span></h2>\n<p class=\"statement\">")
                                .append(Html.esc(r.statement())));
                h.append(site.catalogue().rule(id).isPresent() ? "</p>\n" : "</h2>\n");
            }
            if (id.isEmpty()) {
                h.append("</h2>\n");
            }
            scenarios.forEach(s -> h.append(ScenarioHtml.render(s, root, null)));
            h.append("</section>\n");
        });
        return Html.page(f.page(), f.name(), h.toString());
    }
}
