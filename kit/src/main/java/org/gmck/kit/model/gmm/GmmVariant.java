package org.gmck.kit.model.gmm;

import java.util.ArrayList;
import java.util.List;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.gmm.GmmEdition;

/**
 * What one series of GMM sequences runs over: an edition the adapter declares (its chunk geometry), normal or
 * legacy mode, and the host memory limit in chunks, small enough that a sequence reaches it.
 *
 * @param name    the variant's name in reports, after the catalogue's variant names
 * @param edition the GMM edition
 * @param legacy  whether legacy mode is asked for (the host answers the probe for non-contiguous memory)
 * @param room    the host memory limit, in chunks
 */
record GmmVariant(String name, GmmEdition edition, boolean legacy, int room) {

    /** Normal mode, in chunks of host memory: a few chunks, so that the limit is reached. */
    static final int ROOM = 3;

    /** Every variant of the editions the adapter declares: each edition in normal mode and in legacy mode. */
    static List<GmmVariant> of(ConformanceAdapter adapter) {
        List<GmmVariant> variants = new ArrayList<>();
        for (GmmEdition edition : List.of(GmmEdition.SEED_1MB, GmmEdition.CURRENT_2MB)) {
            if (adapter.gmm().editions().contains(edition)) {
                String base = edition == GmmEdition.SEED_1MB ? "seed-1mb" : "current-2mb";
                variants.add(new GmmVariant(base, edition, false, ROOM));
                variants.add(new GmmVariant("legacy-" + base, edition, true, ROOM));
            }
        }
        return variants;
    }

    static GmmVariant named(String name) {
        boolean legacy = name.startsWith("legacy-");
        GmmEdition edition = name.endsWith("seed-1mb") ? GmmEdition.SEED_1MB : GmmEdition.CURRENT_2MB;
        return new GmmVariant(name, edition, legacy, ROOM);
    }

    /** The setup step that creates such a GMM. */
    String setupStep() {
        String chunks = edition == GmmEdition.SEED_1MB ? "1 MB" : "2 MB";
        return (legacy ? "a legacy-mode GMM" : "a GMM") + " with " + chunks + " chunks and room for " + room
                + " chunks";
    }
}
