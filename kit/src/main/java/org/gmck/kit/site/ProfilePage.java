package org.gmck.kit.site;

import java.util.List;
import org.gmck.kit.catalogue.Rule;
import org.gmck.spi.common.Profile;

/** A profile's page: its rules, with each implementation's verdict, and the features that check them. */
final class ProfilePage {

    private ProfilePage() {}

    static String render(Profile profile, List<Rule> rules, SiteContent site) {
        String page = Html.profilePage(profile.id());
        String root = Html.root(page);
        StringBuilder h = new StringBuilder("<h1>Profile ").append(profile.id()).append("</h1>\n");
        profile.parent()
                .ifPresent(p -> h.append("<p>A sub-profile of <a href=\"")
                        .append(p.id())
                        .append(".html\">")
                        .append(p.id())
                        .append("</a>: an implementation that declares it declares its parent too.</p>\n"));
        h.append("<p>")
                .append(rules.size())
                .append(" rules. <a href=\"")
                .append(root)
                .append("matrix.html?profile=")
                .append(profile.id())
                .append("\">See them in the matrix</a>.</p>\n");
        h.append("<h2>Features</h2>\n<ul>\n");
        site.features().features().stream()
                .filter(f -> f.scenarios().stream().anyMatch(s -> s.profile().orElse(null) == profile))
                .forEach(f -> h.append("<li><a href=\"")
                        .append(root)
                        .append(f.page())
                        .append("\">")
                        .append(Html.esc(f.name()))
                        .append("</a> <code>")
                        .append(Html.esc(f.file()))
                        .append("</code></li>\n"));
        h.append("</ul>\n<h2>Rules</h2>\n<table class=\"list\"><thead><tr><th>Rule</th><th>Level</th>")
                .append("<th>Statement</th>");
        site.implementations()
                .forEach(c -> h.append("<th>").append(Html.esc(c.title())).append("</th>"));
        h.append("</tr></thead><tbody>\n");
        for (Rule r : rules) {
            h.append("<tr><td><a href=\"")
                    .append(root)
                    .append(Html.rulePage(r.id()))
                    .append("\">")
                    .append(r.id())
                    .append("</a></td><td>")
                    .append(r.level())
                    .append("</td><td>")
                    .append(Html.esc(r.statement()))
                    .append("</td>");
            site.implementations()
                    .forEach(c -> h.append("<td>")
                            .append(Html.verdict(c.result(r.id()).verdict()))
                            .append("</td>"));
            h.append("</tr>\n");
        }
        h.append("</tbody></table>\n");
        return Html.page(page, "Profile " + profile.id(), h.toString());
    }
}
