package org.gmck.selftest;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.gmck.kit.certify.Certification;
import org.gmck.kit.certify.CheckSettings;
import org.gmck.kit.report.ReportSink;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.common.Profile;

/** Runs of the published suite in this JVM, each with its own report folder under {@code target/}. */
final class KitRuns {

    /** Short enough that a hanging adapter costs little, long enough for any honest call. */
    static final String TIMEOUT = "3s";
    /**
     * For adapters that cannot hang: calls run on the scenario's thread. The reference and the known-bad
     * adapters whose fault is not a hang are run this way; the hand-over to a worker thread per call costs more
     * than most calls.
     */
    static final String DIRECT = "none";

    private static ReportSink.Published reference;

    private KitRuns() {}

    /** How deep known-bad runs play the models: enough to show a fault, quick enough for many adapters. */
    static final String DEPTH = "quick";

    /**
     * Runs the suite against an adapter, with an optional baseline file, optionally only the scenarios and
     * checks of some profiles. The kit's own reports are written; Cucumber's are not, since no self-test reads
     * them and they cost a sixth of a run.
     */
    static ReportSink.Published run(
            String folder, ConformanceAdapter adapter, Optional<Path> baseline, Optional<Set<Profile>> profiles) {
        return run(folder, adapter, baseline, profiles, DIRECT);
    }

    /** As {@link #run(String, ConformanceAdapter, Optional, Optional)}, with a timeout per call. */
    static ReportSink.Published run(
            String folder,
            ConformanceAdapter adapter,
            Optional<Path> baseline,
            Optional<Set<Profile>> profiles,
            String timeout) {
        String oldTimeout = System.getProperty("conformance.timeout");
        String oldBaseline = System.getProperty("conformance.baseline");
        System.setProperty("conformance.timeout", timeout);
        if (baseline.isPresent()) {
            System.setProperty("conformance.baseline", baseline.get().toString());
        } else {
            System.clearProperty("conformance.baseline");
        }
        try {
            Certification run = Certification.into(Path.of("target", "runs", folder))
                    .with(CheckSettings.DEPTH, DEPTH)
                    .with(Certification.CUCUMBER_REPORTS, "false");
            return (profiles.isPresent() ? run.onlyProfiles(profiles.get()) : run).run(adapter);
        } finally {
            restore("conformance.timeout", oldTimeout);
            restore("conformance.baseline", oldBaseline);
        }
    }

    /**
     * The adapter, declaring only these profiles: a run of it is whole (no rule of a declared profile is left
     * out) yet runs only those profiles' checks, which keeps the kit's tests of its report and baseline quick.
     */
    static ConformanceAdapter declaring(ConformanceAdapter adapter, Set<Profile> profiles) {
        return (ConformanceAdapter) java.lang.reflect.Proxy.newProxyInstance(
                ConformanceAdapter.class.getClassLoader(),
                new Class<?>[] {ConformanceAdapter.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("profiles") && method.getParameterCount() == 0) {
                        return Set.copyOf(profiles);
                    }
                    try {
                        return method.invoke(adapter, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /**
     * The reference through the same harness as the known-bad adapters, run once per JVM, into a folder of the
     * test fork's own (the build runs the self-tests in two forks side by side).
     */
    static synchronized ReportSink.Published reference() {
        if (reference == null) {
            String fork = System.getProperty("gmck.selftest.fork", "").strip();
            reference = run(
                    fork.isEmpty() ? "reference" : "reference-" + fork,
                    new KnownBad() {}.adapter(),
                    Optional.empty(),
                    Optional.empty());
        }
        return reference;
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
