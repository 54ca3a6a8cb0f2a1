package org.gmck.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gmck.kit.certify.Certification;
import org.gmck.kit.certify.CheckSettings;
import org.gmck.kit.protocol.ProcessAdapter;
import org.gmck.kit.report.CertificationReport;
import org.gmck.kit.report.RuleVerdict;
import org.gmck.kit.report.Verdict;
import org.gmck.spi.common.Profile;
import org.junit.jupiter.api.Test;

/**
 * The adapter protocol changes nothing a certification finds: the reference served in a child JVM over the
 * protocol ({@code --isolate}) gets, on every profile, the same verdict for every rule as in process, from the
 * same number of scenarios, cases and model runs, each with the same outcome.
 *
 * <p>A whole certification of the reference makes about 1.5 million requests and takes one to two minutes over
 * the protocol, too long for every build: by default both runs certify every profile but {@code pgm} (whose
 * models make half the requests) and take the first {@value #SAMPLE} x86 fixture cases of each rule and file.
 * {@code -Dgmck.protocol.full=true} compares whole runs of every profile (see benchmarks/README.md).
 */
class ProtocolEquivalenceTest {

    private static final String SAMPLE = "5";

    private static final boolean FULL = Boolean.getBoolean("gmck.protocol.full");

    @Test
    void theReferenceOverTheProtocolGetsTheVerdictsItGetsInProcess() {
        String sample = FULL ? "all" : SAMPLE;
        String oldTimeout = System.getProperty("conformance.timeout");
        System.setProperty("conformance.timeout", KitRuns.DIRECT);
        CertificationReport inProcess;
        CertificationReport overProtocol;
        try {
            inProcess = certification("reference-in-process", sample)
                    .run(new KnownBad() {}.adapter())
                    .report();
            overProtocol = certification("reference-over-protocol", sample)
                    .runProcess(ProcessAdapter.isolated("reference", List.of()))
                    .report();
        } finally {
            if (oldTimeout == null) {
                System.clearProperty("conformance.timeout");
            } else {
                System.setProperty("conformance.timeout", oldTimeout);
            }
        }
        assertEquals(inProcess.outcome(), overProtocol.outcome(), overProtocol.headline());
        assertEquals(results(inProcess), results(overProtocol));
        assertTrue(overProtocol.adapter().orElseThrow().processes().isPresent(), "the report keeps the process");
        assertEquals(
                1,
                overProtocol
                        .adapter()
                        .orElseThrow()
                        .processes()
                        .get()
                        .processes()
                        .size(),
                "one process serves the whole run");
    }

    private static Certification certification(String folder, String sample) {
        Certification run = Certification.into(Path.of("target", "runs", folder))
                .with(CheckSettings.DEPTH, KitRuns.DEPTH)
                .with(CheckSettings.FIXTURE_SAMPLE, sample);
        if (FULL) {
            return run;
        }
        Set<Profile> some = EnumSet.allOf(Profile.class);
        some.removeAll(EnumSet.of(Profile.PGM, Profile.PGM_INTROSPECTION));
        return run.onlyProfiles(some);
    }

    /** Per rule: its verdict, and the outcome of each scenario, case tally and model run that decided it. */
    private static Map<String, String> results(CertificationReport report) {
        Map<String, String> results = new LinkedHashMap<>();
        for (RuleVerdict r : report.rules()) {
            StringBuilder s = new StringBuilder(r.verdict().label());
            r.evidence()
                    .scenarios()
                    .forEach(o ->
                            s.append(" | ").append(o.location()).append(' ').append(o.status()));
            r.evidence()
                    .cases()
                    .forEach(c -> s.append(" | ")
                            .append(c.source())
                            .append(": ")
                            .append(c.ran())
                            .append(" ran, ")
                            .append(c.failed())
                            .append(" failed, ")
                            .append(c.notAskable())
                            .append(" not askable"));
            r.evidence().models().forEach(m -> s.append(" | model ").append(m.failed() ? "failed" : "passed"));
            results.put(r.rule().id(), s.toString());
        }
        assertTrue(report.rules().stream().anyMatch(r -> r.verdict() == Verdict.PASS), "rules passed");
        return results;
    }
}
