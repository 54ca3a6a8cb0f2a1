package org.gmck.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * same number of scenarios, cases and model runs, each with the same outcome; and what it says on the way
 * matches the protocol's schema, as does the example session of {@code docs/adapter-protocol.md}.
 *
 * <p>A whole certification of the reference makes about 1.5 million requests and takes one to two minutes over
 * the protocol, too long for every build: by default both runs certify every profile but {@code pgm} (whose
 * model-based runs make half the requests, and would double the test's time) at the quick depth and take the
 * first {@value #SAMPLE} x86 fixture cases of each rule and file. {@code -Dgmck.protocol.full=true} compares
 * whole runs of every profile (measured in benchmarks/README.md).
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
                    .runProcess(ProcessAdapter.isolated("reference", List.of()).tapped(this::sample))
                    .report();
        } finally {
            if (oldTimeout == null) {
                System.clearProperty("conformance.timeout");
            } else {
                System.setProperty("conformance.timeout", oldTimeout);
            }
        }
        assertEquals(inProcess.outcome(), overProtocol.outcome(), overProtocol.headline());
        List<String[]> exchanges =
                traffic.values().stream().flatMap(List::stream).toList();
        assertTrue(traffic.size() > 60, "the run called only " + traffic.keySet());
        assertEquals(List.of(), ProtocolTraffic.problems(exchanges), "the traffic does not match the schema");
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

    /** The first exchanges of each method, to check against the schema. */
    private final Map<String, List<String[]>> traffic = new ConcurrentHashMap<>();

    private void sample(String request, String response) {
        Matcher m = METHOD.matcher(request);
        if (m.find()) {
            List<String[]> kept = traffic.computeIfAbsent(m.group(1), k -> new CopyOnWriteArrayList<>());
            if (kept.size() < PER_METHOD) {
                kept.add(new String[] {request, response});
            }
        }
    }

    private static final Pattern METHOD = Pattern.compile("\"method\":\"([^\"]+)\"");
    private static final int PER_METHOD = 8;

    @Test
    void theDocumentsExampleSessionMatchesTheSchema() throws IOException {
        List<String> lines = Files.readAllLines(ProtocolTraffic.SCHEMA.resolveSibling("adapter-protocol.md"));
        List<String[]> exchanges = new ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).startsWith("> {") && lines.get(i + 1).startsWith("< {")) {
                exchanges.add(new String[] {
                    lines.get(i).substring(2), lines.get(i + 1).substring(2)
                });
            }
        }
        assertTrue(exchanges.size() >= 15, "the example session has " + exchanges.size() + " exchanges");
        assertEquals(List.of(), ProtocolTraffic.problems(exchanges));
        List<String[]> wrong = exchanges.stream()
                .filter(e -> e[0].contains("\"guestPfns\":[\"0x10\""))
                .map(e -> new String[] {e[0].replace("\"0x10\"", "16"), e[1]})
                .toList();
        assertEquals(1, wrong.size());
        assertTrue(!ProtocolTraffic.problems(wrong).isEmpty(), "a 64-bit value written as a number must not pass");
    }

    private static Certification certification(String folder, String sample) {
        Certification run = Certification.into(Path.of("target", "runs", folder))
                .with(CheckSettings.DEPTH, KitRuns.DEPTH)
                .with(CheckSettings.FIXTURE_SAMPLE, sample)
                .with(Certification.CUCUMBER_REPORTS, "false");
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
