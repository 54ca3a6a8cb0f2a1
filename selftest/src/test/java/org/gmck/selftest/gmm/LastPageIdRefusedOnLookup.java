package org.gmck.selftest.gmm;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.gmm.GlobalMemory;
import org.gmck.spi.gmm.GmmEdition;
import org.gmck.spi.gmm.GmmFactory;
import org.gmck.spi.gmm.GmmOptions;
import org.gmck.spi.gmm.GmmStatus;
import org.gmck.spi.gmm.PageInfo;

/**
 * The page look-up checks its argument with {@code idPage >= GMM_PAGEID_LAST}, one short, so the last valid
 * page id is refused there as bad input instead of being looked up (and not found); the free, share and
 * shared-page paths check the range correctly.
 */
@Breaks("GMM-ID-7")
public final class LastPageIdRefusedOnLookup extends KnownBad {

    GmmFactory gmm(GmmFactory reference) {
        return new ForwardingGmmFactory(reference) {
            @Override
            public GlobalMemory create(GmmEdition edition, GmmOptions options) {
                return new ForwardingGlobalMemory(real.create(edition, options)) {
                    @Override
                    public PageInfo page(long pageId) {
                        if (pageId == real.geometry().pageIdLast()) {
                            throw new RejectedException(
                                    GmmStatus.VERR_INVALID_PARAMETER,
                                    "page id 0x" + Long.toHexString(pageId) + " is beyond the last page id");
                        }
                        return real.page(pageId);
                    }
                };
            }
        };
    }
}
