package org.gmck.selftest.gmm;

import java.util.List;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.gmm.Account;
import org.gmck.spi.gmm.AllocatedPage;
import org.gmck.spi.gmm.GlobalMemory;
import org.gmck.spi.gmm.GmmEdition;
import org.gmck.spi.gmm.GmmFactory;
import org.gmck.spi.gmm.GmmOptions;
import org.gmck.spi.gmm.PageInfo;

/**
 * Drops the low bit of every host page frame it reports, as if it looked the frame up at 8 KB granularity:
 * two pages handed out at once share one frame. It reports the same frame when a page is looked up, so only
 * the rule that every page handed out has its own frame can tell; that the frames of a chunk are not
 * consecutive is no fault (the seed's chunks are physically non-contiguous).
 */
@Breaks("GMM-STATE-8")
public final class HostFrameSharedByPagePairs extends KnownBad {

    private static long frame(long hostPfn) {
        return hostPfn & ~1L;
    }

    private static AllocatedPage frame(AllocatedPage page) {
        return new AllocatedPage(page.pageId(), frame(page.hostPfn()));
    }

    GmmFactory gmm(GmmFactory reference) {
        return new ForwardingGmmFactory(reference) {
            @Override
            public GlobalMemory create(GmmEdition edition, GmmOptions options) {
                return new ForwardingGlobalMemory(real.create(edition, options)) {
                    @Override
                    public List<AllocatedPage> allocate(int vm, Account account, List<Long> guestPfns) {
                        return real.allocate(vm, account, guestPfns).stream()
                                .map(HostFrameSharedByPagePairs::frame)
                                .toList();
                    }

                    @Override
                    public AllocatedPage share(int vm, long pageId) {
                        return frame(real.share(vm, pageId));
                    }

                    @Override
                    public AllocatedPage useShared(int vm, long sharedPageId) {
                        return frame(real.useShared(vm, sharedPageId));
                    }

                    @Override
                    public PageInfo page(long pageId) {
                        PageInfo info = real.page(pageId);
                        return new PageInfo(
                                info.state(), info.owner(), info.guestPfn(), info.refs(), frame(info.hostPfn()));
                    }
                };
            }
        };
    }
}
