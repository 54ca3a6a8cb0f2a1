package org.gmck.kit.site;

/** Escaping and the frame every page of the site shares: head, navigation and footer. */
final class Html {

    private Html() {}

    /** Text made safe for HTML content and attribute values. */
    static String esc(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /** How a page {@code depth} folders below the site's root reaches the root, for example {@code ../}. */
    static String root(String page) {
        return "../".repeat((int) page.chars().filter(c -> c == '/').count());
    }

    /**
     * A whole page.
     *
     * @param page  where the page is, from the site's root
     * @param title the page's title
     * @param body  its content
     */
    static String page(String page, String title, String body) {
        String root = root(page);
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + esc(title) + " · GMCK</title>"
                + "<link rel=\"stylesheet\" href=\"" + root + "assets/site.css\"></head>\n<body>\n"
                + "<header><nav><a class=\"brand\" href=\"" + root + "index.html\">GMCK</a>"
                + link(root, "index.html", "Home")
                + link(root, "matrix.html", "Matrix")
                + link(root, "features.html", "Features")
                + link(root, "pictures.html", "Pictures")
                + "</nav></header>\n<main>\n" + body
                + "</main>\n<footer>Guest Memory Conformance Kit: generated from the rule catalogue"
                + " (CONFORMANCE.md), the features and the certification reports.</footer>\n"
                + "<script src=\"" + root + "assets/site.js\"></script>\n</body></html>\n";
    }

    private static String link(String root, String href, String text) {
        return "<a href=\"" + root + href + "\">" + text + "</a>";
    }

    /** The badge of a verdict. */
    static String verdict(String label) {
        return "<span class=\"v v-" + esc(label) + "\">" + esc(label) + "</span>";
    }

    /** Where a rule's page is, from the site's root. */
    static String rulePage(String id) {
        return "rules/" + id + ".html";
    }

    /** Where a profile's page is, from the site's root. */
    static String profilePage(String id) {
        return "profiles/" + id + ".html";
    }

    /** Where an implementation's page is, from the site's root. */
    static String implementationPage(String slug) {
        return "implementations/" + slug + ".html";
    }
}
