package org.gmck.kit.model.shadow;

import java.util.List;
import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.PagingMode;

/**
 * What one series of the shadow model runs over: the host paging mode and the guest's paging mode. Together
 * the variants give every shadow mode (32-bit, PAE, AMD64), every guest table layout, the guest large page of
 * each layout (4 MB, 2 MB) and guests with and without no-execute.
 *
 * @param name  the variant's name in reports
 * @param host  the host paging mode
 * @param guest the guest's paging mode
 */
record ShadowVariant(String name, PagingMode host, GuestMode guest) {

    static List<ShadowVariant> all() {
        return List.of(
                new ShadowVariant("32bit-host/32bit-guest", PagingMode.BITS32, GuestMode.BITS32),
                new ShadowVariant("amd64-host/32bit-guest", PagingMode.AMD64, GuestMode.BITS32),
                new ShadowVariant("pae-host/pae-nx-guest", PagingMode.PAE, GuestMode.PAE_NX),
                new ShadowVariant("32bit-host/amd64-nx-guest", PagingMode.BITS32, GuestMode.AMD64_NX),
                new ShadowVariant("amd64-host/amd64-guest", PagingMode.AMD64, GuestMode.AMD64));
    }

    static ShadowVariant named(String name) {
        return all().stream()
                .filter(v -> v.name.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no shadow variant " + name));
    }

    /** Whether the guest runs with EFER.NXE: no-execute leaves exist and fetch faults carry I/D. */
    boolean nx() {
        return guest == GuestMode.PAE_NX || guest == GuestMode.AMD64_NX;
    }

    /** The size of the guest's large page: 4 MB for a 32-bit guest (PSE), 2 MB otherwise. */
    long largePage() {
        return guest == GuestMode.BITS32 ? 4L << 20 : 2L << 20;
    }

    /** The number of levels of the guest's tables. */
    int levels() {
        return guest.levels().size();
    }

    /** Whether the guest's top level is a legacy-PAE PDPT, whose entries have no accessed flag to keep. */
    boolean legacyPae() {
        return guest.legacyPae();
    }

    /** The shadow mode the host-by-guest matrix gives (PGM-SHW-25). */
    PagingMode shadowMode() {
        if (guest.longMode()) {
            return PagingMode.AMD64;
        }
        if (guest == GuestMode.BITS32) {
            return host == PagingMode.BITS32 ? PagingMode.BITS32 : PagingMode.PAE;
        }
        return PagingMode.PAE;
    }

    /** How scenarios spell the host mode: {@code a PAE host}. */
    String hostText() {
        return switch (host) {
            case BITS32 -> "a 32-bit";
            case AMD64 -> "an AMD64";
            default -> "a PAE";
        };
    }

    /** How scenarios spell the guest mode. */
    String guestText() {
        return switch (guest) {
            case BITS32 -> "32-bit";
            case PAE_NX -> "PAE with NX";
            case AMD64_NX -> "AMD64 with NX";
            case AMD64 -> "AMD64";
            default -> "PAE";
        };
    }
}
