package org.gmck.reference.pgm;

import static org.gmck.spi.pgm.PagingMode.AMD64;
import static org.gmck.spi.pgm.PagingMode.BIT32;
import static org.gmck.spi.pgm.PagingMode.PAE;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.ModeStatus;
import org.gmck.spi.pgm.PagingMode;

/**
 * The host-by-guest paging-mode matrix of seed 001: which shadow mode PGM uses for a guest mode on a host
 * mode, and which cells need the world switcher's special effort.
 *
 * <p>Guests without paging (real, protected) are shadowed like 32-bit guests; the NX variants like their
 * base modes.
 */
public final class ShadowModeMatrix {

    /** Rows by guest paging family: columns 32-bit host, PAE host, AMD64 host. */
    private static final Map<GuestMode, PagingMode[]> ROWS = new EnumMap<>(GuestMode.class);

    static {
        PagingMode[] bit32Row = {BIT32, PAE, PAE};
        PagingMode[] paeRow = {PAE, PAE, PAE};
        PagingMode[] amd64Row = {AMD64, AMD64, AMD64};
        ROWS.put(GuestMode.REAL, bit32Row);
        ROWS.put(GuestMode.PROTECTED, bit32Row);
        ROWS.put(GuestMode.BIT32, bit32Row);
        ROWS.put(GuestMode.PAE, paeRow);
        ROWS.put(GuestMode.PAE_NX, paeRow);
        ROWS.put(GuestMode.AMD64, amd64Row);
        ROWS.put(GuestMode.AMD64_NX, amd64Row);
    }

    private ShadowModeMatrix() {}

    public static PagingMode shadowMode(PagingMode host, GuestMode guest) {
        PagingMode[] row = ROWS.get(guest);
        if (row == null) {
            throw new RejectedException(ModeStatus.INVALID_MODE, "guest mode " + guest + " is not a paging mode");
        }
        return row[column(host)];
    }

    /**
     * Interpretation I-1 (CONFORMANCE.md): the switcher needs special effort exactly when the shadow mode
     * differs from the host mode, because only then does the world switch change paging modes.
     */
    static boolean needsSpecialEffort(PagingMode host, GuestMode guest) {
        return shadowMode(host, guest) != host;
    }

    private static int column(PagingMode host) {
        switch (Objects.requireNonNullElse(host, PagingMode.INVALID)) {
            case BIT32:
                return 0;
            case PAE:
                return 1;
            case AMD64:
                return 2;
            default:
                throw new RejectedException(
                        ModeStatus.INVALID_MODE, "host paging mode " + host + " is not a paging mode");
        }
    }
}
