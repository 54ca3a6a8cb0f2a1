package org.gmck.kit.site;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gmck.kit.catalogue.Level;
import org.gmck.kit.catalogue.Rule;
import org.gmck.kit.report.Verdict;
import org.gmck.spi.common.Profile;

/**
 * The matrix: rules down, implementations across, each cell a verdict that links into the implementation's
 * report; above it the counts per profile, and filters by profile, level, verdict and text (site.js).
 */
final class MatrixPage {

    private MatrixPage() {}

    static String render(SiteContent site) {
        List<Certified> impls = site.implementations();
        Map<Profile, List<Rule>> byProfile = site.rulesByProfile();
        StringBuilder h = new StringBuilder("<h1>The matrix</h1>\n<p>Every rule of the catalogue down, every")
                .append(" certified implementation across. A cell is the rule's verdict in that implementation's")
                .append(" report and opens it there; a rule's id opens its page. Each row's <b>¶</b> is the rule's")
                .append(" permanent link in the matrix.</p>\n");
        h.append("<h2>Counts per profile</h2>\n<table class=\"list counts\" id=\"counts\"><thead><tr><th>Profile</th>")
                .append("<th>Rules</th>");
        impls.forEach(c -> h.append("<th>").append(Html.esc(c.title())).append("</th>"));
        h.append("</tr></thead><tbody>\n");
        byProfile.forEach((profile, rules) -> {
            h.append("<tr><td><a href=\"")
                    .append(Html.profilePage(profile.id()))
                    .append("\">")
                    .append(profile.id())
                    .append("</a></td><td>")
                    .append(rules.size())
                    .append("</td>");
            for (Certified c : impls) {
                Map<String, Integer> counts = c.counts().getOrDefault(profile.id(), Map.of());
                h.append("<td>");
                for (Verdict v : Verdict.values()) {
                    int n = counts.getOrDefault(v.label(), 0);
                    if (n > 0) {
                        h.append("<span class=\"count v v-")
                                .append(v.label())
                                .append("\" data-impl=\"")
                                .append(c.slug())
                                .append("\" data-profile=\"")
                                .append(profile.id())
                                .append("\" data-verdict=\"")
                                .append(v.label())
                                .append("\" title=\"")
                                .append(v.label())
                                .append("\">")
                                .append(n)
                                .append(' ')
                                .append(v.label())
                                .append("</span> ");
                    }
                }
                h.append("</td>");
            }
            h.append("</tr>\n");
        });
        h.append("</tbody></table>\n");
        h.append("<form class=\"filters\" id=\"filters\" onsubmit=\"return false\">")
                .append(select(
                        "profile",
                        "every profile",
                        byProfile.keySet().stream().map(Profile::id).toList()))
                .append(select(
                        "level",
                        "every level",
                        java.util.Arrays.stream(Level.values()).map(Level::name).toList()))
                .append(select(
                        "verdict",
                        "any verdict",
                        java.util.Arrays.stream(Verdict.values())
                                .map(Verdict::label)
                                .toList()))
                .append("<input type=\"search\" id=\"f-text\" placeholder=\"text in id, statement or source\">")
                .append(" <span id=\"shown\"></span></form>\n");
        h.append("<table class=\"matrix\" id=\"matrix\"><thead><tr><th>Rule</th><th>Level</th><th>Statement</th>");
        impls.forEach(c -> h.append("<th><a href=\"")
                .append(Html.implementationPage(c.slug()))
                .append("\">")
                .append(Html.esc(c.title()))
                .append("</a></th>"));
        h.append("</tr></thead><tbody>\n");
        byProfile.forEach((profile, rules) -> {
            for (Rule r : rules) {
                String verdicts = String.join(
                        " ", impls.stream().map(c -> c.result(r.id()).verdict()).toList());
                h.append("<tr id=\"")
                        .append(r.id())
                        .append("\" data-profile=\"")
                        .append(profile.id())
                        .append("\" data-level=\"")
                        .append(r.level())
                        .append("\" data-verdicts=\"")
                        .append(verdicts)
                        .append("\" data-text=\"")
                        .append(Html.esc((r.id() + " " + r.statement() + " " + r.source()).toLowerCase(Locale.ROOT)))
                        .append("\"><td class=\"rule\"><a class=\"permalink\" href=\"#")
                        .append(r.id())
                        .append("\" title=\"permanent link\">¶</a> <a class=\"rule-link\" href=\"")
                        .append(Html.rulePage(r.id()))
                        .append("\">")
                        .append(r.id())
                        .append("</a></td><td>")
                        .append(r.level())
                        .append("</td><td class=\"st\">")
                        .append(Html.esc(r.statement()))
                        .append("</td>");
                for (Certified c : impls) {
                    Certified.Result res = c.result(r.id());
                    h.append("<td class=\"cell v-")
                            .append(res.verdict())
                            .append("\" data-impl=\"")
                            .append(c.slug())
                            .append("\"><a href=\"")
                            .append(Html.implementationPage(c.slug()))
                            .append('#')
                            .append(r.id())
                            .append("\" title=\"")
                            .append(Html.esc(res.reason()))
                            .append("\">")
                            .append(res.verdict())
                            .append("</a></td>");
                }
                h.append("</tr>\n");
            }
        });
        h.append("</tbody></table>\n");
        return Html.page("matrix.html", "Matrix", h.toString());
    }

    private static String select(String name, String any, List<String> values) {
        StringBuilder h = new StringBuilder("<label>")
                .append(name)
                .append(" <select id=\"f-")
                .append(name)
                .append("\"><option value=\"\">")
                .append(any)
                .append("</option>");
        values.forEach(v -> h.append("<option>").append(Html.esc(v)).append("</option>"));
        return h.append("</select></label> ").toString();
    }
}
