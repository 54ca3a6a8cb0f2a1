package org.gmck.kit.model.pgm;

import java.util.Optional;
import java.util.TreeSet;
import org.gmck.kit.model.pgm.ModelPage.Backing;
import org.gmck.spi.pgm.phys.HostPlacement;

/**
 * Which host pages a placed host may hand out next: its pages are the budget's worth from the placement's
 * first address and id on, handed out in order, and a page the VM gave back may be handed out again instead
 * of the next fresh one (the SPI leaves the choice to the implementation, so the ledger accepts either).
 */
final class HostLedger {

    private final HostPlacement placement;
    private final long pages;
    private long next;
    private final TreeSet<Long> givenBack = new TreeSet<>();

    HostLedger(HostPlacement placement, long pages) {
        this.placement = placement;
        this.pages = pages;
    }

    /** The host page with this index, with the id the host hands out with it. */
    Backing backing(long index) {
        return new Backing(
                placement.firstHostPhys() + index * GuestMemorySlots.PAGE, (int) (placement.firstPageId() + index));
    }

    /** The index of the host page at this address, empty when the host has no page there. */
    Optional<Long> indexOf(long hostPhys) {
        long delta = hostPhys - placement.firstHostPhys();
        if (delta < 0 || delta % GuestMemorySlots.PAGE != 0 || delta / GuestMemorySlots.PAGE >= pages) {
            return Optional.empty();
        }
        return Optional.of(delta / GuestMemorySlots.PAGE);
    }

    /** Whether the host may hand out the page of {@code index} now ({@code alsoAllowed} aside). */
    boolean mayHandOut(long index) {
        return index == next && next < pages || givenBack.contains(index);
    }

    /** The page the host would most plainly hand out now: the next fresh one, else the first given back. */
    Optional<Backing> plainChoice() {
        if (next < pages) {
            return Optional.of(backing(next));
        }
        return givenBack.isEmpty() ? Optional.empty() : Optional.of(backing(givenBack.first()));
    }

    /** Records that the host handed out the page of {@code index}. */
    void handedOut(long index) {
        if (!givenBack.remove(index)) {
            next = Math.max(next, index + 1);
        }
    }

    /** Records that the VM gave the page back. */
    void givenBack(Backing backing) {
        indexOf(backing.hostPhys()).ifPresent(givenBack::add);
    }
}
