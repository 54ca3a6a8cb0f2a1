package org.gmck.kit.site;

import java.util.ArrayList;
import java.util.List;

/** A small writer of inline SVG: boxes, text, lines and links. */
final class Svg {

    private final StringBuilder body = new StringBuilder();
    private final int width;
    private final int height;
    private final String label;

    Svg(int width, int height, String label) {
        this.width = width;
        this.height = height;
        this.label = label;
    }

    Svg rect(double x, double y, double w, double h, String cssClass) {
        body.append(String.format(
                java.util.Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" class=\"%s\"/>",
                x,
                y,
                w,
                h,
                cssClass));
        return this;
    }

    Svg text(double x, double y, String text, String cssClass) {
        body.append(String.format(java.util.Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" class=\"%s\">", x, y, cssClass))
                .append(Html.esc(text))
                .append("</text>");
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String cssClass) {
        body.append(String.format(
                java.util.Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"%s\"/>",
                x1,
                y1,
                x2,
                y2,
                cssClass));
        return this;
    }

    Svg path(String d, String cssClass) {
        body.append("<path d=\"")
                .append(d)
                .append("\" class=\"")
                .append(cssClass)
                .append("\"/>");
        return this;
    }

    Svg link(String href, Runnable inside) {
        body.append("<a href=\"").append(Html.esc(href)).append("\">");
        inside.run();
        body.append("</a>");
        return this;
    }

    @Override
    public String toString() {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"picture\" role=\"img\" viewBox=\"0 0 " + width + " "
                + height + "\" width=\"" + width + "\" height=\"" + height + "\"><title>" + Html.esc(label)
                + "</title><defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\""
                + " markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0L10,5L0,10z\"/></marker></defs>"
                + body + "</svg>";
    }

    /** Text broken into lines of at most {@code width} characters, at spaces. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
