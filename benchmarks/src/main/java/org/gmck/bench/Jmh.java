package org.gmck.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the benchmarks of one class with the run's settings and gives back their scores. Every figure the
 * report prints is a ratio of two scores from the same call, so the two sides share the machine's state.
 */
public final class Jmh {

    /**
     * A score: benchmark method, its parameters as "name=value,...", and the mean and the median of the
     * measurements in the method's unit (a single shot on a shared machine can be held up for seconds by the
     * scheduler, which moves the mean and not the median).
     */
    public record Score(
            String method, String params, double mean, double error, double median, List<Double> forkMedians) {}

    private final boolean quick;

    public Jmh(boolean quick) {
        this.quick = quick;
    }

    /** Iteration settings as the report states them. */
    public String describe() {
        return quick
                ? "1 fork; time-based: 1 warm-up x 100 ms, 1 measurement x 200 ms; single-shot: 1 warm-up, 2 measured"
                : "1 fork; time-based: 2 warm-up x 1 s, 3 measurements x 500 ms; single-shot: 15 warm-up, 10 measured "
                        + "(GMM round trips: 3 forks, judged on the median of their 9 measurements; SyncCR3 alone: no warm-up beyond the guest reading every page first, 2 measured; SyncCR3 + resync: 100 warm-up and 30 measured up to 16 K pages (judged on the median), 3 warm-up and 2 measured above; "
                        + "write faults in guest physical memory: 50 warm-up, 10 measured; faults through the shadow: 5 forks, each 150 warm-up and 10 measured, judged on the median of the 50; each fault measurement a batch of thousands; every single-shot fork touches its whole heap before it starts)";
    }

    /** Runs every benchmark method of {@code type} with the given parameter values (others as annotated). */
    public List<Score> run(Class<?> type, boolean singleShot, Map<String, String[]> params) {
        return run(type, singleShot, params, 15, 10);
    }

    /** As {@link #run(Class, boolean, Map)}, with the single-shot iteration counts of a full run given. */
    public List<Score> run(
            Class<?> type, boolean singleShot, Map<String, String[]> params, int shotWarmups, int shots) {
        return run(type, singleShot, params, shotWarmups, shots, 1);
    }

    /**
     * As {@link #run(Class, boolean, Map, int, int)}, in {@code forks} JVMs of a full run (one in a quick run): the
     * scores pool every fork's measurements, for figures whose forks settle at different speeds, and give each
     * fork's median too. A fork of single shots touches its whole heap first ({@code -XX:+AlwaysPreTouch}), paying
     * for the operating system mapping in each page of it before it measures: a shot that allocates into young
     * memory never touched before would otherwise pay for that in the shot, until the first collection has run,
     * which a shot that allocates little does not reach in its warm-up.
     */
    public List<Score> run(
            Class<?> type, boolean singleShot, Map<String, String[]> params, int shotWarmups, int shots, int forks) {
        List<String> jvmArgs = new ArrayList<>(List.of("-Xms1g", "-Xmx1g", "-XX:+UseSerialGC"));
        if (singleShot) {
            jvmArgs.add("-XX:+AlwaysPreTouch");
        }
        ChainedOptionsBuilder b = new OptionsBuilder()
                .include(type.getName().replace(".", "\\.") + "\\.")
                .forks(quick ? 1 : forks)
                .jvmArgs(jvmArgs.toArray(String[]::new))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT);
        if (singleShot) {
            b.warmupIterations(quick ? 1 : shotWarmups).measurementIterations(quick ? 2 : shots);
        } else {
            b.warmupIterations(quick ? 1 : 2)
                    .warmupTime(TimeValue.milliseconds(quick ? 100 : 1000))
                    .measurementIterations(quick ? 1 : 3)
                    .measurementTime(TimeValue.milliseconds(quick ? 200 : 500));
        }
        params.forEach(b::param);
        Collection<RunResult> results;
        try {
            results = new Runner(b.build()).run();
        } catch (RunnerException e) {
            throw new IllegalStateException("JMH run of " + type.getSimpleName() + " failed", e);
        }
        List<Score> scores = new ArrayList<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            String method = name.substring(name.lastIndexOf('.') + 1);
            List<String> ps = new ArrayList<>();
            for (String key : r.getParams().getParamsKeys()) {
                ps.add(key + "=" + r.getParams().getParam(key));
            }
            double error = r.getPrimaryResult().getScoreError();
            List<Double> forkMedians = new ArrayList<>();
            for (BenchmarkResult fork : r.getBenchmarkResults()) {
                forkMedians.add(fork.getPrimaryResult().getStatistics().getPercentile(50));
            }
            Score s = new Score(
                    method,
                    String.join(",", ps),
                    r.getPrimaryResult().getScore(),
                    Double.isNaN(error) ? 0 : error,
                    r.getPrimaryResult().getStatistics().getPercentile(50),
                    List.copyOf(forkMedians));
            System.out.printf(
                    "  %-22s %-40s %12.3f %s%n",
                    method, s.params(), s.mean(), r.getPrimaryResult().getScoreUnit());
            scores.add(s);
        }
        return scores;
    }

    /** The score of a method whose parameters include all of {@code with} ("name=value"). */
    public static Score find(List<Score> scores, String method, String... with) {
        for (Score s : scores) {
            if (s.method().equals(method) && matches(s.params(), with)) {
                return s;
            }
        }
        throw new IllegalStateException("no score for " + method + " " + String.join(",", with));
    }

    private static boolean matches(String params, String[] with) {
        for (String w : with) {
            if (!("," + params + ",").contains("," + w + ",")) {
                return false;
            }
        }
        return true;
    }
}
