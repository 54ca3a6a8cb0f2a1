package org.gmck.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.gmck.kit.certify.Certification;
import org.gmck.kit.report.CertificationReport;
import org.gmck.kit.report.ReportSink;
import org.gmck.kit.report.Verdict;
import org.gmck.selftest.hostile.PgmModesOnly;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.common.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Adapters that misbehave where a run is most fragile: in describing themselves, by hanging, by changing
 * their answers. Each run must end, within its limits, with a whole report that matches the schema and
 * whose verdict is honest.
 */
class HostileAdaptersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The paging-mode adapter with one method replaced. */
    static ConformanceAdapter with(String method, Callable<Object> answer) {
        ConformanceAdapter base = new PgmModesOnly();
        return (ConformanceAdapter) Proxy.newProxyInstance(
                ConformanceAdapter.class.getClassLoader(),
                new Class<?>[] {ConformanceAdapter.class},
                (proxy, m, args) -> {
                    if (m.getName().equals(method)) {
                        return answer.call();
                    }
                    try {
                        return m.invoke(base, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    static Object hang() throws InterruptedException {
        Thread.sleep(Long.MAX_VALUE);
        return null;
    }

    static ReportSink.Published run(String folder, ConformanceAdapter adapter, String timeout) {
        return KitRuns.run("hostile/" + folder, adapter, Optional.empty(), Optional.empty(), timeout);
    }

    /** The report on disk: present, valid against the schema, and saying the same as the one returned. */
    static JsonNode written(ReportSink.Published run) throws IOException {
        Path file = run.folder().resolve("report.json");
        assertTrue(Files.isRegularFile(file), "no report.json in " + run.folder());
        JsonNode report = JSON.readTree(file.toFile());
        JsonNode schema = JSON.readTree(
                HostileAdaptersTest.class.getClassLoader().getResourceAsStream("certification-report-1.schema.json"));
        assertEquals(List.of(), SchemaCheck.problems(schema, report), "report.json does not match the schema");
        assertEquals(
                run.report().outcome().label(), report.at("/outcome/verdict").asText());
        return report;
    }

    @ParameterizedTest(name = "{0}() hangs")
    @ValueSource(strings = {"name", "version", "profiles", "parameters"})
    void anAdapterThatHangsDescribingItselfEndsTheRunWithAnError(String method) throws IOException {
        long start = System.nanoTime();
        ReportSink.Published run = run("hangs-in-" + method, with(method, HostileAdaptersTest::hang), "1s");
        CertificationReport report = run.report();
        assertEquals(CertificationReport.Outcome.ERROR, report.outcome(), report.headline());
        assertTrue(
                report.headline().contains(method + "()") && report.headline().contains("did not answer within 1 s"),
                report.headline());
        assertTrue(System.nanoTime() - start < 60_000_000_000L, "the run took more than a minute");
        written(run);
    }

    @ParameterizedTest(name = "{0}() returns null")
    @ValueSource(strings = {"name", "version", "profiles", "parameters"})
    void anAdapterThatDescribesItselfWithNullIsAnError(String method) throws IOException {
        ReportSink.Published run = run("null-" + method, with(method, () -> null), KitRuns.DIRECT);
        CertificationReport report = run.report();
        assertEquals(CertificationReport.Outcome.ERROR, report.outcome(), report.headline());
        assertTrue(report.headline().contains(method + "() returned null"), report.headline());
        assertFalse(report.accepted());
        written(run);
    }

    @Test
    void aBlankVersionIsAnError() throws IOException {
        ReportSink.Published run = run("blank-version", with("version", () -> "  "), KitRuns.DIRECT);
        assertEquals(
                CertificationReport.Outcome.ERROR,
                run.report().outcome(),
                run.report().headline());
        written(run);
    }

    @Test
    void theProfilesAreReadOnceSoTheyCannotChangeDuringTheRun() throws IOException {
        AtomicInteger asked = new AtomicInteger();
        ReportSink.Published run = run(
                "fickle-profiles",
                with("profiles", () -> asked.getAndIncrement() == 0 ? Set.of(Profile.PGM_MODES) : Set.of()),
                KitRuns.DIRECT);
        CertificationReport report = run.report();
        assertEquals(1, asked.get(), "profiles() was asked more than once");
        assertEquals(CertificationReport.Outcome.CONFORMING, report.outcome(), report.headline());
        assertEquals(Set.of(Profile.PGM_MODES), report.declared());
        written(run);
    }

    @Test
    void anAdapterThatStopsAnsweringEndsTheRunAfterFiveUnansweredCalls() throws IOException {
        long start = System.nanoTime();
        ReportSink.Published run = run("hangs-always", with("pagingModes", HostileAdaptersTest::hang), "1s");
        CertificationReport report = run.report();
        assertFalse(report.accepted(), report.headline());
        assertTrue(report.stoppedEarly().orElse("").contains("left 5 calls unanswered"), report.headline());
        assertTrue(
                report.rules().stream()
                        .flatMap(r -> r.scenarios().stream())
                        .anyMatch(s -> s.status().equals("not-run")),
                "no scenario is recorded as not run");
        assertTrue(System.nanoTime() - start < 120_000_000_000L, "the run took more than two minutes");
        written(run);
    }

    @Test
    void aRunPastItsCapStopsAndSaysWhatDidNotRun() throws IOException {
        ReportSink.Published run = Certification.into(Path.of("target", "runs", "hostile", "cap"))
                .with("conformance.run-timeout", "1ms")
                .run(new PgmModesOnly());
        CertificationReport report = run.report();
        assertEquals(CertificationReport.Outcome.INCOMPLETE, report.outcome(), report.headline());
        assertTrue(report.headline().contains("cap of 1 ms passed"), report.headline());
        assertFalse(report.with(Verdict.NOT_RUN).isEmpty(), "no rule is not-run");
        assertEquals(0, report.with(Verdict.PASS).size(), "a rule passed although its scenarios did not run");
        written(run);
    }
}
