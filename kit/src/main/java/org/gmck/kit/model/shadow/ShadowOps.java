package org.gmck.kit.model.shadow;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.List;
import org.gmck.kit.model.shadow.ShadowOp.Rights;
import org.gmck.spi.pgm.handler.PhysHandlerKind;
import org.gmck.spi.x86.AccessKind;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Random operations of the shadow model, biased towards interesting states: most accesses and remappings go
 * to the two hottest data pages (aliases in one and in two shadow tables), writes follow reads (read-only
 * syncs that a write must upgrade), handlers sit on the pages the guest uses, and INVLPG, SyncCR3 and CR3
 * loads fall between them.
 */
final class ShadowOps {

    private ShadowOps() {}

    static Gen<ShadowOp> operations(ShadowVariant variant) {
        List<Pair<Integer, Gen<ShadowOp>>> ops = new ArrayList<>();
        ops.add(Pair.of(40, access(variant)));
        ops.add(Pair.of(10, mapPage(variant)));
        ops.add(Pair.of(3, mapLarge(variant)));
        ops.add(Pair.of(3, integers().between(0, ShadowLayout.VIEWS.size() - 1).map(ShadowOp.Unmap::new)));
        ops.add(Pair.of(
                7,
                integers()
                        .between(0, ShadowLayout.VIEWS.size() - 1)
                        .zip(Generate.pick(ShadowLayout.OFFSETS), ShadowOp.Invlpg::new)));
        ops.add(Pair.of(3, Generate.constant(new ShadowOp.SyncCr3())));
        ops.add(Pair.of(4, Generate.constant(new ShadowOp.LoadCr3())));
        ops.add(Pair.of(1, booleans().all().map(ShadowOp.BadCr3::new)));
        ops.add(Pair.of(2, badAccess()));
        ops.add(Pair.of(8, integers().between(0, 1).map(ShadowOp.Share::new)));
        ops.add(Pair.of(2, Generate.constant(new ShadowOp.ArmMonitoring())));
        Gen<PhysHandlerKind> kind = Generate.frequency(List.of(
                Pair.of(2, Generate.constant(PhysHandlerKind.WRITE)),
                Pair.of(1, Generate.constant(PhysHandlerKind.ALL))));
        Gen<Integer> handlerPage = Generate.frequency(List.of(
                Pair.of(3, integers().between(0, 1)),
                Pair.of(1, integers().between(0, ShadowLayout.HANDLER_PAGES.size() - 1))));
        ops.add(Pair.of(10, kind.zip(handlerPage, integers().between(1, 2), ShadowOp.RegisterPhysical::new)));
        ops.add(Pair.of(
                3,
                Generate.enumValues(PhysHandlerKind.class)
                        .zip(
                                Generate.enumValues(ShadowOp.BadShape.class),
                                integers().between(0, ShadowLayout.HANDLER_PAGES.size() - 1),
                                ShadowOp.RegisterBadPhysical::new)));
        ops.add(Pair.of(5, integers().between(0, 7).map(ShadowOp.Deregister::new)));
        ops.add(Pair.of(1, booleans().all().map(ShadowOp.UnknownHandler::new)));
        return Generate.frequency(ops);
    }

    private static Gen<Rights> rights(ShadowVariant variant) {
        Gen<Boolean> mostly =
                Generate.frequency(List.of(Pair.of(3, Generate.constant(true)), Pair.of(1, Generate.constant(false))));
        Gen<Boolean> nx = variant.nx()
                ? Generate.frequency(List.of(Pair.of(3, Generate.constant(false)), Pair.of(1, Generate.constant(true))))
                : Generate.constant(false);
        Gen<Boolean> dirty =
                Generate.frequency(List.of(Pair.of(3, Generate.constant(false)), Pair.of(1, Generate.constant(true))));
        return mostly.zip(mostly, nx, dirty, Rights::new);
    }

    private static Gen<ShadowOp> mapPage(ShadowVariant variant) {
        Gen<Long> hot = Generate.pick(List.of(ShadowLayout.DATA.get(0), ShadowLayout.DATA.get(1)));
        Gen<Long> target = Generate.frequency(List.of(
                Pair.of(8, hot),
                Pair.of(3, Generate.pick(ShadowLayout.DATA)),
                Pair.of(1, Generate.pick(List.of(ShadowLayout.ROOT, ShadowLayout.MMIO, ShadowLayout.NO_RAM)))));
        Gen<ShadowOp> normal = integers()
                .between(0, ShadowLayout.SMALL_SLOTS - 1)
                .zip(target, rights(variant), (slot, page, r) ->
                        (ShadowOp) new ShadowOp.MapPage(slot, page, fixed(page, r)));
        return normal;
    }

    /** A mapping to MMIO or past RAM gives every right, so that an access to it reaches the page (PGM-SHW-22). */
    private static Rights fixed(long page, Rights r) {
        return ShadowLayout.ram(page) ? r : new Rights(true, true, false, true);
    }

    private static Gen<ShadowOp> mapLarge(ShadowVariant variant) {
        List<Long> targets = variant.largePage() == 4L << 20 ? List.of(0L, 0x40_0000L) : ShadowLayout.LARGE_TARGETS;
        return Generate.pick(targets).zip(rights(variant), ShadowOp.MapLarge::new);
    }

    private static Gen<ShadowOp> access(ShadowVariant variant) {
        Gen<AccessKind> kind = Generate.frequency(List.of(
                Pair.of(5, Generate.constant(AccessKind.READ)),
                Pair.of(5, Generate.constant(AccessKind.WRITE)),
                Pair.of(2, Generate.constant(AccessKind.FETCH))));
        Gen<Boolean> user =
                Generate.frequency(List.of(Pair.of(2, Generate.constant(false)), Pair.of(1, Generate.constant(true))));
        Gen<Long> value = integers().between(1, 0xFFFF).map(n -> 0x5A00_0000_0000L + n);
        Gen<Integer> views = integers().between(0, ShadowLayout.VIEWS.size() - 1);
        return views.zip(Generate.pick(ShadowLayout.OFFSETS), kind, user, value, (v, o, k, u, n) ->
                (ShadowOp) new ShadowOp.Access(v, o, k, u, n));
    }

    private static Gen<ShadowOp> badAccess() {
        Gen<Integer> shape = integers().between(0, 3);
        return integers()
                .between(0, ShadowLayout.VIEWS.size() - 1)
                .zip(booleans().all(), shape, (v, write, s) -> {
                    int width = s == 0 ? 3 : s == 1 ? 16 : 8;
                    long offset = s == 2 ? 4 : s == 3 ? 2 : 0;
                    if (s == 3) {
                        width = 4;
                    }
                    return (ShadowOp)
                            new ShadowOp.BadAccess(v, write ? AccessKind.WRITE : AccessKind.READ, width, offset);
                });
    }
}
