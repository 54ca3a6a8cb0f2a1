package org.gmck.selftest.x86;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.x86.Access;
import org.gmck.spi.x86.AccessKind;
import org.gmck.spi.x86.AccessOutcome;
import org.gmck.spi.x86.EntryFlag;
import org.gmck.spi.x86.EntryUse;
import org.gmck.spi.x86.PageSize;
import org.gmck.spi.x86.Translated;
import org.gmck.spi.x86.X86Mmu;

/**
 * Sets the dirty flag of a 2 MB or 1 GB leaf on a read as well as on a write: the large-page path tests
 * "is this a data access" where it means "is this a write". Fetches and 4 KB and 4 MB pages are right, so
 * a guest only sees clean large pages written back to disk for nothing.
 */
@Breaks(value = "X86-AD-2", also = "X86-AD-1")
public final class ReadThroughLargeLeafSetsDirty extends KnownBad {

    private static final long DIRTY = EntryFlag.DIRTY.mask();

    X86Mmu newX86Mmu(X86Mmu reference) {
        return new ForwardingX86Mmu(reference) {
            @Override
            public AccessOutcome access(Access access) {
                AccessOutcome outcome = real.access(access);
                if (outcome instanceof Translated t
                        && access.kind() == AccessKind.READ
                        && (t.pageSize() == PageSize.SIZE_2M || t.pageSize() == PageSize.SIZE_1G)) {
                    EntryUse leaf = t.entries().get(t.entries().size() - 1);
                    real.writePhysical64(leaf.address(), real.readPhysical64(leaf.address()) | DIRTY);
                }
                return outcome;
            }
        };
    }
}
