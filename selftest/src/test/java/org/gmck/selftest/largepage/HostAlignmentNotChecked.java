package org.gmck.selftest.largepage;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.largepage.LargeMappingDecision;
import org.gmck.spi.largepage.LargePages;
import org.gmck.spi.largepage.MmuOptions;
import org.gmck.spi.largepage.ShadowMmu;

/**
 * Allows a large mapping whenever the slot is on 2 MB host pages, without checking that the guest frame
 * starts on one of them: with guest memory from 1 MB on host pages from 4 GB, each 2 MB guest frame then
 * spans two host pages, and a 2 MB entry maps the wrong host memory.
 */
@Breaks(
        value = "LP-MAP-4",
        also = {"LP-NPT-2", "LP-ENC-5"})
public final class HostAlignmentNotChecked extends KnownBad {

    LargePages largePages(LargePages reference) {
        return new ForwardingLargePages(reference) {
            @Override
            public ShadowMmu newMmu(MmuOptions options) {
                return new ForcedLargeMmu(real.newMmu(options)) {
                    @Override
                    LargeMappingDecision decide(LargeMappingDecision reference, long frameGpa) {
                        if (reference != LargeMappingDecision.SMALL_HOST_MISALIGNED) {
                            return reference;
                        }
                        return anyShadowedIn(frameGpa) && !options.nestedPaging()
                                ? LargeMappingDecision.SMALL_WRITE_PROTECTED
                                : LargeMappingDecision.LARGE;
                    }
                };
            }
        };
    }
}
