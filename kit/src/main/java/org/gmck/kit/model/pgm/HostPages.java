package org.gmck.kit.model.pgm;

import static org.gmck.kit.model.pgm.GuestMemoryGherkin.hex;

import java.util.Optional;
import org.gmck.kit.model.Disagreement;
import org.gmck.kit.model.pgm.ModelPage.Backing;
import org.gmck.spi.pgm.phys.PageState;
import org.gmck.spi.pgm.phys.PhysPage;

/**
 * The host pages behind guest pages (PGM-PHYS-24, interpretation I-PGM-12): a page given a host page carries
 * the address and id the host handed out with it, never the zero page's and never those of another page the
 * VM holds, and keeps them as long as it keeps the host page. A placed host's pages and ids are known, so the
 * model checks them exactly; another host's are learned when they are handed out.
 */
final class HostPages {

    private final GuestMemoryState model;
    private final long zero;

    HostPages(GuestMemoryState model, long zero) {
        this.model = model;
        this.zero = zero;
    }

    /**
     * Checks and learns the host page an operation gave a page.
     *
     * @param rule       the operation's rule, for a page left on the zero page or without an id
     * @param old        the host page the page held before, for a copied or shared page
     * @param mayKeepOwn whether the page may come out on the host page it held before (sharing)
     */
    Optional<Disagreement> learn(String rule, ModelPage page, PhysPage actual, Backing old, boolean mayKeepOwn) {
        long at = page.gcPhys;
        boolean copied = old != null && !mayKeepOwn;
        if (copied && actual.hostPhys() == old.hostPhys()) {
            return Optional.of(new Disagreement(
                    "PGM-PHYS-5",
                    "the page at " + hex(at) + " was written while shared, but kept the " + "shared host page "
                            + hex(old.hostPhys()) + " instead of getting a copy",
                    GuestMemoryGherkin.newHostPage(at)));
        }
        if (model.ledger.isPresent()) {
            return placed(page, actual, old, mayKeepOwn);
        }
        if (actual.hostPhys() == zero) {
            return Optional.of(new Disagreement(
                    rule,
                    "the page at " + hex(at) + " in state " + page.state + " is backed by the zero " + "page "
                            + hex(zero),
                    GuestMemoryGherkin.notOnZeroPage(at)));
        }
        if (actual.pageId() == PhysPage.NIL_PAGE_ID || actual.pageId() == 0) {
            return Optional.of(new Disagreement(
                    rule,
                    "the page at " + hex(at) + " in state " + page.state + " has no page id: " + hex(actual.pageId()),
                    GuestMemoryGherkin.hasPageId(at)));
        }
        if (copied && actual.pageId() == old.pageId()) {
            return Optional.of(new Disagreement(
                    "PGM-PHYS-24",
                    "the page at " + hex(at) + " was copied from a shared page onto host " + "page "
                            + hex(actual.hostPhys()) + " but keeps the shared page's id " + hex(old.pageId()),
                    GuestMemoryGherkin.newPageId(at)));
        }
        for (ModelPage other : model.pages()) {
            if (other == page || other.backing == null) {
                continue;
            }
            long first = Math.min(at, other.gcPhys);
            long second = Math.max(at, other.gcPhys);
            if (other.backing.hostPhys() == actual.hostPhys()) {
                return Optional.of(new Disagreement(
                        "PGM-PHYS-24",
                        "the page at " + hex(at) + " got the host page " + hex(actual.hostPhys())
                                + ", which the page at " + hex(other.gcPhys) + " holds",
                        GuestMemoryGherkin.differentHostPages(first, second)));
            }
            if (other.backing.pageId() == actual.pageId()) {
                return Optional.of(new Disagreement(
                        "PGM-PHYS-24",
                        "the page at " + hex(at) + " got the page id " + hex(actual.pageId()) + ", which the page at "
                                + hex(other.gcPhys) + " carries for another host page",
                        GuestMemoryGherkin.differentPageIds(first, second)));
            }
        }
        page.backing = new Backing(actual.hostPhys(), actual.pageId());
        return Optional.empty();
    }

    private Optional<Disagreement> placed(ModelPage page, PhysPage actual, Backing old, boolean mayKeepOwn) {
        HostLedger ledger = model.ledger.orElseThrow();
        long at = page.gcPhys;
        boolean own = mayKeepOwn && old != null && old.hostPhys() == actual.hostPhys();
        Optional<Long> index = ledger.indexOf(actual.hostPhys());
        if (!own && (index.isEmpty() || !ledger.mayHandOut(index.get()))) {
            long plain = ledger.plainChoice().map(Backing::hostPhys).orElse(actual.hostPhys());
            return Optional.of(new Disagreement(
                    "PGM-PHYS-24",
                    "the page at " + hex(at) + " in state " + page.state + " is backed by "
                            + hex(actual.hostPhys()) + ", which is not a page its host hands out now (the next is "
                            + hex(plain)
                            + ", or one the VM gave back)",
                    GuestMemoryGherkin.onHostPage(at, plain)));
        }
        Backing expected = own ? old : ledger.backing(index.get());
        if (actual.pageId() != expected.pageId()) {
            return Optional.of(new Disagreement(
                    "PGM-PHYS-24",
                    "the page at " + hex(at) + " on host page " + hex(actual.hostPhys()) + " must carry that page's id "
                            + hex(expected.pageId()) + ", not " + hex(actual.pageId()),
                    GuestMemoryGherkin.pageId(at, expected.pageId())));
        }
        if (!own) {
            ledger.handedOut(index.get());
        }
        page.backing = expected;
        return Optional.empty();
    }

    /** A page the operation gave no new host page keeps the one it had, or the zero page and no id. */
    Optional<Disagreement> kept(ModelPage page, PhysPage actual) {
        long at = page.gcPhys;
        if (page.state == PageState.ZERO) {
            if (actual.hostPhys() != zero) {
                return Optional.of(new Disagreement(
                        "PGM-PHYS-1",
                        "the page at " + hex(at) + " in state ZERO is backed by " + hex(actual.hostPhys())
                                + ", not by the VM's zero page " + hex(zero),
                        GuestMemoryGherkin.onZeroPage(at)));
            }
            if (actual.pageId() != PhysPage.NIL_PAGE_ID) {
                return Optional.of(new Disagreement(
                        "PGM-PHYS-1",
                        "the page at " + hex(at) + " in state ZERO has page id " + hex(actual.pageId())
                                + ", not the nil id",
                        GuestMemoryGherkin.noPageId(at)));
            }
            return Optional.empty();
        }
        Backing backing = page.backing;
        if (backing == null) {
            return Optional.empty();
        }
        boolean placed = model.ledger.isPresent();
        if (actual.hostPhys() != backing.hostPhys()) {
            return Optional.of(new Disagreement(
                    "PGM-PHYS-24",
                    "the page at " + hex(at) + " moved from its host page " + hex(backing.hostPhys()) + " to "
                            + hex(actual.hostPhys()),
                    placed
                            ? GuestMemoryGherkin.onHostPage(at, backing.hostPhys())
                            : GuestMemoryGherkin.keepsHostPage(at)));
        }
        if (actual.pageId() != backing.pageId()) {
            return Optional.of(new Disagreement(
                    "PGM-PHYS-24",
                    "the page at " + hex(at) + " on host page " + hex(backing.hostPhys()) + " changed its page id from "
                            + hex(backing.pageId()) + " to " + hex(actual.pageId()),
                    placed ? GuestMemoryGherkin.pageId(at, backing.pageId()) : GuestMemoryGherkin.keepsPageId(at)));
        }
        return Optional.empty();
    }
}
