package org.gmck.bochs.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.gmck.bochs.process.BochsInstallation;
import org.gmck.engine.AccessKind;
import org.gmck.engine.MachineOutcome;
import org.gmck.engine.MachineQuery;
import org.gmck.engine.PagingMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real accesses on Bochs, one per paging mode and outcome; skipped when Bochs is not installed. */
class BochsMachineTest {

    private static BochsMachine machine;

    @BeforeAll
    static void start() {
        Optional<String> missing = BochsInstallation.unavailableReason();
        Assumptions.assumeTrue(missing.isEmpty(), () -> "Skipped: " + missing.orElse(""));
        machine = new BochsMachine("tigerlake", Duration.ofSeconds(10));
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
    void nonCanonicalAddressRaisesGp() {
        MachineOutcome o = machine.access(
                query(
                        PagingMode.LEVEL4,
                        fourLevel(0x200000L | 0x7),
                        0x10000L,
                        0,
                        AccessKind.READ,
                        0x0000_8000_0000_0000L),
                false);
        assertEquals(13, o.fault().orElseThrow().vector());
        assertEquals(Optional.of(0L), o.fault().get().errorCode());
    }

    @Test
    void reservedBitFaultCarriesPresentAndRsvd() {
        MachineOutcome o = machine.access(
                query(PagingMode.LEVEL4, fourLevel(0x200000L | 0x7 | 1L << 45), 0x10000L, 0, AccessKind.READ, 0x5123L),
                false);
        assertEquals(Optional.of(0x9L), o.fault().orElseThrow().errorCode());
    }

    @Test
    void manyQueriesInARow() {
        int n = 200;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            MachineOutcome o = machine.access(
                    query(
                            PagingMode.LEVEL4,
                            fourLevel(0x200000L | 0x7),
                            0x10000L,
                            i % 2 == 0 ? 0 : 3,
                            AccessKind.READ,
                            0x5123L),
                    true);
            assertFalse(o.fault().isPresent(), () -> o.toString());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Bochs: %d queries in %.2f s (%.0f a second)%n", n, seconds, n / seconds);
    }

    /** PKRU 0x4 (access-disable for key 1); the leaf has key 1 and U/S as given. */
    private static MachineOutcome keyed(boolean userPage, int cpl) {
        return keyed(userPage, cpl, 0x4, AccessKind.READ);
    }

    private static MachineOutcome keyed(boolean userPage, int cpl, int pkru, AccessKind kind) {
        long leaf = 0x200000L | 0x3 | (userPage ? 0x4 : 0) | 1L << 59;
        return machine.access(
                new MachineQuery(
                        PagingMode.LEVEL4,
                        0x10000L,
                        true,
                        false,
                        true,
                        false,
                        false,
                        true,
                        pkru,
                        false,
                        0,
                        false,
                        cpl,
                        kind,
                        0x5123L,
                        fourLevel(leaf)),
                false);
    }

    @Test
    void pkruAccessDisableStopsAUserReadOfAUserPage() {
        assertEquals(Optional.of(0x25L), keyed(true, 3).fault().orElseThrow().errorCode());
    }

    /**
     * What Bochs 2.7 does with PKRU for supervisor-mode accesses, which the SDM lets PKRU govern only on
     * user-mode addresses (AD for every data access, WD for writes when CR0.WP=1): Bochs ignores AD for them
     * and applies WD to supervisor-mode addresses too (the deviations of its baseline, X86-PK-1 and X86-PK-2).
     */
    @Test
    void pkruOnSupervisorAccessesAsBochsDoesIt() {
        assertFalse(keyed(true, 0).fault().isPresent(), "AD, supervisor read of a user page");
        assertFalse(keyed(true, 0, 0x4, AccessKind.WRITE).fault().isPresent(), "AD, supervisor write of a user page");
        assertEquals(
                Optional.of(0x23L),
                keyed(true, 0, 0x8, AccessKind.WRITE).fault().orElseThrow().errorCode());
        assertEquals(
                Optional.of(0x23L),
                keyed(false, 0, 0x8, AccessKind.WRITE).fault().orElseThrow().errorCode());
        assertFalse(keyed(false, 0).fault().isPresent(), "AD, supervisor read of a supervisor page");
    }

    /** The harness's key follows PKRU from query to query, though the previous PKRU denied the new key. */
    @Test
    void harnessRunsWhenPkruChangesWhichKeysItAllows() {
        for (int pkru : new int[] {0xFFFFFFF3, 0xFFFFFFCF, 0xFFFFFFF3}) {
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
                            pkru,
                            false,
                            0,
                            false,
                            0,
                            AccessKind.READ,
                            0x5123L,
                            fourLevel(0x200000L | 0x3)),
                    false);
            assertFalse(o.fault().isPresent(), () -> o.toString());
        }
    }
}
