package org.gmck.kit.model.pgm;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import org.gmck.kit.model.pgm.GuestMemoryOp.Access;
import org.gmck.kit.model.pgm.GuestMemoryOp.Aim;
import org.gmck.kit.model.pgm.GuestMemoryOp.Place;
import org.gmck.kit.model.pgm.GuestMemoryOp.RangeShape;
import org.gmck.kit.model.pgm.GuestMemoryOp.Target;
import org.gmck.spi.pgm.phys.PageType;
import org.gmck.spi.pgm.phys.PhysPage;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Random operations of the guest-memory model, biased towards what makes states interesting: writes to RAM
 * pages (so that the small host budget runs out), shares and writes to shared pages, arming monitoring
 * between writes, ranges of every type at the slots, and now and then bad input of every shape.
 */
final class GuestMemoryOps {

    private static final long NIL = PhysPage.NIL_PAGE_ID;

    private GuestMemoryOps() {}

    static Gen<GuestMemoryOp> operations(GuestMemoryVariant variant) {
        List<Pair<Integer, Gen<GuestMemoryOp>>> ops = new ArrayList<>();
        ops.add(Pair.of(10, register()));
        ops.add(Pair.of(30, write()));
        ops.add(Pair.of(14, read()));
        ops.add(Pair.of(10, target(2, 3, 10, 0, 0, 1).map(GuestMemoryOp.Share::new)));
        ops.add(Pair.of(6, Generate.constant(new GuestMemoryOp.ArmWriteMonitoring())));
        ops.add(Pair.of(3, target(6, 2, 0, 0, 0, 2).map(GuestMemoryOp.AskPage::new)));
        ops.add(Pair.of(2, createVm()));
        if (variant.records().isPresent()) {
            ops.add(Pair.of(4, target(6, 2, 0, 0, 0, 2).map(GuestMemoryOp.AskRecord::new)));
            if (variant.placement().isPresent()) {
                ops.add(Pair.of(2, createPlacedVm()));
            }
        }
        return Generate.frequency(ops);
    }

    private static <T> Gen<T> weighted(List<Pair<Integer, Gen<T>>> choices) {
        return Generate.frequency(choices);
    }

    private static Gen<GuestMemoryOp> register() {
        Gen<PageType> type = weighted(List.of(
                Pair.of(3, Generate.constant(PageType.RAM)),
                Pair.of(2, Generate.constant(PageType.SHADOWED_ROM)),
                Pair.of(2, Generate.constant(PageType.ROM)),
                Pair.of(2, Generate.constant(PageType.MMIO2)),
                Pair.of(1, Generate.constant(PageType.MMIO)),
                Pair.of(1, Generate.constant(PageType.RESERVED))));
        Gen<RangeShape> shape = weighted(List.of(
                Pair.of(20, Generate.constant(RangeShape.EXACT)), Pair.of(8, Generate.enumValues(RangeShape.class))));
        return type.zip(integers().between(0, GuestMemorySlots.count() - 1), shape, GuestMemoryOp.Register::new);
    }

    /** A target, weighted by aim: any page, RAM, RAM with a private page, shared, last written, outside. */
    private static Gen<Target> target(int any, int ram, int privateRam, int shared, int lastWrite, int outside) {
        List<Pair<Integer, Gen<Target>>> aims = new ArrayList<>();
        int[] weights = {any, ram, privateRam, shared, lastWrite, outside};
        Aim[] kinds = {Aim.ANY_PAGE, Aim.RAM_PAGE, Aim.PRIVATE_RAM_PAGE, Aim.SHARED_PAGE, Aim.LAST_WRITE, Aim.OUTSIDE};
        for (int i = 0; i < kinds.length; i++) {
            Aim aim = kinds[i];
            if (weights[i] > 0) {
                aims.add(Pair.of(weights[i], integers().between(0, 63).map(n -> new Target(aim, n))));
            }
        }
        return weighted(aims);
    }

    private static Gen<Access> access(Gen<Place> place) {
        Gen<Integer> width = weighted(List.of(
                Pair.of(12, Generate.pick(List.of(1, 2, 4, 8))),
                Pair.of(1, Generate.pick(List.of(0, 3, 5, 6, 16, -8)))));
        return width.zip(place, integers().between(0, 511), Access::new);
    }

    private static Gen<Place> places() {
        return weighted(List.of(
                Pair.of(3, Generate.constant(Place.PAGE_START)),
                Pair.of(5, Generate.constant(Place.MID_PAGE)),
                Pair.of(3, Generate.constant(Place.PAGE_END)),
                Pair.of(1, Generate.constant(Place.MISALIGNED))));
    }

    /** Reads anywhere, and often back where the guest last wrote. */
    private static Gen<GuestMemoryOp> read() {
        Gen<GuestMemoryOp> anywhere = target(4, 4, 0, 2, 0, 1).zip(access(places()), GuestMemoryOp.Read::new);
        Gen<GuestMemoryOp> readBack = access(Generate.constant(Place.LAST_WRITE))
                .map(a -> new GuestMemoryOp.Read(new Target(Aim.LAST_WRITE, 0), a));
        return weighted(List.of(Pair.of(5, anywhere), Pair.of(4, readBack)));
    }

    private static Gen<GuestMemoryOp> write() {
        return target(6, 8, 0, 4, 2, 1)
                .zip(access(places()), longs().all(), (t, a, v) -> new GuestMemoryOp.Write(t, a, cut(v, a.width())));
    }

    /** A value as wide as the access, whole for widths the SPI refuses. */
    private static long cut(long value, int width) {
        return width > 0 && width < 8 ? value & ((1L << (8 * width)) - 1) : value;
    }

    private static Gen<GuestMemoryOp> createVm() {
        Gen<Integer> budget = Generate.pick(List.of(-1, -4096, Integer.MIN_VALUE, 0, 1, 16));
        return Generate.booleans().zip(budget, GuestMemoryOp.CreateVm::new);
    }

    /** Placements at, just inside and just past the final layout's limits, and a few plainly wrong ones. */
    private static Gen<GuestMemoryOp> createPlacedVm() {
        long top = 1L << 48;
        long low = 0x200000000L;
        return integers().between(1, 3).zip(integers().between(0, 7), (pages, kind) -> switch (kind) {
            case 0 -> new GuestMemoryOp.CreatePlacedVm(top - pages * 4096L, 0x1234, pages);
            case 1 -> new GuestMemoryOp.CreatePlacedVm(top - (pages - 1) * 4096L, 0x1234, pages);
            case 2 -> new GuestMemoryOp.CreatePlacedVm(low, NIL - pages, pages);
            case 3 -> new GuestMemoryOp.CreatePlacedVm(low, NIL - pages + 1, pages);
            case 4 -> new GuestMemoryOp.CreatePlacedVm(low, 0, pages);
            case 5 -> new GuestMemoryOp.CreatePlacedVm(low, 1, pages);
            case 6 -> new GuestMemoryOp.CreatePlacedVm(low + 0x800, 0x1234, pages);
            default -> new GuestMemoryOp.CreatePlacedVm(low, 0x1234, -pages);
        });
    }
}
