package org.gmck.spi.largepage;

import java.util.Objects;

/**
 * How a shadow MMU is set up.
 *
 * @param encoding          the write-protect counter encoding
 * @param nestedPaging      true for nested paging (NPT/EPT): guest tables are not write-protected and
 *                          guest-physical memory is mapped directly; false for shadow paging
 * @param backWithLargePages the command-line option to back guest memory with large pages, used by
 *                          {@link ShadowMmu#addGuestMemory(long, long)}
 */
public record MmuOptions(CounterEncoding encoding, boolean nestedPaging, boolean backWithLargePages) {

    public MmuOptions {
        Objects.requireNonNull(encoding, "encoding");
    }

    /** Shadow paging with counters from zero and without large-page backing. */
    public static MmuOptions shadowPaging(CounterEncoding encoding) {
        return new MmuOptions(encoding, false, false);
    }
}
