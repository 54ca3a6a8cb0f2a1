package org.gmck.selftest.hostile;

import java.util.Set;
import org.gmck.reference.binding.ReferenceAdapter;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.common.Profile;
import org.gmck.spi.pgm.PagingModes;

/** The reference's paging modes under another name: the base of the hostile adapters, quick to certify. */
public class PgmModesOnly implements ConformanceAdapter {

    private final ReferenceAdapter reference = new ReferenceAdapter();

    @Override
    public String name() {
        return "hostile";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public Set<Profile> profiles() {
        return Set.of(Profile.PGM_MODES);
    }

    @Override
    public PagingModes pagingModes() {
        return reference.pagingModes();
    }
}
