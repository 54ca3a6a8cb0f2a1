package org.gmck.differential;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The result of a differential run, or of one shard of it, or of shards merged: counts per paging mode, per
 * engine and class, the cases where the engines agreed against the reference, one example per class and a
 * minimal case per unexplained signature. Written as {@code report.json} (which {@link #merge} reads back)
 * and {@code report.md}.
 *
 * @param title                 the report's heading
 * @param engines               the engines' names, in the order the run put cases to them
 * @param seed                  the run's seed
 * @param cases                 the number of cases of the whole, unsharded run
 * @param shards                the shards this report covers ({@code 0/1} for an unsharded run)
 * @param seconds               wall-clock seconds (summed over merged shards)
 * @param modes                 cases per paging mode
 * @param tallies               per engine, what was counted
 * @param settledAgreements     cases where the engines agreed against the reference, per settled class
 * @param unexplainedAgreements the same, per signature no settlement explains
 * @param examples              per class ({@code engine: CLASS} or {@code agreement: CLASS}), the first case
 * @param findings              per unexplained signature, the first case, shrunk
 */
public record RunReport(
        String title,
        List<String> engines,
        long seed,
        long cases,
        List<String> shards,
        double seconds,
        SortedMap<String, Long> modes,
        SortedMap<String, EngineTally> tallies,
        SortedMap<String, Long> settledAgreements,
        SortedMap<String, Long> unexplainedAgreements,
        SortedMap<String, Example> examples,
        SortedMap<String, Example> findings) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public RunReport {
        engines = List.copyOf(engines);
        shards = List.copyOf(shards);
        modes = new TreeMap<>(modes);
        tallies = new TreeMap<>(tallies);
        settledAgreements = new TreeMap<>(settledAgreements);
        unexplainedAgreements = new TreeMap<>(unexplainedAgreements);
        examples = new TreeMap<>(examples);
        findings = new TreeMap<>(findings);
    }

    /** The cases this report covers. */
    public long run() {
        return modes.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Unexplained cases: each engine's and the engines' unexplained agreements, added. */
    public long unexplained() {
        return tallies.values().stream()
                        .mapToLong(EngineTally::unexplainedTotal)
                        .sum()
                + unexplainedAgreements.values().stream()
                        .mapToLong(Long::longValue)
                        .sum();
    }

    /** Agreements against the reference that CONFORMANCE.md does not settle. */
    public long unexplainedAgreementTotal() {
        return unexplainedAgreements.values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    /**
     * Merges the reports of shards of one run: counts are added, and of each example and finding the one
     * with the lowest case index is kept, so the merge of all N shards has the unsharded run's counts,
     * examples and findings.
     */
    public static RunReport merge(List<RunReport> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no shard reports to merge");
        }
        RunReport first = parts.get(0);
        List<String> shards = new ArrayList<>();
        double seconds = 0;
        SortedMap<String, Long> modes = new TreeMap<>();
        SortedMap<String, EngineTally> tallies = new TreeMap<>();
        SortedMap<String, Long> settled = new TreeMap<>();
        SortedMap<String, Long> unsettled = new TreeMap<>();
        SortedMap<String, Example> examples = new TreeMap<>();
        SortedMap<String, Example> findings = new TreeMap<>();
        for (RunReport p : parts) {
            if (p.seed != first.seed || p.cases != first.cases || !p.engines.equals(first.engines)) {
                throw new IllegalArgumentException(
                        "shard reports of different runs: " + p.header() + " and " + first.header());
            }
            for (String s : p.shards) {
                if (shards.contains(s)) {
                    throw new IllegalArgumentException("shard " + s + " given twice");
                }
                shards.add(s);
            }
            seconds += p.seconds;
            modes = Counts.sum(modes, p.modes);
            for (Map.Entry<String, EngineTally> t : p.tallies.entrySet()) {
                tallies.merge(t.getKey(), t.getValue(), EngineTally::plus);
            }
            settled = Counts.sum(settled, p.settledAgreements);
            unsettled = Counts.sum(unsettled, p.unexplainedAgreements);
            examples = Counts.first(examples, p.examples);
            findings = Counts.first(findings, p.findings);
        }
        shards.sort(RunReport::byShard);
        return new RunReport(
                first.title,
                first.engines,
                first.seed,
                first.cases,
                shards,
                seconds,
                modes,
                tallies,
                settled,
                unsettled,
                examples,
                findings);
    }

    private static int byShard(String a, String b) {
        Shard x = Shard.parse(a);
        Shard y = Shard.parse(b);
        return x.count() != y.count() ? Integer.compare(x.count(), y.count()) : Integer.compare(x.index(), y.index());
    }

    /**
     * Reads every {@code report.json} under {@code dir} (one per shard), except those under {@code skip}
     * (where an earlier merge wrote), and merges them.
     */
    public static RunReport mergeDirectory(Path dir, Path skip) throws IOException {
        List<RunReport> parts = new ArrayList<>();
        Path skipped = skip.toAbsolutePath().normalize();
        try (var files = Files.walk(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().equals("report.json"))
                    .filter(f -> !f.toAbsolutePath().normalize().startsWith(skipped))
                    .sorted()
                    .toList()) {
                parts.add(read(p));
            }
        }
        return merge(parts);
    }

    /** A report written by {@link #write}. */
    public static RunReport read(Path json) throws IOException {
        return JSON.readValue(json.toFile(), RunReport.class);
    }

    /** Writes {@code report.json} and {@code report.md} into {@code dir}. */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        JSON.writeValue(dir.resolve("report.json").toFile(), this);
        Files.writeString(dir.resolve("report.md"), markdown(), StandardCharsets.UTF_8);
    }

    /** The report as JSON. */
    public String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report for a reader: the header (cases, shards, time) and the body. */
    public String markdown() {
        return header() + body();
    }

    private String header() {
        String sharding = shards.equals(List.of(Shard.ALL.toString()))
                ? ""
                : shards.size() == 1 ? ", shard " + shards.get(0) : ", " + shards.size() + " shards merged";
        return String.format(
                "# %s%n%n%d of %d cases (seed %d%s) in %.1f s (%.0f cases/s).%n%n",
                title, run(), cases, seed, sharding, seconds, seconds > 0 ? run() / seconds : 0.0);
    }

    /**
     * Everything but the header: the same for the unsharded run and for the merge of its shards.
     */
    public String body() {
        StringBuilder s = new StringBuilder();
        s.append("By paging mode: ").append(modes).append(".\n\n");
        if (engines.size() > 1) {
            s.append("## ").append(String.join(" and ", engines)).append(" agree against the reference\n\n");
            s.append("Cases where every engine observed the same and the reference did not: each is a bug of the "
                    + "reference or a rule to re-read in the SDM, settled in CONFORMANCE.md, or it fails the run.\n\n");
            settledAgreements.forEach((k, n) -> s.append(String.format("- %s: %d%n", k, n)));
            s.append(String.format("- unexplained: %d%n%n", unexplainedAgreementTotal()));
        }
        for (String engine : engines) {
            EngineTally t = tallies.getOrDefault(engine, new EngineTally(0, new TreeMap<>(), new TreeMap<>()));
            s.append("## Reference against ").append(engine).append("\n\n");
            s.append(String.format("- identical observations: %d%n", t.identical()));
            t.classes().forEach((k, n) -> s.append(String.format("- %s: %d%n", k, n)));
            s.append(String.format("- unexplained: %d%n%n", t.unexplainedTotal()));
        }
        SortedMap<String, Long> unexplained = new TreeMap<>();
        unexplainedAgreements.forEach((k, n) -> unexplained.put("agreement: " + k, n));
        tallies.forEach((e, t) -> t.unexplained().forEach((k, n) -> unexplained.put(e + ": " + k, n)));
        for (Map.Entry<String, Long> e : unexplained.entrySet()) {
            s.append(String.format("## Unexplained: %s (%d cases)%n%n", e.getKey(), e.getValue()));
            Example f = findings.get(e.getKey());
            if (f != null) {
                s.append(String.format("Minimal case (from case %d):%n%n```%n%s%n```%n%n", f.index(), f.text()));
            }
        }
        s.append("## One example per class\n\n");
        examples.forEach(
                (k, e) -> s.append(String.format("### %s (case %d)%n%n```%n%s%n```%n%n", k, e.index(), e.text())));
        return s.toString();
    }
}
