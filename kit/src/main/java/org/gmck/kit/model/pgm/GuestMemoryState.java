package org.gmck.kit.model.pgm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.gmck.spi.pgm.phys.PageState;
import org.gmck.spi.pgm.phys.PageType;

/**
 * What the catalogue says one VM's guest physical memory holds: its ranges and pages, its host page budget
 * and what it holds of it, and, for a placed host, which host pages it may be handed next.
 */
final class GuestMemoryState {

    private final TreeMap<Long, ModelPage> pages = new TreeMap<>();
    private final List<long[]> ranges = new ArrayList<>();
    final long budget;
    final Optional<HostLedger> ledger;
    /** Whether a page was ever shared: from then on the budget also counts shared pages. */
    boolean sharedEver;
    /**
     * How many MMIO and RESERVED pages the implementation counts as zero pages, learned at their
     * registration: the catalogue says which pages are RAM-like, not what the others count as.
     */
    long otherZeroPages;

    GuestMemoryState(long budget, Optional<HostLedger> ledger) {
        this.budget = budget;
        this.ledger = ledger;
    }

    Collection<ModelPage> pages() {
        return pages.values();
    }

    /** The page holding {@code address}, or null when it lies in no range. */
    ModelPage page(long address) {
        return pages.get(address & ~(GuestMemorySlots.PAGE - 1));
    }

    /** Whether the range overlaps a registered one. */
    boolean overlaps(long start, long size) {
        return ranges.stream().anyMatch(r -> start < r[0] + r[1] && r[0] < start + size);
    }

    /** Adds a range of fresh pages: RAM and shadowed ROM on the zero page, the others without state yet. */
    List<ModelPage> add(PageType type, long start, long size) {
        ranges.add(new long[] {start, size});
        List<ModelPage> added = new ArrayList<>();
        for (long a = start; a - start < size; a += GuestMemorySlots.PAGE) {
            ModelPage page = new ModelPage(a, type);
            if (type == PageType.RAM || type == PageType.SHADOWED_ROM) {
                page.state = PageState.ZERO;
            }
            pages.put(a, page);
            added.add(page);
        }
        return added;
    }

    /** Host pages the VM holds, private and shared. */
    long held() {
        return pages.values().stream().filter(ModelPage::holdsHostPage).count();
    }

    long count(PageState state) {
        return pages.values().stream().filter(p -> p.state == state).count();
    }

    /** Pages whose written-to flag is set, and pages whose flag the catalogue leaves open. */
    long writtenTo() {
        return pages.values().stream()
                .filter(p -> Boolean.TRUE.equals(p.writtenTo))
                .count();
    }

    long writtenToOpen() {
        return pages.values().stream().filter(p -> p.writtenTo == null).count();
    }

    /** RAM pages, ascending. */
    List<ModelPage> ram() {
        return pages.values().stream().filter(p -> p.type == PageType.RAM).toList();
    }

    List<ModelPage> all() {
        return List.copyOf(pages.values());
    }

    /** Registered pages times 16 bytes (PGM-COST-3). */
    long trackingBytes() {
        return pages.size() * 16L;
    }
}
