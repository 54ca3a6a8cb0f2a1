package org.gmck.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gmck.kit.report.CertificationReport;
import org.gmck.kit.report.RuleVerdict;
import org.gmck.kit.report.Verdict;
import org.gmck.reference.binding.ReferenceAdapter;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.common.Profile;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.X86Mmu;
import org.junit.jupiter.api.Test;

/**
 * An engine that cannot be asked some questions (here: no CPU with 5-level paging, as Bochs 2.7) says so in
 * what it throws, and those scenarios are not applicable to it, with its reason: the rule's other scenarios
 * still judge it, a rule none of whose scenarios could be asked is not run (the run is incomplete, never
 * conforming) unless its baseline lists it, and nothing that could not be asked counts as passed.
 */
class NotAskableTest {

    /** The reference, refusing to be asked anything under CR4.LA57. */
    static ConformanceAdapter withoutFiveLevelPaging() {
        ConformanceAdapter reference = KitRuns.declaring(new ReferenceAdapter(), Set.of(Profile.X86_PAGING));
        return (ConformanceAdapter) Proxy.newProxyInstance(
                ConformanceAdapter.class.getClassLoader(), new Class<?>[] {ConformanceAdapter.class}, (p, m, a) -> {
                    if (m.getName().equals("name") && m.getParameterCount() == 0) {
                        return "no-five-level";
                    }
                    Object real = invoke(m, reference, a);
                    return m.getName().equals("newX86Mmu") ? withoutLa57((X86Mmu) real) : real;
                });
    }

    private static X86Mmu withoutLa57(X86Mmu mmu) {
        return (X86Mmu) Proxy.newProxyInstance(
                X86Mmu.class.getClassLoader(), new Class<?>[] {X86Mmu.class}, (p, m, a) -> {
                    if (m.getName().equals("loadControlRegisters")
                            && a[0] instanceof ControlRegisters r
                            && (r.cr4() & ControlRegisters.CR4_LA57) != 0) {
                        throw new UnsupportedOperationException(
                                "this engine cannot be asked this: it has no CPU with LA57");
                    }
                    return invoke(m, mmu, a);
                });
    }

    private static Object invoke(java.lang.reflect.Method m, Object target, Object[] a) throws Throwable {
        try {
            return m.invoke(target, a);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static RuleVerdict rule(CertificationReport report, String id) {
        return report.rules().stream()
                .filter(v -> v.rule().id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void questionsAnEngineCannotBeAskedAreNotApplicableAndNeverPassed() throws IOException {
        CertificationReport report = KitRuns.run(
                        "not-askable/plain", withoutFiveLevelPaging(), Optional.empty(), Optional.empty())
                .report();
        assertEquals(List.of(), report.with(Verdict.FAIL), "nothing fails: " + report.headline());
        assertEquals(CertificationReport.Outcome.INCOMPLETE, report.outcome(), report.headline());
        RuleVerdict onlyFiveLevel = rule(report, "X86-CANON-2");
        assertEquals(Verdict.NOT_RUN, onlyFiveLevel.verdict(), onlyFiveLevel.reason());
        RuleVerdict mixed = rule(report, "X86-AR-1");
        assertEquals(Verdict.PASS, mixed.verdict(), mixed.reason());
        assertTrue(
                mixed.scenarios().stream().anyMatch(s -> s.message().contains("cannot be asked this: this engine")),
                "the 5-level scenarios of X86-AR-1 are not applicable, with the engine's reason");
        assertTrue(mixed.scenarios().stream().anyMatch(s -> s.passed()), "the others judge the rule");

        Path baseline = Files.createDirectories(Path.of("target", "runs", "not-askable"))
                .resolve("baseline.txt");
        List<String> lines = report.with(Verdict.NOT_RUN).stream()
                .map(v -> v.rule().id() + " not askable: every scenario needs 5-level paging")
                .toList();
        Files.write(baseline, lines);
        CertificationReport baselined = KitRuns.run(
                        "not-askable/baselined", withoutFiveLevelPaging(), Optional.of(baseline), Optional.empty())
                .report();
        assertEquals(
                CertificationReport.Outcome.NOT_CONFORMING_AS_BASELINED, baselined.outcome(), baselined.headline());
        assertEquals(Verdict.EXPECTED_FAILURE, rule(baselined, "X86-CANON-2").verdict());
    }
}
