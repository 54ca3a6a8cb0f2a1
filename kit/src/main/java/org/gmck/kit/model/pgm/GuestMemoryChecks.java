package org.gmck.kit.model.pgm;

import static org.gmck.kit.model.pgm.GuestMemoryGherkin.hex;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gmck.kit.model.Disagreement;
import org.gmck.kit.model.pgm.ModelPage.Backing;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.pgm.phys.GuestPhysicalMemory;
import org.gmck.spi.pgm.phys.PageCounts;
import org.gmck.spi.pgm.phys.PageState;
import org.gmck.spi.pgm.phys.PhysPage;

/**
 * The comparisons after every operation, stopping at the first that fails, each with the rule it belongs
 * to and the step that asserts the model's value: every page's type, state, read-only and written-to flags
 * (the read-only flag always PGM-PHYS-10); the host page and id of every page the operation gave a new
 * host page (the host's own pages, each on a page of its own, PGM-PHYS-24), that every other page keeps
 * its host page and id, and that pages on the zero page show it and no id (PGM-PHYS-1); the page counts;
 * the private host pages; the tracking bytes (PGM-COST-3); and the records of the pages the operation
 * touched.
 */
final class GuestMemoryChecks {

    private final GuestPhysicalMemory memory;
    private final GuestMemoryState model;
    private final Optional<GuestMemoryRecords> records;

    GuestMemoryChecks(GuestPhysicalMemory memory, GuestMemoryState model, Optional<GuestMemoryRecords> records) {
        this.memory = memory;
        this.model = model;
        this.records = records;
    }

    Optional<GuestMemoryRecords> records() {
        return records;
    }

    /** The host address a page's record must hold: its own host page's, the zero page's, or (MMIO) the page's. */
    long hostOf(ModelPage page) {
        if (!page.isMemory()) {
            return memory.page(page.gcPhys).hostPhys();
        }
        return page.backing != null ? page.backing.hostPhys() : memory.zeroPageHostPhys();
    }

    /**
     * Compares the whole observable state after an operation.
     *
     * @param why        the rules the operation's effects answer to
     * @param touched    the pages the operation touched, whose records are compared
     * @param fresh      the pages the operation gave a new host page, which the model learns now
     * @param givenBack  host pages the operation gave back, by the page that held them
     * @param mayKeepOwn whether a fresh page may come out on the host page it gave back (sharing)
     * @param otherZero  MMIO and RESERVED pages the operation registered, which may count as zero pages
     */
    Optional<Disagreement> compare(
            Why why,
            List<ModelPage> touched,
            List<ModelPage> fresh,
            Map<ModelPage, Backing> givenBack,
            boolean mayKeepOwn,
            long otherZero) {
        Map<Long, PhysPage> actual = new HashMap<>();
        for (ModelPage page : model.pages()) {
            try {
                actual.put(page.gcPhys, memory.page(page.gcPhys));
            } catch (RejectedException e) {
                return Optional.of(new Disagreement(
                        why.rule(),
                        "the page at " + hex(page.gcPhys) + " of a registered range was " + "refused (" + e.getMessage()
                                + ")",
                        GuestMemoryGherkin.ofType(page.gcPhys, page.type)));
            }
        }
        for (ModelPage page : model.pages()) {
            Optional<Disagreement> wrong = facts(why, page, actual.get(page.gcPhys));
            if (wrong.isPresent()) {
                return wrong;
            }
        }
        long zero = memory.zeroPageHostPhys();
        List<ModelPage> learning = new ArrayList<>(fresh);
        learning.sort(Comparator.comparing(p -> actual.get(p.gcPhys).hostPhys(), Long::compareUnsigned));
        HostPages hosts = new HostPages(model, zero);
        for (ModelPage page : learning) {
            Optional<Disagreement> wrong =
                    hosts.learn(why.rule(), page, actual.get(page.gcPhys), givenBack.get(page), mayKeepOwn);
            if (wrong.isPresent()) {
                return wrong;
            }
        }
        givenBack.forEach((page, old) -> {
            if (old != null && !old.equals(page.backing)) {
                model.ledger.ifPresent(l -> l.givenBack(old));
            }
        });
        for (ModelPage page : model.pages()) {
            if (!fresh.contains(page)) {
                Optional<Disagreement> wrong = hosts.kept(page, actual.get(page.gcPhys));
                if (wrong.isPresent()) {
                    return wrong;
                }
            }
        }
        Optional<Disagreement> wrong = counts(why.counts(), otherZero);
        if (wrong.isEmpty()) {
            wrong = privatePages(why.counts());
        }
        if (wrong.isEmpty() && memory.trackingBytes() != model.trackingBytes()) {
            wrong = Optional.of(new Disagreement(
                    "PGM-COST-3",
                    "the VM's own tracking bytes: expected " + model.trackingBytes() + ", got "
                            + memory.trackingBytes(),
                    GuestMemoryGherkin.trackingBytes(model.trackingBytes())));
        }
        if (wrong.isEmpty() && records.isPresent()) {
            for (ModelPage page : touched) {
                wrong = records.get().compare(factsOf(page, actual.get(page.gcPhys), zero));
                if (wrong.isPresent()) {
                    break;
                }
            }
        }
        return wrong;
    }

    /** Type, state, read-only and written-to flags. */
    private static Optional<Disagreement> facts(Why why, ModelPage page, PhysPage actual) {
        long at = page.gcPhys;
        if (actual.type() != page.type) {
            return Optional.of(new Disagreement(
                    why.rule(),
                    "the type of the page at " + hex(at) + ": expected " + page.type + ", got " + actual.type(),
                    GuestMemoryGherkin.ofType(at, page.type)));
        }
        if (page.isMemory() && actual.state() != page.state) {
            return Optional.of(new Disagreement(
                    why.state(page),
                    "the state of the " + page.type + " page at " + hex(at) + ": expected " + page.state + ", got "
                            + actual.state(),
                    GuestMemoryGherkin.inState(at, page.state)));
        }
        if (actual.readOnly() != page.readOnly()) {
            return Optional.of(new Disagreement(
                    "PGM-PHYS-10",
                    "the read-only flag of the " + page.type + " page at " + hex(at)
                            + (page.state == null ? "" : " in state " + page.state) + ": expected " + page.readOnly()
                            + ", got "
                            + actual.readOnly(),
                    GuestMemoryGherkin.readOnly(at, page.readOnly())));
        }
        if (page.isMemory() && page.writtenTo != null && actual.writtenTo() != page.writtenTo) {
            return Optional.of(new Disagreement(
                    why.flag(page),
                    "the written-to flag of the " + page.type + " page at " + hex(at) + " in state " + page.state
                            + ": expected " + page.writtenTo + ", got " + actual.writtenTo(),
                    GuestMemoryGherkin.writtenTo(at, page.writtenTo)));
        }
        return Optional.empty();
    }

    /**
     * The page counts. How many MMIO and RESERVED pages count as zero pages is the implementation's to say
     * (all of a new range's or none), and so is the written-to flag of a page shared after it was written to.
     */
    private Optional<Disagreement> counts(String rule, long otherZero) {
        PageCounts actual = memory.counts();
        long zero = model.count(PageState.ZERO) + model.otherZeroPages;
        if (otherZero > 0 && actual.zero() == zero + otherZero) {
            model.otherZeroPages += otherZero;
            zero += otherZero;
        }
        PageCounts expected = expectedCounts(actual, zero);
        if (!expected.equals(actual)) {
            return Optional.of(new Disagreement(
                    rule,
                    "the page counts: expected " + expected + ", got " + actual,
                    GuestMemoryGherkin.counts(
                            expected.zero(),
                            expected.privately(),
                            expected.shared(),
                            expected.monitored(),
                            expected.writtenTo())));
        }
        return Optional.empty();
    }

    private PageCounts expectedCounts(PageCounts actual, long zero) {
        long written = model.writtenTo();
        if (actual.writtenTo() > written && actual.writtenTo() <= written + model.writtenToOpen()) {
            written = actual.writtenTo();
        }
        long monitored = model.count(PageState.WRITE_MONITORED);
        return new PageCounts(
                zero, model.count(PageState.ALLOCATED) + monitored, model.count(PageState.SHARED), monitored, written);
    }

    /** The VM's private host pages are those of its normal and write-monitored pages. */
    private Optional<Disagreement> privatePages(String rule) {
        List<ModelPage> owners =
                model.pages().stream().filter(ModelPage::isPrivate).toList();
        List<Long> expected =
                owners.stream().map(p -> p.backing.hostPhys()).sorted().toList();
        List<Long> actual = new ArrayList<>(memory.privateHostPages());
        if (actual.size() != expected.size()) {
            return Optional.of(new Disagreement(
                    rule,
                    "the VM's private host pages: expected " + expected.size() + " (" + hexes(expected) + "), got "
                            + actual.size() + " (" + hexes(actual) + ")",
                    GuestMemoryGherkin.ownsPrivatePages(expected.size())));
        }
        actual.sort(null);
        if (!actual.equals(expected)) {
            return Optional.of(new Disagreement(
                    rule,
                    "the VM's private host pages: expected " + hexes(expected) + ", got " + hexes(actual),
                    GuestMemoryGherkin.privatePagesBehind(
                            owners.stream().map(p -> p.gcPhys).toList())));
        }
        return Optional.empty();
    }

    private static String hexes(List<Long> values) {
        return values.stream().map(GuestMemoryGherkin::hex).toList().toString();
    }

    /** What a page's record must say: the model's facts, the adapter's own where the model leaves them open. */
    private static GuestMemoryRecords.Facts factsOf(ModelPage page, PhysPage actual, long zero) {
        if (!page.isMemory()) {
            return new GuestMemoryRecords.Facts(
                    page.gcPhys,
                    page.type,
                    actual.state(),
                    actual.hostPhys(),
                    actual.pageId(),
                    true,
                    actual.writtenTo());
        }
        boolean onZero = page.backing == null;
        return new GuestMemoryRecords.Facts(
                page.gcPhys,
                page.type,
                page.state,
                onZero ? zero : page.backing.hostPhys(),
                onZero ? PhysPage.NIL_PAGE_ID : page.backing.pageId(),
                page.readOnly(),
                page.writtenTo);
    }

    /** Then-steps asserting the whole state the model holds now. */
    List<String> wholeState() {
        List<String> steps = new ArrayList<>();
        long zero = memory.zeroPageHostPhys();
        List<ModelPage> held = new ArrayList<>();
        for (ModelPage page : model.pages()) {
            long at = page.gcPhys;
            steps.add(GuestMemoryGherkin.ofType(at, page.type));
            steps.add(GuestMemoryGherkin.readOnly(at, page.readOnly()));
            if (!page.isMemory()) {
                continue;
            }
            steps.add(GuestMemoryGherkin.inState(at, page.state));
            if (page.writtenTo != null) {
                steps.add(GuestMemoryGherkin.writtenTo(at, page.writtenTo));
            }
            if (page.backing == null) {
                steps.add(GuestMemoryGherkin.onZeroPage(at));
                steps.add(GuestMemoryGherkin.noPageId(at));
            } else if (model.ledger.isPresent()) {
                steps.add(GuestMemoryGherkin.onHostPage(at, page.backing.hostPhys()));
                steps.add(GuestMemoryGherkin.pageId(at, page.backing.pageId()));
            } else {
                steps.add(GuestMemoryGherkin.notOnZeroPage(at));
                steps.add(GuestMemoryGherkin.hasPageId(at));
                for (ModelPage other : held) {
                    steps.add(GuestMemoryGherkin.differentHostPages(other.gcPhys, at));
                    steps.add(GuestMemoryGherkin.differentPageIds(other.gcPhys, at));
                }
                held.add(page);
            }
            if (page.bytes != null) {
                for (int word = 0; word < GuestMemorySlots.PAGE; word += 8) {
                    long value = page.read(word, 8);
                    if (value != 0) {
                        steps.add(GuestMemoryGherkin.bytesRead(at + word, 8, value));
                    }
                }
            }
        }
        PageCounts counts = expectedCounts(memory.counts(), model.count(PageState.ZERO) + model.otherZeroPages);
        steps.add(GuestMemoryGherkin.counts(
                counts.zero(), counts.privately(), counts.shared(), counts.monitored(), counts.writtenTo()));
        List<Long> owners = model.pages().stream()
                .filter(ModelPage::isPrivate)
                .map(p -> p.gcPhys)
                .toList();
        steps.add(GuestMemoryGherkin.ownsPrivatePages(owners.size()));
        if (!owners.isEmpty()) {
            steps.add(GuestMemoryGherkin.privatePagesBehind(owners));
        }
        steps.add(GuestMemoryGherkin.trackingBytes(model.trackingBytes()));
        records.ifPresent(r ->
                model.pages().forEach(p -> steps.addAll(r.checks(factsOf(p, memory.page(p.gcPhys), zero)))));
        return steps;
    }
}
