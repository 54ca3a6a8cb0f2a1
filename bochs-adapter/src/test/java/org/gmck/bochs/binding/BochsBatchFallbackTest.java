package org.gmck.bochs.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gmck.bochs.process.BochsInstallation;
import org.gmck.differential.CaseGenerator;
import org.gmck.differential.CaseSpec;
import org.gmck.spi.x86.Access;
import org.gmck.spi.x86.Loaded;
import org.gmck.spi.x86.X86Mmu;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * When the batch machine cannot answer (here: it cannot even boot within its deadline), every access falls back
 * to one query at a time, on its memory as it was, and answers exactly as the single-query path does.
 */
class BochsBatchFallbackTest {

    private static X86Mmu mmu(BochsAdapter adapter, CaseSpec c) {
        X86Mmu mmu = adapter.newX86Mmu(c.cpu(), c.ram());
        c.words().forEach(mmu::writePhysical64);
        mmu.setRflags(c.rflags());
        mmu.setPkru(c.pkru());
        mmu.setPkrs(c.pkrs());
        return mmu;
    }

    private static String text(BochsBatch.Result r) {
        return r.exception() != null ? "thrown: " + r.exception().getMessage() : String.valueOf(r.outcome());
    }

    @Test
    void aLostBatchFallsBackToOneQueryAtATime() {
        Optional<String> noBochs = BochsInstallation.unavailableReason();
        Assumptions.assumeTrue(noBochs.isEmpty(), () -> "Skipped: " + noBochs.orElse(""));
        BochsAdapter adapter = new BochsAdapter();
        List<X86Mmu> batched = new ArrayList<>();
        List<X86Mmu> single = new ArrayList<>();
        List<Access> accesses = new ArrayList<>();
        for (int i = 0; batched.size() < 40; i++) {
            CaseSpec c = CaseGenerator.caseAt(5, i);
            X86Mmu b = mmu(adapter, c);
            X86Mmu s = mmu(adapter, c);
            if (b.loadControlRegisters(c.registers()) instanceof Loaded) {
                s.loadControlRegisters(c.registers());
                batched.add(b);
                single.add(s);
                accesses.add(c.access());
            }
        }
        try (BochsBatch batch = new BochsBatch(Duration.ZERO)) {
            List<BochsBatch.Result> results = batch.accessAll(batched, accesses);
            long onBochs = results.stream().filter(r -> !r.batched()).count();
            assertTrue(onBochs > 0, "some accesses should have needed Bochs");
            assertEquals(onBochs, batch.fallbacks());
            for (int i = 0; i < results.size(); i++) {
                BochsBatch.Result one;
                try {
                    one = new BochsBatch.Result(single.get(i).access(accesses.get(i)), null, false);
                } catch (RuntimeException e) {
                    one = new BochsBatch.Result(null, e, false);
                }
                assertEquals(text(one), text(results.get(i)), "access " + i);
                assertEquals(
                        ((BochsX86Mmu) single.get(i)).memorySnapshot(),
                        ((BochsX86Mmu) batched.get(i)).memorySnapshot(),
                        "memory after access " + i);
            }
        }
    }
}
