package org.gmck.kit.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The host-by-guest paging-mode matrix, drawn from the features' own examples: every Examples row with a
 * {@code host}, a {@code guest} and a {@code shadow} column is one cell, which links to its scenario.
 */
final class ModeMatrixPicture {

    private ModeMatrixPicture() {}

    /** One cell of the matrix and the scenario that states it. */
    record Cell(String host, String guest, String shadow, FeatureBook.ScenarioDoc scenario) {}

    /** Every cell the features state; the first scenario that states a cell names it. */
    static List<Cell> cells(FeatureBook book) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (FeatureBook.ScenarioDoc s : book.scenarios()) {
            for (FeatureBook.ExamplesDoc x : s.examples()) {
                for (List<String> row :
                        x.rows().subList(Math.min(1, x.rows().size()), x.rows().size())) {
                    var host = x.cell(row, "host");
                    var guest = x.cell(row, "guest");
                    var shadow = x.cell(row, "shadow");
                    if (host.isPresent() && guest.isPresent() && shadow.isPresent()) {
                        cells.putIfAbsent(
                                host.get() + "|" + guest.get(), new Cell(host.get(), guest.get(), shadow.get(), s));
                    }
                }
            }
        }
        return new ArrayList<>(cells.values());
    }

    static String render(FeatureBook book, String root) {
        List<Cell> cells = cells(book);
        Set<String> hosts = new LinkedHashSet<>();
        Set<String> guests = new LinkedHashSet<>();
        cells.forEach(c -> {
            hosts.add(c.host());
            guests.add(c.guest());
        });
        List<String> shadows = cells.stream().map(Cell::shadow).distinct().toList();
        int cw = 120;
        int ch = 34;
        int left = 150;
        int top = 60;
        Svg svg = new Svg(left + cw * hosts.size() + 20, top + ch * guests.size() + 50, "paging-mode matrix");
        svg.text(left + cw * hosts.size() / 2.0, 20, "host paging mode", "axis");
        svg.text(10, top - 10, "guest mode", "axis-left");
        List<String> hostList = new ArrayList<>(hosts);
        List<String> guestList = new ArrayList<>(guests);
        for (int i = 0; i < hostList.size(); i++) {
            svg.text(left + cw * i + cw / 2.0, top - 10, hostList.get(i), "head");
        }
        for (int j = 0; j < guestList.size(); j++) {
            svg.text(10, top + ch * j + ch / 2.0 + 5, guestList.get(j), "head-left");
        }
        for (Cell c : cells) {
            int i = hostList.indexOf(c.host());
            int j = guestList.indexOf(c.guest());
            String href = root + book.featureOf(c.scenario()).page() + "#"
                    + c.scenario().anchor();
            int x = left + cw * i;
            int y = top + ch * j;
            svg.link(href, () -> {
                svg.rect(x + 2, y + 2, cw - 4, ch - 4, "mode m" + shadows.indexOf(c.shadow()));
                svg.text(x + cw / 2.0, y + ch / 2.0 + 5, c.shadow() + " shadow", "cell");
            });
        }
        svg.text(
                10,
                top + ch * guestList.size() + 30,
                "Each cell is the shadow paging mode a scenario asks for; click it for the scenario.",
                "note");
        return svg.toString();
    }
}
