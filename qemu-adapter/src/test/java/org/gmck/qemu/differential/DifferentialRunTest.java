package org.gmck.qemu.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.gmck.qemu.process.QemuInstallation;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.x86.CpuModel;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The differential run: random paging-structure hierarchies in every paging mode, each run on the
 * reference and on QEMU through the SPI. Every disagreement is explained by a QEMU 7.2 deviation of the
 * baseline (or a difference the SDM permits), or reported with a shrunk, replayable case and fails the run.
 *
 * <p>{@code -Ddifferential.cases=N} (default 300; the {@code differential} profile runs 100,000),
 * {@code -Ddifferential.seed=S}, {@code -Ddifferential.workers=W} (default 2, one QEMU per worker and CPU
 * model). The report goes to {@code target/differential/report.md}. Skipped without QEMU.
 */
class DifferentialRunTest {

    private static ConformanceAdapter adapter(String name) {
        return ServiceLoader.load(ConformanceAdapter.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(a -> a.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no adapter named " + name));
    }

    private record Finding(String signature, CaseSpec minimal, Verdict verdict, long seenAt) {}

    @Test
    void qemuAgreesWithTheReferenceOutsideTheBaseline() throws Exception {
        Optional<String> missing = QemuInstallation.unavailableReason();
        Assumptions.assumeTrue(missing.isEmpty(), () -> "Skipped: " + missing.orElse(""));
        long cases = Long.getLong("differential.cases", 300);
        long seed = Long.getLong("differential.seed", 1);
        int workers = Integer.getInteger("differential.workers", 2);
        ConformanceAdapter reference = adapter("reference");
        ConformanceAdapter qemu = adapter("qemu");
        Map<String, AtomicLong> classes = new ConcurrentHashMap<>();
        Map<String, AtomicLong> modes = new ConcurrentHashMap<>();
        Map<String, String> examples = new ConcurrentHashMap<>();
        Map<String, AtomicLong> unexplainedCounts = new ConcurrentHashMap<>();
        Map<String, Finding> findings = new ConcurrentHashMap<>();
        AtomicLong agreedExactly = new AtomicLong();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<?>> jobs = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            jobs.add(pool.submit(() -> {
                CaseGenerator generator = new CaseGenerator(seed * 1_000_003L + worker);
                long share = cases / workers + (worker < cases % workers ? 1 : 0);
                for (long i = 0; i < share; i++) {
                    CpuModel model =
                            CaseGenerator.MODELS.get((int) (i * CaseGenerator.MODELS.size() / Math.max(1, share)));
                    CaseSpec c = generator.next(model);
                    Verdict v = Classifier.classify(c, Observation.of(reference, c), Observation.of(qemu, c));
                    modes.computeIfAbsent(c.registers().pagingMode().name(), k -> new AtomicLong())
                            .incrementAndGet();
                    if (v.classes().isEmpty() && v.agrees()) {
                        agreedExactly.incrementAndGet();
                    }
                    for (String k : v.classes()) {
                        classes.computeIfAbsent(k, x -> new AtomicLong()).incrementAndGet();
                        examples.putIfAbsent(k, c.text() + v.detail());
                    }
                    if (!v.agrees()) {
                        unexplainedCounts
                                .computeIfAbsent(v.unexplained(), x -> new AtomicLong())
                                .incrementAndGet();
                        if (!findings.containsKey(v.unexplained()) && findings.size() < 60) {
                            CaseSpec minimal = findings.size() >= 12
                                    ? c
                                    : new Shrinker(s -> Classifier.classify(
                                                    s, Observation.of(reference, s), Observation.of(qemu, s)))
                                            .shrink(c, v.unexplained());
                            Verdict mv = Classifier.classify(
                                    minimal, Observation.of(reference, minimal), Observation.of(qemu, minimal));
                            findings.putIfAbsent(v.unexplained(), new Finding(v.unexplained(), minimal, mv, i));
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : jobs) {
            f.get();
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        long unexplained =
                unexplainedCounts.values().stream().mapToLong(AtomicLong::get).sum();
        String report = report(
                cases,
                seed,
                workers,
                seconds,
                agreedExactly.get(),
                new TreeMap<>(modes),
                new TreeMap<>(classes),
                new TreeMap<>(examples),
                new TreeMap<>(unexplainedCounts),
                findings,
                unexplained);
        Path out = Path.of("target", "differential", "report.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        System.out.println(report);
        assertEquals(
                0,
                unexplained,
                () -> unexplained + " of " + cases + " cases disagree outside the QEMU 7.2 " + "baseline; see "
                        + out.toAbsolutePath() + " for minimal cases");
    }

    private static String report(
            long cases,
            long seed,
            int workers,
            double seconds,
            long exact,
            Map<String, AtomicLong> modes,
            Map<String, AtomicLong> classes,
            Map<String, String> examples,
            Map<String, AtomicLong> unexplained,
            Map<String, Finding> findings,
            long unexplainedTotal)
            throws IOException {
        StringBuilder s = new StringBuilder("# Differential run: reference against QEMU\n\n");
        s.append(String.format(
                "%d cases (seed %d, %d workers) in %.1f s (%.0f cases/s); by mode: %s.%n%n",
                cases, seed, workers, seconds, cases / seconds, modes));
        s.append(String.format("- identical observations: %d%n", exact));
        for (Map.Entry<String, AtomicLong> e : classes.entrySet()) {
            s.append(String.format("- %s: %d%n", e.getKey(), e.getValue().get()));
        }
        s.append(String.format("- unexplained: %d%n%n", unexplainedTotal));
        for (Map.Entry<String, AtomicLong> e : unexplained.entrySet()) {
            s.append(String.format(
                    "## Unexplained: %s (%d cases)%n%n",
                    e.getKey(), e.getValue().get()));
            Finding f = findings.get(e.getKey());
            if (f != null) {
                s.append("Minimal case:\n\n```\n")
                        .append(f.minimal().text())
                        .append(f.verdict().detail())
                        .append("\n```\n\n");
            }
        }
        s.append("## One example per class\n\n");
        for (Map.Entry<String, String> e : examples.entrySet()) {
            s.append("### ")
                    .append(e.getKey())
                    .append("\n\n```\n")
                    .append(e.getValue())
                    .append("\n```\n\n");
        }
        return s.toString();
    }
}
