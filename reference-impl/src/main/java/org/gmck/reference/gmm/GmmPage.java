package org.gmck.reference.gmm;

/**
 * The 64-bit GMMPAGE word (one per page, kept in a {@code long[]} per chunk). The state is in bits 62-63
 * in every view (the seed's common view put it at bits 52-53, an error fixed later).
 * <ul>
 * <li>private (state 0): guest pfn in bits 0-31, VM handle in bits 32-47;</li>
 * <li>shared (state 2): host pfn in bits 0-31, reference count in bits 32-47, checksum bits 48-61;</li>
 * <li>free (state 3): next free index in bits 0-15 (0xFFFF is NIL), zeroed flag in bit 61.</li>
 * </ul>
 */
public final class GmmPage {

    public static final int STATE_PRIVATE = 0;
    public static final int STATE_PRIVATE_32 = 1;
    public static final int STATE_SHARED = 2;
    public static final int STATE_FREE = 3;
    /** The NIL next-free index. */
    public static final int NIL_INDEX = 0xFFFF;
    /** The last guest pfn a private page can record (GMM_PAGE_PFN_LAST). */
    public static final long PFN_LAST = 0xFFFF_FFF0L;
    /** The pfn recorded when the guest address is unknown or unshareable (GMM_PAGE_PFN_UNSHAREABLE). */
    public static final long PFN_UNSHAREABLE = 0xFFFF_FFF1L;
    /** Largest value of a 32-bit field. */
    public static final long MAX_32 = 0xFFFF_FFFFL;
    /** Largest value of a 16-bit field. */
    public static final int MAX_16 = 0xFFFF;

    private static final int STATE_SHIFT = 62;
    private static final int HIGH_SHIFT = 32;
    private static final long ZEROED_BIT = 1L << 61;

    private GmmPage() {}

    public static int state(long word) {
        return (int) (word >>> STATE_SHIFT);
    }

    public static long privatePage(long guestPfn, int vmHandle) {
        return guestPfn | ((long) vmHandle << HIGH_SHIFT);
    }

    public static long sharedPage(long hostPfn, long refs) {
        return hostPfn | (refs << HIGH_SHIFT) | ((long) STATE_SHARED << STATE_SHIFT);
    }

    public static long freePage(int next, boolean zeroed) {
        return next | (zeroed ? ZEROED_BIT : 0) | ((long) STATE_FREE << STATE_SHIFT);
    }

    /**
     * A private page marked free while a request to free it is checked: the same word with the free state,
     * so that a second mention of the page in the request finds it free. {@link #unmarked} undoes it.
     */
    static long markedFree(long privateWord) {
        return privateWord | ((long) STATE_FREE << STATE_SHIFT);
    }

    /** The private page a {@link #markedFree} word was made from. */
    static long unmarked(long markedWord) {
        return markedWord & ~((long) STATE_FREE << STATE_SHIFT);
    }

    /** The pfn field of a private or shared page. */
    public static long pfn(long word) {
        return word & MAX_32;
    }

    /** The VM handle of a private page. */
    public static int vmHandle(long word) {
        return (int) ((word >>> HIGH_SHIFT) & MAX_16);
    }

    /** The reference count of a shared page. */
    public static long refs(long word) {
        return (word >>> HIGH_SHIFT) & MAX_16;
    }

    /** The next free index of a free page. */
    public static int next(long word) {
        return (int) (word & MAX_16);
    }

    /** The zeroed flag of a free page. */
    public static boolean zeroed(long word) {
        return (word & ZEROED_BIT) != 0;
    }
}
