package org.gmck.selftest.hostile;

import org.gmck.spi.pgm.PagingModes;

/** Calls {@code System.exit} from the first call into its profile, as a crashing native binding might. */
public final class ExitingAdapter extends PgmModesOnly {

    @Override
    public String name() {
        return "exiting";
    }

    @Override
    public PagingModes pagingModes() {
        System.exit(3);
        return null;
    }
}
