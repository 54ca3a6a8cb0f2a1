package org.gmck.selftest.largepage;

import java.util.ArrayList;
import java.util.List;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.largepage.CounterArray;
import org.gmck.spi.largepage.LargePages;
import org.gmck.spi.largepage.MmuOptions;
import org.gmck.spi.largepage.ShadowMmu;

/**
 * Sizes a slot's counter array from the 2 MB boundary at or below the slot's start (rounding down where it
 * should round up), so a slot for 1 MB to 1 GB gets a 512th counter, for a frame the slot only half covers.
 */
@Breaks("LP-CNT-1")
public final class PartialFrameCounted extends KnownBad {

    private static final long FRAME = 2L << 20;

    LargePages largePages(LargePages reference) {
        return Intercept.of(LargePages.class, reference, new Object() {
            ShadowMmu newMmu(MmuOptions options) {
                ShadowMmu real = reference.newMmu(options);
                return Intercept.of(ShadowMmu.class, real, new Object() {
                    CounterArray counters(long slotGuestBase) {
                        CounterArray counters = real.counters(slotGuestBase);
                        if (slotGuestBase % FRAME == 0) {
                            return counters;
                        }
                        List<Integer> raw = new ArrayList<>(counters.raw());
                        raw.add(0, 0);
                        return new CounterArray(counters.firstFrame() - FRAME, counters.encoding(), raw);
                    }
                });
            }
        });
    }
}
