package org.gmck.selftest.hostile;

/** Listed on the class path with a null name: reported, and no obstacle to certifying another adapter. */
public final class NamelessAdapter extends PgmModesOnly {

    @Override
    public String name() {
        return null;
    }
}
