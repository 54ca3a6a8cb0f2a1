package org.gmck.reference.pgm.phys;

import java.util.ArrayList;
import java.util.List;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.pgm.phys.GuestPhysicalMemory;
import org.gmck.spi.pgm.phys.HandlerState;
import org.gmck.spi.pgm.phys.PageCounts;
import org.gmck.spi.pgm.phys.PageRecordLayout;
import org.gmck.spi.pgm.phys.PageState;
import org.gmck.spi.pgm.phys.PageType;
import org.gmck.spi.pgm.phys.PhysPage;
import org.gmck.spi.pgm.phys.PhysStatus;

/**
 * One VM's guest physical memory: its ranges with their packed page records, the per-VM zero page, and the
 * page transitions of seed 000's "Allocating a page".
 */
public final class PgmGuestMemory implements GuestPhysicalMemory {

    /** Where this VM's zero page sits in host physical memory. */
    public static final long ZERO_PAGE = 0x0000_0000_0010_0000L;
    /**
     * The most guest pages one VM's ranges may cover together: 2^24 (64 GiB), whose packed records take
     * 256 MiB. A range that would take the total past it is refused with VERR_NO_MEMORY before any record
     * is made.
     */
    public static final long MAX_TRACKED_PAGES = 1L << 24;

    private final RamRanges ranges = new RamRanges();
    private final PageAllocationPort host;
    private final PageContents memory;
    private PageChangeListener listener = PageChangeListener.NONE;

    /** A guest memory whose contents live in host pages. */
    public PgmGuestMemory(PageAllocationPort host) {
        this(host, new HostMemory());
    }

    /** A guest memory whose contents live where {@code contents} keeps them. */
    public PgmGuestMemory(PageAllocationPort host, PageContents contents) {
        this.host = host;
        this.memory = contents;
    }

    /** Sets who is told about page changes. */
    public void listen(PageChangeListener changes) {
        this.listener = changes;
    }

    @Override
    public void registerRange(PageType type, long gcPhys, long size) {
        if (type == null) {
            throw new RejectedException(PhysStatus.VERR_INVALID_PARAMETER, "a range needs a page type");
        }
        ranges.checkNew(gcPhys, size);
        long pages = size >>> PhysAddress.PAGE_SHIFT;
        boolean backed = type == PageType.MMIO2 || type == PageType.ROM;
        if (backed && host.available() < pages) {
            throw new RejectedException(
                    PhysStatus.VERR_EM_NO_MEMORY,
                    String.format(
                            "backing %d %s pages needs more than the %d pages the host has left",
                            pages, type, host.available()));
        }
        if (pages > MAX_TRACKED_PAGES - ranges.pages()) {
            throw new RejectedException(
                    PhysStatus.VERR_NO_MEMORY,
                    String.format(
                            "%d pages with the %d already tracked exceed the %d pages a VM's records may cover",
                            pages, ranges.pages(), MAX_TRACKED_PAGES));
        }
        RamRange range;
        try {
            range = ranges.add(gcPhys, size);
        } catch (OutOfMemoryError e) {
            throw new RejectedException(
                    PhysStatus.VERR_NO_MEMORY, String.format("no memory for the records of %d pages", pages));
        }
        for (int i = 0; i < pages; i++) {
            if (backed) {
                HostPage page = host.allocatePrivate();
                setPage(range, i, page.hostPhys(), page.pageId(), type, PageState.ALLOCATED, false);
            } else {
                setPage(range, i, ZERO_PAGE, PhysPage.NIL_PAGE_ID, type, PageState.ZERO, false);
            }
        }
    }

    @Override
    public PhysPage page(long gcPhys) {
        RamRange range = ranges.find(gcPhys);
        int i = range.index(gcPhys);
        long w0 = range.word0(i);
        long w1 = range.word1(i);
        return new PhysPage(
                PhysAddress.pageOf(gcPhys),
                PageRecord.type(w1),
                PageRecord.state(w1),
                PageRecord.hostPhys(w0),
                PageRecord.pageId(w0),
                PageRecord.writtenTo(w1),
                PageRecord.readOnly(w1),
                PageRecord.physHandler(w1),
                PageRecord.virtHandler(w1));
    }

    @Override
    public long read(long gcPhys, int width) {
        checkAccess(gcPhys, width);
        return memory.read(gcPhys, hostPhysForRead(gcPhys) | gcPhys & PhysAddress.OFFSET_MASK, width);
    }

    @Override
    public void write(long gcPhys, int width, long value) {
        checkAccess(gcPhys, width);
        RamRange range = ranges.find(gcPhys);
        if (PageRecord.type(range.word1(range.index(gcPhys))) == PageType.ROM) {
            return;
        }
        long hostPhys = makeWritable(gcPhys);
        memory.write(gcPhys, hostPhys | gcPhys & PhysAddress.OFFSET_MASK, width, value);
        listener.written(gcPhys);
    }

    @Override
    public void sharePage(long gcPhys) {
        PhysPage page = page(gcPhys);
        if (page.type() != PageType.RAM) {
            throw new RejectedException(
                    PhysStatus.VERR_PGM_PHYS_NOT_RAM,
                    String.format("only RAM pages are shared, %#x is %s", gcPhys, page.type()));
        }
        if (page.state() != PageState.ALLOCATED) {
            throw new RejectedException(
                    PhysStatus.VERR_PGM_PHYS_INVALID_PAGE_STATE,
                    String.format("only normal pages are shared, %#x is %s", gcPhys, page.state()));
        }
        requireHostPage(gcPhys);
        HostPage shared = host.share(new HostPage(page.pageId(), page.hostPhys()));
        memory.copied(page.hostPhys(), shared.hostPhys());
        memory.released(page.hostPhys());
        replace(gcPhys, shared.hostPhys(), shared.pageId(), PageState.SHARED, false);
    }

    @Override
    public void writeMonitorAll() {
        for (RamRange range : ranges.all()) {
            for (int i = 0; i < range.pages(); i++) {
                long w1 = range.word1(i);
                PageType type = PageRecord.type(w1);
                if ((type == PageType.RAM || type == PageType.MMIO2) && PageRecord.state(w1) == PageState.ALLOCATED) {
                    long w0 = range.word0(i);
                    setPage(
                            range,
                            i,
                            PageRecord.hostPhys(w0),
                            PageRecord.pageId(w0),
                            type,
                            PageState.WRITE_MONITORED,
                            false);
                    listener.backingChanged(range.start() + ((long) i << PhysAddress.PAGE_SHIFT));
                }
            }
        }
    }

    @Override
    public PageCounts counts() {
        long zero = 0;
        long privately = 0;
        long shared = 0;
        long monitored = 0;
        long writtenTo = 0;
        for (RamRange range : ranges.all()) {
            for (int i = 0; i < range.pages(); i++) {
                long w1 = range.word1(i);
                switch (PageRecord.state(w1)) {
                    case ZERO -> zero++;
                    case SHARED -> shared++;
                    case WRITE_MONITORED -> {
                        monitored++;
                        privately++;
                    }
                    default -> privately++;
                }
                if (PageRecord.writtenTo(w1)) {
                    writtenTo++;
                }
            }
        }
        return new PageCounts(zero, privately, shared, monitored, writtenTo);
    }

    @Override
    public long zeroPageHostPhys() {
        return ZERO_PAGE;
    }

    @Override
    public List<Long> privateHostPages() {
        List<Long> owned = new ArrayList<>();
        for (RamRange range : ranges.all()) {
            for (int i = 0; i < range.pages(); i++) {
                PageState state = PageRecord.state(range.word1(i));
                if (state == PageState.ALLOCATED || state == PageState.WRITE_MONITORED) {
                    owned.add(PageRecord.hostPhys(range.word0(i)));
                }
            }
        }
        return owned;
    }

    @Override
    public long trackingBytes() {
        return ranges.pages() * PageRecord.BYTES;
    }

    @Override
    public long[] packedRecord(long gcPhys) {
        RamRange range = ranges.find(gcPhys);
        int i = range.index(gcPhys);
        return new long[] {range.word0(i), range.word1(i)};
    }

    @Override
    public long[] packedRecord(long gcPhys, PageRecordLayout layout) {
        if (layout == null) {
            throw new RejectedException(PhysStatus.VERR_INVALID_PARAMETER, "a record needs a layout");
        }
        long[] record = packedRecord(gcPhys);
        return layout == PageRecordLayout.FINAL ? record : PageRecord.initial(record[0], record[1]);
    }

    /**
     * The host page a read of {@code gcPhys} goes to: the zero page for ZERO pages, so that reading never
     * allocates.
     *
     * @throws RejectedException for an address outside every range or a page that is not memory
     */
    public long hostPhysForRead(long gcPhys) {
        RamRange range = ranges.find(gcPhys);
        int i = range.index(gcPhys);
        PageType type = PageRecord.type(range.word1(i));
        if (type == PageType.MMIO || type == PageType.RESERVED) {
            throw new RejectedException(
                    PhysStatus.VERR_PGM_PHYS_PAGE_RESERVED,
                    String.format("%#x is a %s page, not memory", gcPhys, type));
        }
        return PageRecord.hostPhys(range.word0(i));
    }

    /**
     * Makes the page holding {@code gcPhys} writable and returns its host page: a ZERO page gets a private
     * page, a SHARED page is copied into one, a WRITE_MONITORED page records written-to and becomes normal.
     * Callers never bring a ROM page here: a guest write to ROM is dropped before it (interpretation I-PGM-4).
     *
     * @throws RejectedException {@link PhysStatus#VERR_PGM_PHYS_PAGE_RESERVED} for MMIO and RESERVED pages,
     *         {@link PhysStatus#VERR_EM_NO_MEMORY}
     */
    public long makeWritable(long gcPhys) {
        PhysPage page = page(gcPhys);
        hostPhysForRead(gcPhys);
        switch (page.state()) {
            case ZERO, SHARED -> {
                requireHostPage(gcPhys);
                HostPage fresh = host.allocatePrivate();
                if (page.state() == PageState.SHARED) {
                    memory.copied(page.hostPhys(), fresh.hostPhys());
                    host.releaseShared(new HostPage(page.pageId(), page.hostPhys()));
                    // the host may hand the shared page out again: it must then read as zero
                    memory.released(page.hostPhys());
                }
                replace(gcPhys, fresh.hostPhys(), fresh.pageId(), PageState.ALLOCATED, page.writtenTo());
                return fresh.hostPhys();
            }
            case WRITE_MONITORED -> {
                replace(gcPhys, page.hostPhys(), page.pageId(), PageState.ALLOCATED, true);
                return page.hostPhys();
            }
            default -> {
                return page.hostPhys();
            }
        }
    }

    /** The page's shadow page-table tracking word (the high dword of word 1). */
    public int tracking(long gcPhys) {
        RamRange range = ranges.find(gcPhys);
        return PageRecord.tracking(range.word1(range.index(gcPhys)));
    }

    /** The index of the shadow page-table entry that maps the page, while its tracking word names one table. */
    public int pteIndex(long gcPhys) {
        RamRange range = ranges.find(gcPhys);
        return PageRecord.pteIndex(range.word1(range.index(gcPhys)));
    }

    /** Replaces the page's shadow page-table tracking word and shadow PTE index. */
    public void setTracking(long gcPhys, int tracking, int pteIndex) {
        RamRange range = ranges.find(gcPhys);
        int i = range.index(gcPhys);
        range.set(i, range.word0(i), PageRecord.withTracking(range.word1(i), tracking, pteIndex));
    }

    private void requireHostPage(long gcPhys) {
        if (host.available() <= 0) {
            throw new RejectedException(
                    PhysStatus.VERR_EM_NO_MEMORY, String.format("the host has no page left to back %#x", gcPhys));
        }
    }

    private void replace(long gcPhys, long hostPhys, int pageId, PageState state, boolean writtenTo) {
        RamRange range = ranges.find(gcPhys);
        int i = range.index(gcPhys);
        setPage(range, i, hostPhys, pageId, PageRecord.type(range.word1(i)), state, writtenTo);
        listener.backingChanged(PhysAddress.pageOf(gcPhys));
    }

    /**
     * Rewrites a page's record; its handler states and its shadow tracking stay (a new record has neither),
     * since the shadow entries it tracks are flushed only after the change.
     */
    private static void setPage(
            RamRange range, int i, long hostPhys, int pageId, PageType type, PageState state, boolean writtenTo) {
        long old = range.word1(i);
        long flags = PageRecord.word1(type, state, writtenTo, PageRecord.physHandler(old), PageRecord.virtHandler(old));
        range.set(i, PageRecord.word0(hostPhys, pageId), PageRecord.keepTracking(flags, old));
    }

    /**
     * Sets the page's physical and virtual handler states (and with them its read-only flag), keeping its
     * tracking word, and tells the listener so that the shadow entries mapping the page are flushed (seed
     * 000, the 3rd step).
     *
     * @throws RejectedException {@link PhysStatus#VERR_PGM_INVALID_GC_PHYSICAL_ADDRESS}
     */
    public void setHandlerStates(long gcPhys, HandlerState phys, HandlerState virt) {
        RamRange range = ranges.find(gcPhys);
        int i = range.index(gcPhys);
        long w1 = range.word1(i);
        long updated =
                PageRecord.word1(PageRecord.type(w1), PageRecord.state(w1), PageRecord.writtenTo(w1), phys, virt);
        range.set(i, range.word0(i), PageRecord.keepTracking(updated, w1));
        listener.backingChanged(PhysAddress.pageOf(gcPhys));
    }

    private static void checkAccess(long gcPhys, int width) {
        if (width != 1 && width != 2 && width != 4 && width != 8 || (gcPhys & width - 1) != 0) {
            throw new RejectedException(
                    PhysStatus.VERR_PGM_PHYS_MISALIGNED_ACCESS,
                    String.format(
                            "an access must be 1, 2, 4 or 8 bytes wide and aligned to its width: %d bytes at %#x",
                            width, gcPhys));
        }
    }
}
