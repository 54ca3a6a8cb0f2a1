package org.gmck.spi.pgm.shadow;

import java.util.List;

/**
 * How the shadow tables translate one linear address right now.
 *
 * @param hostPhys   the host physical address the byte is mapped to
 * @param writable   R/W is set in every shadow entry on the way
 * @param user       U/S is set in every shadow entry on the way
 * @param executable no shadow entry on the way has execute-disable set (with NX in force)
 * @param entries    the raw shadow entries used, top level first (a legacy-PAE PDPTE first in PAE shadow mode)
 */
public record ShadowTranslation(long hostPhys, boolean writable, boolean user, boolean executable, List<Long> entries) {
    public ShadowTranslation {
        entries = List.copyOf(entries);
    }
}
