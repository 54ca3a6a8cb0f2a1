package org.gmck.kit.model.shadow;

import java.util.List;
import java.util.Optional;
import org.gmck.kit.model.Comparisons;
import org.gmck.kit.model.Disagreement;
import org.gmck.kit.model.Step;
import org.gmck.kit.model.shadow.ShadowModel.Handler;
import org.gmck.kit.model.shadow.ShadowModel.Target;
import org.gmck.spi.pgm.handler.PhysHandlerKind;
import org.gmck.spi.pgm.phys.PhysStatus;
import org.gmck.spi.pgm.shadow.GuestAccessResult;
import org.gmck.spi.pgm.shadow.ReflectedFault;
import org.gmck.spi.pgm.shadow.ShadowTranslation;
import org.gmck.spi.x86.AccessKind;
import org.gmck.spi.x86.Privilege;

/**
 * Guest accesses in the shadow model: the outcome the guest's tables give (a page fault with its error code
 * and CR2, a refusal for no RAM, or the access carried out with the data the guest wrote last), the handler
 * calls, the guest's accessed and dirty flags, and what the shadow holds for the page afterwards.
 */
final class ShadowAccess {

    private final ShadowSession s;

    ShadowAccess(ShadowSession session) {
        this.s = session;
    }

    Step access(ShadowOp.Access a) {
        long view = ShadowChecks.view(a.view());
        long linear = view + a.offset();
        int width = a.kind() == AccessKind.FETCH ? 1 : 8;
        long value = a.kind() == AccessKind.WRITE ? a.value() : 0;
        Optional<Target> target = s.model.target(a.view());
        if (a.kind() == AccessKind.WRITE
                && target.isPresent()
                && s.model.isTable(target.get().page())) {
            return Step.skipped();
        }
        String gherkin = ShadowGherkin.access(a.kind(), linear, a.user(), width, value);
        Privilege privilege = a.user() ? Privilege.USER : Privilege.SUPERVISOR;
        Optional<ShadowTranslation> before = s.vm.shadowTranslation(view);
        ShadowChecks.Snapshot snapshot = null;
        if (target.isPresent()
                && !ShadowLayout.ram(target.get().page())
                && s.model.allows(target.get(), a.kind(), a.user())) {
            snapshot = s.checks.snapshot();
            PhysStatus status =
                    target.get().page() >= ShadowLayout.MMIO && target.get().page() < ShadowLayout.MMIO + 0x10000
                            ? PhysStatus.VERR_PGM_PHYS_PAGE_RESERVED
                            : PhysStatus.VERR_PGM_INVALID_GC_PHYSICAL_ADDRESS;
            return s.refused(
                    "PGM-SHW-22",
                    gherkin,
                    status,
                    () -> s.vm.access(linear, a.kind(), privilege, width, value),
                    snapshot);
        }
        boolean dirtyBefore = target.map(t -> t.rights().dirty()).orElse(false);
        ShadowSession.Outcome<GuestAccessResult> outcome =
                ShadowSession.Outcome.of(() -> s.vm.access(linear, a.kind(), privilege, width, value));
        String rule =
                target.isPresent() && s.model.allows(target.get(), a.kind(), a.user()) ? "PGM-SHW-1" : "PGM-SHW-3";
        if (outcome.value().isEmpty()) {
            return Step.disagreed(
                    gherkin,
                    new Disagreement(
                            rule,
                            gherkin + ": the access must run, but " + outcome.describe(),
                            "the guest gets no fault"));
        }
        GuestAccessResult result = outcome.value().get();
        Comparisons c = Comparisons.start();
        if (target.isEmpty() || !s.model.allows(target.get(), a.kind(), a.user())) {
            ReflectedFault fault = s.model.fault(target.isPresent(), a.kind(), a.user(), linear);
            c.equal(
                    "PGM-SHW-3",
                    "the fault handed to the guest",
                    Optional.of(fault),
                    result::reflected,
                    "the guest gets a page fault with error code " + ShadowGherkin.hex(fault.errorCode()) + " and CR2 "
                            + ShadowGherkin.hex(fault.cr2()));
            s.checks.calls(c, "PGM-SHW-3");
            return Step.agreed(gherkin).or(s.checks.shadow(c, "PGM-SHW-13").result());
        }
        Target t = target.get();
        long gcPhys = t.page() + a.offset();
        String writeRule = switch (s.model.kind(t.page())) {
            case ZERO -> "PGM-SHW-8";
            case SHARED -> "PGM-SHW-9";
            case MONITORED_UNWRITTEN, MONITORED_WRITTEN -> "PGM-SHW-10";
            default -> "PGM-SHW-27";
        };
        c.equal(
                "PGM-SHW-1",
                "the fault handed to the guest",
                Optional.empty(),
                result::reflected,
                "the guest gets no fault");
        if (allowsOnShadow(before, a.kind(), a.user())) {
            c.equal(
                    "PGM-SHW-2",
                    "what the monitor's fault handler did, for an access the shadow entry in place allows",
                    List.of(),
                    result::actions,
                    "the monitor did nothing: the access ran on the shadow tables");
        }
        if (a.kind() == AccessKind.WRITE && !dirtyBefore) {
            c.that(
                    "PGM-SHW-27",
                    "the monitor must see the guest's first write to a page whose leaf is not dirty",
                    () -> !result.actions().isEmpty(),
                    "the monitor's fault handler ran");
        }
        Optional<Handler> handler = s.model.handlerOn(t.page());
        handler.flatMap(h -> s.model.callFor(h, a.kind(), gcPhys))
                .ifPresent(call -> handler.get().calls.add(call));
        String callRule = handler.map(h -> h.kind == PhysHandlerKind.ALL
                        ? "PGM-HND-5"
                        : a.kind() == AccessKind.WRITE ? "PGM-HND-3" : "PGM-HND-4")
                .orElse("PGM-HND-7");
        s.checks.calls(c, callRule);
        if (a.kind() == AccessKind.WRITE) {
            s.model.store(gcPhys, value);
            s.model.written(t.page());
            s.model.dirty(a.view());
        } else if (!s.model.isTable(t.page())) {
            long expected = s.model.read(gcPhys);
            long shown = a.kind() == AccessKind.FETCH ? expected & 0xFF : expected;
            c.equal(
                    handler.isPresent() && handler.get().kind == PhysHandlerKind.ALL ? "PGM-HND-5" : "PGM-SHW-1",
                    "the value the guest read at " + ShadowGherkin.hex(linear),
                    ShadowGherkin.hex(shown),
                    () -> ShadowGherkin.hex(result.value()),
                    "the guest read " + ShadowGherkin.hex(shown));
        }
        s.model.walked.addAll(s.checks.tablePages(a.view()));
        flags(c, a, result);
        afterwards(c, a, t, handler, writeRule);
        String stale = a.kind() == AccessKind.WRITE ? "PGM-SHW-26" : "PGM-SHW-1";
        return Step.agreed(gherkin).or(s.checks.shadow(c, stale).result());
    }

    private static boolean allowsOnShadow(Optional<ShadowTranslation> before, AccessKind kind, boolean user) {
        if (before.isEmpty()) {
            return false;
        }
        ShadowTranslation t = before.get();
        return (!user || t.user())
                && (kind != AccessKind.WRITE || t.writable())
                && (kind != AccessKind.FETCH || t.executable());
    }

    /** The guest's accessed flags after a walk by the monitor, and the leaf's dirty flag after a write (PGM-SHW-27). */
    private void flags(Comparisons c, ShadowOp.Access a, GuestAccessResult result) {
        long linear = ShadowChecks.view(a.view());
        long at = linear;
        int leaf = s.checks.leafLevel(a.view());
        if (!result.actions().isEmpty()) {
            for (int level = s.variant.legacyPae() ? 1 : 0; level <= leaf; level++) {
                int l = level;
                c.that(
                        "PGM-SHW-27",
                        "the accessed flag of the guest's level-" + (level + 1) + " entry for " + ShadowGherkin.hex(at)
                                + " after the monitor walked it",
                        () -> (s.tables.read(s.tables.entryAddressOf(l, at)) & 0x20) != 0,
                        ShadowGherkin.flagSet(level + 1, at, false));
            }
        }
        if (a.kind() == AccessKind.WRITE) {
            c.that(
                    "PGM-SHW-27",
                    "the dirty flag of the guest's leaf for " + ShadowGherkin.hex(at) + " after a write",
                    () -> (s.tables.read(s.tables.entryAddressOf(leaf, at)) & 0x40) != 0,
                    ShadowGherkin.flagSet(leaf + 1, at, true));
        }
    }

    /** What the shadow holds for the page after the access completed. */
    private void afterwards(Comparisons c, ShadowOp.Access a, Target t, Optional<Handler> handler, String writeRule) {
        long linear = ShadowChecks.view(a.view());
        if (handler.isPresent() && handler.get().kind == PhysHandlerKind.ALL) {
            return;
        }
        long host;
        try {
            host = s.vm.memory().page(t.page()).hostPhys();
        } catch (RuntimeException e) {
            return;
        }
        c.equal(
                "PGM-SHW-1",
                "the host page the shadow maps " + ShadowGherkin.hex(linear) + " to after the access",
                Optional.of(host),
                () -> s.vm.shadowTranslation(linear).map(x -> x.hostPhys() & ~0xFFFL),
                ShadowGherkin.hostPage(linear, t.page()));
        if (a.kind() == AccessKind.WRITE && handler.isEmpty() && !s.model.isTable(t.page())) {
            c.equal(
                    writeRule,
                    "whether the shadow maps " + ShadowGherkin.hex(linear) + " writable after the guest's write",
                    true,
                    () -> s.vm.shadowTranslation(linear)
                            .map(ShadowTranslation::writable)
                            .orElse(false),
                    ShadowGherkin.writable(linear));
        }
    }

    /** A guest access with a bad width or alignment, on a page the guest maps to RAM with every right. */
    Step badAccess(ShadowOp.BadAccess b) {
        Optional<Target> target = s.model.target(b.view());
        if (target.isEmpty()
                || !ShadowLayout.ram(target.get().page())
                || s.model.isTable(target.get().page())
                || !s.model.allows(target.get(), b.kind(), false)) {
            return Step.skipped();
        }
        long linear = ShadowChecks.view(b.view()) + b.offset();
        long value = b.kind() == AccessKind.WRITE ? 0x77 : 0;
        String gherkin = ShadowGherkin.access(b.kind(), linear, false, b.width(), value);
        ShadowChecks.Snapshot before = s.checks.snapshot();
        return s.refused(
                "PGM-SHW-23",
                gherkin,
                PhysStatus.VERR_PGM_PHYS_MISALIGNED_ACCESS,
                () -> s.vm.access(linear, b.kind(), Privilege.SUPERVISOR, b.width(), value),
                before);
    }
}
