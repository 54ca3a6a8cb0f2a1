package org.gmck.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The figures of an earlier RESULTS.md, read before a run replaces it: the values of its time-target summary,
 * and, for a file written before there was one, the same figures taken from its detailed tables.
 */
final class PreviousResults {

    private static final String SUMMARY = "## Time targets";
    private final Map<String, Double> figures;

    private PreviousResults(Map<String, Double> figures) {
        this.figures = figures;
    }

    /** The figures of the file; none when it is missing or unreadable. */
    static PreviousResults read(Path file) {
        try {
            return parse(Files.exists(file) ? Files.readAllLines(file) : List.of());
        } catch (IOException e) {
            return new PreviousResults(Map.of());
        }
    }

    static PreviousResults parse(List<String> lines) {
        Map<String, List<String>> rows = new HashMap<>();
        String section = "";
        for (String line : lines) {
            if (line.startsWith("## ")) {
                section = line;
            } else if (line.startsWith("| ") && !line.startsWith("| ---")) {
                List<String> cells = new ArrayList<>();
                for (String cell : line.substring(1, line.length() - 1).split("\\|")) {
                    cells.add(cell.strip().replace("**", ""));
                }
                rows.putIfAbsent(section.split(":")[0] + "|" + cells.get(0), cells);
            }
        }
        Map<String, Double> figures = new HashMap<>();
        rows.forEach((key, cells) -> {
            // "This run" is the column before the verdict (the summary gained a column "At the start" before
            // "Previous"; earlier files have the same order without it)
            if (key.startsWith(SUMMARY) && cells.size() > 3) {
                number(cells.get(cells.size() - 2)).ifPresent(v -> figures.put(cells.get(0), v));
            }
        });
        detailed(rows, figures);
        return new PreviousResults(figures);
    }

    /** The figures of a file without a summary, from the detailed tables (a summary's figure wins). */
    private static void detailed(Map<String, List<String>> rows, Map<String, Double> figures) {
        rows.forEach((key, cells) -> {
            if (key.startsWith("## x86 walker|") && cells.size() > 4) {
                number(cells.get(4)).ifPresent(v -> figures.putIfAbsent("walker, " + cells.get(0), v));
            }
        });
        cell(rows, "## GMM|1 page", 3).ifPresent(v -> figures.putIfAbsent("GMM one-page round trip", v));
        cell(rows, "## GMM|batch of 64 pages", 3).ifPresent(v -> figures.putIfAbsent("GMM batch of 64", v));
        cell(rows, "## PGM shadow paging|sync", 3)
                .ifPresent(v -> figures.putIfAbsent("sync fault through the shadow, against its walk floor", v));
        for (String fault : List.of("allocate on write", "copy on write")) {
            Optional<Double> shadow = cell(rows, "## PGM shadow paging|" + fault, 1);
            Optional<Double> guest = cell(rows, "## PGM|" + fault, 1);
            if (shadow.isPresent() && guest.isPresent()) {
                figures.putIfAbsent(
                        fault + " through the shadow, against the same fault in guest physical memory",
                        shadow.get() / guest.get());
            }
        }
        cell(rows, "## PGM shadow paging|1024", 3)
                .ifPresent(v -> figures.putIfAbsent("SyncCR3 + resync at 1,024 pages (median)", v));
    }

    private static Optional<Double> cell(Map<String, List<String>> rows, String key, int column) {
        List<String> cells = rows.get(key);
        return cells == null || cells.size() <= column ? Optional.empty() : number(cells.get(column));
    }

    private static Optional<Double> number(String text) {
        try {
            return Optional.of(Double.parseDouble(text.replace(",", "")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The earlier value of a figure, by its name in the summary. */
    Optional<Double> figure(String name) {
        return Optional.ofNullable(figures.get(name));
    }
}
