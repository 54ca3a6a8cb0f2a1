package org.gmck.selftest.gmm;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.gmm.GlobalMemory;
import org.gmck.spi.gmm.GmmEdition;
import org.gmck.spi.gmm.GmmFactory;
import org.gmck.spi.gmm.GmmOptions;

/**
 * A refused call links the last chunk into the chunk list a second time, so that the refusal changes what
 * the manager reports; and every chunk list it hands out is one live list it refills on each call. A kit
 * that kept the list it was given, rather than a copy, would compare the list before the refusal with
 * itself and see no change.
 */
@Breaks(
        value = "GMM-ID-5",
        also = {
            "GMM-ALLOC-10",
            "GMM-ALLOC-11",
            "GMM-ALLOC-12",
            "GMM-ALLOC-7",
            "GMM-ALLOC-9",
            "GMM-CLEAN-18",
            "GMM-FREE-1",
            "GMM-FREE-2",
            "GMM-FREE-3",
            "GMM-FREE-4",
            "GMM-FREE-5",
            "GMM-FREE-6",
            "GMM-ID-13",
            "GMM-ID-4",
            "GMM-ID-7",
            "GMM-LEG-1",
            "GMM-LEG-10",
            "GMM-LEG-3",
            "GMM-LEG-5",
            "GMM-LEG-7",
            "GMM-LEG-8",
            "GMM-RES-9",
            "GMM-SHARE-11",
            "GMM-SHARE-12",
            "GMM-SHARE-13",
            "GMM-SHARE-14",
            "GMM-SHARE-15",
            "GMM-SHARE-16",
            "GMM-SHARE-17",
            "GMM-SHARE-18",
            "GMM-STATE-3",
            "GMM-VM-1",
            "GMM-VM-2"
        })
public final class RefusalRelinksChunkBehindLiveList extends KnownBad {

    GmmFactory gmm(GmmFactory reference) {
        return new ForwardingGmmFactory(reference) {
            @Override
            public GlobalMemory create(GmmEdition edition, GmmOptions options) {
                return live(real.create(edition, options));
            }
        };
    }

    private static GlobalMemory live(GlobalMemory real) {
        List<Long> chunks = new ArrayList<>();
        boolean[] relinked = {false};
        return (GlobalMemory) Proxy.newProxyInstance(
                GlobalMemory.class.getClassLoader(), new Class<?>[] {GlobalMemory.class}, (proxy, method, args) -> {
                    if (method.getName().equals("chunkIds") && method.getParameterCount() == 0) {
                        List<Long> now = real.chunkIds();
                        chunks.clear();
                        chunks.addAll(now);
                        if (relinked[0] && !now.isEmpty()) {
                            chunks.add(now.get(now.size() - 1));
                        }
                        return chunks;
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        if (e.getCause() instanceof RejectedException) {
                            relinked[0] = true;
                        }
                        throw e.getCause();
                    }
                });
    }
}
