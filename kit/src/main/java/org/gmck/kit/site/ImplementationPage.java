package org.gmck.kit.site;

import java.util.Map;
import org.gmck.kit.catalogue.Rule;
import org.gmck.kit.report.Verdict;

/**
 * One implementation's report: its outcome, its counts per profile, and a section per rule with the verdict,
 * the reason (a baseline's reason included) and every failing scenario with its message.
 */
final class ImplementationPage {

    private ImplementationPage() {}

    static String render(Certified c, SiteContent site) {
        String page = Html.implementationPage(c.slug());
        String root = Html.root(page);
        StringBuilder h = new StringBuilder("<h1>")
                .append(Html.esc(c.title()))
                .append("</h1>\n<p class=\"headline\">")
                .append(Html.verdict(c.outcome()))
                .append(' ')
                .append(Html.esc(c.headline()))
                .append("</p>\n<p>Declared profiles: ")
                .append(c.declared().isEmpty() ? "none" : Html.esc(String.join(", ", c.declared())))
                .append(". The whole report: <a href=\"")
                .append(c.slug())
                .append(".report.json\">report.json</a>.</p>\n");
        if (!c.baseline().isEmpty()) {
            h.append("<h2>Baseline: the failures it expects</h2>\n<table class=\"list\"><tbody>\n");
            c.baseline()
                    .forEach((id, why) -> h.append("<tr><td><a href=\"#")
                            .append(Html.esc(id))
                            .append("\">")
                            .append(Html.esc(id))
                            .append("</a></td><td>")
                            .append(Html.esc(why))
                            .append("</td></tr>\n"));
            h.append("</tbody></table>\n");
        }
        h.append("<h2>Counts per profile</h2>\n<table class=\"list counts\"><thead><tr><th>Profile</th><th>rules</th>");
        for (Verdict v : Verdict.values()) {
            h.append("<th>").append(v.label()).append("</th>");
        }
        h.append("</tr></thead><tbody>\n");
        for (Map.Entry<String, Map<String, Integer>> p : c.counts().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .toList()) {
            h.append("<tr><td>")
                    .append(Html.esc(p.getKey()))
                    .append("</td><td>")
                    .append(p.getValue().getOrDefault("rules", 0))
                    .append("</td>");
            for (Verdict v : Verdict.values()) {
                h.append("<td>").append(p.getValue().getOrDefault(v.label(), 0)).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table>\n<h2>Rules</h2>\n");
        for (Rule rule : site.catalogue().rules()) {
            Certified.Result r = c.result(rule.id());
            h.append("<section class=\"result\" id=\"")
                    .append(rule.id())
                    .append("\"><h3><a href=\"")
                    .append(root)
                    .append(Html.rulePage(rule.id()))
                    .append("\">")
                    .append(rule.id())
                    .append("</a> ")
                    .append(Html.verdict(r.verdict()))
                    .append("</h3>\n");
            if (!r.reason().isEmpty()) {
                h.append("<p>").append(Html.esc(r.reason())).append("</p>\n");
            }
            if (c.baseline().containsKey(rule.id())) {
                h.append("<p class=\"baseline\">Baseline: ")
                        .append(Html.esc(c.baseline().get(rule.id())))
                        .append("</p>\n");
            }
            if (!r.failing().isEmpty()) {
                h.append("<ul class=\"failing\">\n");
                for (Certified.Failing f : r.failing()) {
                    h.append("<li><b>")
                            .append(Html.esc(f.name()))
                            .append("</b> <code>")
                            .append(Html.esc(f.file()))
                            .append(':')
                            .append(f.line())
                            .append("</code>");
                    if (!f.message().isEmpty()) {
                        h.append("<pre>").append(Html.esc(f.message())).append("</pre>");
                    }
                    h.append("</li>\n");
                }
                h.append("</ul>\n");
            }
            h.append("</section>\n");
        }
        return Html.page(page, c.title(), h.toString());
    }
}
