package org.gmck.bochs.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.gmck.bochs.process.BochsInstallation;
import org.gmck.differential.CaseGenerator;
import org.gmck.differential.CaseSpec;
import org.gmck.differential.Observation;
import org.gmck.spi.ConformanceAdapter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The batch path answers exactly as the single-query path: the same generated cases (every paging mode, user and
 * supervisor, reads, writes, fetches and implicit reads, faults of every kind) are put to Bochs both ways and
 * their observations compared case by case (register load, access outcome with error code and CR2, memory
 * afterwards). {@code -Dbochs.equivalence.cases=N} (default 1,500) and {@code -Dbochs.equivalence.seed=S}.
 */
class BatchEquivalenceTest {

    @Test
    void batchedObservationsEqualSingleQueryOnes() {
        Optional<String> noBochs = BochsInstallation.unavailableReason();
        Assumptions.assumeTrue(noBochs.isEmpty(), () -> "Skipped: " + noBochs.orElse(""));
        ConformanceAdapter bochs = ServiceLoader.load(ConformanceAdapter.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(a -> a.name().equals("bochs"))
                .findFirst()
                .orElseThrow();
        long seed = Long.getLong("bochs.equivalence.seed", 18);
        int n = Integer.getInteger("bochs.equivalence.cases", 1500);
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
        for (int i = 0; i < n; i++) {
            Observation single = Observation.of(bochs, cases.get(i));
            if (single.outcome() != null
                    || single.failure() != null && !single.failure().contains("cannot be asked")) {
                onBochs++;
            }
            if (!single.equals(batched.get(i))) {
                differences.add("case " + i + ":\n" + cases.get(i).text() + "single:  " + single + "\nbatched: "
                        + batched.get(i));
            }
        }
        long t2 = System.nanoTime();
        System.out.printf(
                "%d cases (%d answered by Bochs): batched %.1f s, one query at a time %.1f s%n",
                n, onBochs, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
        assertEquals(
                List.of(),
                differences.subList(0, Math.min(5, differences.size())),
                differences.size() + " of " + n + " cases differ");
    }
}
