package org.gmck.kit.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Collectors;
import org.gmck.kit.catalogue.RuleCatalogue;

/**
 * Writes a report's self-contained bundle into one folder: {@code report.json} (valid against
 * {@value ReportJson#SCHEMA}, copied beside it), {@code summary.md} and {@code summary.html}, and the
 * kit's sources their links point at ({@code rule-index.md}, {@code CONFORMANCE.md}, {@code features/}).
 */
public final class ReportBundle {

    private ReportBundle() {}

    /** What a run writes into its folder; {@link #clear(Path)} removes exactly these. */
    private static final java.util.List<String> OUTPUTS = java.util.List.of(
            "report.json",
            "summary.md",
            "summary.html",
            "rule-index.md",
            "CONFORMANCE.md",
            ReportJson.SCHEMA,
            "cucumber.html",
            "cucumber.json",
            "cucumber-junit.xml");

    /**
     * Removes an earlier run's outputs from the folder (and nothing else), so that a run that ends early can
     * never leave an earlier run's verdict behind.
     */
    public static void clear(Path folder) throws IOException {
        for (String name : OUTPUTS) {
            Files.deleteIfExists(folder.resolve(name));
        }
        Path features = folder.resolve("features");
        if (Files.isDirectory(features)) {
            try (java.util.stream.Stream<Path> walk = Files.walk(features)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Writes the whole bundle: the report's files, then the kit's sources they link to. */
    public static void write(CertificationReport report, Path folder) {
        writeReport(report, folder);
        writeSources(folder);
    }

    /**
     * Writes the files that follow from the report alone ({@code report.json}, written whole and moved into place
     * atomically, {@code summary.md}, {@code summary.html} and {@code rule-index.md}), into a folder that already
     * holds the kit's sources: a run writes those once, with the report it starts with, and only its verdict at
     * the end.
     */
    public static void writeReport(CertificationReport report, Path folder) {
        KitSources kit = KitSources.onClassPath();
        try {
            Files.createDirectories(folder);
            Path json = Files.createTempFile(folder, ".report-", ".json");
            Files.writeString(json, ReportJson.write(report), StandardCharsets.UTF_8);
            Files.move(
                    json,
                    folder.resolve("report.json"),
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(
                    folder.resolve("summary.md"),
                    SummaryMarkdown.render(report, "features/", "rule-index.md"),
                    StandardCharsets.UTF_8);
            Files.writeString(
                    folder.resolve("summary.html"),
                    SummaryHtml.render(report, "features/", "rule-index.md"),
                    StandardCharsets.UTF_8);
            Map<String, Verdict> verdicts = report.rules().stream()
                    .collect(Collectors.toMap(r -> r.rule().id(), RuleVerdict::verdict));
            String who = report.adapter()
                    .map(a -> "adapter `" + a.name() + "` " + a.version())
                    .orElse("no adapter");
            Files.writeString(
                    folder.resolve("rule-index.md"),
                    RuleIndex.render(
                            RuleCatalogue.bundled(), kit.features(), verdicts, who, "features/", "CONFORMANCE.md", ""),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the kit's sources the report's files link to: {@code CONFORMANCE.md}, the schema and the features. */
    private static void writeSources(Path folder) {
        KitSources kit = KitSources.onClassPath();
        try {
            Files.writeString(folder.resolve("CONFORMANCE.md"), kit.catalogueText(), StandardCharsets.UTF_8);
            try (InputStream schema = ReportBundle.class.getClassLoader().getResourceAsStream(ReportJson.SCHEMA)) {
                if (schema != null) {
                    Files.copy(schema, folder.resolve(ReportJson.SCHEMA), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            for (Map.Entry<String, byte[]> f : kit.featureFiles().entrySet()) {
                Path target = folder.resolve("features").resolve(f.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, f.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The per-profile verdict table printed at the end of a run. */
    public static String console(CertificationReport report, Path folder) {
        StringBuilder out = new StringBuilder("\n=== Conformance summary: ")
                .append(report.adapter()
                        .map(a -> "adapter '" + a.name() + "' " + a.version())
                        .orElse("no adapter"))
                .append(" ===\n");
        out.append(String.format(
                "  %-26s %5s %5s %5s %6s %6s %5s %10s %7s %9s %7s %6s%n",
                "profile",
                "rules",
                "pass",
                "fail",
                "xfail",
                "xpass",
                "n/a",
                "untestable",
                "not-run",
                "scenarios",
                "cases",
                "models"));
        report.byProfile().forEach((profile, rules) -> {
            Map<Verdict, Integer> c = report.counts(rules);
            out.append(String.format(
                    "  %-26s %5d %5d %5d %6d %6d %5d %10d %7d %9d %7d %6d%n",
                    profile.id() + (report.declared().contains(profile) ? "" : " (not declared)"),
                    rules.size(),
                    c.get(Verdict.PASS),
                    c.get(Verdict.FAIL) + c.get(Verdict.OPTIONAL_UNMET),
                    c.get(Verdict.EXPECTED_FAILURE),
                    c.get(Verdict.UNEXPECTED_PASS),
                    c.get(Verdict.NOT_APPLICABLE),
                    c.get(Verdict.UNTESTABLE),
                    c.get(Verdict.NOT_RUN),
                    rules.stream().mapToInt(r -> r.scenarios().size()).sum(),
                    CertificationReport.cases(rules),
                    CertificationReport.modelRuns(rules)));
        });
        out.append("  verdict: ").append(report.headline()).append('\n');
        out.append("  report:  ").append(folder.resolve("report.json")).append(", summary.md and summary.html\n");
        return out.toString();
    }
}
