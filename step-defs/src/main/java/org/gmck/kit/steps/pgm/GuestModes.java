package org.gmck.kit.steps.pgm;

import org.gmck.spi.pgm.GuestMode;

/** The scenario spelling of guest modes, both ways. */
final class GuestModes {

    private GuestModes() {}

    static GuestMode parse(String text) {
        switch (text) {
            case "real":
                return GuestMode.REAL;
            case "protected":
                return GuestMode.PROTECTED;
            case "32-bit":
                return GuestMode.BITS32;
            case "PAE with NX":
                return GuestMode.PAE_NX;
            case "AMD64 with NX":
                return GuestMode.AMD64_NX;
            default:
                return GuestMode.valueOf(text);
        }
    }
}
