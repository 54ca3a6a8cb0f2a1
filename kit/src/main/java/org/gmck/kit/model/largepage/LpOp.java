package org.gmck.kit.model.largepage;

/**
 * One operation of the large-page model, as small numbers the generators can shrink. The session turns it
 * into concrete addresses from the current state (see {@link Calls}): "a page in a frame some entry maps", "a
 * page that has a shadow", "a frame wholly inside the slots", so that sequences reach interesting states.
 */
sealed interface LpOp {

    /**
     * How an operation picks its address: as generated, or from what the state holds (each operation says
     * what), falling back to the generated address when the state holds nothing of the kind.
     */
    enum Pick {
        GIVEN,
        FROM_STATE,
        ALTERNATIVE,
        FORMER
    }

    /**
     * A slot in the slot area: from {@code frame}'s edge {@code startEdge} (or, {@code adjoining}, from where
     * an existing slot ends) to the edge {@code endEdge} of the frame {@code frames} further up (see
     * {@link Space#EDGES}) or where the next slot starts, with its host memory as {@link Backing} says (a slot on
     * 2 MB pages that keeps an edge off a frame boundary has its frames misaligned with its host pages).
     */
    record AddSlot(int frame, int startEdge, int frames, int endEdge, Backing backing) implements LpOp {}

    /**
     * A new slot's host pages; for 4 KB pages whether its host memory is one page off the guest's 2 MB alignment,
     * for 2 MB pages whether it keeps its start edge (else it starts on a frame boundary); and whether it starts
     * where another slot ends.
     */
    record Backing(boolean largePages, boolean hostOff, boolean adjoining) {}

    /** A slot of one of the shapes the catalogue names, most of them bad. */
    record AddSpecialSlot(SlotShape shape, boolean largePages) implements LpOp {}

    /** Guest memory added the emulator's way, over the same ranges as {@link AddSlot}. */
    record AddGuestMemory(int frame, int startEdge, int frames, int endEdge, boolean adjoining) implements LpOp {}

    /** Guest memory of one of the shapes the catalogue names, most of them bad. */
    record AddSpecialMemory(MemoryShape shape) implements LpOp {}

    /**
     * Shadows the page table in a page: as given; from the state, the page in a frame some entry maps; the
     * alternative, the same sixteen bytes past the page's start; former, the page in a frame entries mapped
     * once but map no more.
     */
    record ShadowTable(Pick pick, int frame, int page) implements LpOp {}

    /**
     * Drops a shadow of the page table in a page: as given; from the state, a page that has a shadow; the
     * alternative, the same half-way into the page.
     */
    record UnshadowTable(Pick pick, int frame, int page) implements LpOp {}

    /** Shadows a page table in every 4 KB page of a frame, {@code times} times each. */
    record ShadowEveryPage(int frame, int times) implements LpOp {}

    /**
     * Shadows a guest large entry: at guest-virtual frame {@code virtual} (0 and 1 from 1 GB, 2 at the frame's own
     * address, 3 at the next frame's address in the slot area), mapping a frame as given, from the state one wholly inside the
     * slots, as the alternative one of those that holds a shadowed table or that an entry maps; {@code misalign}
     * 1 to 4 moves the guest-virtual or guest-physical address one page or half a frame.
     */
    record ShadowLargeEntry(int virtual, Pick pick, int frame, int misalign) implements LpOp {}

    /**
     * Shadows the real-mode pseudo entry of a frame, picked as for {@link ShadowLargeEntry} except that the
     * alternative is a frame whose own address some entry translates already, if there is one; {@code misalign}
     * 1 or 2 moves it a page or half a frame.
     */
    record ShadowRealModeEntry(Pick pick, int frame, int misalign) implements LpOp {}

    /** Maps a frame in the nested page table, picked as for {@link ShadowLargeEntry}. */
    record MapNestedFrame(Pick pick, int frame, int misalign) implements LpOp {}

    /** Asks whether a frame may be shadowed large, picked as for {@link ShadowLargeEntry}. */
    record AskDecision(Pick pick, int frame, int misalign) implements LpOp {}

    /** Asks for the counters of a slot: one that exists, or whatever starts at a slot edge. */
    record AskCounters(Pick pick, int frame, int edge) implements LpOp {}

    /** Asks for the write-protect count of the frame holding an address. */
    record AskCount(int frame, int page) implements LpOp {}

    /** Slots of the shapes the catalogue's bad-input rules name, placed where no other slot ever lies. */
    enum SlotShape {
        /** From 3 GB to 3 GB. */
        EMPTY,
        /** From 3 GB to 3 GB - 2 MB. */
        NEGATIVE,
        /** From 1 GB + 1 KB, 2 MB long. */
        GUEST_OFF_PAGE,
        /** From 1 GB, 2 MB + 2 KB long. */
        SIZE_OFF_PAGE,
        /** From 1 GB, 2 MB long, at a host address 2 KB off a page. */
        HOST_OFF_PAGE,
        /** On 2 MB pages at a host address one page off a 2 MB boundary. */
        LARGE_HOST_OFF_PAGE,
        /** On 2 MB pages at a host address half a frame off a 2 MB boundary. */
        LARGE_HOST_OFF_HALF,
        /** From -2 MB to 0. */
        BELOW_ZERO,
        /** Ending one page above the top of the guest-physical address space. */
        ABOVE_TOP,
        /** The last page below the top: accepted once. */
        AT_TOP
    }

    /** Guest memory of the shapes the catalogue names. */
    enum MemoryShape {
        /** From 2 GB to 2 GB. */
        EMPTY,
        /** From 2 GB to 1 GB. */
        NEGATIVE,
        /** From 1 GB + 2 KB to 2 GB. */
        GUEST_OFF_PAGE,
        /** From 1 GB to 1 GB + 2 MB + 2 KB. */
        SIZE_OFF_PAGE,
        /** From -2 MB to 0. */
        BELOW_ZERO,
        /** From the top to 2 MB above it. */
        ABOVE_TOP,
        /** The seed's example, 1 MB to 1 GB: accepted only while nothing lies there. */
        SEED_EXAMPLE
    }
}
