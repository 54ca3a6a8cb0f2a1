package org.gmck.selftest.x86;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.x86.Access;
import org.gmck.spi.x86.AccessOutcome;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.EntryField;
import org.gmck.spi.x86.LoadOutcome;
import org.gmck.spi.x86.Loaded;
import org.gmck.spi.x86.PageFault;
import org.gmck.spi.x86.X86Mmu;
import org.gmck.spi.x86.X86PagingMode;

/**
 * Keeps the PAE PDPTE registers, but when a walk meets one that is not present it reloads all four from
 * the PDPT in memory before giving up, in case the guest has mapped that gigabyte since: a PDPTE written
 * present after the load takes effect without a reload of CR3. Present registers are never re-read, so a
 * guest that unmaps or redirects a gigabyte still sees the old mapping, as it should.
 */
@Breaks("X86-PDPTE-1")
public final class NotPresentPdpteReadAgainFromMemory extends KnownBad {

    X86Mmu newX86Mmu(X86Mmu reference) {
        return new TrackingX86Mmu(reference) {
            private final long[] loaded = new long[4];

            @Override
            public LoadOutcome loadControlRegisters(ControlRegisters r) {
                LoadOutcome outcome = super.loadControlRegisters(r);
                if (mode() == X86PagingMode.PAE && registers == r) {
                    for (int i = 0; i < 4; i++) {
                        loaded[i] = real.readPhysical64(EntryField.PAE_PDPT_IN_CR3.of(r.cr3()) + 8L * i);
                    }
                }
                return outcome;
            }

            @Override
            public AccessOutcome access(Access access) {
                AccessOutcome outcome = real.access(access);
                if (outcome instanceof PageFault fault
                        && (fault.errorCode() & PageFault.P) == 0
                        && mode() == X86PagingMode.PAE
                        && (access.linearAddress() >>> 32) == 0) {
                    int slot = (int) ((access.linearAddress() >>> 30) & 3);
                    long now = real.readPhysical64(EntryField.PAE_PDPT_IN_CR3.of(registers.cr3()) + 8L * slot);
                    if ((loaded[slot] & 1) == 0
                            && (now & 1) != 0
                            && real.loadControlRegisters(registers) instanceof Loaded) {
                        for (int i = 0; i < 4; i++) {
                            loaded[i] = real.readPhysical64(EntryField.PAE_PDPT_IN_CR3.of(registers.cr3()) + 8L * i);
                        }
                        return real.access(access);
                    }
                }
                return outcome;
            }
        };
    }
}
