package org.gmck.bochs.machine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.gmck.engine.AccessKind;
import org.gmck.engine.Hook;
import org.gmck.engine.MachineFailureException;
import org.gmck.engine.MachineOutcome;
import org.gmck.engine.MachineQuery;
import org.gmck.engine.PagingMode;
import org.gmck.engine.QueryRejectedException;
import org.gmck.engine.Window;

/**
 * How a query is put into guest memory, given what guest memory holds: the test's words (only those that
 * differ from what the guest holds), the hook of the harness window into the test's tables, the planted trap of
 * a fetch, and the harness's own words (window, descriptors, parameters), each written only when it changes.
 * It also turns what the guest recorded into a {@link MachineOutcome}. The single-query machine ({@link
 * BochsMachine}) and the batch machine ({@link BatchMachine}) share it, so both put a query the same way.
 */
final class QuerySetup {

    private static final long CODE = Harness.physical(Harness.SUPERVISOR_CODE);
    private static final long DATA = Harness.physical(Harness.DATA);

    /** Non-zero 8-byte words of guest memory below the harness, as last written or read. */
    private final SortedMap<Long, Long> known = new TreeMap<>();

    /** 8-byte words of the harness (parameters, descriptors) as last written, so unchanged ones are not sent again. */
    private final Map<Long, Long> harnessWords = new HashMap<>();

    private Window tablesWindow;
    private Window legacyWindow;
    private Window longWindow;

    /** What a fresh machine holds: nothing known. */
    void reset() {
        known.clear();
        harnessWords.clear();
        tablesWindow = null;
        legacyWindow = null;
        longWindow = null;
    }

    /** The test's memory is all zero again (the batch loop zeroes each word it reads back). */
    void forgetTestMemory() {
        known.clear();
    }

    /** The writes that put the harness (code, descriptor tables, boot tables) into a booted machine's memory. */
    Writes bootWrites() {
        Writes w = new Writes();
        w.bytes(CODE, Harness.code(), true);
        w.bytes(Harness.physical(Harness.USER_CODE), Harness.code(), true);
        w.bytes(Harness.physical(Harness.GDT), Harness.gdt(), true);
        long[] pt32 = Harness.pageTable32Entries();
        long[] pt64 = Harness.pageTable64Entries();
        for (int i = 0; i < pt32.length; i++) {
            w.dword(Harness.PT32 + 4L * (512 + i), pt32[i]);
            put(w, Harness.PT64 + 8L * i, pt64[i]);
        }
        w.qword(Harness.PD64 + 8 * 511, Harness.PT64 | Harness.TABLE);
        w.qword(Harness.PDPT64 + 8 * 511, Harness.PD64 | Harness.TABLE);
        for (Window win : Window.LONG) {
            w.qword(Harness.PML4H + 8L * win.topIndex(), Harness.PDPT64 | Harness.TABLE);
            w.qword(Harness.BOOT_PML4 + 8L * win.topIndex(), Harness.PDPT64 | Harness.TABLE);
        }
        w.dword(Harness.BOOT32 + 4 * (Harness.BASE >>> 22), Harness.identity32());
        for (Window win : Window.LEGACY) {
            w.dword(Harness.BOOT32 + 4 * (win.base() >>> 22), Harness.PT32 | Harness.TABLE);
            long pdpte = win.topIndex() == 0 ? Harness.BOOT_PD : Harness.PD64;
            w.qword(Harness.BOOT_PAE + 8L * win.topIndex(), pdpte | 1);
        }
        w.qword(Harness.BOOT_PD + 8 * (Harness.BASE >>> 21 & 511), Harness.identity64());
        w.qword(Harness.BOOT_PD + 8 * 511, Harness.PT64 | Harness.TABLE);
        w.qword(Harness.BOOT_PDPT, Harness.BOOT_PD | Harness.TABLE);
        w.qword(Harness.BOOT_PML4, Harness.BOOT_PDPT | Harness.TABLE);
        w.qword(Harness.BOOT_PML5, Harness.BOOT_PML4 | Harness.TABLE);
        w.qword(Harness.BOOT_PML5 + 8 * 511, Harness.PML4H | Harness.TABLE);
        w.word16(DATA + Harness.IDENTITY_GDTR, 0xFFF);
        w.qword(DATA + Harness.IDENTITY_GDTR + 2, Harness.BASE);
        w.qword(DATA + Harness.P_IDENTITY_CODE, CODE);
        w.qword(DATA + Harness.P_LDT_SELECTOR, Harness.LDT);
        return w;
    }

    /**
     * Refuses a query the machine cannot put (memory or a walk outside the test's RAM, a store or fetch that
     * would reach the machine's own memory, a PKRU that locks the harness out), before anything runs.
     */
    static void check(MachineQuery q) {
        for (long a : q.memory().keySet()) {
            if (a + 8 > Harness.BASE) {
                throw new QueryRejectedException(
                        String.format("memory at %#x: the harness keeps guest RAM at and above %#x", a, Harness.BASE));
            }
            if (a >= 0xA0000 && a < 0x100000 && q.memory().get(a) != 0) {
                throw new QueryRejectedException(String.format(
                        "memory at %#x lies in the PC's video and BIOS hole (0xa0000-0xfffff), which is not RAM in Bochs",
                        a));
            }
        }
        if (StructuralWalk.readsWhere(q, a -> a >= Harness.BASE || a >= 0xA0000 && a < 0x100000)) {
            throw new QueryRejectedException("the walk reads an entry outside the test's RAM, where Bochs finds "
                    + "the harness, the BIOS or all ones above its RAM rather than zeros");
        }
        if (q.kind() == AccessKind.WRITE || q.kind() == AccessKind.FETCH) {
            Optional<Long> target = StructuralWalk.physical(q);
            boolean fetch = q.kind() == AccessKind.FETCH;
            if (target.isPresent() && (ownMemory(target.get()) || fetch && belowFourGigabytesAboveRam(target.get()))) {
                throw new QueryRejectedException(String.format(
                        "the %s would reach physical %#x, outside the test's RAM: a store to Bochs's own memory "
                                + "(the harness, the video and BIOS hole, the APICs, the BIOS ROM) or code found "
                                + "there would change the machine for later questions, and Bochs stops when it "
                                + "fetches between the end of its RAM and 4 GB",
                        q.kind() == AccessKind.WRITE ? "store" : "fetch", target.get()));
            }
        }
        if (q.mode().longMode() && q.pke() && deniesEveryKey(q.pkru())) {
            throw new QueryRejectedException(String.format(
                    "PKRU %#x denies every key, and Bochs applies PKRU to the harness's own (supervisor-mode) "
                            + "pages, so the harness cannot run",
                    q.pkru()));
        }
    }

    /** One query, ready to run: what to write, and what to read back afterwards. */
    record Prepared(
            MachineQuery query,
            Window window,
            Writes writes,
            List<Long> words,
            long hookWord,
            long hookMask,
            Optional<Long> planted) {

        /**
         * The outcome from the five words the handler recorded (vector, error code, CR2, RIP, stage) and the
         * words read back (in the order of {@link #words}); {@code translation} is the physical address reported
         * for a successful access.
         */
        MachineOutcome outcome(List<Long> outcome, List<Long> values, Optional<Long> translation) {
            MachineQuery q = query;
            Window win = window;
            boolean lng = q.mode().longMode();
            long mask = lng ? -1L : 0xFFFF_FFFFL;
            int vector = (int) (outcome.get(0) & 0xFF);
            long error = outcome.get(1) & mask;
            long cr2 = outcome.get(2) & mask;
            long rip = outcome.get(3) & mask;
            int stage = (int) (outcome.get(4) & 0xFF);
            SortedMap<Long, Long> after = new TreeMap<>();
            for (int i = 0; i < words.size(); i++) {
                long a = words.get(i);
                long v = values.get(i);
                if (q.memory().containsKey(a)) {
                    long test = v;
                    if (a == hookWord) {
                        test &= ~hookMask;
                    }
                    if (planted.isPresent() && (planted.get() & ~7L) == a) {
                        long m = 0xFFL << ((planted.get() & 7) * 8);
                        test = test & ~m | q.memory().get(a) & m;
                    }
                    after.put(a, test);
                }
            }
            long windowCode = win.page(Harness.SUPERVISOR_CODE) & mask;
            if (stage < Harness.STAGE_ACCESS) {
                if (vector == 13
                        && stage == 3
                        && rip == windowCode + (lng ? Harness.CR3_LOAD_64 : Harness.CR3_LOAD_32)) {
                    throw new Cr3LoadRefusedException(error);
                }
                throw new MachineFailureException(
                        String.format(
                                "the harness faulted before the access (stage %d): vector %d, error %#x, RIP %#x, CR2 %#x",
                                stage, vector, error, rip, cr2),
                        null);
            }
            boolean success = switch (q.kind()) {
                case READ -> vector == 6 && isStub(rip, win, mask, Harness.READ + 2);
                case WRITE -> vector == 6 && isStub(rip, win, mask, Harness.WRITE + 2);
                case FETCH -> fetched(vector, rip, cr2, q.linear() & mask);
                case IMPLICIT_READ -> vector != 14;
            };
            Optional<MachineOutcome.Fault> fault = success
                    ? Optional.empty()
                    : Optional.of(new MachineOutcome.Fault(
                            vector, Optional.ofNullable(hasErrorCode(vector) ? error : null), cr2));
            Optional<Long> physical = success ? translation : Optional.empty();
            return MachineOutcome.of(fault, physical, after);
        }
    }

    /** Plans {@code q}: the writes that turn what guest memory holds into the query's memory and parameters. */
    Prepared prepare(MachineQuery q) {
        boolean lng = q.mode().longMode();
        Hook hook = Hook.plan(q, Harness.TABLES);
        Window win = hook.window();
        SortedMap<Long, Long> image = new TreeMap<>(q.memory());
        long hookWord = hook.address() & ~7L;
        int hookShift = hook.width() == 4 ? (int) (hook.address() & 4) * 8 : 0;
        long hookMask = hook.width() == 4 ? 0xFFFF_FFFFL << hookShift : -1L;
        image.merge(hookWord, hook.value() << hookShift, (a, b) -> a | b);
        Optional<Long> planted = Optional.empty();
        if (q.kind() == AccessKind.FETCH) {
            planted = StructuralWalk.physical(q).filter(QuerySetup::plantable);
            planted.ifPresent(pa -> {
                int shift = (int) (pa & 7) * 8;
                long word = image.getOrDefault(pa & ~7L, 0L);
                image.put(pa & ~7L, word & ~(0xFFL << shift) | 0xCCL << shift);
            });
        }
        if (q.kind() == AccessKind.WRITE) {
            // The store leaves a byte in its frame: the word is written (cleared) and read back like the test's,
            // so that what the store left is known and cleared before the next question, whose tables may lie
            // there.
            StructuralWalk.physical(q).filter(QuerySetup::plantable).ifPresent(pa -> image.putIfAbsent(pa & ~7L, 0L));
        }
        Writes w = new Writes();
        for (Map.Entry<Long, Long> e : image.entrySet()) {
            long old = known.getOrDefault(e.getKey(), 0L);
            w.changed(e.getKey(), old, e.getValue());
        }
        for (Map.Entry<Long, Long> e : known.entrySet()) {
            if (!image.containsKey(e.getKey())) {
                w.changed(e.getKey(), e.getValue(), 0L);
            }
        }
        known.clear();
        image.forEach((a, v) -> {
            if (v != 0) {
                known.put(a, v);
            }
        });
        if (lng ? !win.equals(longWindow) : !win.equals(legacyWindow)) {
            placeWindow(w, win);
        }
        if (q.kind() == AccessKind.IMPLICIT_READ) {
            long[] ldt = Harness.systemDescriptor(q.linear(), 0xFFFF, 0x82);
            put(w, Harness.physical(Harness.GDT) + Harness.LDT, ldt[0]);
            put(w, Harness.physical(Harness.GDT) + Harness.LDT + 8, ldt[1]);
        }
        harnessKey(w, q);
        parameters(w, q, win);
        if (!win.equals(tablesWindow)) {
            w.word16(DATA + Harness.WINDOW_GDTR, 0xFFF);
            w.qword(DATA + Harness.WINDOW_GDTR + 2, win.page(Harness.GDT));
            w.word16(DATA + Harness.WINDOW_IDTR, lng ? 32 * 16 - 1 : 32 * 8 - 1);
            w.qword(DATA + Harness.WINDOW_IDTR + 2, win.page(Harness.IDT) + (lng ? 0 : 0x800));
            tablesWindow = win;
        }
        return new Prepared(q, win, w, List.copyOf(new ArrayList<>(image.keySet())), hookWord, hookMask, planted);
    }

    /** Records the words read back after a query (in the order of {@link Prepared#words}). */
    void readBack(Prepared p, List<Long> values) {
        for (int i = 0; i < values.size(); i++) {
            long a = p.words().get(i);
            long v = values.get(i);
            if (v != 0) {
                known.put(a, v);
            } else {
                known.remove(a);
            }
        }
    }

    /**
     * Whether {@code pa} lies in memory the machine itself depends on: the harness (up to the end of Bochs's
     * RAM), the video and BIOS hole, or the range of the I/O APIC, the local APIC and the BIOS ROM below 4 GB.
     * Elsewhere above RAM nothing is mapped: stores are dropped and fetches find no code.
     */
    private static boolean ownMemory(long pa) {
        return pa >= Harness.BASE && pa < (long) BochsMachine.MEMORY_MIB << 20
                || pa >= 0xA0000 && pa < 0x100000
                || pa >= 0xFEC0_0000L && pa < 1L << 32;
    }

    /** Whether {@code pa} lies between the end of Bochs's RAM and 4 GB, where Bochs stops on a fetch. */
    private static boolean belowFourGigabytesAboveRam(long pa) {
        return pa >= (long) BochsMachine.MEMORY_MIB << 20 && pa < 1L << 32;
    }

    /** Whether {@code pa} is test RAM of Bochs's: below the harness and outside the video and BIOS hole. */
    private static boolean plantable(long pa) {
        return pa < Harness.BASE && (pa < 0xA0000 || pa >= 0x100000);
    }

    /**
     * Whether a fetch got its first byte: the planted {@code int3} trapped after it, or (where nothing could be
     * planted, outside RAM) whatever the CPU found there raised an exception at the address, or the instruction
     * ran into a fault on a later byte.
     */
    private static boolean fetched(int vector, long rip, long cr2, long target) {
        if (vector == 14) {
            return cr2 != target && rip == target;
        }
        return rip == target || rip == target + 1;
    }

    private static boolean isStub(long rip, Window win, long mask, int offset) {
        return rip == (win.page(Harness.SUPERVISOR_CODE) + offset & mask)
                || rip == (win.page(Harness.USER_CODE) + offset & mask);
    }

    private static boolean hasErrorCode(int vector) {
        return vector == 8 || vector >= 10 && vector <= 14 || vector == 17;
    }

    /** Rewrites what depends on the window: the IDT gates, the TSS's stack pointer and the TSS descriptor. */
    private void placeWindow(Writes w, Window win) {
        long[] gates = Harness.idt(win);
        long idt = Harness.physical(Harness.IDT) + (win.longFamily() ? 0 : 0x800);
        for (int i = 0; i < gates.length; i++) {
            w.qword(idt + 8L * i, gates[i]);
        }
        long tss = Harness.physical(Harness.TSS);
        long gdt = Harness.physical(Harness.GDT);
        if (win.longFamily()) {
            w.qword(tss + 4, Harness.stackTop(win));
            w.word16(tss + 102, 0x68);
            long[] d = Harness.systemDescriptor(win.page(Harness.TSS), 0x67, 0x89);
            w.qword(gdt + Harness.TSS64, d[0]);
            w.qword(gdt + Harness.TSS64 + 8, d[1]);
            longWindow = win;
        } else {
            w.dword(tss + 0x800 + 4, Harness.stackTop(win));
            w.dword(tss + 0x800 + 8, Harness.DATA0);
            w.word16(tss + 0x800 + 102, 0x68);
            w.qword(gdt + Harness.TSS32, Harness.descriptor(win.page(Harness.TSS) + 0x800, 0x67, 0x89, 0));
            legacyWindow = win;
        }
    }

    /**
     * Tags the window pages with a protection key the query's PKRU leaves usable: Bochs applies PKRU to the
     * harness's supervisor-mode pages too. Outside IA-32e mode with CR4.PKE the key bits stay clear (they are
     * reserved in PAE paging).
     */
    private void harnessKey(Writes w, MachineQuery q) {
        int key = 0;
        if (q.mode().longMode() && q.pke()) {
            key = -1;
            for (int k = 0; k < 16 && key < 0; k++) {
                if ((q.pkru() >>> (2 * k) & 3) == 0) {
                    key = k;
                }
            }
            key = Math.max(key, 0); // access() refused a PKRU that denies every key
        }
        long[] pt64 = Harness.pageTable64Entries();
        for (int i = 0; i < pt64.length; i++) {
            put(w, Harness.PT64 + 8L * i, pt64[i] | (long) key << 59);
        }
    }

    private static boolean deniesEveryKey(int pkru) {
        for (int k = 0; k < 16; k++) {
            if ((pkru >>> (2 * k) & 3) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Writes an 8-byte harness word unless it already holds {@code value}. */
    private void put(Writes w, long address, long value) {
        Long old = harnessWords.put(address, value);
        if (old == null) {
            w.qword(address, value);
        } else {
            w.changed(address, old, value);
        }
    }

    private void parameters(Writes w, MachineQuery q, Window win) {
        boolean lng = q.mode().longMode();
        long cr4Mode = switch (q.mode()) {
            case BITS32 -> 0;
            case PAE, LEVEL4 -> 0x20;
            case LEVEL5 -> 0x20 | 0x1000;
        };
        long cr4 = cr4Mode
                | (q.pse() ? 0x10 : 0)
                | (q.smep() ? 1L << 20 : 0)
                | (q.smap() ? 1L << 21 : 0)
                | (q.pke() ? 1L << 22 : 0)
                | (q.pks() ? 1L << 24 : 0);
        long bootCr4 = q.mode() == PagingMode.BITS32 ? 0x10 : cr4Mode;
        long bootCr3 = switch (q.mode()) {
            case BITS32 -> Harness.BOOT32;
            case PAE -> Harness.BOOT_PAE;
            case LEVEL4 -> Harness.BOOT_PML4;
            case LEVEL5 -> Harness.BOOT_PML5;
        };
        long efer = (lng ? 0x100 : 0) | (q.nxe() ? 0x800 : 0);
        long cr0 = 0x8000_0011L | (q.wp() ? 0x10000 : 0);
        int stub = switch (q.kind()) {
            case READ -> Harness.READ;
            case WRITE -> Harness.WRITE;
            case FETCH -> Harness.FETCH;
            case IMPLICIT_READ -> Harness.IMPLICIT_READ;
        };
        put(w, DATA + Harness.P_MODE, q.mode().ordinal() + 1);
        put(w, DATA + Harness.P_EFER, efer);
        put(w, DATA + Harness.P_CR0, cr0);
        put(w, DATA + Harness.P_CR3, q.cr3());
        put(w, DATA + Harness.P_CR4, cr4);
        put(w, DATA + Harness.P_BOOT_CR3, bootCr3);
        put(w, DATA + Harness.P_BOOT_CR4, bootCr4);
        put(w, DATA + Harness.P_WINDOW, win.base());
        put(w, DATA + Harness.P_PKRU, Integer.toUnsignedLong(q.pkru()));
        put(w, DATA + Harness.P_PKRS, Integer.toUnsignedLong(q.pkrs()));
        put(w, DATA + Harness.P_CPL, q.cpl());
        put(w, DATA + Harness.P_RFLAGS, 0x2 | (q.ac() ? 0x40000 : 0));
        put(w, DATA + Harness.P_STUB, stub);
        put(w, DATA + Harness.P_TARGET, q.linear());
        put(w, DATA + Harness.P_FLAGS, (q.pke() ? 1 : 0) | (q.pks() ? 2 : 0));
    }
}
