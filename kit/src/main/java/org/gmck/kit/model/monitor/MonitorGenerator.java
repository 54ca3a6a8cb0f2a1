package org.gmck.kit.model.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * Generates monitor operations, biased towards the states where faults hide: small guests with fewer host
 * pages than guest pages (so that pages are evicted to make room, and host pages given back are handed out
 * again), guest pages mapped at several linear pages with different rights, accesses mostly through linear
 * pages the guest maps, host memory pressure for none, some, all or more than the pages held, and descriptor
 * tables with every kind of descriptor and call gates aimed at guest slots, the monitor's own entries and LDT
 * slots. Every operation draws the same number of values, so that shrinking one leaves the others in place.
 * QuickTheories draws the bounds of a range more often than the rest, so both ends of the operation kinds
 * are common operations.
 */
final class MonitorGenerator {

    private static final int[] GUEST_PAGES = {3, 4, 2, 5, 3, 1, 4, 3, 2, 4};
    /** Host arrays smaller than the guest: mostly two or three pages, so that the order of use has a say. */
    private static final int[] FEWER_HOST_PAGES = {2, 2, 3, 1, 2, 3};
    /** Host frames the arrays are made of: low pages in no order, and two high ones (the last below 4 GB, one above). */
    private static final long[] FRAMES = {9, 3, 7, 5, 1, 12, 14, 2, 0xF_FFFF, 0x12_3456, 6, 10, 11, 4, 8, 13};

    private static final int DESCRIPTORS = 6;
    /** Where accesses go (see {@link MonitorOp.Access}), by draw. */
    private static final int[] TARGETS = {2, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 4, 4, 3, 0, 5, 5, 5, 5};

    private MonitorGenerator() {}

    static Gen<MonitorMove> moves() {
        return in -> new MonitorMove(start(in), op(in));
    }

    /** How many mappings a start writes, by draw; both ends of the draw common, shrinking to none. */
    private static final int[] MAPPINGS = {4, 2, 3, 5, 0, 6, 3};

    private static final int NO_MAPPINGS = 4;
    private static final int MAX_MAPPINGS = 6;
    private static final int MAX_TOUCHES = 6;

    static Start start(RandomnessSource in) {
        Geometry geometry = geometry(in);
        int mappings = MAPPINGS[draw(in, MAPPINGS.length - 1, NO_MAPPINGS)];
        int touches = draw(in, MAX_TOUCHES);
        List<Start.Mapping> written = new ArrayList<>();
        for (int i = 0; i < MAX_MAPPINGS; i++) {
            Start.Mapping m =
                    new Start.Mapping(draw(in, 63), draw(in, 63), draw(in, 9) < 4, draw(in, 9) < 7, draw(in, 9) < 7);
            if (i < mappings) {
                written.add(m);
            }
        }
        List<Integer> read = new ArrayList<>();
        for (int i = 0; i < MAX_TOUCHES; i++) {
            int pick = draw(in, 63);
            if (i < touches) {
                read.add(pick);
            }
        }
        return new Start(geometry, written, read);
    }

    private static int draw(RandomnessSource in, int max) {
        return (int) in.next(Constraint.between(0, max));
    }

    /** A draw that shrinks towards {@code point} rather than 0. */
    private static int draw(RandomnessSource in, int max, int point) {
        return (int) in.next(Constraint.between(0, max).withShrinkPoint(point));
    }

    static Geometry geometry(RandomnessSource in) {
        int size = draw(in, GUEST_PAGES.length - 1);
        int relation = draw(in, 19);
        int extra = draw(in, 7);
        int order = draw(in, 3);
        boolean pageZero = draw(in, 2) == 0;
        int[] picks = new int[8];
        for (int i = 0; i < picks.length; i++) {
            picks[i] = draw(in, FRAMES.length - 1);
        }
        int guestPages;
        int hostPages;
        if (relation < 14) {
            hostPages = FEWER_HOST_PAGES[extra % FEWER_HOST_PAGES.length];
            guestPages = hostPages + 1 + size % 2;
        } else {
            guestPages = GUEST_PAGES[size];
            hostPages = relation < 17 ? guestPages : guestPages + 1 + extra % 2;
        }
        List<Long> array = new ArrayList<>();
        TreeSet<Integer> used = new TreeSet<>();
        for (int i = 0; i < hostPages; i++) {
            int at = picks[i];
            while (used.contains(at)) {
                at = (at + 1) % FRAMES.length;
            }
            used.add(at);
            array.add(FRAMES[at] << 12);
        }
        if (pageZero && !array.contains(0L)) {
            array.set(0, 0L);
        }
        if (order == 1) {
            array.sort(null);
        } else if (order == 2) {
            array.sort((x, y) -> Long.compare(y, x));
        }
        return new Geometry(guestPages, array);
    }

    /** The operation kind an operation shrinks to: {@link MonitorOp.Skip}, away from the ends of the range. */
    private static final int SKIP = 50;

    static MonitorOp op(RandomnessSource in) {
        int kind = draw(in, 99, SKIP);
        int a = draw(in, 63);
        int b = draw(in, 63);
        int c = draw(in, 63);
        int w = draw(in, 9);
        int u = draw(in, 9);
        int mode = draw(in, 19);
        int count = draw(in, DESCRIPTORS);
        List<DescriptorDraw> descriptors = new ArrayList<>();
        for (int i = 0; i < DESCRIPTORS; i++) {
            descriptors.add(new DescriptorDraw(draw(in, 11), draw(in, 255), in.next(Constraint.none())));
        }
        boolean writable = w < 7;
        boolean user = u < 7;
        if (kind == SKIP) {
            return new MonitorOp.Skip();
        } else if (kind < 44) {
            int target = TARGETS[mode];
            return new MonitorOp.Access(target, a, b, c % 10 != 7, w < 4, u < 5);
        } else if (kind < 62 || kind > 96) {
            return new MonitorOp.MapPage(a, b, mode < 8, writable, user);
        } else if (kind < 67) {
            return new MonitorOp.Rewrite(a, b, c % 2 == 0, writable, user);
        } else if (kind < 72) {
            return new MonitorOp.Unmap(a);
        } else if (kind < 80) {
            return new MonitorOp.Pressure(a);
        } else if (kind < 83) {
            return new MonitorOp.LoadPdbr();
        } else if (kind < 86) {
            return new MonitorOp.LoadGdt(descriptors.subList(0, Math.max(1, count)));
        } else if (kind < 89) {
            return new MonitorOp.LoadLdt(descriptors.subList(0, count));
        } else if (kind < 90) {
            return new MonitorOp.NegativePressure(a);
        } else if (kind < 91) {
            return new MonitorOp.MapMisaligned(a, c, b, writable, user);
        } else if (kind < 92) {
            return new MonitorOp.MapBadPage(a, c, writable, user);
        } else if (kind < 93) {
            return new MonitorOp.UnmapUnmapped(a);
        } else if (kind < 94) {
            return new MonitorOp.UnmapMisaligned(a, c);
        } else if (kind < 95) {
            return new MonitorOp.LoadLargeTable(c % 2 == 0, a);
        }
        return new MonitorOp.BadCreate(a, c);
    }
}
