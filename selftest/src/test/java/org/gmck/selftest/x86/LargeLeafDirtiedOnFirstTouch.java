package org.gmck.selftest.x86;

import java.util.List;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.x86.Access;
import org.gmck.spi.x86.AccessKind;
import org.gmck.spi.x86.AccessOutcome;
import org.gmck.spi.x86.EntryFlag;
import org.gmck.spi.x86.Translated;
import org.gmck.spi.x86.X86Mmu;
import org.gmck.spi.x86.X86PagingMode;

/**
 * Two faults in the flag update of 2 MB and 1 GB leaves that hide each other on a fresh page. First, the
 * update is skipped when the leaf's A flag is already set ("already accessed, nothing to write"), so a
 * write through a large page that was read before never sets D. Second, the first data access through a
 * large leaf sets A and D together, whether it reads or writes. On a fresh leaf, whose A is clear, the second
 * fault supplies the D the first one forgets, so a first write looks right; but a read of a fresh large page
 * comes out dirty, and a write to one that was only read before stays clean.
 */
@Breaks(value = "X86-AD-2", also = "X86-AD-1")
public final class LargeLeafDirtiedOnFirstTouch extends KnownBad {

    private static final long ACCESSED = EntryFlag.ACCESSED.mask();
    private static final long DIRTY = EntryFlag.DIRTY.mask();

    X86Mmu newX86Mmu(X86Mmu reference) {
        return new TrackingX86Mmu(reference) {
            @Override
            public AccessOutcome access(Access access) {
                List<Step> path = path(access.linearAddress());
                Step leaf = path.isEmpty() ? null : path.get(path.size() - 1);
                boolean largeData = access.kind() != AccessKind.FETCH
                        && leaf != null
                        && leaf.leaf()
                        && leaf.present()
                        && leaf.width() == 8
                        && leaf.has(7)
                        && mode() != X86PagingMode.BITS32;
                AccessOutcome outcome = real.access(access);
                if (largeData && outcome instanceof Translated) {
                    if (!leaf.has(5)) {
                        store(leaf, load(leaf) | ACCESSED | DIRTY);
                    } else if (access.kind() == AccessKind.WRITE && !leaf.has(6)) {
                        store(leaf, load(leaf) & ~DIRTY);
                    }
                }
                return outcome;
            }
        };
    }
}
