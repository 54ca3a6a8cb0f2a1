package org.gmck.reference.pgm;

import static org.gmck.reference.Refusals.assertRefusedUnchanged;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.gmck.reference.Refusals.Case;
import org.gmck.reference.binding.ReferenceAdapter;
import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.ModeStatus;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.PagingModes;
import org.gmck.spi.pgm.ShadowContext;
import org.gmck.spi.x86.ControlRegisters;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input to the reference PGM paging-mode rules and shadow context through the SPI. */
class PagingModesBadInputTest {

    private static final long[] EXTREMES = {
        0, -1, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 52, (1L << 63) - 4096, Integer.MAX_VALUE, Integer.MIN_VALUE
    };
    private static final ControlRegisters PAE =
            ControlRegisters.of(ControlRegisters.CR0_PE | ControlRegisters.CR0_PG, ControlRegisters.CR4_PAE, 0);

    private static final class World {
        final PagingModes modes = new ReferenceAdapter().pagingModes();
        final ShadowContext context = modes.newShadowContext(PagingMode.AMD64);

        World() {
            context.changeMode(PAE);
        }

        Object state() {
            return List.of(
                    context.hostMode(),
                    context.guestMode(),
                    context.shadowMode(),
                    context.presentShadowPdpes(),
                    context.intermediateContextWriteProtect());
        }
    }

    interface Call {
        void on(World w);
    }

    private static Stream<Object[]> rows() {
        List<Object[]> rows = new ArrayList<>();
        for (long x : EXTREMES) {
            for (PagingMode mode : new PagingMode[] {PagingMode.BITS32, PagingMode.PAE, PagingMode.AMD64}) {
                long alignment = mode == PagingMode.PAE ? 0x1F : 0xFFF;
                long limit = mode == PagingMode.AMD64 ? 1L << 52 : 1L << 32;
                ModeStatus s = (x & alignment) != 0
                        ? ModeStatus.MISALIGNED_CR3
                        : x < 0 || x >= limit ? ModeStatus.CR3_OUT_OF_RANGE : null;
                if (s != null) {
                    row(rows, "a " + mode + " CR3 for a table at " + x, s, w -> w.modes.cr3For(mode, x));
                }
            }
            row(
                    rows,
                    "an INVALID CR3 for a table at " + x,
                    ModeStatus.INVALID_MODE,
                    w -> w.modes.cr3For(PagingMode.INVALID, x));
            row(rows, "a CR3 of no mode for a table at " + x, ModeStatus.INVALID_MODE, w -> w.modes.cr3For(null, x));
            row(
                    rows,
                    "the table of an INVALID CR3 " + x,
                    ModeStatus.INVALID_MODE,
                    w -> w.modes.guestTableAddress(GuestMode.INVALID, x));
            row(
                    rows,
                    "the table of a real-mode CR3 " + x,
                    ModeStatus.NOT_IN_THIS_MODE,
                    w -> w.modes.guestTableAddress(GuestMode.REAL, x));
            row(
                    rows,
                    "the table of a protected-mode CR3 " + x,
                    ModeStatus.NOT_IN_THIS_MODE,
                    w -> w.modes.guestTableAddress(GuestMode.PROTECTED, x));
            if ((x & 0xFFF0_0000_0000_0000L) != 0) {
                row(
                        rows,
                        "the table of a long-mode CR3 " + x,
                        ModeStatus.RESERVED_BITS_SET,
                        w -> w.modes.guestTableAddress(GuestMode.AMD64, x));
            }
            row(
                    rows,
                    "a 32-bit PDPE " + x,
                    ModeStatus.NOT_IN_THIS_MODE,
                    w -> w.modes.checkGuestPdpe(GuestMode.BITS32, x));
            row(
                    rows,
                    "an INVALID PDPE " + x,
                    ModeStatus.INVALID_MODE,
                    w -> w.modes.checkGuestPdpe(GuestMode.INVALID, x));
            row(rows, "a PDPE " + x + " of no mode", ModeStatus.INVALID_MODE, w -> w.modes.checkGuestPdpe(null, x));
            if ((x & 1) != 0 && (x & 0xFFF0_0000_0000_01E6L) != 0) {
                row(
                        rows,
                        "a legacy PAE PDPE " + x,
                        ModeStatus.RESERVED_BITS_SET,
                        w -> w.modes.checkGuestPdpe(GuestMode.PAE, x));
            }
            if ((x & 1) != 0 && x < 0) {
                row(
                        rows,
                        "a long-mode PDPE " + x + " without NX",
                        ModeStatus.RESERVED_BITS_SET,
                        w -> w.modes.checkGuestPdpe(GuestMode.AMD64, x));
            }
            if (x != 0) {
                row(
                        rows,
                        "a mode change to CR0 " + x + " with PG and without PE",
                        x < 0 || (x & 1) == 0 ? ModeStatus.INCONSISTENT_CONTROL_REGISTERS : null,
                        w -> w.context.changeMode(
                                ControlRegisters.of((x | ControlRegisters.CR0_PG) & ~ControlRegisters.CR0_PE, 0, 0)));
                row(
                        rows,
                        "a mode change to EFER " + x + " with LMA and without paging",
                        ModeStatus.INCONSISTENT_CONTROL_REGISTERS,
                        w -> w.context.changeMode(
                                ControlRegisters.of(1, ControlRegisters.CR4_PAE, x | ControlRegisters.EFER_LMA)));
            }
        }
        rows.removeIf(r -> r[1] == null);
        for (PagingMode host : new PagingMode[] {null, PagingMode.INVALID}) {
            row(
                    rows,
                    "the shadow mode on host " + host,
                    ModeStatus.INVALID_MODE,
                    w -> w.modes.shadowMode(host, GuestMode.PAE));
            row(
                    rows,
                    "special effort on host " + host,
                    ModeStatus.INVALID_MODE,
                    w -> w.modes.switcherNeedsSpecialEffort(host, GuestMode.PAE));
            row(rows, "a shadow context on host " + host, ModeStatus.INVALID_MODE, w -> w.modes.newShadowContext(host));
        }
        for (GuestMode guest : new GuestMode[] {null, GuestMode.INVALID}) {
            row(
                    rows,
                    "the shadow mode of guest " + guest,
                    ModeStatus.INVALID_MODE,
                    w -> w.modes.shadowMode(PagingMode.PAE, guest));
            row(
                    rows,
                    "special effort for guest " + guest,
                    ModeStatus.INVALID_MODE,
                    w -> w.modes.switcherNeedsSpecialEffort(PagingMode.PAE, guest));
            row(
                    rows,
                    "the table of a " + guest + " CR3",
                    ModeStatus.INVALID_MODE,
                    w -> w.modes.guestTableAddress(guest, 0x1000));
        }
        row(
                rows,
                "a guest mode of no registers",
                ModeStatus.INCONSISTENT_CONTROL_REGISTERS,
                w -> w.modes.guestMode(null));
        row(
                rows,
                "a mode change to no registers",
                ModeStatus.INCONSISTENT_CONTROL_REGISTERS,
                w -> w.context.changeMode(null));
        row(
                rows,
                "long mode without PAE",
                ModeStatus.INCONSISTENT_CONTROL_REGISTERS,
                w -> w.context.changeMode(ControlRegisters.of(
                        ControlRegisters.CR0_PE | ControlRegisters.CR0_PG,
                        0,
                        ControlRegisters.EFER_LME | ControlRegisters.EFER_LMA)));
        row(
                rows,
                "LME and paging without LMA",
                ModeStatus.INCONSISTENT_CONTROL_REGISTERS,
                w -> w.context.changeMode(ControlRegisters.of(
                        ControlRegisters.CR0_PE | ControlRegisters.CR0_PG,
                        ControlRegisters.CR4_PAE,
                        ControlRegisters.EFER_LME)));
        row(
                rows,
                "a PAE CR3 for a table at 4 GB - 16",
                ModeStatus.MISALIGNED_CR3,
                w -> w.modes.cr3For(PagingMode.PAE, (1L << 32) - 16));
        row(
                rows,
                "a PAE CR3 for a table at 4 GB",
                ModeStatus.CR3_OUT_OF_RANGE,
                w -> w.modes.cr3For(PagingMode.PAE, 1L << 32));
        return rows.stream();
    }

    private static void row(List<Object[]> rows, String name, ModeStatus status, Call call) {
        rows.add(new Object[] {name, status, call});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void refusedWithNothingChanged(String name, ModeStatus status, Call call) {
        World w = new World();
        assertRefusedUnchanged(w::state, new Case(name, status, () -> call.on(w)));
    }
}
