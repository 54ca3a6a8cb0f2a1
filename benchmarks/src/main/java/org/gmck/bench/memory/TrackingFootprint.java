package org.gmck.bench.memory;

import java.util.ArrayList;
import java.util.List;
import org.gmck.reference.gmm.GlobalMemoryManager;
import org.gmck.reference.pgm.phys.HostMemory;
import org.gmck.reference.pgm.phys.HostPagePool;
import org.gmck.reference.pgm.phys.PgmGuestMemory;
import org.gmck.spi.gmm.Account;
import org.gmck.spi.gmm.GmmEdition;
import org.gmck.spi.gmm.OcPolicy;
import org.gmck.spi.gmm.Priority;
import org.gmck.spi.pgm.phys.PageType;
import org.openjdk.jol.info.GraphLayout;
import org.openjdk.jol.vm.VM;

/**
 * Retained sizes (JOL's object graph walk, every object reachable, headers and padding included) of the
 * reference's per-page tracking for a guest of a given size, every page in use.
 */
public final class TrackingFootprint {

    /**
     * One measurement: bytes retained by the structure for {@code pages} pages, of which {@code wordBytes}
     * are the elements of the packed per-page word arrays ({@code long[]}). The arrays' headers are a cost
     * of the chunk or range that holds them, not of a page, and count in the rest.
     */
    public record Footprint(String structure, long pages, long bytes, long wordBytes) {
        public double bytesPerPage() {
            return (double) bytes / pages;
        }

        public double wordBytesPerPage() {
            return (double) wordBytes / pages;
        }
    }

    private static Footprint of(String structure, long pages, GraphLayout layout) {
        long arrays = layout.getClassCounts().count(long[].class);
        long elements = layout.getClassSizes().count(long[].class) - arrays * LONG_ARRAY_HEADER;
        return new Footprint(structure, pages, layout.totalSize(), elements);
    }

    /** A {@code long[]}'s header: mark word, class word and length, padded to 8 (JOL's own figure). */
    private static final long LONG_ARRAY_HEADER = VM.current().arrayHeaderSize();

    private TrackingFootprint() {}

    /**
     * The whole GMM after one VM has allocated {@code pages} private pages: chunks with their packed page
     * words, the chunk map and TLB, the free sets, the chunk id bitmap and the VM's data.
     */
    public static Footprint gmm(GmmEdition edition, long pages) {
        GlobalMemoryManager gmm = new GlobalMemoryManager(edition, pages, false);
        int vm = gmm.createVm();
        gmm.reserve(vm, pages, 1, 1, OcPolicy.TBD, Priority.NORMAL);
        List<Long> pfns = new ArrayList<>(1 << 16);
        for (long pfn = 0; pfn < pages; pfn++) {
            pfns.add(pfn);
            if (pfns.size() == 1 << 16 || pfn == pages - 1) {
                gmm.allocate(vm, Account.BASE, pfns);
                pfns.clear();
            }
        }
        return of("GMM, " + edition, pages, GraphLayout.parseInstance(gmm));
    }

    /**
     * One VM's PGM guest physical memory: a RAM range of {@code pages} pages, every page allocated (made
     * writable), without the contents of the host pages (guest data, not tracking) and without the host
     * page pool (the host's side).
     */
    public static Footprint pgm(long pages) {
        HostPagePool pool = new HostPagePool(pages);
        HostMemory contents = new HostMemory();
        PgmGuestMemory memory = new PgmGuestMemory(pool, contents);
        memory.registerRange(PageType.RAM, 0, pages << 12);
        for (long i = 0; i < pages; i++) {
            memory.makeWritable(i << 12);
        }
        return of(
                "PGM, one VM",
                pages,
                GraphLayout.parseInstance(memory).subtract(GraphLayout.parseInstance(contents, pool)));
    }
}
