package org.gmck.bochs.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.gmck.bochs.process.BochsInstallation;
import org.gmck.differential.CaseGenerator;
import org.gmck.differential.CaseSpec;
import org.gmck.differential.InstalledAdapters;
import org.gmck.differential.Observation;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.x86.X86PagingMode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The batch path answers exactly as the single-query path: the same generated cases (every paging mode, user and
 * supervisor, reads, writes, fetches and implicit reads, faults of every kind) are put to Bochs both ways and
 * their observations compared case by case (register load, access outcome with error code and CR2, memory
 * afterwards). About a third of the generator's cases reach Bochs (the rest ask what its CPU cannot stand for,
 * decided the same way on both paths); the test checks that those cover every mode Bochs has, both outcomes,
 * every kind of access and every privilege. {@code -Dbochs.equivalence.cases=N} (default 1,000, which
 * {@code mvn verify} runs; CI's Bochs step runs 3,000) and {@code -Dbochs.equivalence.seed=S}.
 */
class BatchEquivalenceTest {

    @Test
    void batchedObservationsEqualSingleQueryOnes() {
        Optional<String> noBochs = BochsInstallation.unavailableReason();
        Assumptions.assumeTrue(noBochs.isEmpty(), () -> "Skipped: " + noBochs.orElse(""));
        ConformanceAdapter bochs = InstalledAdapters.named("bochs");
        long seed = Long.getLong("bochs.equivalence.seed", 18);
        int n = Integer.getInteger("bochs.equivalence.cases", 1000);
        List<CaseSpec> cases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cases.add(CaseGenerator.caseAt(seed, i));
        }
        long t0 = System.nanoTime();
        List<Observation> batched;
        try (BatchedBochs engine = new BatchedBochs(bochs)) {
            batched = engine.observe(cases);
            System.out.println(engine.summary());
            assertTrue(engine.fallbacks() * 20 <= engine.accesses(), engine::summary);
        }
        long t1 = System.nanoTime();
        List<String> differences = new ArrayList<>();
        int onBochs = 0;
        SortedMap<String, Integer> coverage = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            CaseSpec c = cases.get(i);
            Observation single = Observation.of(bochs, c);
            if (single.outcome() != null && c.registers().pagingMode() != X86PagingMode.NONE) {
                onBochs++;
                coverage.merge(
                        c.registers().pagingMode() + " "
                                + single.outcome().getClass().getSimpleName(),
                        1,
                        Integer::sum);
                coverage.merge(c.access().privilege() + " " + c.access().kind(), 1, Integer::sum);
            }
            if (!single.equals(batched.get(i))) {
                differences.add("case " + i + ":\n" + cases.get(i).text() + "single:  " + single + "\nbatched: "
                        + batched.get(i));
            }
        }
        long t2 = System.nanoTime();
        System.out.printf(
                "%d cases (%d answered by Bochs with an outcome): batched %.1f s, one query at a time %.1f s%n",
                n, onBochs, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
        System.out.println("cases answered by Bochs, by mode and outcome, by privilege and kind: " + coverage);
        for (String k : List.of(
                "BITS32 Translated",
                "BITS32 PageFault",
                "PAE Translated",
                "PAE PageFault",
                "LEVEL4 Translated",
                "LEVEL4 PageFault",
                "LEVEL4 GeneralProtection",
                "USER READ",
                "USER WRITE",
                "USER FETCH",
                "SUPERVISOR READ",
                "SUPERVISOR WRITE",
                "SUPERVISOR FETCH",
                "IMPLICIT_SUPERVISOR READ")) {
            assertTrue(coverage.containsKey(k), () -> "no case compared for " + k + ": " + coverage);
        }
        assertEquals(
                List.of(),
                differences.subList(0, Math.min(5, differences.size())),
                differences.size() + " of " + n + " cases differ");
    }
}
