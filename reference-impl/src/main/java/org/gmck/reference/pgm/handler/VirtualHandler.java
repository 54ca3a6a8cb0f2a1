package org.gmck.reference.pgm.handler;

import java.util.Arrays;
import java.util.OptionalLong;
import org.gmck.spi.pgm.handler.VirtHandlerKind;
import org.gmck.spi.pgm.phys.HandlerState;

/**
 * A registered virtual access handler over whole linear pages, with its physical-to-virtual translation
 * cache: for every page of its range, the guest physical page the guest's tables mapped it to at the last
 * update, packed in one array ({@link #NIL} when unmapped or not looked up yet).
 */
final class VirtualHandler {

    static final long NIL = -1L;

    private final int id;
    private final VirtHandlerKind kind;
    private final PageRange range;
    private final long[] cache;

    VirtualHandler(int id, VirtHandlerKind kind, PageRange range) {
        this.id = id;
        this.kind = kind;
        this.range = range;
        this.cache = new long[range.pages()];
        Arrays.fill(cache, NIL);
    }

    int id() {
        return id;
    }

    VirtHandlerKind kind() {
        return kind;
    }

    PageRange range() {
        return range;
    }

    /** The page state the handler's kind stands for: HYPERVISOR handlers claim writes. */
    HandlerState state() {
        return kind == VirtHandlerKind.ALL ? HandlerState.ALL : HandlerState.WRITE;
    }

    int pages() {
        return cache.length;
    }

    long cached(int page) {
        return cache[page];
    }

    void cache(int page, long gcPhysPage) {
        cache[page] = gcPhysPage;
    }

    /** The index of the page of {@code linear} in the range. */
    int pageOf(long linear) {
        return (int) ((linear - range.first()) >>> PageRange.PAGE_SHIFT);
    }

    OptionalLong cachedAt(long linear) {
        long gcPhys = cache[pageOf(linear)];
        return gcPhys == NIL ? OptionalLong.empty() : OptionalLong.of(gcPhys);
    }

    /** The index of the first page of the range cached as {@code gcPhysPage}, or -1. */
    int indexOf(long gcPhysPage) {
        for (int i = 0; i < cache.length; i++) {
            if (cache[i] == gcPhysPage) {
                return i;
            }
        }
        return -1;
    }
}
