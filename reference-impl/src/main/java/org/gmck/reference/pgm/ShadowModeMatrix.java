package org.gmck.reference.pgm;

import static org.gmck.spi.pgm.PagingMode.AMD64;
import static org.gmck.spi.pgm.PagingMode.BITS32;
import static org.gmck.spi.pgm.PagingMode.PAE;

import java.util.EnumMap;
import java.util.Map;
import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.ModeArguments;
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
        PagingMode[] bit32Row = {BITS32, PAE, PAE};
        PagingMode[] paeRow = {PAE, PAE, PAE};
        PagingMode[] amd64Row = {AMD64, AMD64, AMD64};
        ROWS.put(GuestMode.REAL, bit32Row);
        ROWS.put(GuestMode.PROTECTED, bit32Row);
        ROWS.put(GuestMode.BITS32, bit32Row);
        ROWS.put(GuestMode.PAE, paeRow);
        ROWS.put(GuestMode.PAE_NX, paeRow);
        ROWS.put(GuestMode.AMD64, amd64Row);
        ROWS.put(GuestMode.AMD64_NX, amd64Row);
    }

    private ShadowModeMatrix() {}

    public static PagingMode shadowMode(PagingMode host, GuestMode guest) {
        PagingMode[] row = ROWS.get(ModeArguments.requireGuestMode(guest));
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
        return switch (ModeArguments.requireMode(host, "host paging mode")) {
            case BITS32 -> 0;
            case PAE -> 1;
            case AMD64 -> 2;
            case INVALID -> throw new IllegalStateException("refused above");
        };
    }
}
