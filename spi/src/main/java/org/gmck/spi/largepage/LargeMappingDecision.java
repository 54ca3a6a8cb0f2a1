package org.gmck.spi.largepage;

/**
 * Whether a 2 MB guest frame may be shadowed by one large entry and, if not, the first reason why not,
 * checked in the order listed.
 */
public enum LargeMappingDecision {
    /** One 2 MB shadow entry. */
    LARGE(MappingSize.LARGE_2M),
    /** The frame does not lie wholly inside one memory slot, so it has no write-protect counter. */
    SMALL_FRAME_NOT_IN_ONE_SLOT(MappingSize.SMALL_4K),
    /** The slot is backed by 4 KB host pages. */
    SMALL_HOST_NOT_LARGE(MappingSize.SMALL_4K),
    /** The host memory behind the guest frame is not one aligned 2 MB host page. */
    SMALL_HOST_MISALIGNED(MappingSize.SMALL_4K),
    /** At least one 4 KB page of the frame is write-protected (its counter says so). */
    SMALL_WRITE_PROTECTED(MappingSize.SMALL_4K);

    private final MappingSize size;

    LargeMappingDecision(MappingSize size) {
        this.size = size;
    }

    /** The size of the shadow entries the decision leads to. */
    public MappingSize size() {
        return size;
    }
}
