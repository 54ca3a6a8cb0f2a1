package org.gmck.kit.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * The progress of a certification, on standard error while it runs: the profile and feature (or check)
 * running, how many of the run's checks are done, and the rate, at most once a {@link #EVERY}, and a last
 * line when the run ends.
 */
final class Progress implements TestExecutionListener {

    static final Duration EVERY = Duration.ofSeconds(1);

    private final PrintWriter err;
    private final LongSupplier nanoTime;
    private TestPlan plan;
    private long total;
    private long done;
    private long start;
    private long last;
    private String current = "";

    Progress(PrintWriter err, LongSupplier nanoTime) {
        this.err = err;
        this.nanoTime = nanoTime;
    }

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        total = testPlan.countTestIdentifiers(TestIdentifier::isTest);
        done = 0;
        start = nanoTime.getAsLong();
        last = start;
        err.println("gmck: " + total + " checks to run");
        err.flush();
    }

    @Override
    public synchronized void dynamicTestRegistered(TestIdentifier test) {
        if (test.isTest()) {
            total++;
        }
    }

    @Override
    public synchronized void executionStarted(TestIdentifier test) {
        if (test.isTest()) {
            current = where(test);
        }
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier test, String reason) {
        done += test.isTest()
                ? 1
                : plan == null
                        ? 0
                        : plan.getDescendants(test).stream()
                                .filter(TestIdentifier::isTest)
                                .count();
        maybeShow();
    }

    @Override
    public synchronized void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (test.isTest()) {
            done++;
            maybeShow();
        }
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan testPlan) {
        long now = nanoTime.getAsLong();
        err.println(
                "gmck: " + done + " of " + total + " checks done in " + seconds(now - start) + " (" + rate(now) + ")");
        err.flush();
    }

    private void maybeShow() {
        long now = nanoTime.getAsLong();
        if (now - last < EVERY.toNanos()) {
            return;
        }
        last = now;
        long percent = total == 0 ? 100 : done * 100 / total;
        err.println("gmck: " + done + " of " + total + " checks (" + percent + "%), " + rate(now) + ", "
                + seconds(now - start) + (current.isEmpty() ? "" : "; running " + current));
        err.flush();
    }

    private String rate(long now) {
        double secs = Math.max(now - start, 1) / 1e9;
        return String.format(Locale.ROOT, "%.1f checks/s", done / secs);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    /** The profile and feature file of a scenario, or the class and method of another check. */
    static String where(TestIdentifier test) {
        String profile = test.getTags().stream()
                .map(TestTag::getName)
                .filter(t -> t.startsWith("profile:"))
                .map(t -> t.substring("profile:".length()) + " ")
                .findFirst()
                .orElse("");
        TestSource source = test.getSource().orElse(null);
        String what;
        if (source instanceof ClasspathResourceSource c) {
            what = c.getClasspathResourceName();
        } else if (source instanceof FileSource f) {
            what = f.getFile().getName();
        } else if (source instanceof MethodSource m) {
            String type = m.getClassName();
            what = type.substring(type.lastIndexOf('.') + 1) + "." + m.getMethodName();
        } else {
            what = test.getDisplayName();
        }
        return profile + what;
    }
}
