package org.gmck.kit.model.pgm;

import org.gmck.spi.pgm.phys.PageType;

/**
 * One operation of the guest-memory model: something a caller or the guest does to one VM's guest physical
 * memory through the SPI. Addresses are not fixed when an operation is made: a {@link Target} names a page by
 * what it is (a registered page, a RAM page, an address outside the slots), and the session resolves it
 * against the ranges registered so far, so that most operations land on pages that exist.
 */
public sealed interface GuestMemoryOp {

    /** What part of the guest physical address space an access or a question aims at. */
    enum Aim {
        /** One of the registered pages, whatever its type. */
        ANY_PAGE,
        /** One of the registered RAM pages (any registered page when there is none). */
        RAM_PAGE,
        /** One of the RAM pages with a private page (any RAM page when there is none): what can be shared. */
        PRIVATE_RAM_PAGE,
        /** One of the shared pages (any RAM page when there is none): what a write copies. */
        SHARED_PAGE,
        /** The page the guest last wrote to (any registered page before the first write). */
        LAST_WRITE,
        /** A fixed address outside the slots, usually in no range. */
        OUTSIDE
    }

    /**
     * A page or an address, resolved by the session.
     *
     * @param aim   what kind of address
     * @param index which one, taken modulo the number there are
     */
    record Target(Aim aim, int index) {}

    /** Where in its page an access lies. */
    enum Place {
        PAGE_START,
        MID_PAGE,
        PAGE_END,
        /** One byte past an aligned offset: misaligned for every width but 1. */
        MISALIGNED,
        /** Where the guest last wrote, aligned down to the width: reads back what was written. */
        LAST_WRITE
    }

    /**
     * The shape of an access.
     *
     * @param width the width in bytes, sometimes one the SPI refuses (0, 3, 5, 16, -8)
     * @param place where in the page
     * @param word  which 8-byte word for {@link Place#MID_PAGE} and {@link Place#MISALIGNED}
     */
    record Access(int width, Place place, int word) {}

    /** How a registered range is placed against one of the slots. */
    enum RangeShape {
        EXACT,
        OVERLAP_AT_START,
        OVERLAP_AT_END,
        INSIDE,
        AROUND,
        TOUCHING_BELOW,
        TOUCHING_ABOVE,
        MISALIGNED_START,
        MISALIGNED_SIZE,
        NO_PAGES,
        NEGATIVE_SIZE,
        END_PAST_52_BITS,
        START_PAST_52_BITS
    }

    /** Registers a range of a type at, around or next to one of the slots. */
    record Register(PageType type, int slot, RangeShape shape) implements GuestMemoryOp {}

    /** The guest reads. */
    record Read(Target target, Access access) implements GuestMemoryOp {}

    /** The guest writes {@code value} (already cut to the width). */
    record Write(Target target, Access access, long value) implements GuestMemoryOp {}

    /** Page fusion shares a page. */
    record Share(Target target) implements GuestMemoryOp {}

    /** Write monitoring is armed. */
    record ArmWriteMonitoring() implements GuestMemoryOp {}

    /** A question about a page. */
    record AskPage(Target target) implements GuestMemoryOp {}

    /** A question about a page's packed record, in the variant's layout (pgm-introspection). */
    record AskRecord(Target target) implements GuestMemoryOp {}

    /** Another VM is created, plain or shadow-paged, with a host page budget that may be negative. */
    record CreateVm(boolean shadowPaged, int hostPages) implements GuestMemoryOp {}

    /** Another VM is created whose host hands out the pages a placement describes (pgm-introspection). */
    record CreatePlacedVm(long firstHostPhys, long firstPageId, int hostPages) implements GuestMemoryOp {}
}
