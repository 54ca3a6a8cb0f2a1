package org.gmck.reference.x86;

import org.gmck.spi.x86.Access;
import org.gmck.spi.x86.AccessKind;
import org.gmck.spi.x86.Privilege;
import org.gmck.spi.x86.Translated;
import org.gmck.spi.x86.X86PagingMode;

/**
 * The successful walks a walker made, one a slot chosen by the linear page, each with everything its outcome
 * followed from: the registers in force, RFLAGS.AC, PKRU, PKRS, the access's kind and privilege, and the
 * address and value of every entry it read. A later access to the same linear page under the same registers
 * and flags that reads the same value from every one of those addresses takes the same path through the same
 * checks, so the walker can skip decoding the entries and hand back the same outcome. This is not a TLB: every
 * entry is read again on every access, and any change to one (or to the registers) makes the walker walk in
 * full. Slots are made as walks need them, so an MMU that translates little holds little.
 */
final class RecentWalks {

    /** As many slots as a second-level TLB of a current x86 core has entries, about. */
    private static final int SLOTS = 1024;

    private Walk[] bySlot;

    /** One successful walk and what its outcome followed from; overwritten by the next walk in its slot. */
    static final class Walk {
        PagingState state;
        /** The paging mode of {@link #state}, which a walk in another mode never matches. */
        X86PagingMode mode;

        boolean ac;
        int pkru;
        int pkrs;
        AccessKind kind;
        Privilege privilege;
        long linearPage;
        int count;
        final long[] addresses = new long[Walker.MOST_LEVELS];
        final long[] values = new long[Walker.MOST_LEVELS];
        /** The page of guest RAM that holds each entry, so that reading it again needs no lookup. */
        final long[][] pages = new long[Walker.MOST_LEVELS][];

        Translated outcome;

        /** Whether this walk was made for an access to the same page, of the same kind, in the same state. */
        boolean matches(Access access, PagingState current, boolean currentAc, int currentPkru, int currentPkrs) {
            return state == current
                    && access.linearAddress() >>> PAGE_SHIFT == linearPage
                    && access.kind() == kind
                    && access.privilege() == privilege
                    && ac == currentAc
                    && pkru == currentPkru
                    && pkrs == currentPkrs;
        }
    }

    private static final int PAGE_SHIFT = 12;

    /** The walk recorded in the slot of this linear address's page, or {@code null}; it may be another page's. */
    Walk find(long linearAddress) {
        return bySlot == null ? null : bySlot[slot(linearAddress)];
    }

    /** Records a successful walk in its slot, in place of the one there. */
    void record(
            Access access,
            PagingState state,
            boolean ac,
            int pkru,
            int pkrs,
            int count,
            long[] addresses,
            long[] values,
            Translated outcome,
            GuestMemory memory) {
        if (bySlot == null) {
            bySlot = new Walk[SLOTS];
        }
        int slot = slot(access.linearAddress());
        Walk w = bySlot[slot];
        if (w == null) {
            w = new Walk();
            bySlot[slot] = w;
        }
        w.state = state;
        w.mode = state.mode();
        w.ac = ac;
        w.pkru = pkru;
        w.pkrs = pkrs;
        w.kind = access.kind();
        w.privilege = access.privilege();
        w.linearPage = access.linearAddress() >>> PAGE_SHIFT;
        w.count = count;
        System.arraycopy(addresses, 0, w.addresses, 0, count);
        System.arraycopy(values, 0, w.values, 0, count);
        for (int i = 0; i < count; i++) {
            w.pages[i] = memory.pageHolding(addresses[i]);
        }
        w.outcome = outcome;
    }

    /**
     * The slot of a linear page: its table indexes at the PT, PD and PDPT levels folded together, so that
     * neighbouring pages of any one page size (4 KiB, 2 or 4 MiB, 1 GiB) fall in slots of their own.
     */
    private static int slot(long linearAddress) {
        long page = linearAddress >>> PAGE_SHIFT;
        return (int) (page ^ page >>> 9 ^ page >>> 18) & (SLOTS - 1);
    }
}
