package org.gmck.selftest.pgm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.handler.AccessHandlerFactory;
import org.gmck.spi.pgm.handler.HandledVm;
import org.gmck.spi.pgm.phys.PhysPage;
import org.gmck.spi.pgm.shadow.GuestAccessResult;
import org.gmck.spi.pgm.shadow.MonitorAction;
import org.gmck.spi.pgm.shadow.ShadowTranslation;
import org.gmck.spi.pgm.shadow.ShadowVm;
import org.gmck.spi.pgm.vm.GuestMemoryFactory;
import org.gmck.spi.x86.AccessKind;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.EntryFlag;
import org.gmck.spi.x86.LoadOutcome;
import org.gmck.spi.x86.Loaded;
import org.gmck.spi.x86.Privilege;

/**
 * Asks whether a piece of a guest large page holds a guest paging structure by looking up the large page's
 * first 4 KB frame, the frame the guest's entry names, instead of the frame of the piece: a guest whose
 * 2 MB page covers its own page tables at an offset gets them synced writable, and its writes to them run
 * past the monitor.
 */
@Breaks(value = "PGM-SHW-11", also = "PGM-SHW-12")
public final class LargePageTableCheckedAtBaseFrame extends KnownBad {

    private static final long RW = EntryFlag.WRITABLE.mask();
    private static final long DIRTY = EntryFlag.DIRTY.mask();

    GuestMemoryFactory guestMemory(GuestMemoryFactory reference) {
        return new ForwardingGuestMemoryFactory(reference) {
            @Override
            public ShadowVm newShadowVm(PagingMode host, long hostPages) {
                ShadowVm real = this.real.newShadowVm(host, hostPages);
                return Intercept.of(ShadowVm.class, real, fault(real));
            }
        };
    }

    AccessHandlerFactory accessHandlers(AccessHandlerFactory reference) {
        return (host, hostPages) -> {
            HandledVm real = reference.newVm(host, hostPages);
            return Intercept.of(HandledVm.class, real, fault(real));
        };
    }

    private static Object fault(ShadowVm real) {
        return new Object() {
            private ControlRegisters registers;
            /** Linear pages the fault has synced writable over a guest table. */
            private final Set<Long> writable = new HashSet<>();

            LoadOutcome loadControlRegisters(ControlRegisters loaded) {
                LoadOutcome outcome = real.loadControlRegisters(loaded);
                if (outcome instanceof Loaded) {
                    registers = loaded;
                    writable.clear();
                }
                return outcome;
            }

            void invalidatePage(long linear) {
                real.invalidatePage(linear);
                writable.remove(linear & ~0xFFFL);
            }

            void syncCr3() {
                real.syncCr3();
                writable.clear();
            }

            GuestAccessResult access(long linear, AccessKind kind, Privilege privilege, int width, long value) {
                boolean missed = missedTable(linear);
                GuestAccessResult result = real.access(linear, kind, privilege, width, value);
                if (!missed || result.reflected().isPresent()) {
                    return result;
                }
                if (kind == AccessKind.WRITE) {
                    boolean already = writable.contains(linear & ~0xFFFL);
                    writable.add(linear & ~0xFFFL);
                    return new GuestAccessResult(
                            already ? List.of() : List.of(MonitorAction.SYNCED), 0, result.reflected());
                }
                if (dirty(linear)) {
                    writable.add(linear & ~0xFFFL);
                }
                return result;
            }

            Optional<ShadowTranslation> shadowTranslation(long linear) {
                Optional<ShadowTranslation> shadow = real.shadowTranslation(linear);
                if (!writable.contains(linear & ~0xFFFL) || !missedTable(linear)) {
                    return shadow;
                }
                long gcPhys = GuestWalk.walk(real.memory(), registers, linear)
                        .orElseThrow()
                        .gcPhys();
                long host = real.memory().page(gcPhys).hostPhys() | linear & 0xFFF;
                List<Long> entries = new ArrayList<>();
                shadow.ifPresent(t -> t.entries().forEach(e -> entries.add(e | RW)));
                boolean user = shadow.map(ShadowTranslation::user).orElse(false);
                boolean executable = shadow.map(ShadowTranslation::executable).orElse(true);
                return Optional.of(new ShadowTranslation(host, true, user, executable, entries));
            }

            /** Whether the piece holds a guest table the monitor knows while the large page's first frame does not. */
            private boolean missedTable(long linear) {
                Optional<GuestWalk.Leaf> leaf = GuestWalk.walk(real.memory(), registers, linear);
                if (leaf.isEmpty() || !leaf.get().large() || !writableForGuest(leaf.get())) {
                    return false;
                }
                long piece = leaf.get().gcPhys() & ~0xFFFL;
                long first = leaf.get().gcPhys() & -leaf.get().pageBytes();
                List<Long> tables = real.guestPagingStructurePages();
                PhysPage page = real.memory().page(piece);
                return piece != first && tables.contains(piece) && !tables.contains(first) && !page.readOnly();
            }

            private boolean dirty(long linear) {
                List<GuestWalk.Entry> entries = GuestWalk.walk(real.memory(), registers, linear)
                        .orElseThrow()
                        .entries();
                return (entries.get(entries.size() - 1).value() & DIRTY) != 0;
            }

            private boolean writableForGuest(GuestWalk.Leaf leaf) {
                boolean legacyPae = (registers.cr4() & ControlRegisters.CR4_PAE) != 0
                        && (registers.efer() & ControlRegisters.EFER_LME) == 0;
                for (int i = legacyPae ? 1 : 0; i < leaf.entries().size(); i++) {
                    if ((leaf.entries().get(i).value() & RW) == 0) {
                        return false;
                    }
                }
                return true;
            }
        };
    }
}
