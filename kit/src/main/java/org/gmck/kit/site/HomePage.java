package org.gmck.kit.site;

import java.util.List;
import java.util.Map;
import org.gmck.kit.catalogue.Rule;
import org.gmck.spi.common.Profile;

/** The home page: what the kit certifies, its profiles, how to read a rule, how to certify, who was certified. */
final class HomePage {

    /** Each verdict a rule can have, and what it means, in the order the home page explains them. */
    private static final java.util.Map<String, String> VERDICTS = verdicts();

    private static java.util.Map<String, String> verdicts() {
        java.util.Map<String, String> v = new java.util.LinkedHashMap<>();
        v.put("pass", "every check passed;");
        v.put("fail", "a MUST rule failed;");
        v.put("optional-unmet", "a SHOULD or MAY rule failed;");
        v.put("expected-failure", "failed as the implementation's baseline says;");
        v.put("unexpected-pass", "passed though the baseline lists it;");
        v.put("not-applicable", "its profile is not declared;");
        v.put("untestable", "no scenario can check it;");
        v.put("not-run", "none of its checks ran.");
        return java.util.Collections.unmodifiableMap(v);
    }

    private HomePage() {}

    static String render(SiteContent site) {
        Map<Profile, List<Rule>> byProfile = site.rulesByProfile();
        StringBuilder h = new StringBuilder("<h1>Guest Memory Conformance Kit ")
                .append(Html.esc(site.kitVersion()))
                .append("</h1>\n<p class=\"lead\">The kit states how hypervisors manage guest memory as ")
                .append(site.catalogue().rules().size())
                .append(" rules, each restating one upstream source in a sentence, and checks them with ")
                .append(site.features().scenarios().size())
                .append(" scenarios written as readable examples: VirtualBox's paging manager (PGM) and global")
                .append(" memory manager (GMM), the FreeMWare monitor, KVM's large pages and x86 paging itself.")
                .append(" An implementation is certified through an adapter; its report gives every rule a")
                .append(
                        " verdict.</p>\n<p><a class=\"button\" href=\"matrix.html\">Open the matrix</a> <a class=\"button\"")
                .append(" href=\"features.html\">Read the features</a> <a class=\"button\" href=\"pictures.html\">")
                .append("Look at the pictures</a></p>\n");
        h.append("<h2>Certified implementations</h2>\n");
        if (site.implementations().isEmpty()) {
            h.append("<p>No report was given to this site.</p>\n");
        } else {
            h.append("<table class=\"list\"><thead><tr><th>Implementation</th><th>Declared profiles</th>")
                    .append("<th>Outcome</th></tr></thead><tbody>\n");
            site.implementations()
                    .forEach(c -> h.append("<tr><td><a href=\"")
                            .append(Html.implementationPage(c.slug()))
                            .append("\">")
                            .append(Html.esc(c.title()))
                            .append("</a></td><td>")
                            .append(Html.esc(String.join(", ", c.declared())))
                            .append("</td><td>")
                            .append(Html.verdict(c.outcome()))
                            .append(' ')
                            .append(Html.esc(c.headline()))
                            .append("</td></tr>\n"));
            h.append("</tbody></table>\n");
        }
        h.append("<h2>Profiles</h2>\n<p>A profile is a part of the specification an implementation may declare;")
                .append(" only the rules of declared profiles are judged. A sub-profile holds rules about internal")
                .append(" layouts a black box may not show, and needs its parent.</p>\n<table class=\"list\"><thead>")
                .append("<tr><th>Profile</th><th>Part of</th><th>Rules</th><th>Scenarios</th></tr></thead><tbody>\n");
        byProfile.forEach((profile, rules) -> h.append("<tr><td><a href=\"")
                .append(Html.profilePage(profile.id()))
                .append("\">")
                .append(profile.id())
                .append("</a></td><td>")
                .append(profile.parent().map(Profile::id).orElse(""))
                .append("</td><td>")
                .append(rules.size())
                .append("</td><td>")
                .append(site.features().scenarios().stream()
                        .filter(s -> s.profile().orElse(null) == profile)
                        .count())
                .append("</td></tr>\n"));
        h.append("</tbody></table>\n");
        h.append("<h2>How to read a rule</h2>\n<p>A rule has an id (<code>AREA-TOPIC-N</code>), a level (MUST,")
                .append(" SHOULD or MAY, as in RFC 2119), the profile it belongs to, the source it restates, and one")
                .append(" statement in the kit's words. Where a source is unclear or contradicts itself, the rule")
                .append(" cites the interpretation the kit takes. A rule that covers several cases names them as")
                .append(" variants, and each variant has a scenario of its own. The rule's page shows all of this,")
                .append(" every scenario that checks it, and each implementation's verdict with a link to the reason")
                .append(" in that implementation's report.</p>\n<p>Verdicts:");
        VERDICTS.forEach((verdict, meaning) ->
                h.append(' ').append(Html.verdict(verdict)).append(' ').append(meaning));
        h.append("</p>\n");
        h.append("<h2>How to certify</h2>\n<p>Write an adapter (the SPI's factories, found through")
                .append(" <code>ServiceLoader</code>) and either extend <code>AdapterConformanceTest</code> in your")
                .append(" build, or run the standalone certifier:</p>\n<pre>java -jar gmck-kit-")
                .append(Html.esc(site.kitVersion()))
                .append("-cli.jar certify --adapter-jar your-adapter.jar --report out/\n")
                .append("java -jar gmck-kit-")
                .append(Html.esc(site.kitVersion()))
                .append("-cli.jar site --out site/ out/report.json other/report.json</pre>\n")
                .append("<p>The first writes <code>report.json</code> with a verdict per rule; the second makes")
                .append(" this site from any set of reports.</p>\n");
        return Html.page("index.html", "Home", h.toString());
    }
}
