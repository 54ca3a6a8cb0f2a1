package org.gmck.qemu.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.gmck.engine.AccessKind;
import org.gmck.engine.MachineOutcome;
import org.gmck.engine.MachineQuery;
import org.gmck.engine.PagingMode;
import org.gmck.qemu.process.QemuInstallation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real accesses on QEMU, one per paging mode and outcome; skipped when QEMU is not installed. */
class QemuMachineTest {

    private static QemuMachine machine;

    @BeforeAll
    static void start() {
        Optional<String> missing = QemuInstallation.unavailableReason();
        Assumptions.assumeTrue(missing.isEmpty(), () -> "Skipped: " + missing.orElse(""));
        machine = new QemuMachine("max", 16L << 20, Duration.ofSeconds(10));
        machine.boot();
    }

    @AfterAll
    static void stop() {
        if (machine != null) {
            machine.close();
        }
    }

    private static SortedMap<Long, Long> fourLevel(long leaf) {
        SortedMap<Long, Long> m = new TreeMap<>();
        m.put(0x10000L, 0x11000L | 0x7);
        m.put(0x11000L, 0x12000L | 0x7);
        m.put(0x12000L, 0x13000L | 0x7);
        m.put(0x13000L + 8 * 5, leaf);
        return m;
    }

    private static MachineQuery query(
            PagingMode mode, SortedMap<Long, Long> mem, long cr3, int cpl, AccessKind kind, long lin) {
        return new MachineQuery(
                mode, cr3, true, false, true, false, false, false, 0, false, 0, false, cpl, kind, lin, mem);
    }

    @Test
    void cpuidReportsTheFeaturesOfCpuMax() {
        CpuFeatures f = machine.features();
        assertEquals(40, f.maxPhysAddr());
        assertTrue(f.la57() && f.pku() && f.smep() && f.smap() && f.page1gb() && f.nx(), f.toString());
    }

    @Test
    void fourLevelReadSucceedsAndSetsAccessedBits() {
        MachineOutcome o = machine.access(
                query(PagingMode.LEVEL4, fourLevel(0x200000L | 0x7), 0x10000L, 3, AccessKind.READ, 0x5123L), true);
        assertFalse(o.fault().isPresent(), () -> o.toString());
        assertEquals(0x11000L | 0x27, o.after(0x10000L));
        assertEquals(0x200000L | 0x27, o.after(0x13000L + 40));
        assertEquals(Optional.of(0x200123L), o.physical());
    }

    @Test
    void fourLevelWriteToReadOnlyPageFaultsWithProtectionErrorCode() {
        MachineOutcome o = machine.access(
                query(PagingMode.LEVEL4, fourLevel(0x200000L | 0x5), 0x10000L, 3, AccessKind.WRITE, 0x5123L), false);
        assertEquals(14, o.fault().orElseThrow().vector());
        assertEquals(Optional.of(0x7L), o.fault().get().errorCode());
        assertEquals(0x5123L, o.fault().get().cr2());
        assertEquals(0x200000L | 0x5, o.after(0x13000L + 40));
    }

    @Test
    void notPresentLeafFaultsWithoutP() {
        MachineOutcome o = machine.access(
                query(PagingMode.LEVEL4, fourLevel(0x200000L | 0x6), 0x10000L, 0, AccessKind.READ, 0x5123L), false);
        assertEquals(Optional.of(0x0L), o.fault().orElseThrow().errorCode());
    }

    @Test
    void fetchFromNxPageFaultsWithInstructionBit() {
        MachineOutcome o = machine.access(
                query(PagingMode.LEVEL4, fourLevel(0x200000L | 0x7 | 1L << 63), 0x10000L, 0, AccessKind.FETCH, 0x5123L),
                false);
        assertEquals(Optional.of(0x11L), o.fault().orElseThrow().errorCode());
        MachineOutcome ok = machine.access(
                query(PagingMode.LEVEL4, fourLevel(0x200000L | 0x7), 0x10000L, 3, AccessKind.FETCH, 0x5123L), false);
        assertFalse(ok.fault().isPresent(), () -> ok.toString());
    }

    @Test
    void thirtyTwoBitWriteSetsDirty() {
        SortedMap<Long, Long> m = new TreeMap<>();
        m.put(0x10000L, 0x11000L | 0x7);
        m.put(0x11000L, 0x300000L | 0x7);
        MachineOutcome o = machine.access(query(PagingMode.BITS32, m, 0x10000L, 3, AccessKind.WRITE, 0x123L), false);
        assertFalse(o.fault().isPresent(), () -> o.toString());
        assertEquals(0x300000L | 0x67, o.after(0x11000L) & 0xFFFF_FFFFL);
    }

    @Test
    void paeReadThroughPdpte() {
        SortedMap<Long, Long> m = new TreeMap<>();
        m.put(0x10000L, 0x11000L | 0x1);
        m.put(0x11000L, 0x12000L | 0x7);
        m.put(0x12000L, 0x300000L | 0x7);
        MachineOutcome o = machine.access(query(PagingMode.PAE, m, 0x10000L, 0, AccessKind.READ, 0x0L), false);
        assertFalse(o.fault().isPresent(), () -> o.toString());
        assertEquals(0x300000L | 0x27, o.after(0x12000L));
    }

    @Test
    void fiveLevelNonCanonicalAddressRaisesGp() {
        SortedMap<Long, Long> m = new TreeMap<>(fourLevel(0x200000L | 0x7));
        MachineOutcome o = machine.access(
                query(PagingMode.LEVEL4, m, 0x10000L, 0, AccessKind.READ, 0x0000_8000_0000_0000L), false);
        assertEquals(13, o.fault().orElseThrow().vector());
        assertEquals(QemuMachine.CR2_SENTINEL, o.fault().get().cr2());
    }

    @Test
    void protectionKeysBlockUserReads() {
        MachineOutcome o = machine.access(
                new MachineQuery(
                        PagingMode.LEVEL4,
                        0x10000L,
                        true,
                        false,
                        true,
                        false,
                        false,
                        true,
                        0x4,
                        false,
                        0,
                        false,
                        3,
                        AccessKind.READ,
                        0x5123L,
                        fourLevel(0x200000L | 0x7 | 1L << 59)),
                false);
        assertEquals(Optional.of(0x25L), o.fault().orElseThrow().errorCode());
    }

    @Test
    void fetchFromMemoryBeyondQemuRamStillCompletes() {
        MachineOutcome o = machine.access(
                query(PagingMode.LEVEL4, fourLevel(0x9_ABCD_E000L | 0x7), 0x10000L, 3, AccessKind.FETCH, 0x5123L),
                true);
        assertFalse(o.fault().isPresent(), () -> o.toString());
        assertEquals(Optional.of(0x9_ABCD_E123L), o.physical());
    }

    @Test
    void supervisorKeysBlockSupervisorReads() {
        Assumptions.assumeTrue(machine.features().pks(), "QEMU's CPU model has no PKS");
        MachineOutcome o = machine.access(
                new MachineQuery(
                        PagingMode.LEVEL4,
                        0x10000L,
                        true,
                        false,
                        true,
                        false,
                        false,
                        false,
                        0,
                        true,
                        0x4,
                        false,
                        0,
                        AccessKind.READ,
                        0x5123L,
                        fourLevel(0x200000L | 0x3 | 1L << 59)),
                false);
        assertEquals(Optional.of(0x21L), o.fault().orElseThrow().errorCode());
    }

    private static MachineQuery implicitRead(long leaf, boolean smap, boolean ac) {
        return new MachineQuery(
                PagingMode.LEVEL4,
                0x10000L,
                true,
                false,
                true,
                false,
                smap,
                false,
                0,
                false,
                0,
                ac,
                0,
                AccessKind.IMPLICIT_READ,
                0x5120L,
                fourLevel(leaf));
    }

    @Test
    void implicitReadOfAPresentPageSucceedsAndSetsAccessed() {
        MachineOutcome o = machine.access(implicitRead(0x200000L | 0x3, false, false), false);
        assertFalse(o.fault().isPresent(), () -> o.toString());
        assertEquals(0x200000L | 0x23, o.after(0x13000L + 40));
    }

    @Test
    void implicitReadOfANotPresentPageFaultsAsASupervisorRead() {
        MachineOutcome o = machine.access(implicitRead(0x200000L | 0x2, false, false), false);
        assertEquals(Optional.of(0x0L), o.fault().orElseThrow().errorCode());
        assertEquals(0x5120L, o.fault().get().cr2());
    }

    @Test
    void implicitReadOfAUserPageUnderSmapFaults() {
        MachineOutcome o = machine.access(implicitRead(0x200000L | 0x7, true, false), false);
        assertEquals(Optional.of(0x1L), o.fault().orElseThrow().errorCode());
    }
}
