package org.gmck.reference.pgm.shadow;

import org.gmck.reference.x86.WalkTrace;
import org.gmck.spi.x86.EntryFlag;
import org.gmck.spi.x86.X86Level;

/**
 * The flags of shadow entries (seed 001, "The Shadow Memory Context"): the upper levels get fixed flags
 * whatever the guest has there, the page directory entry gets the effective flags of every guest level
 * above the guest's page table, and the page table entry those of the guest's leaf, narrowed by what the
 * page itself allows.
 */
final class ShadowFlags {

    static final long P = EntryFlag.PRESENT.mask();
    static final long RW = EntryFlag.WRITABLE.mask();
    static final long US = EntryFlag.USER.mask();
    static final long A = EntryFlag.ACCESSED.mask();
    /** The dirty flag of a guest leaf entry (a page table entry or a large page's entry). */
    static final long D = EntryFlag.DIRTY.mask();

    static final long NX = EntryFlag.EXECUTE_DISABLE.mask();
    /** AMD64 PML4 and PDPT entries: present, writable, user, accessed (guest-context mappings need writing). */
    static final long FIXED_LONG_MODE_UPPER = P | RW | US | A;
    /** Legacy-PAE PDPT entries: present only, since R/W and U/S are must-be-zero there. */
    static final long FIXED_LEGACY_PDPTE = P;

    private ShadowFlags() {}

    /**
     * The effective P, R/W, U/S and NX of the guest entries that a shadow page directory entry stands for:
     * all but the leaf when the leaf is a page table entry, all of them for a large page.
     *
     * An entry the guest's walk used has XD set only when execute-disable is in force: without EFER.NXE the
     * bit is reserved and the walk faults.
     *
     * @param legacyPae whether the guest is in legacy PAE, whose PDPTEs carry no rights
     */
    static long directory(WalkTrace guest, boolean legacyPae) {
        int upper = leafIsPte(guest) ? guest.entries() - 1 : guest.entries();
        return P | A | combine(guest, 0, upper, legacyPae);
    }

    /** The shadow page table entry's flags for the guest's leaf, before narrowing for the page. */
    static long table(WalkTrace guest) {
        if (!leafIsPte(guest)) {
            return P | A | RW | US;
        }
        return P | A | combine(guest, guest.entries() - 1, guest.entries(), false);
    }

    private static boolean leafIsPte(WalkTrace guest) {
        return guest.entries() > 0 && guest.level(guest.entries() - 1) == X86Level.PT;
    }

    /** Combines the walk's entries {@code from} (inclusive) to {@code to} (exclusive). */
    private static long combine(WalkTrace walk, int from, int to, boolean legacyPae) {
        long flags = RW | US;
        for (int i = from; i < to; i++) {
            if (legacyPae && walk.level(i) == X86Level.PDPT) {
                continue;
            }
            long value = walk.value(i);
            flags &= value | ~(RW | US);
            if ((value & NX) != 0) {
                flags |= NX;
            }
        }
        return flags;
    }
}
