package org.gmck.selftest.x86;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.x86.Access;
import org.gmck.spi.x86.AccessOutcome;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.LoadOutcome;
import org.gmck.spi.x86.Loaded;
import org.gmck.spi.x86.X86Mmu;
import org.gmck.spi.x86.X86PagingMode;

/**
 * Walks PAE tables by reading the four PDPTEs from memory on every access instead of using the copies
 * loaded with CR3, as a software walker that forgets the PDPTE registers would: a guest that rewrites its
 * PDPT sees the change before reloading CR3.
 */
@Breaks("X86-PDPTE-1")
public final class PdptesReadOnEveryWalk extends KnownBad {

    X86Mmu newX86Mmu(X86Mmu reference) {
        return new ForwardingX86Mmu(reference) {
            private ControlRegisters pae;

            @Override
            public LoadOutcome loadControlRegisters(ControlRegisters registers) {
                LoadOutcome outcome = real.loadControlRegisters(registers);
                if (outcome instanceof Loaded loaded) {
                    pae = loaded.mode() == X86PagingMode.PAE ? registers : null;
                }
                return outcome;
            }

            @Override
            public AccessOutcome access(Access access) {
                if (pae != null) {
                    real.loadControlRegisters(pae);
                }
                return real.access(access);
            }
        };
    }
}
