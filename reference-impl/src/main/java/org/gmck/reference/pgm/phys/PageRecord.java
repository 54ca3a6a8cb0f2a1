package org.gmck.reference.pgm.phys;

import org.gmck.spi.common.RejectedException;
import org.gmck.spi.pgm.phys.HandlerState;
import org.gmck.spi.pgm.phys.PageState;
import org.gmck.spi.pgm.phys.PageType;
import org.gmck.spi.pgm.phys.PhysStatus;

/**
 * The packed 16-byte per-page record of seed 000's final layout, as two 64-bit words, and its rendering in
 * the seed's initial layout.
 *
 * <p>Word 0: bits 63:48 the high 16 bits of the 28-bit page id, bits 47:12 the host page frame number,
 * bits 11:0 the low 12 bits of the page id. Word 1, low dword: bit 0 read-only, bits 3:1 type, bits 5:4
 * physical handler state, bits 7:6 virtual handler state, bits 9:8 page state, bit 10 written-to, bits
 * 20:11 the shadow PTE index, bits 30:21 reserved; high dword: the shadow page-table tracking word.
 *
 * <p>The shadow PTE index is some of the seed's "more bits for this purpose" of the tracking: ten of the 20
 * reserved bits, as later VirtualBox keeps a ten-bit PTE index in its page records. While the tracking word
 * names one shadow page table, it is the index of the entry in that table that maps the page, so that dropping
 * the entry needs no search of the table.
 *
 * <p>The initial layout (interpretations I-PGM-9 and I-PGM-10): word 0 bits 63:48 the 16-bit tracking word,
 * bits 47:40 zero, bits 39:12 the host page frame number, bits 11:0 the page flags of the time (type bits
 * RESERVED 0, ROM 1, MMIO 2, MMIO2 3, shadowed ROM as ROM and MMIO2; virtual handler 4, virtual write 5,
 * virtual all 6, physical handler 7, physical write 8, physical all 9). Word 1: bits 27:0 the page id,
 * bits 29:28 the state, bit 30 written-to, the rest zero.
 */
public final class PageRecord {

    /** Bytes per record: two 64-bit words. */
    public static final int BYTES = 2 * Long.BYTES;
    /** Words per record in a packed array. */
    public static final int WORDS = 2;

    // The enums' constants by ordinal: values() copies its array on every call, and decoding is on every path.
    private static final PageType[] TYPES = PageType.values();
    private static final PageState[] STATES = PageState.values();
    private static final HandlerState[] HANDLER_STATES = HandlerState.values();

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
    static final int PTE_INDEX_SHIFT = 11;
    /** The largest shadow PTE index: ten bits, enough for the 1,024 entries of a 32-bit page table. */
    static final int PTE_INDEX_MASK = 0x3FF;
    /** The bits of word 1 that belong to the shadow tracking: the tracking word and the PTE index. */
    private static final long TRACKING_BITS = 0xFFFF_FFFF_0000_0000L | (long) PTE_INDEX_MASK << PTE_INDEX_SHIFT;

    private PageRecord() {}

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
        long w = (long) type.ordinal() << TYPE_SHIFT
                | (long) phys.ordinal() << PHYS_SHIFT
                | (long) virt.ordinal() << VIRT_SHIFT
                | (long) state.ordinal() << STATE_SHIFT;
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
        return TYPES[(int) (word1 >>> TYPE_SHIFT & 7)];
    }

    static PageState state(long word1) {
        return STATES[(int) (word1 >>> STATE_SHIFT & 3)];
    }

    static HandlerState physHandler(long word1) {
        return HANDLER_STATES[(int) (word1 >>> PHYS_SHIFT & 3)];
    }

    static HandlerState virtHandler(long word1) {
        return HANDLER_STATES[(int) (word1 >>> VIRT_SHIFT & 3)];
    }

    static boolean writtenTo(long word1) {
        return (word1 & WRITTEN_TO) != 0;
    }

    static boolean readOnly(long word1) {
        return (word1 & READ_ONLY) != 0;
    }

    /** One past the highest host address the initial layout's 28-bit frame field holds. */
    static final long INITIAL_HOST_LIMIT = 1L << 40;

    static final int INITIAL_TRACKING_SHIFT = 48;
    static final int INITIAL_STATE_SHIFT = 28;
    static final long INITIAL_WRITTEN_TO = 1L << 30;
    static final long FLAG_RESERVED = 1L;
    static final long FLAG_ROM = 1L << 1;
    static final long FLAG_MMIO = 1L << 2;
    static final long FLAG_MMIO2 = 1L << 3;
    static final long FLAG_VIRTUAL_HANDLER = 1L << 4;
    static final long FLAG_VIRTUAL_WRITE = 1L << 5;
    static final long FLAG_VIRTUAL_ALL = 1L << 6;
    static final long FLAG_PHYSICAL_HANDLER = 1L << 7;
    static final long FLAG_PHYSICAL_WRITE = 1L << 8;
    static final long FLAG_PHYSICAL_ALL = 1L << 9;

    /**
     * The record in the initial layout, from the two words of the final one.
     *
     * @throws RejectedException {@link PhysStatus#VERR_OUT_OF_RANGE} for a host page at or above 2^40
     */
    static long[] initial(long word0, long word1) {
        long host = hostPhys(word0);
        if (host >= INITIAL_HOST_LIMIT) {
            throw new RejectedException(
                    PhysStatus.VERR_OUT_OF_RANGE,
                    String.format("the initial layout holds host pages below 2^40 only, not %#x", host));
        }
        long w0 = (tracking(word1) & 0xFFFFL) << INITIAL_TRACKING_SHIFT | host | initialFlags(word1);
        long w1 = pageId(word0) & PAGE_ID_MASK | (long) state(word1).ordinal() << INITIAL_STATE_SHIFT;
        if (writtenTo(word1)) {
            w1 |= INITIAL_WRITTEN_TO;
        }
        return new long[] {w0, w1};
    }

    private static long initialFlags(long word1) {
        long flags = switch (type(word1)) {
            case RESERVED -> FLAG_RESERVED;
            case MMIO -> FLAG_MMIO;
            case MMIO2 -> FLAG_MMIO2;
            case ROM -> FLAG_ROM;
            case SHADOWED_ROM -> FLAG_ROM | FLAG_MMIO2;
            case RAM -> 0;
        };
        return flags
                | handlerFlags(virtHandler(word1), FLAG_VIRTUAL_HANDLER, FLAG_VIRTUAL_WRITE, FLAG_VIRTUAL_ALL)
                | handlerFlags(physHandler(word1), FLAG_PHYSICAL_HANDLER, FLAG_PHYSICAL_WRITE, FLAG_PHYSICAL_ALL);
    }

    private static long handlerFlags(HandlerState state, long any, long write, long all) {
        return switch (state) {
            case NONE -> 0;
            case READ -> any;
            case WRITE -> any | write;
            case ALL -> any | all;
        };
    }

    static int tracking(long word1) {
        return (int) (word1 >>> TRACKING_SHIFT);
    }

    static int pteIndex(long word1) {
        return (int) (word1 >>> PTE_INDEX_SHIFT) & PTE_INDEX_MASK;
    }

    /** Word 1 with another tracking word and shadow PTE index. */
    static long withTracking(long word1, int tracking, int pteIndex) {
        return word1 & ~TRACKING_BITS
                | (long) tracking << TRACKING_SHIFT
                | (long) (pteIndex & PTE_INDEX_MASK) << PTE_INDEX_SHIFT;
    }

    /** New flags {@code flags} (a word 1 whose tracking is zero) with the tracking of {@code old}. */
    static long keepTracking(long flags, long old) {
        return flags | old & TRACKING_BITS;
    }
}
