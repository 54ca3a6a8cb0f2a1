package org.gmck.bochs.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.gmck.bochs.process.BochsInstallation;
import org.gmck.engine.AccessKind;
import org.gmck.engine.MachineFailureException;
import org.gmck.engine.MachineOutcome;
import org.gmck.engine.MachineQuery;
import org.gmck.engine.PagingMode;
import org.gmck.engine.QueryRejectedException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The batch machine over many small rounds answers each query as the single-query machine does: random 4-level
 * and PAE queries (flags, privilege, kind, WP, NX, SMEP, SMAP, non-canonical addresses), probes among them, put
 * both ways.
 */
class BatchMachineTest {

    private static String text(BatchAnswer a) {
        if (a instanceof BatchAnswer.Answered x) {
            return text(x.outcome());
        }
        if (a instanceof BatchAnswer.Refused x) {
            return x.exception().getClass().getSimpleName() + ": "
                    + x.exception().getMessage();
        }
        if (a instanceof BatchAnswer.Lost x) {
            return "lost: " + x.why();
        }
        return "skipped";
    }

    /**
     * The outcome, without CR2 after an exception other than #PF: the CPU leaves CR2 as the last page fault set it
     * (which depends on the queries before, so differs between the two paths), and the adapter never reads it.
     */
    private static String text(MachineOutcome o) {
        if (o.fault().isPresent() && o.fault().get().vector() != 14) {
            MachineOutcome.Fault f = o.fault().get();
            return new MachineOutcome(
                            Optional.of(new MachineOutcome.Fault(f.vector(), f.errorCode(), 0)),
                            o.physical(),
                            o.memoryAfter())
                    .toString();
        }
        return o.toString();
    }

    private static String single(BochsMachine m, BatchQuery b) {
        try {
            return text(m.access(b.query(), b.translate()));
        } catch (QueryRejectedException | Cr3LoadRefusedException | MachineFailureException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static MachineQuery random(Random r) {
        boolean pae = r.nextBoolean();
        SortedMap<Long, Long> m = new TreeMap<>();
        long flags = 1 | (r.nextInt(4) == 0 ? 0 : 2) | (r.nextInt(4) == 0 ? 0 : 4) | (r.nextBoolean() ? 0x20 : 0);
        long leaf = 0x200000L | flags | (r.nextInt(5) == 0 ? 1L << 63 : 0);
        if (r.nextInt(8) == 0) {
            leaf &= ~1L;
        }
        long lin;
        long cr3;
        PagingMode mode;
        if (pae) {
            mode = PagingMode.PAE;
            cr3 = 0x10000L;
            m.put(0x10000L, 0x11000L | 1);
            m.put(0x11000L, 0x12000L | 0x7 | (r.nextBoolean() ? 0x20 : 0));
            m.put(0x12000L + 8 * 5, leaf);
            lin = 0x5000L + r.nextInt(0x1000);
        } else {
            mode = PagingMode.LEVEL4;
            cr3 = 0x10000L;
            m.put(0x10000L, 0x11000L | 0x7 | (r.nextBoolean() ? 0x20 : 0));
            m.put(0x11000L, 0x12000L | 0x7);
            m.put(0x12000L, 0x13000L | 0x7);
            m.put(0x13000L + 8 * 5, leaf);
            lin = r.nextInt(20) == 0 ? 0x8000_0000_0000_5000L : 0x5000L + r.nextInt(0x1000);
        }
        AccessKind kind = AccessKind.values()[r.nextInt(3)];
        return new MachineQuery(
                mode,
                cr3,
                r.nextBoolean(),
                false,
                true,
                r.nextBoolean(),
                r.nextBoolean(),
                false,
                0,
                false,
                0,
                r.nextBoolean(),
                r.nextBoolean() ? 3 : 0,
                kind,
                lin,
                m);
    }

    @Test
    void manySmallRoundsAnswerAsSingleQueries() {
        Optional<String> missing = BochsInstallation.unavailableReason();
        Assumptions.assumeTrue(missing.isEmpty(), () -> "Skipped: " + missing.orElse(""));
        Random r = new Random(4);
        List<BatchQuery> queries = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            queries.add(new BatchQuery(random(r), i % 3 == 0, i % 3 != 0));
        }
        List<BatchAnswer> batched;
        int rounds;
        try (BatchMachine batch = new BatchMachine("tigerlake", Duration.ofSeconds(30), 4096)) {
            batched = batch.run(queries);
            rounds = batch.rounds();
        }
        assertTrue(rounds >= 10, "rounds: " + rounds);
        try (BochsMachine one = new BochsMachine("tigerlake", Duration.ofSeconds(10))) {
            String mainVector = "";
            for (int i = 0; i < queries.size(); i++) {
                BatchQuery b = queries.get(i);
                String expected = single(one, b);
                if (!b.probe()) {
                    mainVector = expected;
                }
                String got = text(batched.get(i));
                if (got.equals("skipped")) {
                    assertTrue(mainVector.contains("vector=14"), "query " + i + " skipped after " + mainVector);
                    continue;
                }
                assertEquals(expected, got, "query " + i);
            }
        }
    }
}
