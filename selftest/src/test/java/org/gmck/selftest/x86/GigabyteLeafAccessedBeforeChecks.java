package org.gmck.selftest.x86;

import java.util.List;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.x86.Access;
import org.gmck.spi.x86.AccessOutcome;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.CpuFeature;
import org.gmck.spi.x86.EntryField;
import org.gmck.spi.x86.EntryFlag;
import org.gmck.spi.x86.PageFault;
import org.gmck.spi.x86.X86Mmu;
import org.gmck.spi.x86.X86PagingMode;

/**
 * Sets the accessed flag of a 1 GB leaf as soon as the walk reads it, before the alignment bits and the
 * access rights are checked (the PDPTE is handled with the upper levels, which set A on the way down), so
 * an access that then faults on the leaf leaves A set in it. QEMU 7.2 does this; 2 MB and 4 KB leaves are
 * right.
 */
@Breaks(
        value = "X86-AD-3",
        also = {"X86-AR-1", "X86-AR-3", "X86-PK-1", "X86-RSVD-2", "X86-RSVD-3", "X86-SMAP-1", "X86-SMEP-1"})
public final class GigabyteLeafAccessedBeforeChecks extends KnownBad {

    private static final long ACCESSED = EntryFlag.ACCESSED.mask();

    X86Mmu newX86Mmu(X86Mmu reference) {
        return new TrackingX86Mmu(reference) {
            @Override
            public AccessOutcome access(Access access) {
                AccessOutcome outcome = real.access(access);
                if (outcome instanceof PageFault && ia32e() && real.cpuModel().has(CpuFeature.PAGE_1GB)) {
                    List<Step> path = path(access.linearAddress());
                    Step last = path.get(path.size() - 1);
                    int pdptDepth = mode() == X86PagingMode.LEVEL5 ? 2 : 1;
                    boolean gigabyteLeaf =
                            last.leaf() && last.present() && last.depth() == pdptDepth && upperLevelsClean(path);
                    if (gigabyteLeaf) {
                        store(last, load(last) | ACCESSED);
                    }
                }
                return outcome;
            }

            /** The upper entries have no reserved bit the walk would stop at first (PS, address bits, XD without NXE). */
            private boolean upperLevelsClean(List<Step> path) {
                long reserved = EntryFlag.PAGE_SIZE.mask()
                        | (~0L << real.cpuModel().maxPhysAddr() & EntryField.ADDRESS_64.mask())
                        | ((registers.efer() & ControlRegisters.EFER_NXE) == 0 ? EntryFlag.EXECUTE_DISABLE.mask() : 0);
                return path.subList(0, path.size() - 1).stream().allMatch(s -> (s.value() & reserved) == 0);
            }
        };
    }
}
