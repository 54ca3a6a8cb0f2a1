package org.gmck.kit.steps.pgm;

import io.cucumber.java.ParameterType;
import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.PagingMode;

/** How scenarios spell paging modes. */
public final class PgmParameterTypes {

    @ParameterType("32-bit|PAE|AMD64|INVALID")
    public PagingMode pagingMode(String text) {
        switch (text) {
            case "32-bit":
                return PagingMode.BITS32;
            case "INVALID":
                return PagingMode.INVALID;
            default:
                return PagingMode.valueOf(text);
        }
    }

    @ParameterType("real|protected|32-bit|PAE with NX|PAE|AMD64 with NX|AMD64|INVALID")
    public GuestMode guestMode(String text) {
        return GuestModes.parse(text);
    }
}
