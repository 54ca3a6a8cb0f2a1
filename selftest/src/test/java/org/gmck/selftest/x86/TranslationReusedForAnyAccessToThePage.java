package org.gmck.selftest.x86;

import java.util.HashMap;
import java.util.Map;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.x86.Access;
import org.gmck.spi.x86.AccessOutcome;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.LoadOutcome;
import org.gmck.spi.x86.Translated;
import org.gmck.spi.x86.X86Mmu;

/**
 * Keeps a software TLB that watches guest memory: any physical write or register load empties it, so a
 * rewritten entry is always walked again, but a translation is kept per linear page alone and handed back for
 * the next access to the page whatever its kind and privilege, and whatever RFLAGS.AC, PKRU or IA32_PKRS hold
 * by then: a user access reaches a page a supervisor access translated, a write reaches a page a read
 * translated (and sets no D), and the rights checks that depend on those registers are skipped.
 */
@Breaks(value = "X86-WALK-6", also = "X86-AR-2")
public final class TranslationReusedForAnyAccessToThePage extends KnownBad {

    X86Mmu newX86Mmu(X86Mmu reference) {
        return new ForwardingX86Mmu(reference) {
            private final Map<Long, Translated> tlb = new HashMap<>();

            @Override
            public void writePhysical64(long physicalAddress, long value) {
                real.writePhysical64(physicalAddress, value);
                tlb.clear();
            }

            @Override
            public void writePhysical32(long physicalAddress, int value) {
                real.writePhysical32(physicalAddress, value);
                tlb.clear();
            }

            @Override
            public LoadOutcome loadControlRegisters(ControlRegisters registers) {
                tlb.clear();
                return real.loadControlRegisters(registers);
            }

            @Override
            public AccessOutcome access(Access access) {
                long page = access.linearAddress() >>> 12;
                Translated cached = tlb.get(page);
                if (cached != null) {
                    return new Translated(
                            (cached.physicalAddress() & ~0xFFFL) | (access.linearAddress() & 0xFFF),
                            cached.pageSize(),
                            cached.rights(),
                            cached.entries());
                }
                AccessOutcome outcome = real.access(access);
                if (outcome instanceof Translated translated) {
                    tlb.put(page, translated);
                }
                return outcome;
            }
        };
    }
}
