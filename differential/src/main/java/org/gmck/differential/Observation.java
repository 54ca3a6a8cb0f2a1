package org.gmck.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.x86.Access;
import org.gmck.spi.x86.AccessOutcome;
import org.gmck.spi.x86.LoadOutcome;
import org.gmck.spi.x86.Loaded;
import org.gmck.spi.x86.X86Mmu;

/**
 * What one implementation did with a case: the register load, the access (or why it could not be made),
 * and guest memory afterwards.
 */
public record Observation(LoadOutcome load, AccessOutcome outcome, String failure, SortedMap<Long, Long> memoryAfter) {

    /**
     * How an engine makes the accesses of many cases at once: given the MMUs whose register load succeeded and
     * the access of each, one answer per access, in the same order; an answer throws what the access would have.
     */
    @FunctionalInterface
    public interface AccessAll {
        List<? extends Supplier<AccessOutcome>> accessAll(List<X86Mmu> mmus, List<Access> accesses);
    }

    /** Puts the case to {@code adapter} and records what it did. */
    public static Observation of(ConformanceAdapter adapter, CaseSpec c) {
        X86Mmu mmu = prepare(adapter, c);
        LoadOutcome load = mmu.loadControlRegisters(c.registers());
        return record(c, mmu, load, load instanceof Loaded ? () -> mmu.access(c.access()) : null);
    }

    /**
     * Puts the cases to {@code adapter} as {@link #of} puts each (the same memory, registers and load, the same
     * record afterwards), but with their accesses made all at once by {@code engine}.
     */
    public static List<Observation> ofAll(ConformanceAdapter adapter, List<CaseSpec> cases, AccessAll engine) {
        List<X86Mmu> mmus = new ArrayList<>();
        List<LoadOutcome> loads = new ArrayList<>();
        List<X86Mmu> asked = new ArrayList<>();
        List<Access> accesses = new ArrayList<>();
        for (CaseSpec c : cases) {
            X86Mmu mmu = prepare(adapter, c);
            LoadOutcome load = mmu.loadControlRegisters(c.registers());
            mmus.add(mmu);
            loads.add(load);
            if (load instanceof Loaded) {
                asked.add(mmu);
                accesses.add(c.access());
            }
        }
        List<? extends Supplier<AccessOutcome>> answers =
                asked.isEmpty() ? List.of() : engine.accessAll(asked, accesses);
        if (answers.size() != asked.size()) {
            throw new IllegalStateException(
                    "the engine answered " + answers.size() + " of " + asked.size() + " accesses of a batch");
        }
        List<Observation> seen = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < cases.size(); i++) {
            Supplier<AccessOutcome> answer = loads.get(i) instanceof Loaded ? answers.get(next++) : null;
            seen.add(record(cases.get(i), mmus.get(i), loads.get(i), answer));
        }
        return seen;
    }

    /** A new MMU of the case's model with its memory, RFLAGS, PKRU and PKRS, before the register load. */
    private static X86Mmu prepare(ConformanceAdapter adapter, CaseSpec c) {
        X86Mmu mmu = adapter.newX86Mmu(c.cpu(), c.ram());
        c.words().forEach(mmu::writePhysical64);
        mmu.setRflags(c.rflags());
        mmu.setPkru(c.pkru());
        mmu.setPkrs(c.pkrs());
        return mmu;
    }

    /** The observation: the load, the access's answer (none when the load failed) and the case's words after. */
    private static Observation record(CaseSpec c, X86Mmu mmu, LoadOutcome load, Supplier<AccessOutcome> access) {
        AccessOutcome outcome = null;
        String failure = null;
        if (access != null) {
            try {
                outcome = access.get();
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
