package org.gmck.selftest.cli;

import java.util.Map;
import java.util.Set;
import org.gmck.selftest.pgm.LiteralDiagonalSpecialEffort;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.common.Profile;
import org.gmck.spi.pgm.PagingModes;

/**
 * A known-bad adapter a service list can name: the reference's paging modes with the fault of
 * {@link LiteralDiagonalSpecialEffort} (PGM-MODE-5), declaring that profile alone, for the standalone jar.
 */
public class BrokenPagingModes implements ConformanceAdapter {

    private final ConformanceAdapter bad = new LiteralDiagonalSpecialEffort().adapter();

    @Override
    public String name() {
        return "broken-modes";
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
    public Map<String, String> parameters() {
        return bad.parameters();
    }

    @Override
    public PagingModes pagingModes() {
        return bad.pagingModes();
    }
}
