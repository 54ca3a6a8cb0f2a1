package org.gmck.bochs.machine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gmck.bochs.process.BochsProcess;
import org.gmck.bochs.process.DebuggerException;

/**
 * One Bochs CPU that answers {@link MachineQuery}s. The BIOS boots the harness's boot sector, which enters
 * protected mode and stops; the machine then writes the harness (code, descriptor tables, boot tables) into
 * guest memory through the debugger, and the guest code stops at its home: 32-bit protected mode, paging off.
 *
 * <p>Each query: the machine writes the query's memory (only the words that differ from what guest memory
 * holds), the hook that maps the harness window into the query's tables, and the parameter block, and lets
 * the guest run. The guest code loads EFER, CR4 and CR3 of the harness's boot tables for the mode, turns
 * paging on, jumps to the window, loads GDTR, IDTR and TR there, then the query's CR3, CR4, CR0 and PKRU, and
 * makes the access (at CPL 3 through IRET when asked). Success ends in a trap planted after it ({@code ud2},
 * or {@code int3} at the fetched address); a fault is delivered to the harness's handler. Either way the
 * handler records vector, error code, CR2 and the saved RIP and stops with the query's paging still loaded:
 * the machine reads the outcome, the memory afterwards and (for a success) the debugger's translation of
 * the address, then lets the guest return home, where it stops again.
 */
public final class BochsMachine implements AutoCloseable {

    /** Guest RAM of every Bochs this machine starts. */
    static final int MEMORY_MIB = 1024;

    private static final Pattern STOP = Pattern.compile("\\(0\\) \\[0x([0-9a-fA-F]+)\\]");
    private static final Pattern VALUE = Pattern.compile("0x([0-9a-fA-F]+)");
    private static final Pattern PAGE = Pattern.compile("maps to physical page 0x([0-9a-fA-F]+)");
    private static final long CODE = Harness.physical(Harness.SUPERVISOR_CODE);
    private static final long DATA = Harness.physical(Harness.DATA);

    private final String cpuModel;
    private final Duration timeout;
    private BochsProcess process;
    /** Non-zero 8-byte words of guest memory below the harness, as the machine last wrote or read them. */
    private final SortedMap<Long, Long> known = new TreeMap<>();

    /** 8-byte words of the harness (parameters, descriptors) as last written, so unchanged ones are not sent again. */
    private final Map<Long, Long> harnessWords = new HashMap<>();

    private Window tablesWindow;
    private Window legacyWindow;
    private Window longWindow;
    private int starts;

    /** A machine for Bochs's CPU model {@code cpuModel} (for example {@code tigerlake}); Bochs starts on the first query. */
    public BochsMachine(String cpuModel, Duration timeout) {
        this.cpuModel = cpuModel;
        this.timeout = timeout;
    }

    /** How many Bochs processes this machine has started. */
    public int starts() {
        return starts;
    }

    /** Starts Bochs and writes the harness, unless it is running. */
    public void boot() {
        if (process != null) {
            return;
        }
        starts++;
        known.clear();
        harnessWords.clear();
        tablesWindow = null;
        legacyWindow = null;
        longWindow = null;
        BochsProcess p = BochsProcess.start(cpuModel, MEMORY_MIB, Harness.bootSector(), timeout);
        try {
            long stop = stopAddress(p.command("c"));
            if (stop < 0x7C00 || stop >= 0x7E00) {
                throw new MachineFailureException(
                        "the boot sector did not stop where expected (at " + Long.toHexString(stop) + ")", null);
            }
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
            List<String> commands = w.commands();
            commands.add("c");
            List<String> out = p.exchange(commands);
            expectStop(p, out.get(out.size() - 1), CODE + Harness.HOME_STOP, "home after boot");
            process = p;
        } catch (RuntimeException e) {
            p.close();
            throw e instanceof MachineFailureException
                    ? e
                    : new MachineFailureException("Bochs did not boot: " + e.getMessage(), e);
        }
    }

    /**
     * Runs one query and reports what Bochs did. With {@code translate}, a successful access also reports the
     * debugger's translation of the address (taken with the query's paging loaded).
     */
    public MachineOutcome access(MachineQuery q, boolean translate) {
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
        boot();
        try {
            return run(q, translate);
        } catch (DebuggerException | MachineFailureException e) {
            close();
            throw e instanceof MachineFailureException m ? m : new MachineFailureException(e.getMessage(), e);
        }
    }

    private MachineOutcome run(MachineQuery q, boolean translate) {
        boolean lng = q.mode().longMode();
        Hook hook = Hook.plan(q, Optional.ofNullable(lng ? longWindow : legacyWindow));
        Window win = hook.window();
        SortedMap<Long, Long> image = new TreeMap<>(q.memory());
        long hookWord = hook.address() & ~7L;
        int hookShift = hook.width() == 4 ? (int) (hook.address() & 4) * 8 : 0;
        long hookMask = hook.width() == 4 ? 0xFFFF_FFFFL << hookShift : -1L;
        image.merge(hookWord, hook.value() << hookShift, (a, b) -> a | b);
        Optional<Long> planted = Optional.empty();
        if (q.kind() == AccessKind.FETCH) {
            planted = StructuralWalk.physical(q).filter(BochsMachine::plantable);
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
            StructuralWalk.physical(q).filter(BochsMachine::plantable).ifPresent(pa -> image.putIfAbsent(pa & ~7L, 0L));
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
        List<String> commands = w.commands();
        commands.add("c");
        List<String> out = process.exchange(commands);
        long stopAt = CODE + (lng ? Harness.OUTCOME_STOP_64 : Harness.OUTCOME_STOP_32);
        expectStop(process, out.get(out.size() - 1), stopAt, "the outcome stop");

        List<String> read = new ArrayList<>();
        read.add("xp /5gx " + hex(DATA + Harness.O_VECTOR));
        List<Long> words = new ArrayList<>(image.keySet());
        for (long a : words) {
            read.add("xp /1gx " + hex(a));
        }
        read.add("page " + hex(q.linear()));
        read.add("c");
        List<String> answers = process.exchange(read);
        expectStop(process, answers.get(answers.size() - 1), CODE + Harness.HOME_STOP, "home after the outcome");
        List<Long> outcome = values(answers.get(0), 5);
        long mask = lng ? -1L : 0xFFFF_FFFFL;
        int vector = (int) (outcome.get(0) & 0xFF);
        long error = outcome.get(1) & mask;
        long cr2 = outcome.get(2) & mask;
        long rip = outcome.get(3) & mask;
        int stage = (int) (outcome.get(4) & 0xFF);
        SortedMap<Long, Long> after = new TreeMap<>();
        for (int i = 0; i < words.size(); i++) {
            long a = words.get(i);
            long v = values(answers.get(1 + i), 1).get(0);
            if (v != 0) {
                known.put(a, v);
            } else {
                known.remove(a);
            }
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
            if (vector == 13 && stage == 3 && rip == windowCode + (lng ? Harness.CR3_LOAD_64 : Harness.CR3_LOAD_32)) {
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
        Optional<Long> physical = Optional.empty();
        if (translate && success) {
            Matcher m = PAGE.matcher(answers.get(answers.size() - 2));
            if (m.find()) {
                physical = Optional.of(Long.parseUnsignedLong(m.group(1), 16) | q.linear() & 0xFFF);
            }
        }
        return MachineOutcome.of(fault, physical, after);
    }

    /**
     * Whether {@code pa} lies in memory the machine itself depends on: the harness (up to the end of Bochs's
     * RAM), the video and BIOS hole, or the range of the I/O APIC, the local APIC and the BIOS ROM below 4 GB.
     * Elsewhere above RAM nothing is mapped: stores are dropped and fetches find no code.
     */
    private static boolean ownMemory(long pa) {
        return pa >= Harness.BASE && pa < (long) MEMORY_MIB << 20
                || pa >= 0xA0000 && pa < 0x100000
                || pa >= 0xFEC0_0000L && pa < 1L << 32;
    }

    /** Whether {@code pa} lies between the end of Bochs's RAM and 4 GB, where Bochs stops on a fetch. */
    private static boolean belowFourGigabytesAboveRam(long pa) {
        return pa >= (long) MEMORY_MIB << 20 && pa < 1L << 32;
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

    private static void expectStop(BochsProcess p, String output, long expected, String where) {
        long at = stopAddress(output);
        if (at != expected) {
            throw new MachineFailureException(
                    String.format(
                            "Bochs stopped at %#x instead of %s (%#x): %s%s",
                            at, where, expected, output.strip(), p.logTail()),
                    null);
        }
    }

    private static long stopAddress(String output) {
        Matcher m = STOP.matcher(output);
        long at = -1;
        while (m.find()) {
            at = Long.parseUnsignedLong(m.group(1), 16);
        }
        return at;
    }

    /** The {@code count} values an {@code xp /Ngx} printed. */
    private static List<Long> values(String output, int count) {
        List<Long> v = new ArrayList<>();
        for (String line : output.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0 || !line.startsWith("0x")) {
                continue;
            }
            Matcher m = VALUE.matcher(line.substring(colon + 1));
            while (m.find()) {
                v.add(Long.parseUnsignedLong(m.group(1), 16));
            }
        }
        if (v.size() < count) {
            throw new MachineFailureException("cannot read memory from the debugger's answer: " + output, null);
        }
        return v.subList(0, count);
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
            process = null;
        }
    }
}
