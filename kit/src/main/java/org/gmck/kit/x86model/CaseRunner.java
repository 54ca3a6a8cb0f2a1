package org.gmck.kit.x86model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gmck.kit.CheckGuard;
import org.gmck.kit.x86walk.MemoryWord;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.x86.AccessOutcome;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.EntryField;
import org.gmck.spi.x86.EntryFlag;
import org.gmck.spi.x86.LoadOutcome;
import org.gmck.spi.x86.Loaded;
import org.gmck.spi.x86.X86Mmu;
import org.gmck.spi.x86.X86PagingMode;

/**
 * Runs one case through the SPI and says how the adapter's answer differs from the expectation, if it
 * does: the outcome of the register load, the outcome of the access, and every memory word afterwards.
 */
public final class CaseRunner {

    private final ConformanceAdapter adapter;
    private final boolean checkPdpteRegisters;

    /**
     * @param checkPdpteRegisters whether the adapter declares the PAE PDPTE-register rules; without them
     *                            the words of a PAE PDPT are not compared afterwards (a walker that reads
     *                            PDPTEs from memory may set A in them)
     */
    public CaseRunner(ConformanceAdapter adapter, boolean checkPdpteRegisters) {
        this.adapter = adapter;
        this.checkPdpteRegisters = checkPdpteRegisters;
    }

    /**
     * How an adapter's answer differs from a case.
     *
     * @param text              every difference, in words
     * @param nonLeafAccessedOnly whether the only differences are A bits set in non-leaf entries a faulting
     *                          walk checked, which the SDM permits and only X86-AD-4 (SHOULD) forbids
     * @param hung              whether the adapter did not answer in time
     * @param outcomeDiffers    whether the register load's or the access's outcome differs, or the case could
     *                          not be run at all (else only memory afterwards differs)
     * @param memoryRules       the rules the memory differences break: the accessed and dirty rules, the
     *                          PDPTE rule for a PAE PDPT, guest RAM reading back what was written
     * @param actual            the access's outcome when the access was made; empty when the register load or
     *                          the case itself went wrong
     */
    public record Difference(
            String text,
            boolean nonLeafAccessedOnly,
            boolean hung,
            boolean outcomeDiffers,
            List<String> memoryRules,
            Optional<AccessOutcome> actual) {

        public Difference {
            memoryRules = List.copyOf(memoryRules);
        }

        Difference(String text, boolean hung) {
            this(text, false, hung, true, List.of(), Optional.empty());
        }
    }

    /** The one rule that asks a faulting walk to leave non-leaf entries unchanged too (I-X86-1). */
    public static final String NONLEAF_ACCESSED_RULE = "X86-AD-4";

    private static final long BIT_A = EntryFlag.ACCESSED.mask();
    private static final long BIT_D = EntryFlag.DIRTY.mask();

    /** The differences found, empty when the adapter did exactly what the case requires (X86-AD-4 included). */
    public Optional<String> difference(ReplayCase c) {
        return compare(c).map(Difference::text);
    }

    /** The differences found, with whether they fail only X86-AD-4. */
    public Optional<Difference> compare(ReplayCase c) {
        try {
            X86Mmu mmu = adapter.newX86Mmu(c.cpu(), c.guestRamBytes());
            for (MemoryWord w : c.memory()) {
                write(mmu, w);
            }
            mmu.setRflags(c.rflags());
            mmu.setPkru(c.pkru());
            mmu.setPkrs(c.pkrs());
            LoadOutcome load = mmu.loadControlRegisters(c.registers());
            List<String> problems = new ArrayList<>();
            List<String> nonLeafAccessed = new ArrayList<>();
            java.util.Set<String> memoryRules = new java.util.LinkedHashSet<>();
            boolean outcomeDiffers = false;
            Optional<AccessOutcome> made = Optional.empty();
            boolean translates = c.expected() instanceof org.gmck.spi.x86.Translated;
            if (c.atLoad()) {
                if (!c.expected().equals(load)) {
                    problems.add("register load: expected " + c.expected() + ", got " + load);
                    outcomeDiffers = true;
                }
            } else if (!(load instanceof Loaded)) {
                problems.add("register load: expected it to succeed, got " + load);
                outcomeDiffers = true;
            } else {
                AccessOutcome actual = mmu.access(c.access());
                made = Optional.of(actual);
                if (!c.expected().equals(actual)) {
                    problems.add(c.access() + ": expected " + c.expected() + ", got " + actual);
                    outcomeDiffers = true;
                }
            }
            for (MemoryWord w : c.memoryAfter()) {
                if (!checkPdpteRegisters && isPaePdptWord(c, w)) {
                    continue;
                }
                long actual = w.width() == 4
                        ? Integer.toUnsignedLong(mmu.readPhysical32(w.address()))
                        : mmu.readPhysical64(w.address());
                if (actual != w.value()) {
                    String problem = String.format(
                            "memory at %#x afterwards: expected %#x, got %#x", w.address(), w.value(), actual);
                    if (c.accessedMayBeSet().contains(w.address()) && actual == (w.value() | BIT_A)) {
                        nonLeafAccessed.add(problem + " (A set in a non-leaf entry before the fault)");
                        memoryRules.add(NONLEAF_ACCESSED_RULE);
                    } else {
                        problems.add(problem);
                        memoryRules.add(memoryRule(c, w, actual, translates));
                    }
                }
            }
            if (problems.isEmpty() && nonLeafAccessed.isEmpty()) {
                return Optional.empty();
            }
            boolean onlyAccessed = problems.isEmpty();
            problems.addAll(nonLeafAccessed);
            return Optional.of(new Difference(
                    String.join("; ", problems), onlyAccessed, false, outcomeDiffers, List.copyOf(memoryRules), made));
        } catch (RejectedException e) {
            return Optional.of(new Difference("the adapter rejected the case: " + e.getMessage(), false));
        } catch (CheckGuard.AdapterFailure e) {
            return Optional.of(new Difference(e.getMessage(), e.hung()));
        } catch (RuntimeException e) {
            return Optional.of(new Difference("the adapter threw " + e, false));
        }
    }

    /** The rule a word of memory that differs afterwards breaks. */
    private static String memoryRule(ReplayCase c, MemoryWord w, long actual, boolean translates) {
        long changed = actual ^ w.value();
        if (isPaePdptWord(c, w)) {
            return "X86-PDPTE-3";
        }
        if ((changed & ~(BIT_A | BIT_D)) != 0) {
            return "X86-MEM-1";
        }
        if (!translates) {
            return "X86-AD-3";
        }
        return (changed & BIT_D) != 0 ? "X86-AD-2" : "X86-AD-1";
    }

    private static void write(X86Mmu mmu, MemoryWord w) {
        if (w.width() == 4) {
            mmu.writePhysical32(w.address(), (int) w.value());
        } else {
            mmu.writePhysical64(w.address(), w.value());
        }
    }

    private static boolean isPaePdptWord(ReplayCase c, MemoryWord w) {
        long pdpt = EntryField.PAE_PDPT_IN_CR3.of(c.registers().cr3());
        return c.registers().pagingMode() == X86PagingMode.PAE
                && (c.registers().cr0() & ControlRegisters.CR0_PG) != 0
                && w.address() >= pdpt
                && w.address() < pdpt + 32;
    }
}
