package org.gmck.selftest.largepage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.largepage.CounterArray;
import org.gmck.spi.largepage.LargePages;
import org.gmck.spi.largepage.MappingSize;
import org.gmck.spi.largepage.MmuOptions;
import org.gmck.spi.largepage.ShadowMmu;

/**
 * Moves a frame's counter only when one of its pages gains its first shadow or loses its last, so the
 * counter holds the number of write-protected pages rather than the number of shadows the seed counts. Every
 * decision comes out the same; only the counters of a frame with a page shadowed twice read low.
 */
@Breaks(value = "LP-CNT-3", also = "LP-ENC-2")
public final class CountsPagesNotShadows extends KnownBad {

    private static final long FRAME = MappingSize.LARGE_2M.bytes();
    private static final long PAGE = MappingSize.SMALL_4K.bytes();

    LargePages largePages(LargePages reference) {
        return new ForwardingLargePages(reference) {
            @Override
            public ShadowMmu newMmu(MmuOptions options) {
                return new ForwardingShadowMmu(real.newMmu(options)) {
                    /** Shadows per page. */
                    private final Map<Long, Integer> shadows = new HashMap<>();

                    @Override
                    public void shadowPageTable(long gpa) {
                        real.shadowPageTable(gpa);
                        shadows.merge(gpa & -PAGE, 1, Integer::sum);
                    }

                    @Override
                    public void unshadowPageTable(long gpa) {
                        real.unshadowPageTable(gpa);
                        shadows.merge(gpa & -PAGE, -1, Integer::sum);
                    }

                    @Override
                    public int writeProtectCount(long gpa) {
                        return real.writeProtectCount(gpa) - repeats(gpa & -FRAME);
                    }

                    @Override
                    public CounterArray counters(long slotGuestBase) {
                        CounterArray counters = real.counters(slotGuestBase);
                        List<Integer> raw = new ArrayList<>(counters.raw());
                        for (int i = 0; i < raw.size(); i++) {
                            raw.set(i, raw.get(i) - repeats(counters.firstFrame() + i * FRAME));
                        }
                        return new CounterArray(counters.firstFrame(), counters.encoding(), raw);
                    }

                    /** Shadows beyond the first of each page in the frame: what the faulty counter misses. */
                    private int repeats(long frame) {
                        int extra = 0;
                        for (Map.Entry<Long, Integer> e : shadows.entrySet()) {
                            if ((e.getKey() & -FRAME) == frame && e.getValue() > 1) {
                                extra += e.getValue() - 1;
                            }
                        }
                        return extra;
                    }
                };
            }
        };
    }
}
