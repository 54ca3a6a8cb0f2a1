package org.gmck.kit.model.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gmck.kit.model.Disagreement;
import org.gmck.kit.model.ModelSession;
import org.gmck.kit.model.Step;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.monitor.Monitor;
import org.gmck.spi.monitor.MonitorFactory;

/**
 * One monitor sequence: a monitor on the adapter, created at the first operation as that operation's start
 * says (its size, the initial GDT, the first guest mappings and reads), and the model beside it. Every
 * operation is applied to both, then everything it can have changed is compared: its answer, the host page
 * of every guest page, every monitor entry, the locked and mapped host pages, the events it logged and both
 * descriptor tables.
 */
final class MonitorSession implements ModelSession<MonitorMove> {

    /** The GDT every sequence starts from: null, ring-0 code and data, ring-3 code and data. */
    static final List<Long> INITIAL_GDT = List.of(
            0x0L, 0x00CF_9A00_0000_FFFFL, 0x00CF_9200_0000_FFFFL, 0x00CF_FA00_0000_FFFFL, 0x00CF_F200_0000_FFFFL);

    private final MonitorFactory factory;
    private final List<String> setup = new ArrayList<>();
    private Monitor monitor;
    private PageModel pages;
    private PageChecks pageChecks;
    private TableModel tables;

    MonitorSession(MonitorFactory factory) {
        this.factory = factory;
    }

    @Override
    public List<String> setup() {
        return setup;
    }

    @Override
    public Step apply(MonitorMove move) {
        if (monitor == null) {
            Optional<Disagreement> found = create(move.start());
            if (found.isPresent()) {
                return new Step(Optional.empty(), found);
            }
        }
        return new Operations(this).apply(move.op());
    }

    @Override
    public List<String> checks() {
        return monitor == null ? List.of() : new StateChecks(pages, tables).steps();
    }

    // ---- what the operations share

    Monitor monitor() {
        return monitor;
    }

    MonitorFactory factory() {
        return factory;
    }

    PageModel pages() {
        return pages;
    }

    TableModel tables() {
        return tables;
    }

    /** Runs a call into the adapter, returning its refusal if it refused. */
    static Optional<RejectedException> attempt(Runnable call) {
        try {
            call.run();
            return Optional.empty();
        } catch (RejectedException e) {
            return Optional.of(e);
        }
    }

    Observation observe() {
        return Observation.of(monitor, pages.geometry().guestPages());
    }

    /**
     * Compares the pages and then the tables, which an operation on pages must leave alone, with the model.
     *
     * @param quiet whether the operation must log nothing
     */
    Optional<Disagreement> compare(Blame blame, PageModel.Effect fx, boolean quiet) {
        Observation o = observe();
        Optional<Disagreement> found = pageChecks.compare(blame, fx, quiet, o);
        return found.isPresent() ? found : tables.unchanged(blame.rule, o, false);
    }

    /** Compares the pages, which an operation on tables must leave alone. */
    Optional<Disagreement> comparePagesUnchanged(String rule, Observation o) {
        return pageChecks.compare(Blame.all(rule), new PageModel.Effect(), true, o);
    }

    // ---- creation and the initial GDT

    private Optional<Disagreement> create(Start start) {
        Geometry geometry = start.geometry();
        setup.add(MonitorGherkin.monitor(geometry));
        try {
            monitor = factory.newMonitor(geometry.guestPages(), geometry.hostPageArray());
        } catch (RejectedException e) {
            return Optional.of(new Disagreement(
                    "MON-PAGE-1",
                    "a monitor for " + geometry + " was refused: " + e.getMessage(),
                    MonitorGherkin.accepted()));
        }
        pages = new PageModel(geometry);
        pageChecks = new PageChecks(pages);
        int shown = monitor.guestPages();
        if (shown != geometry.guestPages()) {
            return Optional.of(new Disagreement(
                    "MON-PAGE-1",
                    "the guest's memory: expected " + geometry.guestPages() + " pages, got " + shown,
                    MonitorGherkin.guestPages(geometry.guestPages())));
        }
        Observation o = observe();
        tables = new TableModel(o.gdt(), o.ldt());
        Optional<Disagreement> found = pageChecks.compare(Blame.all("MON-PAGE-1"), new PageModel.Effect(), true, o);
        if (found.isPresent()) {
            return found;
        }
        Operations operations = new Operations(this);
        setup.add(MonitorGherkin.initialGdt(INITIAL_GDT));
        found = operations.loadGdt(INITIAL_GDT);
        List<Long> linears = new ArrayList<>();
        for (Start.Mapping m : start.mappings()) {
            if (found.isPresent()) {
                return found;
            }
            long linear = LinearPages.pick(m.linearPick());
            int page = operations.pageFor(m.pagePick(), m.alias());
            linears.add(linear);
            setup.add(MonitorGherkin.initialMap(linear, page, m.writable(), m.user()));
            found = operations.mapChecked(linear, page, m.writable(), m.user());
        }
        for (int touch : start.touches()) {
            if (found.isPresent() || linears.isEmpty()) {
                return found;
            }
            long linear = linears.get(Math.floorMod(touch, linears.size()));
            setup.add(MonitorGherkin.touched(linear));
            found = operations.accessChecked(linear, false, false);
        }
        return found;
    }
}
