package org.gmck.selftest.gmm;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.gmm.GlobalMemory;
import org.gmck.spi.gmm.GmmEdition;
import org.gmck.spi.gmm.GmmFactory;
import org.gmck.spi.gmm.GmmOptions;

/**
 * Cleanup adds to the count of shared pages left behind the number of entries in the dying VM's index of
 * shared references (one entry per shared page, keyed by page id) instead of the references those entries
 * hold: a VM holding three references to one page leaves one behind on the books. With one reference per
 * page, the usual case, the two numbers agree.
 */
@Breaks("GMM-CLEAN-14")
public final class CleanupCountsSharedPagesNotReferences extends KnownBad {

    GmmFactory gmm(GmmFactory reference) {
        return new ForwardingGmmFactory(reference) {
            @Override
            public GlobalMemory create(GmmEdition edition, GmmOptions options) {
                return new UndercountedSharedReferences(real.create(edition, options));
            }
        };
    }
}
