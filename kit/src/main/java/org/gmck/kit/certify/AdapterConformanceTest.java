package org.gmck.kit.certify;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import org.gmck.kit.evidence.ScenarioOutcome;
import org.gmck.kit.report.CertificationReport;
import org.gmck.kit.report.ReportSink;
import org.gmck.kit.report.RuleVerdict;
import org.gmck.kit.report.Verdict;
import org.gmck.spi.ConformanceAdapter;
import org.junit.jupiter.api.Test;

/**
 * The entry point for an implementation on the JVM: extend this class in your tests, return your adapter from
 * {@link #adapter()}, and run your build's tests ({@code mvn verify}, or any other JUnit
 * Platform runner). Its one test certifies that adapter instance with everything a certification runs, writes
 * the report's folder ({@code target/conformance/}, or {@code -Dconformance.report.dir}), and fails unless the
 * implementation conforms to every profile it declares, or fails only the rules its expected-failure baseline
 * lists; the failure names the verdict and every rule that decided it, with what to check.
 *
 * <pre>{@code
 * class MyPgmConformanceTest extends AdapterConformanceTest {
 *     @Override
 *     protected ConformanceAdapter adapter() {
 *         return new MyPgmAdapter();
 *     }
 * }
 * }</pre>
 *
 * <p>The command-line options of a certification ({@code -Dconformance.timeout}, {@code -Dconformance.baseline},
 * {@code -Dconformance.depth}, ...) apply; {@code -Dconformance.adapter} does not, since the adapter is the
 * instance {@link #adapter()} returns.
 */
public abstract class AdapterConformanceTest {

    /** How many lines of a failing scenario's message the failure shows for each rule. */
    private static final int MESSAGE_LINES = 6;

    /** The implementation to certify, as the run will use it. Called once per certification. */
    protected abstract ConformanceAdapter adapter();

    /** Where the report goes: {@code -Dconformance.report.dir}, else {@code target/conformance}. */
    protected Path reportFolder() {
        return Path.of(System.getProperty("conformance.report.dir", "target/conformance"));
    }

    /** Certifies {@link #adapter()} and fails unless the run is accepted. */
    @Test
    public final void certify() {
        ReportSink.Published run = Certification.into(reportFolder()).run(adapter());
        CertificationReport report = run.report();
        if (!report.accepted()) {
            fail(failure(report, run.folder()));
        }
    }

    /** The verdict, every rule that keeps the run from being accepted with what to check, and the report. */
    static String failure(CertificationReport report, Path folder) {
        StringBuilder out = new StringBuilder(report.headline());
        for (Verdict verdict : List.of(Verdict.FAIL, Verdict.UNEXPECTED_PASS, Verdict.NOT_RUN)) {
            for (RuleVerdict rule : report.with(verdict)) {
                out.append("\n\n")
                        .append(rule.rule().describe())
                        .append("\n  Verdict: ")
                        .append(verdict.label());
                List<ScenarioOutcome> failing = rule.failing();
                if (failing.isEmpty()) {
                    out.append("\n  Check: ").append(rule.reason());
                } else {
                    ScenarioOutcome first = failing.get(0);
                    out.append("\n  Check: ")
                            .append(first.location())
                            .append(" \"")
                            .append(first.name())
                            .append('"');
                    first.message()
                            .lines()
                            .limit(MESSAGE_LINES)
                            .forEach(line -> out.append("\n    ").append(line));
                    if (failing.size() > 1) {
                        out.append("\n  and ").append(failing.size() - 1).append(" more failing scenarios");
                    }
                }
            }
        }
        out.append("\n\nReport: ")
                .append(folder.resolve("summary.md").toAbsolutePath())
                .append(" (and report.json, summary.html in the same folder)");
        return out.toString();
    }
}
