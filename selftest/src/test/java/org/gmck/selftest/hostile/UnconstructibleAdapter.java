package org.gmck.selftest.hostile;

/** Listed on the class path, but its constructor throws: it must not keep any other adapter from being certified. */
public final class UnconstructibleAdapter extends PgmModesOnly {

    public UnconstructibleAdapter() {
        throw new IllegalStateException("no licence server at 10.0.0.1");
    }
}
