package org.gmck.differential;

import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.gmck.spi.x86.ControlRegisters;

/**
 * Shrinks a disagreeing case greedily while the disagreement keeps its signature: drops memory words off
 * the path, clears optional control bits, then clears single bits of the path entries that are not
 * address bits. Bounded, so that a report never waits long for it.
 */
public final class Shrinker {

    private static final int MAX_ATTEMPTS = 400;
    private static final long[] CR0_OPTIONAL = {ControlRegisters.CR0_WP};
    private static final long[] CR4_OPTIONAL = {
        ControlRegisters.CR4_PSE,
        ControlRegisters.CR4_SMEP,
        ControlRegisters.CR4_SMAP,
        ControlRegisters.CR4_PKE,
        ControlRegisters.CR4_PKS
    };

    private final Function<CaseSpec, Verdict> judge;
    private int attempts;

    /** A shrinker that judges each candidate with {@code judge}. */
    public Shrinker(Function<CaseSpec, Verdict> judge) {
        this.judge = judge;
    }

    /** The smallest case found that keeps {@code signature}. */
    public CaseSpec shrink(CaseSpec c, String signature) {
        CaseSpec best = c;
        for (Long address : c.words().keySet()) {
            if (best.path().stream().noneMatch(p -> (p.address() & ~7L) == address)) {
                SortedMap<Long, Long> w = new TreeMap<>(best.words());
                w.remove(address);
                best = keep(best, best.withWords(w), signature);
            }
        }
        ControlRegisters r = best.registers();
        for (long bit : CR0_OPTIONAL) {
            if ((r.cr0() & bit) != 0) {
                best = keep(
                        best,
                        best.withRegisters(
                                new ControlRegisters(r.cr0() & ~bit, r.cr3(), r.cr4(), r.efer()),
                                best.rflags(),
                                best.pkru(),
                                best.pkrs()),
                        signature);
                r = best.registers();
            }
        }
        for (long bit : CR4_OPTIONAL) {
            if ((r.cr4() & bit) != 0) {
                best = keep(
                        best,
                        best.withRegisters(
                                new ControlRegisters(r.cr0(), r.cr3(), r.cr4() & ~bit, r.efer()),
                                best.rflags(),
                                best.pkru(),
                                best.pkrs()),
                        signature);
                r = best.registers();
            }
        }
        if ((r.efer() & ControlRegisters.EFER_NXE) != 0) {
            best = keep(
                    best,
                    best.withRegisters(
                            new ControlRegisters(r.cr0(), r.cr3(), r.cr4(), r.efer() & ~ControlRegisters.EFER_NXE),
                            best.rflags(),
                            best.pkru(),
                            best.pkrs()),
                    signature);
        }
        best = keep(best, best.withRegisters(best.registers(), 0, best.pkru(), best.pkrs()), signature);
        best = keep(best, best.withRegisters(best.registers(), best.rflags(), 0, best.pkrs()), signature);
        best = keep(best, best.withRegisters(best.registers(), best.rflags(), best.pkru(), 0), signature);
        for (PathEntry p : best.path()) {
            for (int bit = 1; bit < 64; bit++) {
                boolean address =
                        bit >= 12 && bit < 52 && !(p.leaf() && bit < 30 && p.level() != org.gmck.spi.x86.X86Level.PT);
                if (address || bit == 7) {
                    continue;
                }
                long word = best.words().getOrDefault(p.address() & ~7L, 0L);
                long mask = 1L << (bit + 8 * (p.address() & 4));
                if (p.width() == 4 && bit >= 32) {
                    break;
                }
                if ((word & mask) != 0) {
                    SortedMap<Long, Long> w = new TreeMap<>(best.words());
                    w.put(p.address() & ~7L, word & ~mask);
                    best = keep(best, best.withWords(w), signature);
                }
            }
        }
        return best;
    }

    private CaseSpec keep(CaseSpec current, CaseSpec candidate, String signature) {
        if (attempts++ >= MAX_ATTEMPTS) {
            return current;
        }
        try {
            return judge.apply(candidate).unexplained().equals(signature) ? candidate : current;
        } catch (RuntimeException e) {
            return current;
        }
    }
}
