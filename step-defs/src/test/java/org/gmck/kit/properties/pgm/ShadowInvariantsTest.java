package org.gmck.kit.properties.pgm;

import org.gmck.kit.properties.Examples;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gmck.kit.Adapters;
import org.gmck.kit.steps.pgm.GuestTableWriter;
import org.gmck.kit.steps.pgm.GuestTableWriter.Layout;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.Profile;
import org.gmck.spi.RejectedException;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.phys.PageState;
import org.gmck.spi.pgm.phys.PageType;
import org.gmck.spi.pgm.phys.PhysPage;
import org.gmck.spi.pgm.shadow.GuestAccessResult;
import org.gmck.spi.pgm.shadow.ShadowTranslation;
import org.gmck.spi.pgm.shadow.ShadowVm;
import org.gmck.spi.x86.AccessKind;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.Privilege;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Shadow paging invariants (rules PGM-SHW-3, -6, -9, -11) over random guest page tables and random
 * sequences of guest accesses, page sharing, write monitoring, INVLPG and SyncCR3:
 * <ul>
 *   <li>every shadow translation is the guest's translation composed with guest-physical to host-physical;</li>
 *   <li>with pgm-introspection, each page's tracking word names no table while the shadow maps it nowhere, one
 *       table while one entry maps it (the same for pages one shadow page table maps, different for pages
 *       different tables map), and a list of extents while more entries map it (PGM-REC-9 to 12);</li>
 *   <li>its rights are never broader than the guest's, and never writable for a page PGM keeps read-only;</li>
 *   <li>it maps only host pages the VM owns, the zero page and shared pages read-only;</li>
 *   <li>no guest paging structure is writable through the shadow;</li>
 *   <li>the guest gets a fault exactly when its own tables refuse the access, and reads what it wrote.</li>
 * </ul>
 * Guest writes through mappings of the guest's own tables are not generated (the model would have to
 * follow the tables changing); the scenarios of PGM-SHW-12 and -13 cover them.
 * The expected guest translation comes from the generated mappings themselves, never from a walker.
 */
class ShadowInvariantsTest {

    private static final long ROOT = 0x10000;
    private static final long DATA = 0x100000;
    private static final int DATA_PAGES = 24;
    private static final long LINEAR_BASE = 0x40000000L;
    private static final int LINEAR_PAGES = 16;
    /** Linear pages come in two groups 4 MB apart, so that every shadow mode gives each group its own page table. */
    private static final int GROUP = 8;
    private static final long GROUP_SPAN = 4L << 20;
    /** Half the mappings go to one of these few data pages, so that pages with many aliases are common. */
    private static final int HOT_PAGES = 3;
    private static final PagingMode[] HOSTS = {PagingMode.BIT32, PagingMode.PAE, PagingMode.AMD64};
    private static final Layout[] GUESTS = {Layout.BIT32, Layout.PAE, Layout.AMD64};

    @Test
    void shadowTranslationsFollowTheGuestsTablesAndNeverGrantMore() {
        ConformanceAdapter adapter = Adapters.selected();
        Assumptions.assumeTrue(adapter.profiles().contains(Profile.PGM), "the adapter does not declare profile pgm");
        qt().withExamples(Examples.of(10_000)).withShrinkCycles(50)
                .forAll(integers().between(0, 2), integers().between(0, 2),
                        lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 10),
                        lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 24))
                .checkAssert((host, guest, mappings, operations) ->
                        new Run(adapter, HOSTS[host], GUESTS[guest], mappings).play(operations));
    }

    /** One generated VM: its guest mappings (the model) and the shadow-paged VM under test. */
    private static final class Run {
        private final ShadowVm vm;
        private final Map<Long, long[]> model = new HashMap<>();
        private final Map<Long, Long> contents = new HashMap<>();
        private final StringBuilder trace = new StringBuilder();

        private final boolean introspect;

        Run(ConformanceAdapter adapter, PagingMode host, Layout layout, List<Integer> mappings) {
            introspect = adapter.profiles().contains(Profile.PGM_INTROSPECTION);
            vm = adapter.guestMemory().newShadowVm(host, 256);
            vm.memory().registerRange(PageType.RAM, 0, 4L << 20);
            GuestTableWriter tables = new GuestTableWriter(vm.memory(), layout, ROOT);
            trace.append(host).append(" host, ").append(layout).append(" guest;");
            for (int m : mappings) {
                long linear = linear(m % LINEAR_PAGES);
                int target = (m >>> 20) % 2 == 0 ? (m >>> 4) % HOT_PAGES : (m >>> 4) % (DATA_PAGES + 3);
                long gcPhys = target < DATA_PAGES ? DATA + ((long) target << 12) : ROOT + ((long) (target - DATA_PAGES) << 12);
                long rights = (m >>> 10) & 6;
                tables.map(linear, gcPhys, rights);
                model.put(linear, new long[] {gcPhys, rights});
                trace.append(String.format(" map %#x->%#x %s;", linear, gcPhys, rights));
            }
            long cr4 = layout == Layout.BIT32 ? 0 : ControlRegisters.CR4_PAE;
            long efer = layout == Layout.AMD64 ? ControlRegisters.EFER_LME | ControlRegisters.EFER_LMA : 0;
            vm.loadControlRegisters(new ControlRegisters(ControlRegisters.CR0_PE | ControlRegisters.CR0_PG
                    | ControlRegisters.CR0_WP, ROOT, cr4, efer));
        }

        void play(List<Integer> operations) {
            for (int op : operations) {
                long linear = linear(op % LINEAR_PAGES) + 8L * ((op >>> 4) % 4);
                Privilege privilege = (op & 0x100) != 0 ? Privilege.USER : Privilege.SUPERVISOR;
                switch ((op >>> 9) % 8) {
                    case 0, 1, 2 -> read(linear, privilege);
                    case 3, 4 -> write(linear, privilege, op);
                    case 5 -> share(linear);
                    case 6 -> {
                        trace.append(" arm monitoring;");
                        vm.memory().writeMonitorAll();
                    }
                    default -> {
                        if ((op & 1) == 0) {
                            trace.append(String.format(" invlpg %#x;", linear));
                            vm.invalidatePage(linear);
                        } else {
                            trace.append(" sync CR3;");
                            vm.syncCr3();
                        }
                    }
                }
                checkShadow();
            }
        }

        private void read(long linear, Privilege privilege) {
            trace.append(String.format(" %s read %#x;", privilege, linear));
            GuestAccessResult result = vm.access(linear, AccessKind.READ, privilege, 8, 0);
            boolean allowed = allowed(linear, false, privilege);
            Assertions.assertEquals(!allowed, result.reflected().isPresent(), trace::toString);
            long[] m = model.get(linear & ~0xFFFL);
            if (allowed && m[0] >= DATA) {
                long gcPhys = m[0] | linear & 0xFFF;
                Assertions.assertEquals(contents.getOrDefault(gcPhys, 0L), result.value(), trace::toString);
            }
        }

        private void write(long linear, Privilege privilege, long value) {
            long[] target = model.get(linear & ~0xFFFL);
            if (target != null && target[0] < DATA) {
                return;
            }
            trace.append(String.format(" %s write %#x;", privilege, linear));
            GuestAccessResult result;
            try {
                result = vm.access(linear, AccessKind.WRITE, privilege, 8, value);
            } catch (RejectedException outOfPages) {
                trace.append(" refused ").append(outOfPages.status().name()).append(';');
                return;
            }
            boolean allowed = allowed(linear, true, privilege);
            Assertions.assertEquals(!allowed, result.reflected().isPresent(), trace::toString);
            if (allowed) {
                contents.put(target[0] | linear & 0xFFF, value);
            }
        }

        private void share(long linear) {
            long[] m = model.get(linear & ~0xFFFL);
            if (m == null || m[0] < DATA || vm.memory().page(m[0]).state() != PageState.ALLOCATED) {
                return;
            }
            trace.append(String.format(" share %#x;", m[0]));
            vm.memory().sharePage(m[0]);
        }

        /** Whether the guest's own tables allow the access, CR0.WP being set. */
        private boolean allowed(long linear, boolean write, Privilege privilege) {
            long[] m = model.get(linear & ~0xFFFL);
            if (m == null) {
                return false;
            }
            boolean user = (m[1] & GuestTableWriter.US) != 0;
            boolean writable = (m[1] & GuestTableWriter.RW) != 0;
            return (privilege == Privilege.SUPERVISOR || user) && (!write || writable);
        }

        private void checkShadow() {
            List<Long> owned = vm.memory().privateHostPages();
            List<Long> guestTables = vm.guestPagingStructurePages();
            Map<Long, List<Integer>> mappedBy = new HashMap<>();
            for (int i = 0; i < LINEAR_PAGES; i++) {
                long linear = linear(i);
                Optional<ShadowTranslation> shadow = vm.shadowTranslation(linear);
                long[] m = model.get(linear);
                if (shadow.isEmpty()) {
                    continue;
                }
                mappedBy.computeIfAbsent(m[0], p -> new java.util.ArrayList<>()).add(i);
                ShadowTranslation t = shadow.get();
                String where = String.format("shadow of %#x = %s after%s", linear, t, trace);
                Assertions.assertNotNull(m, () -> "the shadow maps a page the guest does not: " + where);
                PhysPage page = vm.memory().page(m[0]);
                Assertions.assertEquals(page.hostPhys(), t.hostPhys() & ~0xFFFL, () -> "host page: " + where);
                Assertions.assertFalse(t.writable() && (m[1] & GuestTableWriter.RW) == 0, () -> "write right: " + where);
                Assertions.assertFalse(t.user() && (m[1] & GuestTableWriter.US) == 0, () -> "user right: " + where);
                Assertions.assertFalse(t.writable() && page.readOnly(), () -> "read-only page: " + where);
                Assertions.assertFalse(t.writable() && guestTables.contains(m[0]), () -> "guest table: " + where);
                boolean zeroOrShared = page.hostPhys() == vm.memory().zeroPageHostPhys()
                        || page.state() == PageState.SHARED;
                Assertions.assertTrue(owned.contains(page.hostPhys()) || zeroOrShared && !t.writable(),
                        () -> "host page not owned: " + where);
            }
            if (introspect) {
                checkTracking(mappedBy);
            }
        }

        /** The tracking words against the shadow entries the SPI shows (PGM-REC-9 to 12). */
        private void checkTracking(Map<Long, List<Integer>> mappedBy) {
            int[] groupIndex = {-1, -1};
            for (int p = 0; p < DATA_PAGES + 3; p++) {
                long gcPhys = p < DATA_PAGES ? DATA + ((long) p << 12) : ROOT + ((long) (p - DATA_PAGES) << 12);
                int word = (int) (vm.memory().packedRecord(gcPhys)[1] >>> 32);
                List<Integer> mappers = mappedBy.getOrDefault(gcPhys, List.of());
                String where = String.format("tracking word %#x of %#x, mapped from linear pages %s, after%s", word,
                        gcPhys, mappers, trace);
                Assertions.assertEquals(0, word >>> 16, () -> "bits above the tracking word: " + where);
                int count = word >>> 14;
                if (mappers.isEmpty()) {
                    Assertions.assertEquals(0, word, () -> "a page the shadow does not map: " + where);
                } else if (mappers.size() == 1) {
                    Assertions.assertEquals(1, count, () -> "a page one shadow entry maps: " + where);
                    int group = mappers.get(0) / GROUP;
                    for (int other = 0; other < groupIndex.length; other++) {
                        boolean same = groupIndex[other] == (word & 0x3FFF);
                        Assertions.assertFalse(groupIndex[other] >= 0 && same != (other == group),
                                () -> "pool indices of pages mapped from the same and from different tables: " + where);
                    }
                    groupIndex[group] = word & 0x3FFF;
                } else {
                    Assertions.assertEquals(3, count, () -> "a page several shadow entries map: " + where);
                    Assertions.assertNotEquals(0x3FFF, word & 0x3FFF, () -> "a listed page: " + where);
                }
            }
        }
    }

    /** The linear address of generated page {@code i}: two groups of pages, each in its own shadow page table. */
    private static long linear(int i) {
        return LINEAR_BASE + i / GROUP * GROUP_SPAN + ((long) (i % GROUP) << 12);
    }
}
