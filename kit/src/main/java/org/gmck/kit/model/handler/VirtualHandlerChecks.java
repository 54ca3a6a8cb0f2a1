package org.gmck.kit.model.handler;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gmck.kit.AdapterRun;
import org.gmck.kit.AdapterRuns;
import org.gmck.kit.CheckGuard;
import org.gmck.kit.NotApplicable;
import org.gmck.kit.NotRun;
import org.gmck.kit.RunLimits;
import org.gmck.kit.Timeouts;
import org.gmck.kit.certify.CheckSettings;
import org.gmck.kit.evidence.CaseTally;
import org.gmck.kit.evidence.EvidenceEntries;
import org.gmck.kit.steps.pgm.GuestTableWriter;
import org.gmck.kit.steps.pgm.GuestTableWriter.Layout;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.common.Profile;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.handler.HandledVm;
import org.gmck.spi.pgm.handler.HandlerCall;
import org.gmck.spi.pgm.handler.HandlerEvent;
import org.gmck.spi.pgm.handler.VirtHandlerKind;
import org.gmck.spi.pgm.phys.PageType;
import org.gmck.spi.pgm.shadow.GuestAccessResult;
import org.gmck.spi.x86.AccessKind;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.Privilege;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Virtual access handlers over random guest page tables, random handler sets and random sequences of guest
 * reads and writes, remappings, INVLPG, SyncCR3 and deregistrations, as part of every certification of an
 * adapter that declares {@code pgm}. Each case counts for the rules it checks, and a case that breaks one
 * counts against it, with its sequence:
 * <ul>
 *   <li>a guest write to a handled page completes and calls every handler that claims the page: one whose
 *       range holds the linear address (PGM-VHND-11) or, except a HYPERVISOR handler, one whose page the
 *       written page is an alias of (PGM-VHND-17);</li>
 *   <li>a read of a WRITE-handled page completes with what was last written and tells no WRITE or HYPERVISOR
 *       handler (PGM-VHND-9); a read of an ALL-handled page completes (PGM-VHND-10);</li>
 *   <li>a deregistered handler is called no more (PGM-VHND-14).</li>
 * </ul>
 * The guest keeps every linear page mapped (remapping changes the target only), so every handler page's
 * look-up succeeds and the guest's table changes are seen (interpretation I-HND-3). The expected handlers
 * come from the generated mappings, never from the implementation. Physical handlers are checked by the
 * shadow model.
 */
@ExtendWith(CheckSettings.Resolver.class)
public class VirtualHandlerChecks {

    private static final List<String> RULES =
            List.of("PGM-VHND-9", "PGM-VHND-10", "PGM-VHND-11", "PGM-VHND-14", "PGM-VHND-17");
    private static final String SOURCE = "random virtual-handler sequences";
    private static final long ROOT = 0x10000;
    private static final long DATA = 0x100000;
    private static final int DATA_PAGES = 6;
    private static final long LINEAR_BASE = 0x40000000L;
    private static final int LINEAR_PAGES = 10;
    private static final PagingMode[] HOSTS = {PagingMode.BITS32, PagingMode.PAE, PagingMode.AMD64};
    private static final Layout[] GUESTS = {Layout.BITS32, Layout.PAE, Layout.AMD64};

    @Test
    void everyHandlerThatClaimsAWriteIsCalledAndNoneBlocksAnotherAccess(
            CheckSettings settings, AdapterRun run, TestReporter reporter) {
        ConformanceAdapter adapter = run.selected();
        NotApplicable.unless(
                settings.runs(Profile.PGM, adapter.profiles()),
                () -> "adapter '" + adapter.name() + "' does not declare profile pgm");
        ConformanceAdapter guarded = new CheckGuard(Timeouts.forRun()).guard(adapter);
        Map<String, List<CaseTally.FailedCase>> failed = new LinkedHashMap<>();
        RULES.forEach(r -> failed.put(r, new ArrayList<>()));
        int[] ran = {0};
        int[] hung = {0};
        qt().withFixedSeed(settings.seed())
                .withExamples(settings.depth().sequences() * 10)
                .withShrinkCycles(0)
                .forAll(
                        integers().between(0, 8),
                        lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(LINEAR_PAGES, LINEAR_PAGES),
                        lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(0, 5),
                        lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 30))
                .check((modes, mappings, handlers, operations) -> {
                    if (RunLimits.stopped().isPresent() || hung[0] >= 3) {
                        return true;
                    }
                    String id = "virtual-handlers-" + ++ran[0];
                    AdapterRuns.release();
                    try {
                        new Run(guarded, HOSTS[modes % 3], GUESTS[modes / 3], mappings, handlers).play(operations);
                    } catch (Broken b) {
                        failed.get(b.rule).add(new CaseTally.FailedCase(id, b.getMessage()));
                    } catch (CheckGuard.AdapterFailure e) {
                        hung[0] += e.hung() ? 1 : 0;
                        RULES.forEach(r -> failed.get(r).add(new CaseTally.FailedCase(id, e.getMessage())));
                    } catch (RuntimeException e) {
                        RULES.forEach(r -> failed.get(r).add(new CaseTally.FailedCase(id, "the adapter threw " + e)));
                    }
                    return true;
                });
        List<String> failures = new ArrayList<>();
        for (String rule : RULES) {
            List<CaseTally.FailedCase> f = failed.get(rule);
            EvidenceEntries.publish(
                    reporter,
                    rule,
                    new CaseTally(
                            SOURCE + " (seed " + settings.seed() + ")",
                            ran[0],
                            f.size(),
                            0,
                            f.stream().limit(CaseTally.SHOWN).toList()));
            if (!f.isEmpty()) {
                failures.add(rule + ": " + f.size() + " of " + ran[0] + " cases, first "
                        + f.get(0).id() + ": " + f.get(0).difference());
            }
        }
        NotRun.ifStopped();
        Assertions.assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
    }

    /** A case that broke a rule: the rule and what happened. */
    static final class Broken extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String rule;

        Broken(String rule, String message) {
            super(message);
            this.rule = rule;
        }
    }

    /** A registered handler as the model knows it. */
    private record Handler(int id, VirtHandlerKind kind, long page) {

        boolean claimsReads() {
            return kind == VirtHandlerKind.ALL;
        }
    }

    /** One generated VM: its guest mappings and handlers (the model) and the VM under test. */
    static final class Run {
        private final HandledVm vm;
        private final GuestTableWriter tables;
        private final Map<Long, Long> mapping = new HashMap<>();
        private final Map<Long, Long> contents = new HashMap<>();
        private final List<Handler> live = new ArrayList<>();
        private final List<Handler> gone = new ArrayList<>();
        private final Map<Integer, Integer> seen = new HashMap<>();
        private final StringBuilder trace = new StringBuilder();

        Run(
                ConformanceAdapter adapter,
                PagingMode host,
                Layout layout,
                List<Integer> mappings,
                List<Integer> handlers) {
            vm = adapter.accessHandlers().newVm(host, 256);
            vm.memory().registerRange(PageType.RAM, 0, 4L << 20);
            tables = new GuestTableWriter(vm.memory(), layout, ROOT);
            trace.append(host).append(" host, ").append(layout).append(" guest;");
            for (int i = 0; i < LINEAR_PAGES; i++) {
                map(LINEAR_BASE + ((long) i << 12), DATA + ((long) (mappings.get(i) % DATA_PAGES) << 12));
            }
            long cr4 = layout == Layout.BITS32 ? 0 : ControlRegisters.CR4_PAE;
            long efer = layout == Layout.AMD64 ? ControlRegisters.EFER_LME | ControlRegisters.EFER_LMA : 0;
            vm.loadControlRegisters(new ControlRegisters(
                    ControlRegisters.CR0_PE | ControlRegisters.CR0_PG | ControlRegisters.CR0_WP, ROOT, cr4, efer));
            for (int h : handlers) {
                register(h);
            }
        }

        private void map(long linear, long gcPhys) {
            tables.map(linear, gcPhys, 6);
            mapping.put(linear, gcPhys);
            trace.append(String.format(" map %#x->%#x;", linear, gcPhys));
        }

        private void register(int h) {
            long page = LINEAR_BASE + ((long) ((h >>> 1) % LINEAR_PAGES) << 12);
            if (live.stream().anyMatch(other -> other.page() == page)) {
                return;
            }
            VirtHandlerKind kind = VirtHandlerKind.values()[(h >>> 8) % 3];
            int id = vm.registerVirtual(kind, page, page + 0xFFF);
            live.add(new Handler(id, kind, page));
            seen.put(id, 0);
            trace.append(String.format(" register virtual %s %#x as %d;", kind, page, id));
        }

        void play(List<Integer> operations) {
            for (int op : operations) {
                long linear = LINEAR_BASE + ((long) (op % LINEAR_PAGES) << 12) + 8L * ((op >>> 4) % 4);
                switch ((op >>> 8) % 8) {
                    case 0, 1, 2 -> read(linear);
                    case 3, 4 -> write(linear, op);
                    case 5 -> map(linear & ~0xFFFL, DATA + ((long) ((op >>> 12) % DATA_PAGES) << 12));
                    case 6 -> {
                        if ((op & 0x1000) == 0) {
                            trace.append(String.format(" invlpg %#x;", linear));
                            vm.invalidatePage(linear);
                        } else {
                            trace.append(" sync CR3;");
                            vm.syncCr3();
                        }
                    }
                    default -> deregister(op);
                }
                checkCalls();
            }
        }

        private void read(long linear) {
            trace.append(String.format(" read %#x;", linear));
            GuestAccessResult result = vm.access(linear, AccessKind.READ, Privilege.SUPERVISOR, 8, 0);
            long gcPhys = mapping.get(linear & ~0xFFFL) | linear & 0xFFF;
            String readRule = live.stream()
                            .anyMatch(h -> h.claimsReads()
                                    && (h.page() == (linear & ~0xFFFL) || mapping.get(h.page()) == (gcPhys & ~0xFFFL)))
                    ? "PGM-VHND-10"
                    : "PGM-VHND-9";
            check(
                    result.reflected().isEmpty(),
                    readRule,
                    () -> "the read was reflected to the guest: " + result.reflected());
            check(
                    contents.getOrDefault(gcPhys, 0L) == result.value(),
                    readRule,
                    () -> "the read returned " + Long.toHexString(result.value()) + " instead of "
                            + Long.toHexString(contents.getOrDefault(gcPhys, 0L)));
        }

        private void write(long linear, long value) {
            trace.append(String.format(" write %#x;", linear));
            GuestAccessResult result = vm.access(linear, AccessKind.WRITE, Privilege.SUPERVISOR, 8, value);
            check(
                    result.reflected().isEmpty(),
                    "PGM-VHND-11",
                    () -> "the write was reflected to the guest: " + result.reflected());
            long page = mapping.get(linear & ~0xFFFL);
            contents.put(page | linear & 0xFFF, value);
            for (Handler h : live) {
                boolean claims = h.page() == (linear & ~0xFFFL)
                        || h.kind() != VirtHandlerKind.HYPERVISOR && mapping.get(h.page()) == page;
                if (claims) {
                    List<HandlerCall> calls = vm.calls(h.id());
                    check(
                            calls.size() > seen.get(h.id())
                                    && calls.stream()
                                            .skip(seen.get(h.id()))
                                            .anyMatch(c -> c.event() == HandlerEvent.WRITE),
                            h.page() == (linear & ~0xFFFL) ? "PGM-VHND-11" : "PGM-VHND-17",
                            () -> "handler " + h + " was not called for the write: " + calls);
                }
            }
        }

        private void check(boolean holds, String rule, java.util.function.Supplier<String> what) {
            if (!holds) {
                throw new Broken(rule, trace + " -> " + what.get());
            }
        }

        private void deregister(int op) {
            if (live.isEmpty()) {
                return;
            }
            Handler h = live.remove(op % live.size());
            vm.deregister(h.id());
            gone.add(h);
            trace.append(String.format(" deregister %d;", h.id()));
        }

        private void checkCalls() {
            for (Handler h : live) {
                List<HandlerCall> calls = vm.calls(h.id());
                if (!h.claimsReads()) {
                    check(
                            calls.stream().noneMatch(c -> c.event() == HandlerEvent.READ),
                            "PGM-VHND-9",
                            () -> h.kind() + " handler " + h + " was told of a read: " + calls);
                }
                seen.put(h.id(), calls.size());
            }
            for (Handler h : gone) {
                check(
                        seen.get(h.id()) == vm.calls(h.id()).size(),
                        "PGM-VHND-14",
                        () -> "deregistered handler " + h + " was called");
            }
        }
    }
}
