package org.gmck.selftest.gmm;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.gmm.GlobalMemory;
import org.gmck.spi.gmm.GmmEdition;
import org.gmck.spi.gmm.GmmFactory;
import org.gmck.spi.gmm.GmmIntrospection;
import org.gmck.spi.gmm.GmmOptions;

/**
 * Chains the free pages of a fresh chunk with {@code iNext = (iPage + 1) % cPages}, so the last page of the
 * chain points back at page 0 instead of ending the LIFO with NIL (0xFFFF). Allocation counts free pages and
 * never follows that last link, so only the raw word shows it; pages freed later are chained correctly.
 */
@Breaks("GMM-LAYOUT-13")
public final class FreshChunkChainWrapsToFirstPage extends KnownBad {

    private static final long STATE_FREE = 3L << 62;
    private static final long ZEROED = 1L << 61;
    private static final long NEXT = 0xFFFF;

    GmmFactory gmm(GmmFactory reference) {
        return Intercept.of(GmmFactory.class, reference, new Object() {
            GlobalMemory create(GmmEdition edition, GmmOptions options) {
                GlobalMemory real = reference.create(edition, options);
                return Intercept.of(GlobalMemory.class, real, new Object() {
                    GmmIntrospection introspection() {
                        GmmIntrospection inside = real.introspection();
                        return Intercept.of(GmmIntrospection.class, inside, new Object() {
                            long rawPage(long pageId) {
                                long word = inside.rawPage(pageId);
                                boolean freshEnd = (word & (STATE_FREE | ZEROED)) == (STATE_FREE | ZEROED)
                                        && (word & NEXT) == NEXT;
                                return freshEnd ? word & ~NEXT : word;
                            }
                        });
                    }
                });
            }
        });
    }
}
