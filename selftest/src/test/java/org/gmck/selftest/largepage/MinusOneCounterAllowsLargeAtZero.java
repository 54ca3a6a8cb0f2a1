package org.gmck.selftest.largepage;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.largepage.CounterEncoding;
import org.gmck.spi.largepage.LargeMappingDecision;
import org.gmck.spi.largepage.LargePages;
import org.gmck.spi.largepage.MmuOptions;
import org.gmck.spi.largepage.ShadowMmu;

/**
 * Counting from minus one, tests the counter with "at most zero" instead of "exactly minus one": a frame
 * whose host memory is not one aligned 2 MB page starts at 0 and is then allowed a large mapping, unlike
 * the same frame in an MMU counting from zero.
 */
@Breaks("LP-ENC-5")
public final class MinusOneCounterAllowsLargeAtZero extends KnownBad {

    LargePages largePages(LargePages reference) {
        return new ForwardingLargePages(reference) {
            @Override
            public ShadowMmu newMmu(MmuOptions options) {
                return new ForcedLargeMmu(real.newMmu(options)) {
                    @Override
                    LargeMappingDecision decide(LargeMappingDecision reference, long frameGpa) {
                        boolean hostTest = reference == LargeMappingDecision.SMALL_HOST_NOT_LARGE
                                || reference == LargeMappingDecision.SMALL_HOST_MISALIGNED;
                        if (options.encoding() != CounterEncoding.COUNT_FROM_MINUS_ONE || !hostTest) {
                            return reference;
                        }
                        return anyShadowedIn(frameGpa)
                                ? LargeMappingDecision.SMALL_WRITE_PROTECTED
                                : LargeMappingDecision.LARGE;
                    }
                };
            }
        };
    }
}
