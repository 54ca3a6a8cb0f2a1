package org.gmck.reference.pgm.phys;

import org.gmck.spi.pgm.phys.HandlerState;
import org.gmck.spi.pgm.phys.PageState;
import org.gmck.spi.pgm.phys.PageType;

/**
 * The packed 16-byte per-page record of seed 000's final layout, as two 64-bit words.
 *
 * <p>Word 0: bits 63:48 the high 16 bits of the 28-bit page id, bits 47:12 the host page frame number,
 * bits 11:0 the low 12 bits of the page id. Word 1, low dword: bit 0 read-only, bits 3:1 type, bits 5:4
 * physical handler state, bits 7:6 virtual handler state, bits 9:8 page state, bit 10 written-to, bits
 * 30:11 reserved; high dword: the shadow page-table tracking word.
 */
public final class PageRecord {

    /** Bytes per record: two 64-bit words. */
    public static final int BYTES = 2 * Long.BYTES;
    /** Words per record in a packed array. */
    public static final int WORDS = 2;

    static final long HOST_FRAME_MASK = 0x0000_FFFF_FFFF_F000L;
    static final long LOW_ID_MASK = 0xFFFL;
    static final int HIGH_ID_SHIFT = 48;
    static final int LOW_ID_BITS = 12;
    static final int PAGE_ID_MASK = 0x0FFF_FFFF;

    static final long READ_ONLY = 1L;
    static final int TYPE_SHIFT = 1;
    static final int PHYS_SHIFT = 4;
    static final int VIRT_SHIFT = 6;
    static final int STATE_SHIFT = 8;
    static final long WRITTEN_TO = 1L << 10;
    static final int TRACKING_SHIFT = 32;

    private PageRecord() {
    }

    /** Word 0 for a host page address and a page id. */
    static long word0(long hostPhys, int pageId) {
        long id = pageId & PAGE_ID_MASK;
        return (id >>> LOW_ID_BITS) << HIGH_ID_SHIFT | hostPhys & HOST_FRAME_MASK | id & LOW_ID_MASK;
    }

    static long hostPhys(long word0) {
        return word0 & HOST_FRAME_MASK;
    }

    static int pageId(long word0) {
        return (int) (word0 >>> HIGH_ID_SHIFT << LOW_ID_BITS | word0 & LOW_ID_MASK);
    }

    /** Word 1 for the flags, with the tracking word zero. */
    static long word1(PageType type, PageState state, boolean writtenTo, HandlerState phys, HandlerState virt) {
        long w = (long) type.ordinal() << TYPE_SHIFT | (long) phys.ordinal() << PHYS_SHIFT
                | (long) virt.ordinal() << VIRT_SHIFT | (long) state.ordinal() << STATE_SHIFT;
        if (writtenTo) {
            w |= WRITTEN_TO;
        }
        if (readOnly(type, state, phys, virt)) {
            w |= READ_ONLY;
        }
        return w;
    }

    /**
     * Whether guest writes cannot go straight to the page's backing: only normal pages of a writable type
     * without a write-claiming handler take them.
     */
    static boolean readOnly(PageType type, PageState state, HandlerState phys, HandlerState virt) {
        boolean writableType = type == PageType.RAM || type == PageType.MMIO2 || type == PageType.SHADOWED_ROM;
        return !writableType || state != PageState.ALLOCATED || claimsWrites(phys) || claimsWrites(virt);
    }

    private static boolean claimsWrites(HandlerState handler) {
        return handler.compareTo(HandlerState.WRITE) >= 0;
    }

    static PageType type(long word1) {
        return PageType.values()[(int) (word1 >>> TYPE_SHIFT & 7)];
    }

    static PageState state(long word1) {
        return PageState.values()[(int) (word1 >>> STATE_SHIFT & 3)];
    }

    static HandlerState physHandler(long word1) {
        return HandlerState.values()[(int) (word1 >>> PHYS_SHIFT & 3)];
    }

    static HandlerState virtHandler(long word1) {
        return HandlerState.values()[(int) (word1 >>> VIRT_SHIFT & 3)];
    }

    static boolean writtenTo(long word1) {
        return (word1 & WRITTEN_TO) != 0;
    }

    static boolean readOnly(long word1) {
        return (word1 & READ_ONLY) != 0;
    }

    static int tracking(long word1) {
        return (int) (word1 >>> TRACKING_SHIFT);
    }

    static long withTracking(long word1, int tracking) {
        return word1 & 0xFFFF_FFFFL | (long) tracking << TRACKING_SHIFT;
    }
}
