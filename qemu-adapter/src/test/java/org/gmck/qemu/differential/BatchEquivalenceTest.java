package org.gmck.qemu.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gmck.differential.CaseGenerator;
import org.gmck.differential.CaseSpec;
import org.gmck.differential.Observation;
import org.gmck.qemu.binding.QemuBatching;
import org.gmck.qemu.process.QemuInstallation;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.x86.X86PagingMode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The batch path answers exactly as the single-step path: generated cases (every paging mode, user,
 * supervisor and implicit accesses, reads, writes and fetches, faults of every kind) are put both ways to
 * QEMU and their observations compared case by case (load outcome, access outcome with error code and
 * CR2 or translation, memory afterwards). {@code -Dbatch.equivalence.cases=N} (default 2,000). Skipped
 * without QEMU.
 */
class BatchEquivalenceTest {

    /** The observation without the process id a failure names (each path may have restarted QEMU). */
    private static Observation withoutPid(Observation o) {
        return o.failure() == null
                ? o
                : new Observation(o.load(), o.outcome(), o.failure().replaceAll("pid \\d+", "pid N"), o.memoryAfter());
    }

    @Test
    void batchedObservationsEqualSingleStepped() {
        Optional<String> missing = QemuInstallation.unavailableReason();
        Assumptions.assumeTrue(missing.isEmpty(), () -> "Skipped: " + missing.orElse(""));
        ConformanceAdapter qemu = DifferentialRunTest.adapter("qemu");
        int n = Integer.getInteger("batch.equivalence.cases", 2000);
        List<CaseSpec> cases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cases.add(CaseGenerator.caseAt(
                    Long.getLong("batch.equivalence.seed", 18), Long.getLong("batch.equivalence.from", 0) + i));
        }
        long t0 = System.nanoTime();
        List<Observation> single =
                cases.stream().map(c -> Observation.of(qemu, c)).toList();
        long t1 = System.nanoTime();
        QemuBatching.resetStats();
        List<Observation> batched = new ArrayList<>();
        int size = 500;
        for (int from = 0; from < n; from += size) {
            batched.addAll(QemuBatching.observeAll(
                    cases.subList(from, Math.min(n, from + size)), c -> Observation.of(qemu, c)));
        }
        long t2 = System.nanoTime();
        QemuBatching.Stats stats = QemuBatching.stats();
        Map<X86PagingMode, Integer> perMode = new EnumMap<>(X86PagingMode.class);
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            perMode.merge(cases.get(i).registers().pagingMode(), 1, Integer::sum);
            if (!withoutPid(single.get(i)).equals(withoutPid(batched.get(i)))) {
                differences.add("case " + i + ":\n" + cases.get(i).text() + "single:  " + single.get(i) + "\nbatched: "
                        + batched.get(i));
            }
        }
        System.out.printf(
                "batch equivalence: %d cases %s; single-step %.0f cases/s, batched %.0f cases/s; %s%n",
                n, perMode, n / ((t1 - t0) / 1e9), n / ((t2 - t1) / 1e9), stats.summary());
        differences.stream().limit(5).forEach(System.out::println);
        assertEquals(
                0,
                differences.size(),
                () -> differences.size() + " of " + n + " cases differ; first:\n" + differences.get(0));
        assertTrue(
                stats.casesFellBack() * 10 < stats.cases(),
                () -> "more than a tenth of the cases fell back to the single-step path: " + stats.summary());
    }
}
