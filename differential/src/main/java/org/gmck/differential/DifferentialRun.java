package org.gmck.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A differential run: case {@code i} of {@code cases} (from {@link CaseGenerator#caseAt}) is put to the
 * reference and to every engine, each engine's observation is classified, and, with two engines or more, a
 * case where the engines agree with each other against the reference is counted apart (settled by {@link
 * SettledAgreements}, or unexplained). Only the shard's cases are run; workers share them out. Each
 * unexplained signature keeps its lowest-index case, shrunk, so the report does not depend on the workers or
 * on the sharding.
 *
 * @param title     the report's heading
 * @param seed      the run's seed
 * @param cases     the cases of the whole, unsharded run
 * @param shard     the part of them this run puts
 * @param workers   threads putting cases (each engine keeps one machine per thread)
 * @param reference how a case is put to the reference
 * @param engines   the engines compared with it
 * @param batch     how many consecutive cases of the shard a worker puts to each engine at once
 * @param source    where case {@code i} comes from ({@link CaseSource#generated} for {@code seed} unless told
 *                  otherwise; {@code cases} is then how many of them the run has)
 */
public record DifferentialRun(
        String title,
        long seed,
        long cases,
        Shard shard,
        int workers,
        Function<CaseSpec, Observation> reference,
        List<Engine> engines,
        int batch,
        CaseSource source) {

    /** Cases a worker puts at once unless told otherwise. */
    public static final int DEFAULT_BATCH = 1;

    /** A run that puts its cases one at a time. */
    public DifferentialRun(
            String title,
            long seed,
            long cases,
            Shard shard,
            int workers,
            Function<CaseSpec, Observation> reference,
            List<Engine> engines) {
        this(title, seed, cases, shard, workers, reference, engines, DEFAULT_BATCH, CaseSource.generated(seed));
    }

    /** The same run putting {@code size} cases at once to each engine. */
    public DifferentialRun withBatch(int size) {
        return new DifferentialRun(title, seed, cases, shard, workers, reference, engines, size, source);
    }

    /** The same run over other cases (such as a sample of the fixtures); {@code cases} must not exceed them. */
    public DifferentialRun withCases(CaseSource other) {
        return new DifferentialRun(title, seed, cases, shard, workers, reference, engines, batch, other);
    }

    /** Signatures beyond this many are reported with their first case as it came, unshrunk. */
    private static final int SHRUNK_FINDINGS = 60;

    public DifferentialRun {
        engines = List.copyOf(engines);
        if (batch < 1) {
            throw new IllegalArgumentException("batch " + batch + ": at least one case at a time");
        }
    }

    private record Seen(long index, CaseSpec spec, String text) {}

    private static final class Tally {
        final AtomicLong identical = new AtomicLong();
        final Map<String, AtomicLong> classes = new ConcurrentHashMap<>();
        final Map<String, AtomicLong> unexplained = new ConcurrentHashMap<>();

        EngineTally freeze() {
            return new EngineTally(identical.get(), counts(classes), counts(unexplained));
        }
    }

    /** Puts the shard's cases and returns the report; the caller decides whether it passes. */
    public RunReport run() throws Exception {
        Map<String, AtomicLong> modes = new ConcurrentHashMap<>();
        Map<String, Tally> tallies = new ConcurrentHashMap<>();
        engines.forEach(e -> tallies.put(e.name(), new Tally()));
        Map<String, AtomicLong> settled = new ConcurrentHashMap<>();
        Map<String, AtomicLong> unsettled = new ConcurrentHashMap<>();
        Map<String, Seen> examples = new ConcurrentHashMap<>();
        Map<String, Seen> firstUnexplained = new ConcurrentHashMap<>();
        Map<String, Function<CaseSpec, Verdict>> judges = new ConcurrentHashMap<>();
        long size = shard.size(cases);
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, workers));
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int w = 0; w < Math.max(1, workers); w++) {
                jobs.add(pool.submit(() -> {
                    for (long k = next.getAndAdd(batch); k < size; k = next.getAndAdd(batch)) {
                        List<Long> indices = new ArrayList<>();
                        List<CaseSpec> specs = new ArrayList<>();
                        for (long j = k; j < Math.min(size, k + batch); j++) {
                            long index = shard.caseIndex(j);
                            indices.add(index);
                            specs.add(source.at(index));
                        }
                        List<List<Observation>> answers = new ArrayList<>();
                        for (Engine e : engines) {
                            answers.add(e.observeAll(specs));
                        }
                        for (int i = 0; i < specs.size(); i++) {
                            long index = indices.get(i);
                            CaseSpec c = specs.get(i);
                            Observation ref = reference.apply(c);
                            count(modes, c.registers().pagingMode().name());
                            List<Observation> seen = new ArrayList<>();
                            boolean allAskable = true;
                            for (int n = 0; n < engines.size(); n++) {
                                Engine e = engines.get(n);
                                Observation o = answers.get(n).get(i);
                                seen.add(o);
                                allAskable &= judge(e, c, ref, o, index, tallies, examples, firstUnexplained, judges);
                            }
                            agreement(c, ref, seen, allAskable, index, settled, unsettled, examples, firstUnexplained);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : jobs) {
                f.get();
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        SortedMap<String, Example> findings = new TreeMap<>();
        int shrunk = 0;
        for (Map.Entry<String, Seen> e : new TreeMap<>(firstUnexplained).entrySet()) {
            Seen s = e.getValue();
            Function<CaseSpec, Verdict> judge = judges.get(e.getKey());
            if (judge == null) {
                findings.put(e.getKey(), new Example(s.index(), s.text()));
                continue;
            }
            String signature = e.getKey().substring(e.getKey().indexOf(": ") + 2);
            CaseSpec minimal = shrunk++ < SHRUNK_FINDINGS ? new Shrinker(judge).shrink(s.spec(), signature) : s.spec();
            findings.put(
                    e.getKey(),
                    new Example(
                            s.index(),
                            named(s.index(), minimal.text())
                                    + judge.apply(minimal).detail()));
        }
        SortedMap<String, EngineTally> frozen = new TreeMap<>();
        tallies.forEach((k, t) -> frozen.put(k, t.freeze()));
        SortedMap<String, Example> exampleTexts = new TreeMap<>();
        examples.forEach((k, s) -> exampleTexts.put(k, new Example(s.index(), s.text())));
        return new RunReport(
                title,
                engines.stream().map(Engine::name).toList(),
                seed,
                cases,
                List.of(shard.toString()),
                seconds,
                counts(modes),
                frozen,
                counts(settled),
                counts(unsettled),
                exampleTexts,
                findings);
    }

    /** Classifies one engine's observation of case {@code c}; false when the engine could not be asked it. */
    private boolean judge(
            Engine e,
            CaseSpec c,
            Observation ref,
            Observation o,
            long index,
            Map<String, Tally> tallies,
            Map<String, Seen> examples,
            Map<String, Seen> firstUnexplained,
            Map<String, Function<CaseSpec, Verdict>> judges) {
        Verdict v = e.classifier().classify(c, ref, o);
        Tally t = tallies.get(e.name());
        if (v.classes().isEmpty() && v.agrees()) {
            t.identical.incrementAndGet();
        }
        for (String k2 : v.classes()) {
            count(t.classes, k2);
            keepFirst(examples, e.name() + ": " + k2, new Seen(index, c, named(index, c.text()) + v.detail()));
        }
        if (!v.agrees()) {
            count(t.unexplained, v.unexplained());
            keepFirst(firstUnexplained, e.name() + ": " + v.unexplained(), new Seen(index, c, ""));
            judges.putIfAbsent(
                    e.name() + ": " + v.unexplained(),
                    s -> e.classifier()
                            .classify(s, reference.apply(s), e.observe().apply(s)));
        }
        return !v.classes().contains("NOT-ASKABLE");
    }

    /** With two engines or more, counts a case where all of them agree with each other against the reference. */
    private void agreement(
            CaseSpec c,
            Observation ref,
            List<Observation> seen,
            boolean allAskable,
            long index,
            Map<String, AtomicLong> settled,
            Map<String, AtomicLong> unsettled,
            Map<String, Seen> examples,
            Map<String, Seen> firstUnexplained) {
        if (engines.size() < 2
                || !allAskable
                || seen.stream().distinct().count() != 1
                || seen.get(0).equals(ref)) {
            return;
        }
        String detail = named(index, c.text()) + "reference: " + ref.summary() + "\nengines:   "
                + seen.get(0).summary();
        Optional<String> known = SettledAgreements.settle(c, ref, seen.get(0));
        if (known.isPresent()) {
            count(settled, known.get());
            keepFirst(examples, "agreement: " + known.get(), new Seen(index, c, detail));
        } else {
            String sig = SettledAgreements.signature(c, ref, seen.get(0));
            count(unsettled, sig);
            keepFirst(firstUnexplained, "agreement: " + sig, new Seen(index, c, detail));
        }
    }

    /** The case's text under its label, when the source gives it one. */
    private String named(long index, String text) {
        String label = source.label(index);
        return label.isEmpty() ? text : label + System.lineSeparator() + text;
    }

    private static void count(Map<String, AtomicLong> m, String key) {
        m.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    }

    private static void keepFirst(Map<String, Seen> m, String key, Seen s) {
        m.merge(key, s, (a, b) -> a.index() <= b.index() ? a : b);
    }

    private static SortedMap<String, Long> counts(Map<String, AtomicLong> m) {
        SortedMap<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }
}
