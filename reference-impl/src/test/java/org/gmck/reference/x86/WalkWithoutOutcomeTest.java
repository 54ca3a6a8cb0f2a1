package org.gmck.reference.x86;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.gmck.spi.x86.Access;
import org.gmck.spi.x86.AccessKind;
import org.gmck.spi.x86.AccessOutcome;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.CpuFeature;
import org.gmck.spi.x86.CpuModel;
import org.gmck.spi.x86.EntryUse;
import org.gmck.spi.x86.Loaded;
import org.gmck.spi.x86.PageFault;
import org.gmck.spi.x86.Privilege;
import org.gmck.spi.x86.Translated;
import org.gmck.spi.x86.X86PagingMode;
import org.junit.jupiter.api.Test;

/**
 * The two walks a monitor makes without an outcome, {@link ReferenceX86Mmu#translates} and
 * {@link ReferenceX86Mmu#walk(Access, WalkTrace)}, against {@link ReferenceX86Mmu#access} on the same machine:
 * the same answer, the same entries, and the same A and D flags left in memory, over random tables in every
 * paging mode, with random register bits and random accesses. Tables and pages lie in RAM; the reserved bits
 * tried lie above MAXPHYADDR.
 */
class WalkWithoutOutcomeTest {

    private static final CpuModel CPU = CpuModel.of(
            40,
            CpuFeature.NX,
            CpuFeature.PAGE_1GB,
            CpuFeature.SMEP,
            CpuFeature.SMAP,
            CpuFeature.LA57,
            CpuFeature.PSE36);
    private static final long RAM = 1L << 20;
    /** The tables live in pages 1 to 8, the top one in page 1; every entry of each is random. */
    private static final int TABLE_PAGES = 8;

    private static final int ACCESSES = 40;

    @Test
    void eachWalkGivesWhatTheOutcomeSaysAndLeavesTheSameFlags() {
        qt().withFixedSeed(20261206L)
                .withExamples(400)
                .forAll(longs().all(), integers().between(0, 3))
                .checkAssert(WalkWithoutOutcomeTest::sameOnThreeMachines);
    }

    private static void sameOnThreeMachines(long seed, int modeIndex) {
        X86PagingMode mode = List.of(
                        X86PagingMode.BITS32, X86PagingMode.PAE, X86PagingMode.LEVEL4, X86PagingMode.LEVEL5)
                .get(modeIndex);
        Random random = new Random(seed);
        long[] tables = randomTables(random, mode);
        ControlRegisters registers = randomRegisters(random, mode);
        ReferenceX86Mmu byOutcome = machine(tables);
        ReferenceX86Mmu byTrace = machine(tables);
        ReferenceX86Mmu byAnswer = machine(tables);
        if (!(byOutcome.loadControlRegisters(registers) instanceof Loaded)) {
            return; // a PAE PDPTE with reserved bits: nothing to walk
        }
        byTrace.loadControlRegisters(registers);
        byAnswer.loadControlRegisters(registers);
        WalkTrace trace = new WalkTrace();
        for (int i = 0; i < ACCESSES; i++) {
            Access access = randomAccess(random, mode);
            AccessOutcome outcome = byOutcome.access(access);
            WalkTrace.Ending ending = byTrace.walk(access, trace);
            boolean translates = byAnswer.translates(access);
            String where = String.format("seed %d, %s, %s, access %s", seed, mode, registers, access);
            assertEquals(outcome instanceof Translated, translates, where);
            assertEquals(describe(outcome), describe(ending, trace, access), where);
        }
        assertArrayEquals(ram(byOutcome), ram(byTrace), "A and D flags after the walks into a trace");
        assertArrayEquals(ram(byOutcome), ram(byAnswer), "A and D flags after the walks that only answer");
    }

    private static String describe(AccessOutcome outcome) {
        if (outcome instanceof Translated t) {
            return "translated to " + Long.toHexString(t.physicalAddress()) + " through " + t.entries();
        }
        if (outcome instanceof PageFault pf) {
            return "page fault " + pf.errorCode() + " at " + Long.toHexString(pf.cr2());
        }
        return "general protection";
    }

    private static String describe(WalkTrace.Ending ending, WalkTrace trace, Access access) {
        return switch (ending) {
            case TRANSLATED -> {
                List<EntryUse> entries = new ArrayList<>();
                for (int i = 0; i < trace.entries(); i++) {
                    entries.add(new EntryUse(trace.level(i), trace.address(i), trace.value(i)));
                }
                yield "translated to " + Long.toHexString(trace.physicalAddress()) + " through " + entries;
            }
            case PAGE_FAULT -> "page fault " + trace.errorCode() + " at " + Long.toHexString(access.linearAddress());
            case GENERAL_PROTECTION -> "general protection";
        };
    }

    /** Random quadwords for pages 1 to 8: mostly present entries naming another table page, random flags. */
    private static long[] randomTables(Random random, X86PagingMode mode) {
        long[] quads = new long[TABLE_PAGES * 512];
        for (int q = 0; q < quads.length; q++) {
            quads[q] = mode == X86PagingMode.BITS32 ? entry32(random) | entry32(random) << 32 : entry64(random);
        }
        return quads;
    }

    private static long entry64(Random random) {
        long frame = random.nextInt(4) == 0 ? anyPage(random) : (1 + random.nextInt(TABLE_PAGES)) << 12;
        long flags = random.nextInt(0x200) | (random.nextInt(10) == 0 ? 0 : 1);
        long xd = random.nextBoolean() ? 1L << 63 : 0;
        long reserved = random.nextInt(20) == 0 ? 1L << (40 + random.nextInt(12)) : 0;
        return frame | flags | xd | reserved;
    }

    private static long entry32(Random random) {
        long frame = random.nextInt(4) == 0 ? anyPage(random) : (1 + random.nextInt(TABLE_PAGES)) << 12;
        long flags = random.nextInt(0x200) | (random.nextInt(10) == 0 ? 0 : 1);
        return (frame | flags) & 0xFFFF_FFFFL;
    }

    /** Any page of RAM: a walk reads only RAM (a table beyond it is refused, by both ways alike). */
    private static long anyPage(Random random) {
        return random.nextLong() & (RAM - 1) & ~0xFFFL;
    }

    private static ControlRegisters randomRegisters(Random random, X86PagingMode mode) {
        ControlRegisters base = ControlRegisters.forMode(mode, 0x1000);
        long cr0 = base.cr0() | (random.nextBoolean() ? ControlRegisters.CR0_WP : 0);
        long cr4 = base.cr4()
                | (random.nextBoolean() ? ControlRegisters.CR4_PSE : 0)
                | (random.nextBoolean() ? ControlRegisters.CR4_SMEP : 0)
                | (random.nextBoolean() ? ControlRegisters.CR4_SMAP : 0);
        long efer =
                base.efer() | (mode != X86PagingMode.BITS32 && random.nextBoolean() ? ControlRegisters.EFER_NXE : 0);
        return new ControlRegisters(cr0, 0x1000, cr4, efer);
    }

    private static Access randomAccess(Random random, X86PagingMode mode) {
        long linear = random.nextLong();
        if (mode == X86PagingMode.BITS32 || mode == X86PagingMode.PAE) {
            linear &= 0xFFFF_FFFFL;
        } else if (random.nextInt(8) != 0) {
            int width = mode == X86PagingMode.LEVEL5 ? 57 : 48;
            linear = linear << (64 - width) >> (64 - width); // canonical, most of the time
        }
        AccessKind kind = AccessKind.values()[random.nextInt(AccessKind.values().length)];
        Privilege privilege = random.nextBoolean() ? Privilege.USER : Privilege.SUPERVISOR;
        return new Access(linear, kind, privilege);
    }

    private static ReferenceX86Mmu machine(long[] tables) {
        ReferenceX86Mmu mmu = ReferenceX86Mmu.create(CPU, RAM);
        for (int q = 0; q < tables.length; q++) {
            mmu.writePhysical64(0x1000 + 8L * q, tables[q]);
        }
        return mmu;
    }

    private static long[] ram(ReferenceX86Mmu mmu) {
        long[] quads = new long[TABLE_PAGES * 512];
        for (int q = 0; q < quads.length; q++) {
            quads[q] = mmu.readPhysical64(0x1000 + 8L * q);
        }
        return quads;
    }
}
