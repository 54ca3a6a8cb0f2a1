package org.gmck.kit.catalogue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The interpretations of CONFORMANCE.md (the list entries that open with a bold {@code I-...} id: most in its
 * "Interpretations" section, a few beside the rules they concern), and which of them a rule cites in its
 * statement or is named by.
 */
public final class Interpretations {

    private static final Pattern ENTRY = Pattern.compile("^- \\*\\*(I-[A-Z0-9]+(?:-[0-9]+)?)\\.\\s.*$");
    /** An interpretation id as a statement cites it. */
    private static final Pattern CITED = Pattern.compile("\\bI-(?:[A-Z0-9]+-)?[0-9]+\\b");

    private static volatile Interpretations bundled;

    private final Map<String, Interpretation> byId;

    private Interpretations(Map<String, Interpretation> byId) {
        this.byId = byId;
    }

    /** The interpretations of the catalogue shipped with the kit (CONFORMANCE.md on the class path). */
    public static Interpretations bundled() {
        if (bundled == null) {
            bundled = parse(RuleCatalogue.bundledText());
        }
        return bundled;
    }

    /** Reads the interpretations: one per list item that starts with a bold id. */
    public static Interpretations parse(String markdown) {
        Map<String, Interpretation> found = new LinkedHashMap<>();
        String id = null;
        StringBuilder text = new StringBuilder();
        for (String line : markdown.split("\\R")) {
            Matcher m = ENTRY.matcher(line);
            boolean ends = line.isBlank() || line.startsWith("#") || line.startsWith("- ");
            if (id != null && ends) {
                found.put(id, entry(id, text.toString()));
                id = null;
            }
            if (m.matches()) {
                id = m.group(1);
                text.setLength(0);
                text.append(line.substring(2).strip());
            } else if (id != null) {
                text.append(' ').append(line.strip());
            }
        }
        if (id != null) {
            found.put(id, entry(id, text.toString()));
        }
        return new Interpretations(found);
    }

    /** An entry from its Markdown text, which begins with its id and title in bold. */
    private static Interpretation entry(String id, String markdown) {
        String lead = markdown.substring(("**" + id + ".").length());
        int end = lead.indexOf("**");
        String title = (end < 0 ? lead : lead.substring(0, end)).strip();
        return new Interpretation(id, title, lead.replace("**", "").strip());
    }

    public Optional<Interpretation> interpretation(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<Interpretation> all() {
        return byId.values();
    }

    /** The interpretations a rule's statement cites, in the order it cites them. */
    public List<Interpretation> citedBy(Rule rule) {
        List<Interpretation> cited = new ArrayList<>();
        Matcher m = CITED.matcher(rule.statement());
        while (m.find()) {
            interpretation(m.group()).filter(i -> !cited.contains(i)).ifPresent(cited::add);
        }
        return cited;
    }

    /** The interpretations whose text names the rule's id. */
    public List<Interpretation> naming(Rule rule) {
        Pattern id = Pattern.compile("\\b" + Pattern.quote(rule.id()) + "\\b");
        return byId.values().stream().filter(i -> id.matcher(i.text()).find()).toList();
    }
}
