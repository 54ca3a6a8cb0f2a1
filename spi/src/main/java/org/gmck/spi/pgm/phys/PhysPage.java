package org.gmck.spi.pgm.phys;

/**
 * What PGM tracks about one guest physical page.
 *
 * @param gcPhys       the page's guest physical address (page aligned)
 * @param type         what backs it
 * @param state        the state of its backing
 * @param hostPhys     the host physical address of the host page backing it (the zero page in state ZERO)
 * @param pageId       the global page id of the backing page, or {@link #NIL_PAGE_ID} for the zero page
 * @param writtenTo    whether a write-monitored page has been written to since monitoring was armed
 * @param readOnly     whether guest writes to it cannot go straight to its backing (zero, shared,
 *                     write-monitored, ROM, or a write or all handler)
 * @param physHandler  the state of the physical access handlers on it
 * @param virtHandler  the state of the virtual access handlers on it
 */
public record PhysPage(
        long gcPhys,
        PageType type,
        PageState state,
        long hostPhys,
        int pageId,
        boolean writtenTo,
        boolean readOnly,
        HandlerState physHandler,
        HandlerState virtHandler) {

    /** The page id of a page that has none: all 28 bits of seed 000's page-id field set. */
    public static final int NIL_PAGE_ID = 0x0FFF_FFFF;
}
