package org.gmck.reference.x86;

import static org.gmck.reference.Refusals.assertRefusedUnchanged;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.gmck.reference.Refusals.Case;
import org.gmck.reference.binding.ReferenceAdapter;
import org.gmck.spi.x86.Access;
import org.gmck.spi.x86.AccessKind;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.CpuFeature;
import org.gmck.spi.x86.CpuModel;
import org.gmck.spi.x86.Privilege;
import org.gmck.spi.x86.X86Mmu;
import org.gmck.spi.x86.X86PagingMode;
import org.gmck.spi.x86.X86Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input to the reference x86 MMU through the SPI. */
class X86BadInputTest {

    private static final long[] EXTREMES = {
        0, -1, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 52, (1L << 63) - 4096, Integer.MAX_VALUE, Integer.MIN_VALUE
    };
    private static final long RAM = 1L << 20;
    private static final CpuModel CPU = CpuModel.of(36, CpuFeature.NX);
    private static final long P_RW_US = 7;

    private static final class World {
        final X86Mmu mmu = new ReferenceAdapter().newX86Mmu(CPU, RAM);

        World() {
            // 32-bit paging: linear 0x1000 maps to 0x5000; the directory's second entry names a table past RAM.
            mmu.writePhysical32(0x1000, 0x2000 | (int) P_RW_US);
            mmu.writePhysical32(0x1004, 0x8000_0000 | (int) P_RW_US);
            mmu.writePhysical32(0x2004, 0x5000 | (int) P_RW_US);
            mmu.writePhysical64(RAM - 8, 42);
            mmu.loadControlRegisters(ControlRegisters.forMode(X86PagingMode.BITS32, 0x1000));
            state();
        }

        Object state() {
            // The first access sets the A and D bits; every later one reads and leaves them as they are.
            Object outcome = mmu.access(new Access(0x1234, AccessKind.WRITE, Privilege.USER));
            return List.of(
                    outcome,
                    mmu.cpuModel(),
                    mmu.readPhysical64(0x1000),
                    mmu.readPhysical64(0x2000),
                    mmu.readPhysical64(RAM - 8),
                    mmu.readPhysical32(0));
        }
    }

    interface Call {
        void on(World w);
    }

    private static Stream<Object[]> rows() {
        List<Object[]> rows = new ArrayList<>();
        for (long x : EXTREMES) {
            row(
                    rows,
                    "guest RAM of " + x + " bytes",
                    X86Status.INVALID_GUEST_RAM,
                    w -> new ReferenceAdapter().newX86Mmu(CPU, x));
            X86Status at =
                    x == 0 ? null : (x & 7) != 0 ? X86Status.MISALIGNED_PHYSICAL_ACCESS : X86Status.OUTSIDE_GUEST_RAM;
            X86Status at32 =
                    x == 0 ? null : (x & 3) != 0 ? X86Status.MISALIGNED_PHYSICAL_ACCESS : X86Status.OUTSIDE_GUEST_RAM;
            if (at != null) {
                row(rows, "a 64-bit read at " + x, at, w -> w.mmu.readPhysical64(x));
                row(rows, "a 64-bit write at " + x, at, w -> w.mmu.writePhysical64(x, -1));
                row(rows, "a 32-bit read at " + x, at32, w -> w.mmu.readPhysical32(x));
                row(rows, "a 32-bit write at " + x, at32, w -> w.mmu.writePhysical32(x, -1));
            }
            if (x >>> 32 != 0) {
                row(
                        rows,
                        "a 32-bit paged access at " + x,
                        X86Status.LINEAR_ADDRESS_TOO_WIDE,
                        w -> w.mmu.access(new Access(x, AccessKind.WRITE, Privilege.USER)));
                row(
                        rows,
                        "a 32-bit CR3 of " + x,
                        X86Status.INCONSISTENT_CONTROL_REGISTERS,
                        w -> w.mmu.loadControlRegisters(ControlRegisters.forMode(X86PagingMode.BITS32, x)));
            }
            if (x != 0) {
                row(
                        rows,
                        "CR0 of " + x,
                        X86Status.UNMODELLED_REGISTER_BIT,
                        w -> w.mmu.loadControlRegisters(new ControlRegisters(x, 0x1000, 0, 0)));
                row(
                        rows,
                        "EFER of " + x,
                        X86Status.UNMODELLED_REGISTER_BIT,
                        w -> w.mmu.loadControlRegisters(ControlRegisters.forMode(X86PagingMode.BITS32, 0x1000)
                                .withEfer(x)));
                row(
                        rows,
                        "CR4 of " + x,
                        X86Status.UNMODELLED_REGISTER_BIT,
                        w -> w.mmu.loadControlRegisters(ControlRegisters.forMode(X86PagingMode.BITS32, 0x1000)
                                .withCr4(x)));
            }
        }
        for (int width : new int[] {0, -1, 31, 53, 64, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            row(
                    rows,
                    "MAXPHYADDR " + width,
                    X86Status.INVALID_CPU_MODEL,
                    w -> new ReferenceAdapter().newX86Mmu(CpuModel.of(width), RAM));
        }
        row(rows, "no CPU model", X86Status.INVALID_CPU_MODEL, w -> new ReferenceAdapter().newX86Mmu(null, RAM));
        row(
                rows,
                "guest RAM of 2^52 bytes with MAXPHYADDR 36",
                X86Status.INVALID_GUEST_RAM,
                w -> new ReferenceAdapter().newX86Mmu(CPU, 1L << 52));
        row(
                rows,
                "guest RAM of 2^52 + 4 KB bytes with MAXPHYADDR 52",
                X86Status.INVALID_GUEST_RAM,
                w -> new ReferenceAdapter().newX86Mmu(CpuModel.of(52), (1L << 52) + 4096));
        row(
                rows,
                "guest RAM of 4 KB - 1 bytes",
                X86Status.INVALID_GUEST_RAM,
                w -> new ReferenceAdapter().newX86Mmu(CPU, 4095));
        for (long a : new long[] {RAM, RAM + 8, RAM - 4, RAM - 2, -8, -4, 1L << 36, 1L << 32}) {
            X86Status at = (a & 7) != 0 ? X86Status.MISALIGNED_PHYSICAL_ACCESS : X86Status.OUTSIDE_GUEST_RAM;
            X86Status at32 = (a & 3) != 0 ? X86Status.MISALIGNED_PHYSICAL_ACCESS : X86Status.OUTSIDE_GUEST_RAM;
            row(rows, "a 64-bit read at " + a, at, w -> w.mmu.readPhysical64(a));
            row(rows, "a 64-bit write at " + a, at, w -> w.mmu.writePhysical64(a, -1));
            if (a != RAM - 4) {
                row(rows, "a 32-bit read at " + a, at32, w -> w.mmu.readPhysical32(a));
                row(rows, "a 32-bit write at " + a, at32, w -> w.mmu.writePhysical32(a, -1));
            }
        }
        row(
                rows,
                "an access before any register load",
                X86Status.NO_REGISTERS_LOADED,
                w -> new ReferenceAdapter().newX86Mmu(CPU, RAM).access(new Access(0, AccessKind.READ, Privilege.USER)));
        row(
                rows,
                "a 32-bit paged access at 4 GB",
                X86Status.LINEAR_ADDRESS_TOO_WIDE,
                w -> w.mmu.access(new Access(1L << 32, AccessKind.READ, Privilege.SUPERVISOR)));
        row(
                rows,
                "an implicit supervisor fetch",
                X86Status.INVALID_ACCESS,
                w -> w.mmu.access(new Access(0x1000, AccessKind.FETCH, Privilege.IMPLICIT_SUPERVISOR)));
        row(rows, "no access at all", X86Status.INVALID_ACCESS, w -> w.mmu.access(null));
        row(
                rows,
                "no registers at all",
                X86Status.INCONSISTENT_CONTROL_REGISTERS,
                w -> w.mmu.loadControlRegisters(null));
        row(
                rows,
                "a walk through a page table past RAM",
                X86Status.OUTSIDE_GUEST_RAM,
                w -> w.mmu.access(new Access(0x0040_0000, AccessKind.WRITE, Privilege.USER)));
        row(
                rows,
                "PAE with its PDPT past RAM",
                X86Status.OUTSIDE_GUEST_RAM,
                w -> w.mmu.loadControlRegisters(ControlRegisters.forMode(X86PagingMode.PAE, 0xFFFF_FFE0L)));
        row(
                rows,
                "a PAE CR3 of 4 GB",
                X86Status.INCONSISTENT_CONTROL_REGISTERS,
                w -> w.mmu.loadControlRegisters(ControlRegisters.forMode(X86PagingMode.PAE, 1L << 32)));
        row(
                rows,
                "paging without protection",
                X86Status.INCONSISTENT_CONTROL_REGISTERS,
                w -> w.mmu.loadControlRegisters(new ControlRegisters(ControlRegisters.CR0_PG, 0x1000, 0, 0)));
        row(
                rows,
                "LMA without paging",
                X86Status.INCONSISTENT_CONTROL_REGISTERS,
                w -> w.mmu.loadControlRegisters(new ControlRegisters(
                        ControlRegisters.CR0_PE,
                        0x1000,
                        ControlRegisters.CR4_PAE,
                        ControlRegisters.EFER_LME | ControlRegisters.EFER_LMA)));
        row(
                rows,
                "IA-32e mode without PAE",
                X86Status.INCONSISTENT_CONTROL_REGISTERS,
                w -> w.mmu.loadControlRegisters(ControlRegisters.forMode(X86PagingMode.BITS32, 0x1000)
                        .withEfer(ControlRegisters.EFER_LME | ControlRegisters.EFER_LMA)));
        return rows.stream();
    }

    private static void row(List<Object[]> rows, String name, X86Status status, Call call) {
        rows.add(new Object[] {name, status, call});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void refusedWithNothingChanged(String name, X86Status status, Call call) {
        World w = new World();
        assertRefusedUnchanged(w::state, new Case(name, status, () -> call.on(w)));
    }
}
