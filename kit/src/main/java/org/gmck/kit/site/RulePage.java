package org.gmck.kit.site;

import java.util.List;
import org.gmck.kit.catalogue.Interpretation;
import org.gmck.kit.catalogue.Rule;
import org.gmck.kit.catalogue.Variant;

/** A rule's page: statement, level, source, interpretations, variants, every implementation's verdict, scenarios. */
final class RulePage {

    private RulePage() {}

    static String render(Rule rule, SiteContent site) {
        String page = Html.rulePage(rule.id());
        String root = Html.root(page);
        List<FeatureBook.ScenarioDoc> scenarios = site.features().scenariosOf(rule.id());
        StringBuilder h = new StringBuilder();
        h.append("<p class=\"crumbs\"><a href=\"")
                .append(root)
                .append(Html.profilePage(rule.profile().id()))
                .append("\">profile ")
                .append(rule.profile().id())
                .append("</a> · <a href=\"")
                .append(root)
                .append("matrix.html#")
                .append(rule.id())
                .append("\">in the matrix</a></p>\n<h1 class=\"rule-id\">")
                .append(rule.id())
                .append("</h1>\n<p class=\"statement\">")
                .append(Html.esc(rule.statement()))
                .append("</p>\n<dl class=\"facts\"><dt>Level</dt><dd>")
                .append(rule.level())
                .append("</dd><dt>Profile</dt><dd>")
                .append(rule.profile().id())
                .append("</dd><dt>Source</dt><dd class=\"source\">")
                .append(Html.esc(rule.source()))
                .append("</dd><dt>Testable</dt><dd>")
                .append(rule.untestableBecause().map(w -> "no: " + Html.esc(w)).orElse("yes"))
                .append("</dd>");
        if (!rule.variants().isEmpty()) {
            h.append("<dt>Variants</dt><dd><ul class=\"variants\">");
            for (Variant v : rule.variants()) {
                long n = scenarios.stream()
                        .filter(s -> s.tags().contains(v.tag())
                                || s.examples().stream().anyMatch(x -> x.tags().contains(v.tag())))
                        .count();
                h.append("<li>")
                        .append(Html.esc(v.dimension()))
                        .append(": <code>")
                        .append(Html.esc(v.name()))
                        .append("</code> (")
                        .append(n)
                        .append(n == 1 ? " scenario" : " scenarios")
                        .append(")</li>");
            }
            h.append("</ul></dd>");
        }
        h.append("</dl>\n");
        List<Interpretation> cited =
                new java.util.ArrayList<>(site.interpretations().citedBy(rule));
        site.interpretations().naming(rule).stream()
                .filter(i -> !cited.contains(i))
                .forEach(cited::add);
        if (!cited.isEmpty()) {
            h.append("<h2>Interpretation</h2>\n");
            cited.forEach(i -> h.append("<p class=\"interpretation\"><b>")
                    .append(Html.esc(i.id()))
                    .append(".</b> ")
                    .append(Html.esc(i.text()))
                    .append("</p>\n"));
        }
        h.append("<h2 id=\"verdicts\">Verdicts</h2>\n");
        if (site.implementations().isEmpty()) {
            h.append("<p>No certification report was given to this site.</p>\n");
        } else {
            h.append("<table class=\"verdicts\"><thead><tr><th>Implementation</th><th>Verdict</th><th>Why</th></tr>")
                    .append("</thead><tbody>\n");
            for (Certified c : site.implementations()) {
                Certified.Result r = c.result(rule.id());
                h.append("<tr><td><a href=\"")
                        .append(root)
                        .append(Html.implementationPage(c.slug()))
                        .append('#')
                        .append(rule.id())
                        .append("\">")
                        .append(Html.esc(c.title()))
                        .append("</a></td><td>")
                        .append(Html.verdict(r.verdict()))
                        .append("</td><td>")
                        .append(Html.esc(r.reason()))
                        .append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        h.append("<h2 id=\"scenarios\">Scenarios (").append(scenarios.size()).append(")</h2>\n");
        if (scenarios.isEmpty()) {
            h.append("<p>No scenario checks this rule.</p>\n");
        }
        for (FeatureBook.ScenarioDoc s : scenarios) {
            h.append(ScenarioHtml.render(s, root, site.features().featureOf(s)));
        }
        return Html.page(page, rule.id(), h.toString());
    }
}
