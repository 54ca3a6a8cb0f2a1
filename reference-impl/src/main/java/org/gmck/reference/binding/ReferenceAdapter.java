package org.gmck.reference.binding;

import java.util.EnumSet;
import java.util.Set;
import org.gmck.reference.largepage.ReferenceLargePages;
import org.gmck.reference.pgm.PgmPagingModes;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.Profile;
import org.gmck.spi.gmm.GmmFactory;
import org.gmck.spi.largepage.LargePages;
import org.gmck.spi.pgm.PagingModes;

/** Binds the reference implementation to the SPI. Selected with {@code -Dconformance.adapter=reference}. */
public final class ReferenceAdapter implements ConformanceAdapter {

    public static final String NAME = "reference";
    public static final String VERSION = "0.1.0";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public Set<Profile> profiles() {
        return EnumSet.of(Profile.PGM, Profile.LARGE_PAGES, Profile.LARGE_PAGES_INTROSPECTION, Profile.GMM,
                Profile.GMM_INTROSPECTION);
    }

    @Override
    public PagingModes pagingModes() {
        return new PgmPagingModes();
    }

    @Override
    public LargePages largePages() {
        return new ReferenceLargePages();
    }

    @Override
    public GmmFactory gmm() {
        return new ReferenceGmm();
    }
}
