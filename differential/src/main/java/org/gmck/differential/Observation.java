package org.gmck.differential;

import java.util.SortedMap;
import java.util.TreeMap;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.x86.AccessOutcome;
import org.gmck.spi.x86.LoadOutcome;
import org.gmck.spi.x86.Loaded;
import org.gmck.spi.x86.X86Mmu;

/**
 * What one implementation did with a case: the register load, the access (or why it could not be made),
 * and guest memory afterwards.
 */
public record Observation(LoadOutcome load, AccessOutcome outcome, String failure, SortedMap<Long, Long> memoryAfter) {

    /** Puts the case to {@code adapter} and records what it did. */
    public static Observation of(ConformanceAdapter adapter, CaseSpec c) {
        X86Mmu mmu = adapter.newX86Mmu(c.cpu(), c.ram());
        c.words().forEach(mmu::writePhysical64);
        mmu.setRflags(c.rflags());
        mmu.setPkru(c.pkru());
        mmu.setPkrs(c.pkrs());
        LoadOutcome load = mmu.loadControlRegisters(c.registers());
        AccessOutcome outcome = null;
        String failure = null;
        if (load instanceof Loaded) {
            try {
                outcome = mmu.access(c.access());
            } catch (RejectedException e) {
                failure = "rejected " + e.status();
            } catch (RuntimeException e) {
                failure = "error: " + e.getMessage();
            }
        }
        SortedMap<Long, Long> after = new TreeMap<>();
        for (long a : c.words().keySet()) {
            after.put(a, mmu.readPhysical64(a));
        }
        return new Observation(load, outcome, failure, after);
    }

    /** One line: the outcome, the failure, or the refused load. */
    public String summary() {
        return load instanceof Loaded ? (outcome != null ? outcome.toString() : failure) : load.toString();
    }
}
