package org.gmck.kit.model.monitor;

import java.util.List;
import org.gmck.kit.model.Step;

/**
 * What a monitor sequence does. Operations name linear pages, guest pages and mappings by picks, numbers
 * the session resolves against the state it has reached (the n-th linear page the guest maps, a guest page
 * modulo the guest's size), so that they stay meaningful whatever the geometry and history.
 */
sealed interface MonitorOp {

    /** The rule that says how the operation behaves: an adapter that fails on it breaks this rule. */
    String rule();

    /** Applies the operation to the adapter and the model of a session, and compares. */
    Step applyTo(Operations ops);

    /**
     * The guest maps linear page number {@code linearPick} (of the model's linear pages) to a guest page: with
     * {@code alias}, one the guest maps already (if any), so that guest pages get several linear pages.
     */
    record MapPage(int linearPick, int pagePick, boolean alias, boolean writable, boolean user) implements MonitorOp {

        @Override
        public String rule() {
            return "MON-TBL-2";
        }

        @Override
        public Step applyTo(Operations ops) {
            return ops.mapPage(this);
        }
    }

    /** The guest rewrites one of its mappings: the same guest page with new rights, or another guest page. */
    record Rewrite(int mappedPick, int pagePick, boolean samePage, boolean writable, boolean user)
            implements MonitorOp {

        @Override
        public String rule() {
            return "MON-TBL-2";
        }

        @Override
        public Step applyTo(Operations ops) {
            return ops.rewrite(this);
        }
    }

    /** The guest clears one of its mappings. */
    record Unmap(int mappedPick) implements MonitorOp {

        @Override
        public String rule() {
            return "MON-TBL-2";
        }

        @Override
        public Step applyTo(Operations ops) {
            return ops.unmap(this);
        }
    }

    /** The guest clears an entry it does not have (refused with NOT_MAPPED). */
    record UnmapUnmapped(int linearPick) implements MonitorOp {

        @Override
        public String rule() {
            return "MON-BAD-2";
        }

        @Override
        public Step applyTo(Operations ops) {
            return ops.unmapUnmapped(this);
        }
    }

    /** The guest clears a mapping at an address inside the page, not at its start (refused with MISALIGNED_ADDRESS). */
    record UnmapMisaligned(int mappedPick, int offsetPick) implements MonitorOp {

        @Override
        public String rule() {
            return "MON-BAD-2";
        }

        @Override
        public Step applyTo(Operations ops) {
            return ops.unmapMisaligned(this);
        }
    }

    /** The guest maps an address that is not page aligned (refused with MISALIGNED_ADDRESS). */
    record MapMisaligned(int linearPick, int offsetPick, int pagePick, boolean writable, boolean user)
            implements MonitorOp {

        @Override
        public String rule() {
            return "MON-BAD-2";
        }

        @Override
        public Step applyTo(Operations ops) {
            return ops.mapMisaligned(this);
        }
    }

    /** The guest maps a guest page outside its memory (refused with INVALID_GUEST_PAGE). */
    record MapBadPage(int linearPick, int badPick, boolean writable, boolean user) implements MonitorOp {

        @Override
        public String rule() {
            return "MON-BAD-2";
        }

        @Override
        public Step applyTo(Operations ops) {
            return ops.mapBadPage(this);
        }
    }

    /**
     * One guest access. {@code target} says where: 0 a linear page the guest maps; 1 one the monitor tables
     * do not enter yet, so that host faults, evictions and aliases entered on use come often; 2 an entered
     * linear page of the least recently used resident page, so that the order of use departs from the order
     * pages came in; 3 any linear page; 4 an entered linear page of a guest page entered at several; 5 a
     * linear page of a guest page no host page serves, so that a page comes in, or takes another's place. Mostly
     * ({@code fitting}) of a kind the guest's mapping allows: a write only to a writable page, a user access
     * only to a user page.
     */
    record Access(int target, int targetPick, int offsetPick, boolean fitting, boolean write, boolean user)
            implements MonitorOp {

        @Override
        public String rule() {
            return "MON-FLT-3";
        }

        @Override
        public Step applyTo(Operations ops) {
            return ops.access(this);
        }
    }

    /** The host wants pages back: none, one, two, as many as held, one more, or more than the array. */
    record Pressure(int demandPick) implements MonitorOp {

        @Override
        public String rule() {
            return "MON-EVICT-1";
        }

        @Override
        public Step applyTo(Operations ops) {
            return ops.pressure(this);
        }
    }

    /** The host asks for a negative number of pages (refused with INVALID_PRESSURE). */
    record NegativePressure(int demandPick) implements MonitorOp {

        @Override
        public String rule() {
            return "MON-BAD-3";
        }

        @Override
        public Step applyTo(Operations ops) {
            return ops.negativePressure(this);
        }
    }

    /**
     * Nothing: what an operation shrinks to, so that a shrunk sequence loses the operations that do not matter.
     * It is not written into the scenario.
     */
    record Skip() implements MonitorOp {

        @Override
        public String rule() {
            return "MON-FLT-3";
        }

        @Override
        public Step applyTo(Operations ops) {
            return Step.skipped();
        }
    }

    /** The guest loads its page-directory base register. */
    record LoadPdbr() implements MonitorOp {

        @Override
        public String rule() {
            return "MON-TBL-1";
        }

        @Override
        public Step applyTo(Operations ops) {
            return ops.pdbr(this);
        }
    }

    /** The guest loads a GDT of a few descriptors. */
    record LoadGdt(List<DescriptorDraw> descriptors) implements MonitorOp {

        @Override
        public String rule() {
            return "MON-DT-3";
        }

        @Override
        public Step applyTo(Operations ops) {
            return ops.loadGdt(this);
        }
    }

    /** The guest loads an LDT of a few descriptors (possibly none). */
    record LoadLdt(List<DescriptorDraw> descriptors) implements MonitorOp {

        @Override
        public String rule() {
            return "MON-DT-4";
        }

        @Override
        public Step applyTo(Operations ops) {
            return ops.loadLdt(this);
        }
    }

    /** The guest loads a GDT or LDT at the edge of what a descriptor table holds, or far past it. */
    record LoadLargeTable(boolean ldt, int sizePick) implements MonitorOp {

        @Override
        public String rule() {
            return ldt ? "MON-DT-4" : "MON-DT-5";
        }

        @Override
        public Step applyTo(Operations ops) {
            return ops.large(this);
        }
    }

    /** The host offers the monitor a defective page array or guest size (refused). */
    record BadCreate(int defectPick, int placePick) implements MonitorOp {

        @Override
        public String rule() {
            return "MON-BAD-1";
        }

        @Override
        public Step applyTo(Operations ops) {
            return ops.badCreate(this);
        }
    }
}
