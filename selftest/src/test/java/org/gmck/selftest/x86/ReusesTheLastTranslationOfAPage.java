package org.gmck.selftest.x86;

import java.util.HashMap;
import java.util.Map;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.x86.Access;
import org.gmck.spi.x86.AccessKind;
import org.gmck.spi.x86.AccessOutcome;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.LoadOutcome;
import org.gmck.spi.x86.Loaded;
import org.gmck.spi.x86.Privilege;
import org.gmck.spi.x86.Translated;
import org.gmck.spi.x86.X86Mmu;

/**
 * Keeps a software TLB: the last successful translation of each linear page, for each kind and privilege of
 * access, is handed back for the next such access to the page without walking again. The TLB is emptied
 * whenever a register the walk reads changes (a register load, RFLAGS, PKRU, IA32_PKRS) but not when guest
 * memory is written, as if the guest's rewrites of its paging entries always came with an invalidation: an
 * entry made not present, pointed elsewhere or stripped of a right keeps working, and A and D the guest
 * clears are not set again.
 */
@Breaks("X86-WALK-6")
public final class ReusesTheLastTranslationOfAPage extends KnownBad {

    /** What a cached translation answers: one linear page, accessed in one way. */
    private record Key(long page, AccessKind kind, Privilege privilege) {}

    X86Mmu newX86Mmu(X86Mmu reference) {
        return new ForwardingX86Mmu(reference) {
            private final Map<Key, Translated> tlb = new HashMap<>();

            @Override
            public LoadOutcome loadControlRegisters(ControlRegisters registers) {
                LoadOutcome outcome = real.loadControlRegisters(registers);
                if (outcome instanceof Loaded) {
                    tlb.clear();
                }
                return outcome;
            }

            @Override
            public void setRflags(long rflags) {
                real.setRflags(rflags);
                tlb.clear();
            }

            @Override
            public void setPkru(int pkru) {
                real.setPkru(pkru);
                tlb.clear();
            }

            @Override
            public void setPkrs(int pkrs) {
                real.setPkrs(pkrs);
                tlb.clear();
            }

            @Override
            public AccessOutcome access(Access access) {
                Key key = new Key(access.linearAddress() >>> 12, access.kind(), access.privilege());
                Translated cached = tlb.get(key);
                if (cached != null) {
                    long offset = access.linearAddress() & 0xFFF;
                    return new Translated(
                            (cached.physicalAddress() & ~0xFFFL) | offset,
                            cached.pageSize(),
                            cached.rights(),
                            cached.entries());
                }
                AccessOutcome outcome = real.access(access);
                if (outcome instanceof Translated translated) {
                    tlb.put(key, translated);
                }
                return outcome;
            }
        };
    }
}
