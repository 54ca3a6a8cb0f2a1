package org.gmck.kit.steps.pgm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gmck.kit.NotApplicable;
import org.gmck.kit.Numbers;
import org.gmck.kit.ScenarioContext;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.pgm.phys.GuestPhysicalMemory;
import org.gmck.spi.pgm.phys.HostBitness;
import org.gmck.spi.pgm.phys.PageCounts;
import org.gmck.spi.pgm.phys.PageRecordLayout;
import org.gmck.spi.pgm.phys.PhysPage;
import org.gmck.spi.pgm.vm.GuestMemoryFactory;

/**
 * What the guest-physical-memory steps of one scenario share: the memory under test (a VM's own, or that
 * of a shadow-paged VM another area's steps made), the ranges registered in the scenario, the layout page
 * records are read in, and a snapshot taken before each action so that a refused call can be checked to
 * have changed nothing.
 */
public final class PhysWorld {

    /** Ranges larger than this are left out of the before-and-after comparison of refused calls. */
    private static final long MAX_DESCRIBED = 64L << 20;
    /** A snapshot looks at no more pages than this, however many the scenario registered. */
    private static final int MAX_PAGES = 2048;

    final ScenarioContext context;
    GuestPhysicalMemory memory;
    private final List<long[]> registered = new ArrayList<>();
    private PhysSnapshot before;
    PageRecordLayout layout = PageRecordLayout.FINAL;
    private long costRam;
    private HostBitness costHost;
    /** The host pages the last placed VM was asked to get: the first one's address and how many. */
    long placedFirst;

    int placedPages;
    /** The last placed VM, when it was created. */
    Optional<GuestPhysicalMemory> placed = Optional.empty();

    public PhysWorld(ScenarioContext context) {
        this.context = context;
    }

    GuestMemoryFactory factory() {
        return context.adapter().guestMemory();
    }

    /** Reads records in a layout from now on; a layout the adapter does not declare makes the scenario not applicable. */
    void readRecordsIn(PageRecordLayout wanted) {
        NotApplicable.unless(
                factory().recordLayouts().contains(wanted),
                () -> "adapter '" + context.adapter().name() + "' does not declare the " + wanted
                        + " page record layout");
        layout = wanted;
    }

    /**
     * Asks for the record of the page holding {@code address} in the layout the scenario reads: the final
     * layout through {@link GuestPhysicalMemory#packedRecord(long)}, the SPI's own method for it.
     */
    long[] askRecord(long address) {
        return layout == PageRecordLayout.FINAL ? memory.packedRecord(address) : memory.packedRecord(address, layout);
    }

    /** The record of the page holding {@code address}, in the layout the scenario reads; two words. */
    long[] record(long address) {
        long[] record = askRecord(address);
        context.expectEqual(
                "the number of 64-bit words in the " + layout + " record of the page at " + Numbers.hex(address),
                2,
                record.length);
        return record;
    }

    /** Notes the RAM size and host width the scenario last asked the tracking cost of. */
    void costAsked(long ram, HostBitness host) {
        costRam = ram;
        costHost = host;
    }

    long costRam() {
        return costRam;
    }

    HostBitness costHost() {
        return costHost;
    }

    /** Notes a range the scenario registered, for the snapshots. */
    void registered(long start, long size) {
        if (size <= MAX_DESCRIBED) {
            registered.add(new long[] {start, size});
        }
    }

    /** Takes the snapshot a refused call is compared with, and remembers the pages it saw. */
    void snapshot() {
        before = memory == null ? null : observe();
    }

    /** The page at {@code address} as the last snapshot saw it, or null when it lay in no range of this scenario. */
    PhysPage pageBefore(long address) {
        return before == null ? null : before.pages().get(Numbers.hex(address & ~0xFFFL));
    }

    PhysSnapshot before() {
        return before;
    }

    /** Everything observable about the memory over the ranges registered in this scenario. */
    PhysSnapshot observe() {
        Map<String, PhysPage> pages = new LinkedHashMap<>();
        for (long[] range : registered) {
            for (long a = range[0]; a - range[0] < range[1] && pages.size() < MAX_PAGES; a += 4096) {
                try {
                    pages.put(Numbers.hex(a), memory.page(a));
                } catch (RejectedException notRegistered) {
                    // a page of the range the VM does not have (any more): nothing to compare
                }
            }
        }
        return new PhysSnapshot(pages, memory.counts(), memory.privateHostPages(), memory.trackingBytes());
    }

    /**
     * What a refused call must leave as it was in guest physical memory.
     *
     * @param pages            the page records of the registered ranges, by guest-physical address
     * @param counts           the memory's page counts
     * @param privateHostPages the host pages the VM holds privately
     * @param trackingBytes    the bytes the memory's tracking structures take
     */
    record PhysSnapshot(
            Map<String, PhysPage> pages, PageCounts counts, List<Long> privateHostPages, long trackingBytes) {}
}
