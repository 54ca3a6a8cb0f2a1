package org.gmck.selftest.hostile;

import org.gmck.spi.pgm.PagingModes;

/** Halts the JVM (no shutdown hook runs) from the first call into its profile. */
public final class HaltingAdapter extends PgmModesOnly {

    @Override
    public String name() {
        return "halting";
    }

    @Override
    public PagingModes pagingModes() {
        Runtime.getRuntime().halt(4);
        return null;
    }
}
