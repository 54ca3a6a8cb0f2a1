package org.gmck.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small line chart written as SVG: a log2 x axis (sizes double from point to point), a y axis either
 * linear from zero or log10 (where a straight line of slope one is linear growth), one polyline with
 * markers per series, and a legend.
 */
public final class SvgChart {

    /** One series: its name, colour and points (x ascending). */
    public record Series(String name, String colour, double[] x, double[] y) {}

    private static final int WIDTH = 720;
    private static final int HEIGHT = 420;
    private static final int LEFT = 80;
    private static final int RIGHT = 200;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private boolean logY;

    public SvgChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** A log10 y axis over whole decades. */
    public SvgChart logY() {
        logY = true;
        return this;
    }

    public SvgChart add(Series s) {
        series.add(s);
        return this;
    }

    public String render() {
        double minX = Double.MAX_VALUE;
        double maxX = 0;
        double maxY = 0;
        double minY = Double.MAX_VALUE;
        for (Series s : series) {
            for (double x : s.x()) {
                minX = Math.min(minX, Math.max(x, 1));
                maxX = Math.max(maxX, Math.max(x, 1));
            }
            for (double y : s.y()) {
                maxY = Math.max(maxY, y);
                minY = y > 0 ? Math.min(minY, y) : minY;
            }
        }
        maxY = logY ? Math.pow(10, Math.ceil(Math.log10(maxY))) : niceCeiling(maxY);
        double lowY = logY ? Math.pow(10, Math.floor(Math.log10(minY == Double.MAX_VALUE ? 1 : minY))) : 0;
        int ticks = logY ? (int) Math.round(Math.log10(maxY / lowY)) : 5;
        ticks = Math.max(ticks, 1);
        double lx0 = log2(minX);
        double lx1 = Math.max(log2(maxX), lx0 + 1);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                        + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n",
                WIDTH,
                HEIGHT,
                WIDTH,
                HEIGHT));
        b.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        b.append(text(WIDTH / 2.0, 22, title, "middle", 15));
        b.append(line(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH, "black"));
        b.append(line(LEFT, TOP, LEFT, TOP + plotH, "black"));
        for (int i = 0; i <= ticks; i++) {
            double v = logY ? lowY * Math.pow(10, i) : maxY * i / ticks;
            double y = TOP + plotH - plotH * i / (double) ticks;
            b.append(line(LEFT - 4, y, LEFT + plotW, y, "#dddddd"));
            b.append(text(LEFT - 8, y + 4, format(v), "end", 11));
        }
        for (double lx = Math.ceil(lx0); lx <= lx1 + 1e-9; lx++) {
            double x = LEFT + plotW * (lx - lx0) / (lx1 - lx0);
            b.append(line(x, TOP + plotH, x, TOP + plotH + 4, "black"));
            b.append(text(x, TOP + plotH + 18, format(Math.pow(2, lx)), "middle", 11));
        }
        b.append(text(LEFT + plotW / 2.0, HEIGHT - 18, xLabel, "middle", 12));
        b.append(String.format(
                Locale.ROOT,
                "<text x=\"18\" y=\"%.1f\" text-anchor=\"middle\" " + "transform=\"rotate(-90 18 %.1f)\">%s</text>%n",
                TOP + plotH / 2.0,
                TOP + plotH / 2.0,
                escape(yLabel)));
        int legendY = TOP + 10;
        for (Series s : series) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < s.x().length; i++) {
                double x = LEFT + plotW * (log2(Math.max(s.x()[i], 1)) - lx0) / (lx1 - lx0);
                double fraction =
                        logY ? Math.log10(Math.max(s.y()[i], lowY) / lowY) / Math.log10(maxY / lowY) : s.y()[i] / maxY;
                double y = TOP + plotH - plotH * fraction;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                b.append(String.format(
                        Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/>%n", x, y, s.colour()));
            }
            b.append(String.format(
                    Locale.ROOT,
                    "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n",
                    s.colour(),
                    points.toString().trim()));
            b.append(line(WIDTH - RIGHT + 15, legendY, WIDTH - RIGHT + 40, legendY, s.colour()));
            b.append(text(WIDTH - RIGHT + 45, legendY + 4, s.name(), "start", 11));
            legendY += 20;
        }
        b.append("</svg>\n");
        return b.toString();
    }

    private static double niceCeiling(double v) {
        if (v <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= v) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }

    static String format(double v) {
        if (v >= 1 << 20 && v % (1 << 20) == 0) {
            return (long) v / (1 << 20) + "M";
        }
        if (v >= 1024 && v % 1024 == 0) {
            return (long) v / 1024 + "K";
        }
        if (v >= 100 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return v >= 0.01 ? String.format(Locale.ROOT, "%.2f", v) : String.format(Locale.ROOT, "%.0e", v);
    }

    private static String line(double x1, double y1, double x2, double y2, String colour) {
        return String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>%n",
                x1,
                y1,
                x2,
                y2,
                colour);
    }

    private static String text(double x, double y, String s, String anchor, int size) {
        return String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">%s</text>%n",
                x,
                y,
                anchor,
                size,
                escape(s));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
