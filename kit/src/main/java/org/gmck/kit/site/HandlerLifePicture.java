package org.gmck.kit.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The life of a virtual access handler, drawn from the feature that follows it step by step: each scenario
 * named "Step N: ..." is a step, the first scenario of a step names its box, and a later step whose scenario
 * says that step 2 runs again draws the way back.
 */
final class HandlerLifePicture {

    /** The feature that tells the life. */
    static final String FEATURE = "pgm/virtual-handler-life.feature";

    private static final Pattern STEP = Pattern.compile("Step (\\d+[a-z]?)(?: [^:]*)?: (.+)");
    private static final Pattern AGAIN = Pattern.compile("step (\\d+) runs again");

    private HandlerLifePicture() {}

    /** One step: its number, the scenarios that show it, the first one first. */
    record Stage(String step, List<FeatureBook.ScenarioDoc> scenarios) {
        String label() {
            Matcher m = STEP.matcher(scenarios.get(0).name());
            return m.matches() ? m.group(2) : scenarios.get(0).name();
        }
    }

    static List<Stage> stages(FeatureBook.FeatureDoc feature) {
        Map<String, List<FeatureBook.ScenarioDoc>> steps = new LinkedHashMap<>();
        for (FeatureBook.ScenarioDoc s : feature.scenarios()) {
            Matcher m = STEP.matcher(s.name());
            if (m.matches()) {
                steps.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(s);
            }
        }
        List<Stage> stages = new ArrayList<>();
        steps.entrySet().stream()
                .sorted(java.util.Comparator.comparingInt(e -> order(e.getKey())))
                .forEach(e -> stages.add(new Stage(e.getKey(), e.getValue())));
        return stages;
    }

    private static int order(String step) {
        int digits = step.replaceAll("[a-z]", "").length();
        int n = Integer.parseInt(step.substring(0, digits));
        return n * 100 + (step.length() > digits ? step.charAt(digits) - 'a' + 1 : 0);
    }

    static Optional<String> render(FeatureBook book, String root) {
        Optional<FeatureBook.FeatureDoc> feature =
                book.features().stream().filter(f -> f.file().equals(FEATURE)).findFirst();
        if (feature.isEmpty()) {
            return Optional.empty();
        }
        List<Stage> stages = stages(feature.get());
        int boxW = 210;
        int boxH = 78;
        int perRow = 3;
        int gapX = 50;
        int gapY = 46;
        int rows = (stages.size() + perRow - 1) / perRow;
        Svg svg = new Svg(20 + perRow * (boxW + gapX), 30 + rows * (boxH + gapY) + 10, "virtual handler life cycle");
        double[][] at = new double[stages.size()][];
        for (int i = 0; i < stages.size(); i++) {
            int row = i / perRow;
            int col = row % 2 == 0 ? i % perRow : perRow - 1 - i % perRow;
            at[i] = new double[] {20 + col * (boxW + gapX), 20 + row * (boxH + gapY)};
        }
        for (int i = 0; i + 1 < stages.size(); i++) {
            arrow(svg, at[i], at[i + 1], boxW, boxH);
        }
        Stage last = stages.get(stages.size() - 1);
        for (FeatureBook.ScenarioDoc s : last.scenarios()) {
            Matcher again = AGAIN.matcher(s.name().toLowerCase(Locale.ROOT));
            if (again.find()) {
                for (int i = 0; i < stages.size(); i++) {
                    if (stages.get(i).step().startsWith(again.group(1))) {
                        double[] from = at[stages.size() - 1];
                        double[] to = at[i];
                        svg.path(
                                "M" + (from[0] + boxW / 2) + "," + (from[1]) + " C" + (from[0] + boxW / 2) + ","
                                        + (to[1] + boxH + 30) + " " + (to[0] + boxW / 2) + "," + (to[1] + boxH + 60)
                                        + " " + (to[0] + boxW / 2) + "," + (to[1] + boxH),
                                "back");
                        break;
                    }
                }
                break;
            }
        }
        for (int i = 0; i < stages.size(); i++) {
            Stage st = stages.get(i);
            double x = at[i][0];
            double y = at[i][1];
            String href =
                    root + feature.get().page() + "#" + st.scenarios().get(0).anchor();
            svg.link(href, () -> {
                svg.rect(x, y, boxW, boxH, "box");
                svg.text(
                        x + 8,
                        y + 16,
                        "Step " + st.step() + " (" + st.scenarios().size() + ")",
                        "step");
                List<String> lines = Svg.wrap(st.label(), 34);
                for (int l = 0; l < Math.min(4, lines.size()); l++) {
                    svg.text(x + 8, y + 32 + l * 13, lines.get(l), "small-left");
                }
            });
        }
        return Optional.of(svg.toString());
    }

    private static void arrow(Svg svg, double[] from, double[] to, int w, int h) {
        if (from[1] == to[1]) {
            boolean right = to[0] > from[0];
            double y = from[1] + h / 2.0;
            svg.line(right ? from[0] + w : from[0], y, right ? to[0] : to[0] + w, y, "arrow");
        } else {
            svg.line(from[0] + w / 2.0, from[1] + h, to[0] + w / 2.0, to[1], "arrow");
        }
    }
}
