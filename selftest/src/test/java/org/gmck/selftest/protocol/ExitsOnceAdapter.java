package org.gmck.selftest.protocol;

/** Calls {@code System.exit(3)} from its first call into its profile in a run. */
public final class ExitsOnceAdapter extends BreaksOnceAdapter {

    @Override
    public String name() {
        return "exits-once";
    }

    @Override
    void breakNow() {
        System.err.println("exits-once: calling System.exit(3)");
        System.exit(3);
    }
}
