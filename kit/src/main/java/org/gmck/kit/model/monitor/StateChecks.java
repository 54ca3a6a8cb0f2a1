package org.gmck.kit.model.monitor;

import java.util.ArrayList;
import java.util.List;
import org.gmck.kit.model.ModelSession;

/** The Then-steps that assert everything a monitor shows, as the model has it now (see {@link ModelSession#checks}). */
final class StateChecks {

    private final PageModel pages;
    private final TableModel tables;

    StateChecks(PageModel pages, TableModel tables) {
        this.pages = pages;
        this.tables = tables;
    }

    List<String> steps() {
        List<String> steps = new ArrayList<>();
        steps.add(MonitorGherkin.guestPages(pages.geometry().guestPages()));
        for (int page = 0; page < pages.geometry().guestPages(); page++) {
            int p = page;
            steps.add(pages.hostOf(page)
                    .map(host -> MonitorGherkin.servedBy(p, host))
                    .orElse(MonitorGherkin.servedByNothing(page)));
        }
        for (long linear : LinearPages.ALL) {
            PageModel.Mapping m = pages.guestMappings().get(linear);
            steps.add(MonitorGherkin.entry(linear, m == null ? -1 : m.guestPage(), pages.entry(linear)));
        }
        steps.add(MonitorGherkin.locked(pages.residentPages()));
        steps.add(MonitorGherkin.mapped(pages.pagesWithEntries()));
        steps.add(MonitorGherkin.lockHistory(pages.lockHistory()));
        steps.add(MonitorGherkin.logMapped(pages.pagesWithEntries()));
        steps.addAll(MonitorGherkin.table("GDT", tables.monitorGdt()));
        steps.addAll(MonitorGherkin.table("LDT", tables.monitorLdt()));
        return steps;
    }
}
