package org.gmck.qemu.machine;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gmck.engine.AccessKind;
import org.gmck.engine.Hook;
import org.gmck.engine.MachineFailureException;
import org.gmck.engine.MachineOutcome;
import org.gmck.engine.MachineQuery;
import org.gmck.engine.PagingMode;
import org.gmck.engine.QueryRejectedException;
import org.gmck.engine.Window;
import org.gmck.qemu.gdb.GdbBatch;
import org.gmck.qemu.gdb.GdbConnection;
import org.gmck.qemu.gdb.GdbProtocolException;
import org.gmck.qemu.gdb.Hex;
import org.gmck.qemu.gdb.Slot;
import org.gmck.qemu.gdb.StopReply;
import org.gmck.qemu.gdb.TargetDescription;
import org.gmck.qemu.process.QemuNotInstalledException;
import org.gmck.qemu.process.QemuProcess;
import org.gmck.spi.x86.EntryField;

/**
 * One QEMU vCPU used as an x86 paging oracle. The vCPU never boots a guest: for each query the machine
 * writes the test's memory, hooks its harness window into the test's tables, sets the control registers
 * and the CPL through the gdbstub, single-steps one real load, store or fetch, and reads back the
 * exception (vector, error code, CR2) and every word of the test's memory (A/D updates).
 *
 * <p>{@link #accessAll} answers many queries at once with the same outcomes: a loop in the guest ({@code
 * src/main/asm/batch.S}) runs them one after the other and the host reads all the results back together.
 *
 * <p>Any failure of QEMU (exit, hang, shutdown, garbage) closes the process and raises
 * {@link MachineFailureException}; the next query starts a fresh process. Not thread-safe: one machine per
 * worker.
 */
public final class QemuMachine implements AutoCloseable {

    static final long CR0_PE = 1, CR0_ET = 0x10, CR0_WP = 1L << 16, CR0_PG = 1L << 31;
    static final long CR4_PSE = 1 << 4,
            CR4_PAE = 1 << 5,
            CR4_LA57 = 1 << 12,
            CR4_SMEP = 1 << 20,
            CR4_SMAP = 1 << 21,
            CR4_PKE = 1 << 22,
            CR4_PKS = 1 << 24;
    static final long MSR_PKRS = 0x6E1;
    static final long EFER_LME = 1 << 8, EFER_NXE = 1 << 11;
    static final long RFLAGS_FIXED = 2, RFLAGS_AC = 1 << 18;
    /** CR2 is set to this before each access, so that an untouched CR2 shows. */
    public static final long CR2_SENTINEL = 0xC2C2_C000L;

    private static final byte STORE_VALUE = (byte) 0xA5;
    private static final Pattern GPA = Pattern.compile("gpa: (0x)?([0-9a-fA-F]+)");

    private final String cpu;
    private final int memoryMiB;
    private final Harness harness;
    private final Duration timeout;
    private QemuProcess process;
    private Registers regs;
    private CpuFeatures features;
    private Window loaded;
    private final TreeSet<Long> dirty = new TreeSet<>();
    private int starts;
    /** The family whose batch loop is in place (its code, IDT and window pages), or null. */
    private Boolean batchFamily;

    private boolean batchTables;
    private final java.util.Set<Long> breakpoints = new java.util.HashSet<>();
    /** What this process was last given in the harness pages only the host writes, by page address. */
    private final Map<Long, byte[]> written = new java.util.HashMap<>();
    /** The protection key of the harness pages (they must stay usable under the query's PKRS). */
    private int harnessKey;

    /**
     * A machine for {@code cpu} (a {@code -cpu} argument such as {@code max}) whose queries use physical
     * memory below {@code guestRamBytes}; the harness sits just above it. QEMU starts on the first query
     * (or {@link #boot()}).
     */
    public QemuMachine(String cpu, long guestRamBytes, Duration timeout) {
        long base = Math.max(guestRamBytes, 0x200000L) + 0xFFFF & ~0xFFFFL;
        if (guestRamBytes <= 0 || base + Harness.SIZE > 0x3FE0_0000L) {
            throw new QueryRejectedException(String.format(
                    "the harness needs guest RAM below 1 GiB - 2 MiB; " + "asked for %#x bytes", guestRamBytes));
        }
        this.harness = new Harness(base);
        this.cpu = cpu;
        this.memoryMiB = (int) ((base + Harness.SIZE + 0xFFFFF) >>> 20);
        this.timeout = timeout;
    }

    /** The CPUID features QEMU reported at the last boot. */
    public CpuFeatures features() {
        ensureBooted();
        return features;
    }

    /** How many QEMU processes this machine has started (1 unless one failed). */
    public int starts() {
        return starts;
    }

    /** Queries may use physical memory below this address; the harness lies above it. */
    public long ramBytes() {
        return harness.base();
    }

    /** Starts QEMU and prepares the harness, unless it is running. */
    public void boot() {
        ensureBooted();
    }

    private void ensureBooted() {
        if (process != null) {
            return;
        }
        starts++;
        process = QemuProcess.start(cpu, memoryMiB);
        try {
            handshake();
            GdbBatch b = new GdbBatch();
            b.physicalMemoryMode(true);
            b.writeMemory(0, Harness.gdt(Window.LONG.get(0)));
            run(b);
            loaded = null;
            loadTables(Window.LONG.get(0));
            GdbBatch clear = new GdbBatch();
            clear.writeMemory(0, new byte[0x1000]);
            run(clear);
            features = readFeatures();
        } catch (RuntimeException e) {
            throw fail("cannot prepare QEMU", e);
        }
    }

    private void handshake() {
        GdbConnection gdb = process.gdb();
        gdb.ask("qSupported:multiprocess+;xmlRegisters=i386", timeout);
        StopReply initial = StopReply.parse(gdb.ask("?", timeout));
        if (!(initial instanceof StopReply.Signal)) {
            throw new GdbProtocolException("QEMU is not stopped at start: " + initial);
        }
        TargetDescription d = TargetDescription.parse(xfer("target.xml"), this::xfer);
        regs = Registers.from(d);
    }

    private String xfer(String annex) {
        StringBuilder text = new StringBuilder();
        while (true) {
            String reply = process.gdb()
                    .ask(String.format("qXfer:features:read:%s:%x,%x", annex, text.length(), 0xFFB), timeout);
            if (reply.startsWith("l") || reply.startsWith("m")) {
                text.append(reply, 1, reply.length());
            } else {
                throw new GdbProtocolException("cannot read target description '" + annex + "': '" + reply + "'");
            }
            if (reply.startsWith("l")) {
                return text.toString();
            }
        }
    }

    /** Points GDTR, IDTR and TR at {@code window} by single-stepping lgdt, lidt and ltr in long mode under the boot tables. */
    private void loadTables(Window window) {
        GdbBatch b = new GdbBatch();
        b.physicalMemoryMode(true);
        writeHarness(b, window);
        writeCached(b, harness.bootPml4, harness.bootPml4(loaded, window));
        writeCached(b, harness.bootPdpt, harness.bootPdpt(loaded, window));
        writeCached(b, harness.bootPd, harness.bootPd());
        enterBootLongMode(b);
        setGpr(b, regs.rax(), harness.physical(Harness.DATA));
        setGpr(b, regs.rcx(), window.longFamily() ? Harness.TSS64 : Harness.TSS32);
        setGpr(b, regs.rsp(), harness.physical(Harness.KERNEL_STACK) + 0x1000);
        setGpr(b, regs.eflags(), RFLAGS_FIXED);
        long rip = harness.physical(Harness.SUPERVISOR_CODE) + Harness.LOAD_TABLES;
        setGpr(b, regs.rip(), rip);
        for (int i = 0; i < Harness.LOAD_TABLES_STEPS; i++) {
            Slot<StopReply> stop = b.step();
            run(b);
            expectStepped(stop.get());
            b = new GdbBatch();
        }
        Slot<Long> end = b.readRegister(regs.rip().number());
        run(b);
        if (end.get() != rip + 10) {
            throw new GdbProtocolException(String.format("loading the descriptor tables stopped at RIP=%x", end.get()));
        }
        loaded = window;
    }

    private void writeHarness(GdbBatch b, Window window) {
        // only the bytes that can be non-zero, or that differ from what this process was last given: a switch
        // of windows then costs a few packets instead of fourteen pages
        b.writeMemory(harness.physical(Harness.GDT), Arrays.copyOf(Harness.gdt(window), Harness.LDT + 16));
        byte[] idt = Harness.idt(window);
        b.writeMemory(harness.physical(Harness.IDT), Arrays.copyOfRange(idt, 0, 0x200));
        b.writeMemory(harness.physical(Harness.IDT) + 0x800, Arrays.copyOfRange(idt, 0x800, 0x900));
        writeCached(b, harness.physical(Harness.TSS), Harness.tss(window));
        writeCached(b, harness.physical(Harness.SUPERVISOR_CODE), Harness.code());
        writeCached(b, harness.physical(Harness.USER_CODE), Harness.code());
        writeCached(b, harness.physical(Harness.DATA), Harness.data(window));
        writeCached(b, harness.pt32, harness.pageTable32());
        b.writeMemory(harness.pt64, Arrays.copyOf(harness.pageTable64(0), 8 * BatchLayout.KEYED_PAGES));
        harnessKey = 0;
        writeCached(b, harness.pd64, Harness.table(511, harness.pt64));
        writeCached(b, harness.pdpt64, Harness.table(511, harness.pd64));
        writeCached(
                b,
                harness.pml4h,
                window.longFamily() ? Harness.table(window.topIndex(), harness.pdpt64) : new byte[0x1000]);
    }

    /**
     * Writes a harness page that only the host writes, sending just the runs of bytes that differ from what
     * this process was last given (a fresh process's RAM is zero).
     */
    private void writeCached(GdbBatch b, long address, byte[] image) {
        byte[] before = written.getOrDefault(address, new byte[image.length]);
        int i = 0;
        while (i < image.length) {
            if (image[i] == before[i]) {
                i++;
                continue;
            }
            int j = i;
            int same = 0;
            while (j < image.length && same < 16) {
                same = image[j] == before[j] ? same + 1 : 0;
                j++;
            }
            b.writeMemory(address + i, Arrays.copyOfRange(image, i, j - same));
            i = j;
        }
        written.put(address, image.clone());
    }

    /** Long mode under the boot tables at CPL0 with 64-bit code: CR3 writes now take all 64 bits. */
    private void enterBootLongMode(GdbBatch b) {
        b.writeRegister(regs.cr0().number(), CR0_PE | CR0_ET, width(regs.cr0()));
        b.writeRegister(regs.efer().number(), EFER_LME, width(regs.efer()));
        b.writeRegister(regs.cr4().number(), CR4_PAE, width(regs.cr4()));
        b.writeRegister(regs.cr3().number(), harness.bootPml4, width(regs.cr3()));
        b.writeRegister(regs.cr0().number(), CR0_PE | CR0_ET | CR0_PG, width(regs.cr0()));
        loadSegment(b, regs.cs(), Harness.CODE64);
        loadSegment(b, regs.ss(), Harness.DATA0);
    }

    private void loadSegment(GdbBatch b, org.gmck.qemu.gdb.TargetDescription.Register r, int selector) {
        b.writeRegister(r.number(), 0, width(r));
        b.writeRegister(r.number(), selector, width(r));
    }

    private void setGpr(GdbBatch b, org.gmck.qemu.gdb.TargetDescription.Register r, long value) {
        b.writeRegister(r.number(), value, width(r));
    }

    private static int width(org.gmck.qemu.gdb.TargetDescription.Register r) {
        return r.bits() / 8;
    }

    private CpuFeatures readFeatures() {
        long[] l80000008 = cpuid(0x80000008L, 0);
        long[] l7 = cpuid(7, 0);
        long[] l80000001 = cpuid(0x80000001L, 0);
        long[] l1 = cpuid(1, 0);
        return new CpuFeatures(
                (int) (l80000008[0] & 0xFF),
                (int) (l80000008[0] >> 8 & 0xFF),
                (l7[1] >> 7 & 1) != 0,
                (l7[1] >> 20 & 1) != 0,
                (l7[2] >> 3 & 1) != 0,
                (l7[2] >> 16 & 1) != 0,
                (l80000001[3] >> 26 & 1) != 0,
                (l80000001[3] >> 20 & 1) != 0,
                (l1[3] >> 17 & 1) != 0,
                (l7[2] >> 31 & 1) != 0);
    }

    private long[] cpuid(long leaf, long subleaf) {
        GdbBatch b = new GdbBatch();
        setGpr(b, regs.rax(), leaf);
        setGpr(b, regs.rcx(), subleaf);
        setGpr(b, regs.rip(), harness.physical(Harness.SUPERVISOR_CODE) + Harness.CPUID);
        Slot<StopReply> stop = b.step();
        run(b);
        expectStepped(stop.get());
        GdbBatch r = new GdbBatch();
        Slot<Long> a = r.readRegister(regs.rax().number());
        Slot<Long> bx = r.readRegister(regs.rbx().number());
        Slot<Long> c = r.readRegister(regs.rcx().number());
        Slot<Long> d = r.readRegister(regs.rdx().number());
        run(r);
        return new long[] {
            a.get() & 0xFFFF_FFFFL, bx.get() & 0xFFFF_FFFFL, c.get() & 0xFFFF_FFFFL, d.get() & 0xFFFF_FFFFL
        };
    }

    /**
     * Runs one access. {@code askPhysical} also asks QEMU's debug walker for the physical address before
     * the access. Throws {@link QueryRejectedException} for a query the harness cannot host (nothing is
     * changed) and {@link MachineFailureException} when QEMU fails.
     */
    public MachineOutcome access(MachineQuery q, boolean askPhysical) {
        validate(q);
        ensureBooted();
        Hook hook = Hook.plan(q, harness.tables());
        try {
            if (!hook.window().equals(loaded)) {
                batchFamily = null;
                loadTables(hook.window());
            } else if (batchFamily != null) {
                leaveBatch();
            }
            return run(q, hook, askPhysical);
        } catch (QueryRejectedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw fail("QEMU failed on this query", e);
        }
    }

    void validate(MachineQuery q) {
        if (q.cpl() != 0 && q.cpl() != 3) {
            throw new QueryRejectedException("the harness runs accesses at CPL 0 or 3 only, not " + q.cpl());
        }
        if (!q.mode().longMode() && q.linear() >>> 32 != 0) {
            throw new QueryRejectedException(String.format("linear address %x does not fit 32 bits", q.linear()));
        }
        for (long a : q.memory().keySet()) {
            if (a + 8 > ramBytes()) {
                throw new QueryRejectedException(
                        String.format("memory at %x is outside the guest RAM (below %x)", a, ramBytes()));
            }
        }
        long top = tableAddress(q);
        if (top + 0x1000 > ramBytes()) {
            throw new QueryRejectedException(String.format("CR3 %x is outside the guest RAM", q.cr3()));
        }
    }

    private static long tableAddress(MachineQuery q) {
        return switch (q.mode()) {
            case BITS32, PAE -> EntryField.ADDRESS_32.of(q.cr3());
            default -> EntryField.ADDRESS_64.of(q.cr3());
        };
    }

    /**
     * One access, in the steps the harness takes: the memory image (the query's words and the hook that
     * catches the access), the control registers, the protection keys and the LDT an implicit read needs,
     * the registers that make the access, a guard that a store or fetch cannot write into the harness, one
     * single step, and the outcome read back (the memory afterwards, and where the step stopped).
     */
    private MachineOutcome run(MachineQuery q, Hook hook, boolean askPhysical) {
        Frame f = new Frame(q, hook.window());
        GdbBatch b = new GdbBatch();
        long hookWord = writeMemoryImage(b, q, hook);
        loadControlRegisters(b, q);
        b = loadKeysAndDescriptors(b, q, f);
        loadAccessRegisters(b, q, f);
        Slot<byte[]> original = saveAccessedByte(b, q);
        boolean writes = q.kind() == AccessKind.WRITE || q.kind() == AccessKind.FETCH;
        Slot<String> gpa = askPhysical || writes ? b.monitor(String.format("gva2gpa 0x%x", q.linear())) : null;
        if (writes) {
            b = guardHarness(b, gpa);
        }
        singleStep(b);
        ReadBack back = readBack(q, original);
        SortedMap<Long, Long> after = memoryAfter(q, hook, hookWord, back);
        Optional<Long> physical = askPhysical ? parseGpa(gpa.get()) : Optional.empty();
        return outcome(q, f, back, after, physical);
    }

    /** Where a query's access runs: its window's pages, its privilege, the stub that makes it. */
    private static final class Frame {
        final Window w;
        final long kernelTop;
        final boolean implicit;
        final boolean user;
        final long stub;
        final long cr2Sentinel;
        final long mask;

        Frame(MachineQuery q, Window w) {
            this.w = w;
            this.kernelTop = w.page(Harness.KERNEL_STACK) + 0x1000;
            this.implicit = q.kind() == AccessKind.IMPLICIT_READ;
            this.user = q.cpl() == 3;
            long codePage = w.page(user ? Harness.USER_CODE : Harness.SUPERVISOR_CODE);
            this.stub = codePage
                    + (q.kind() == AccessKind.WRITE ? Harness.STORE : implicit ? Harness.MOV_FS : Harness.LOAD);
            this.cr2Sentinel = q.linear() == CR2_SENTINEL ? CR2_SENTINEL + 0x1000 : CR2_SENTINEL;
            this.mask = q.mode().longMode() ? -1L : 0xFFFF_FFFFL;
        }
    }

    /** What the step left: where it stopped, CR2, the stack and the words of the query's memory. */
    private record ReadBack(
            Slot<Long> rip,
            Slot<Long> cr2,
            Slot<Long> rsp,
            Slot<byte[]> stack,
            List<Map.Entry<Long, Slot<byte[]>>> words) {
        static final long STACK_BYTES = 64;
    }

    /**
     * Writes the query's words over the previous query's (zeroing words only the previous one wrote) and the
     * hook's word; returns the address of the word holding the hook.
     */
    private long writeMemoryImage(GdbBatch b, MachineQuery q, Hook hook) {
        b.physicalMemoryMode(true);
        SortedMap<Long, Long> image = new TreeMap<>(q.memory());
        for (long d : dirty) {
            image.putIfAbsent(d, 0L);
        }
        writeWords(b, image);
        dirty.clear();
        dirty.addAll(q.memory().keySet());
        long hookWord = hook.address() & ~7L;
        long merged = q.memory().getOrDefault(hookWord, 0L)
                | (hook.width() == 8 ? hook.value() : (hook.value() & 0xFFFF_FFFFL) << (8 * (hook.address() & 4)));
        b.writeMemory(hookWord, le(merged));
        dirty.add(hookWord);
        int key = harnessKey(q);
        if (key != harnessKey) {
            b.writeMemory(harness.pt64, Arrays.copyOf(harness.pageTable64(key), 8 * 8));
            harnessKey = key;
        }
        return hookWord;
    }

    /** Loads CR0, CR3, CR4 and EFER for the query's mode, and the code segment that goes with them. */
    static long cr4(MachineQuery q) {
        return (q.mode() == PagingMode.BITS32 ? 0 : CR4_PAE)
                | (q.mode() == PagingMode.LEVEL5 ? CR4_LA57 : 0)
                | (q.pse() ? CR4_PSE : 0)
                | (q.smep() ? CR4_SMEP : 0)
                | (q.smap() ? CR4_SMAP : 0)
                | (q.pke() ? CR4_PKE : 0)
                | (q.pks() ? CR4_PKS : 0);
    }

    static long efer(MachineQuery q) {
        return (q.mode().longMode() ? EFER_LME : 0) | (q.nxe() ? EFER_NXE : 0);
    }

    static long cr0(MachineQuery q) {
        return CR0_PE | CR0_ET | CR0_PG | (q.wp() ? CR0_WP : 0);
    }

    private void loadControlRegisters(GdbBatch b, MachineQuery q) {
        long cr4 = cr4(q);
        long efer = efer(q);
        long cr0 = cr0(q);
        b.writeRegister(regs.cr0().number(), CR0_PE | CR0_ET, width(regs.cr0()));
        b.writeRegister(regs.efer().number(), efer, width(regs.efer()));
        if (q.mode().longMode()) {
            // CR3 above 4 GiB needs 64-bit code when written: enter 4-level long mode under the boot tables
            // first, load the 64-bit CS there, then switch CR4 (LA57) and CR3 to the query's.
            b.writeRegister(regs.cr4().number(), cr4 & ~CR4_LA57, width(regs.cr4()));
            b.writeRegister(regs.cr3().number(), harness.bootPml4, width(regs.cr3()));
            b.writeRegister(regs.cr0().number(), cr0, width(regs.cr0()));
            loadSegment(b, regs.cs(), Harness.CODE64);
            b.writeRegister(regs.cr4().number(), cr4, width(regs.cr4()));
            b.writeRegister(regs.cr3().number(), q.cr3(), width(regs.cr3()));
        } else {
            b.writeRegister(regs.cr4().number(), cr4, width(regs.cr4()));
            b.writeRegister(regs.cr3().number(), q.cr3(), width(regs.cr3()));
            b.writeRegister(regs.cr0().number(), cr0, width(regs.cr0()));
            loadSegment(b, regs.cs(), Harness.CODE32);
        }
        loadSegment(b, regs.ss(), Harness.DATA0);
    }

    /**
     * Loads PKRU and PKRS when the query uses protection keys, and for an implicit read the LDT whose
     * descriptor read is the access, each by single-stepping a stub of the harness.
     */
    private GdbBatch loadKeysAndDescriptors(GdbBatch b, MachineQuery q, Frame f) {
        if (q.pke()) {
            b = stepStub(
                    b, f.w.page(Harness.SUPERVISOR_CODE) + Harness.WRPKRU, 3, f.kernelTop, q.pkru() & 0xFFFF_FFFFL, 0);
        }
        if (q.pks()) {
            b = stepStub(
                    b,
                    f.w.page(Harness.SUPERVISOR_CODE) + Harness.WRMSR,
                    2,
                    f.kernelTop,
                    q.pkrs() & 0xFFFF_FFFFL,
                    MSR_PKRS);
        }
        if (f.implicit) {
            if ((q.linear() & 0xFFF) > 0xFF8) {
                throw new QueryRejectedException(
                        "an implicit read reads an 8-byte descriptor, which would cross a page here");
            }
            b.writeMemory(harness.physical(Harness.GDT) + Harness.LDT, Harness.ldtDescriptor(q.linear()));
            b = stepStub(b, f.w.page(Harness.SUPERVISOR_CODE) + Harness.LLDT, 3, f.kernelTop, Harness.LDT, 0);
        }
        return b;
    }

    /** The segments, stack, flags, CR2 sentinel and instruction pointer that make the query's access next. */
    private void loadAccessRegisters(GdbBatch b, MachineQuery q, Frame f) {
        loadSegment(
                b,
                regs.cs(),
                f.user
                        ? (q.mode().longMode() ? Harness.USER_CODE64 : Harness.USER_CODE32)
                        : (q.mode().longMode() ? Harness.CODE64 : Harness.CODE32));
        loadSegment(b, regs.ss(), f.user ? Harness.USER_DATA : Harness.DATA0);
        loadSegment(b, regs.ds(), Harness.DATA0);
        loadSegment(b, regs.es(), Harness.DATA0);
        setGpr(b, regs.rbx(), q.linear());
        // A fetch from memory QEMU has no RAM for executes 00 00 (add [rax],al): point RAX somewhere harmless.
        long scratch = f.w.page(f.user ? Harness.USER_STACK : Harness.DATA) + 0x800;
        setGpr(b, regs.rax(), q.kind() == AccessKind.FETCH ? scratch : STORE_VALUE & 0xFF);
        if (f.implicit) {
            setGpr(b, regs.rcx(), Harness.LDT_SELECTOR);
        }
        setGpr(b, regs.rsp(), f.user ? f.w.page(Harness.USER_STACK) + 0x1000 : f.kernelTop);
        setGpr(b, regs.eflags(), RFLAGS_FIXED | (q.ac() ? RFLAGS_AC : 0));
        b.writeRegister(regs.cr2().number(), f.cr2Sentinel, width(regs.cr2()));
        setGpr(b, regs.rip(), q.kind() == AccessKind.FETCH ? q.linear() : f.stub);
    }

    /**
     * For a store or a fetch, the byte at the linear address as it is before the access (put back after
     * it), with a NOP written there for a fetch to execute; nothing for other accesses.
     */
    private static Slot<byte[]> saveAccessedByte(GdbBatch b, MachineQuery q) {
        if (q.kind() != AccessKind.WRITE && q.kind() != AccessKind.FETCH) {
            return null;
        }
        b.physicalMemoryMode(false);
        Slot<byte[]> original = b.tryReadMemory(q.linear(), 1);
        if (q.kind() == AccessKind.FETCH) {
            b.tryWriteMemory(q.linear(), new byte[] {(byte) 0x90});
        }
        b.physicalMemoryMode(true);
        return original;
    }

    /** Stores and fetches write guest memory: refuses one that would write into the harness. */
    private GdbBatch guardHarness(GdbBatch b, Slot<String> gpa) {
        run(b);
        Optional<Long> target = parseGpa(gpa.get());
        if (target.isPresent() && target.get() >= harness.base() && target.get() < harness.end()) {
            throw new QueryRejectedException(String.format(
                    "the access maps to physical %x, inside the harness " + "(%x..%x); QEMU would overwrite it",
                    target.get(), harness.base(), harness.end() - 1));
        }
        return new GdbBatch();
    }

    /** Runs the batch and then the access itself, one instruction. */
    private void singleStep(GdbBatch b) {
        Slot<StopReply> stop = b.step();
        run(b);
        StopReply reply = stop.get();
        if (reply instanceof StopReply.Signal s && s.signal() == StopReply.SIGQUIT) {
            throw new GdbProtocolException("the guest shut down (triple fault) during the access");
        }
        expectStepped(reply);
    }

    /** Reads where the step stopped and the memory it left, and puts back the byte a store or fetch saved. */
    private ReadBack readBack(MachineQuery q, Slot<byte[]> original) {
        GdbBatch r = new GdbBatch();
        Slot<Long> rip = r.readRegister(regs.rip().number());
        Slot<Long> cr2 = r.readRegister(regs.cr2().number());
        Slot<Long> rsp = r.readRegister(regs.rsp().number());
        Slot<byte[]> stack = r.readMemory(
                harness.physical(Harness.KERNEL_STACK) + 0x1000 - ReadBack.STACK_BYTES, (int) ReadBack.STACK_BYTES);
        List<Map.Entry<Long, Slot<byte[]>>> words = readWords(r, q.memory().keySet());
        if (original != null) {
            r.physicalMemoryMode(false);
            byte[] orig = original.get();
            if (orig.length == 1) {
                r.tryWriteMemory(q.linear(), orig);
            }
            r.physicalMemoryMode(true);
        }
        run(r);
        return new ReadBack(rip, cr2, rsp, stack, words);
    }

    /** The query's words after the access, without the harness's own bits in the words it shares with them. */
    private static SortedMap<Long, Long> memoryAfter(MachineQuery q, Hook hook, long hookWord, ReadBack back) {
        SortedMap<Long, Long> after = new TreeMap<>();
        for (Map.Entry<Long, Slot<byte[]>> e : back.words()) {
            byte[] bytes = e.getValue().get();
            for (int i = 0; i < bytes.length; i += 8) {
                after.put(e.getKey() + i, Hex.word(bytes, i));
            }
        }
        return memoryAfter(q, hook, hookWord, after);
    }

    /** {@code after} (the query's words as read back) without the harness's own bits in the words it shares with them. */
    static SortedMap<Long, Long> memoryAfter(MachineQuery q, Hook hook, long hookWord, SortedMap<Long, Long> after) {
        long hookBits = hook.width() == 8 ? -1L : 0xFFFF_FFFFL << (8 * (hook.address() & 4));
        if (after.containsKey(hookWord)) {
            // the harness's hook shares a word with the test's entries: report the test's half only
            after.put(hookWord, after.get(hookWord) & ~hookBits | q.memory().get(hookWord) & hookBits);
        }
        if (hook.sharedEntry().isPresent()) {
            long shared = hook.sharedEntry().get();
            long before = q.memory().getOrDefault(shared, 0L);
            after.put(shared, after.get(shared) & ~0x20L | before & 0x20L);
        }
        return after;
    }

    /**
     * The access's outcome from where the step stopped: past the access (it completed), or at one of the
     * harness's exception handlers (the vector, the error code it pushed, and CR2).
     */
    private static MachineOutcome outcome(
            MachineQuery q, Frame f, ReadBack back, SortedMap<Long, Long> after, Optional<Long> physical) {
        long mask = f.mask;
        long done = q.kind() == AccessKind.FETCH ? q.linear() + 1 & mask : f.stub + 2 & mask;
        long handlers = f.w.page(Harness.SUPERVISOR_CODE) + Harness.HANDLERS & mask;
        long at = back.rip().get() & mask;
        if (at == done || q.kind() == AccessKind.FETCH && at == (q.linear() + 2 & mask)) {
            return MachineOutcome.of(Optional.empty(), physical, after);
        }
        long cr2Value = back.cr2().get() & mask;
        if (q.kind() == AccessKind.FETCH && at == (handlers + 8 * 14 & mask) && cr2Value != (q.linear() & mask)) {
            // the byte at the address was fetched; the 00 00 executed from memory without RAM then faulted
            // on its second byte (next page) or on its operand
            return MachineOutcome.of(Optional.empty(), physical, after);
        }
        long stackBytes = ReadBack.STACK_BYTES;
        if (f.implicit
                && (at == (handlers + 8 * 13 & mask) || at == (handlers + 8 * 11 & mask))
                && (back.stack().get().length > 0)
                && errorCodeAt(back.stack().get(), back.rsp().get() & mask, f.kernelTop, stackBytes, mask)
                        == Harness.LDT_SELECTOR) {
            // the descriptor was read; the vCPU refused what it found there, which is not a paging matter
            return MachineOutcome.of(Optional.empty(), physical, after);
        }
        long v = (at - handlers) / 8;
        if (at < handlers || (at - handlers) % 8 != 0 || v >= 32) {
            throw new GdbProtocolException(String.format("the access stopped at an unexpected RIP %x", at));
        }
        int vector = (int) v;
        Optional<Long> errorCode = Optional.empty();
        if (Harness.pushesErrorCode(vector)) {
            long sp = back.rsp().get() & mask;
            long offset = sp - (f.kernelTop - stackBytes & mask);
            if (offset < 0 || offset + 8 > stackBytes) {
                throw new GdbProtocolException(
                        String.format("the exception left RSP at %x, outside the kernel stack", sp));
            }
            long ec = Hex.word(padded(back.stack().get()), (int) offset);
            errorCode = Optional.of(q.mode().longMode() ? ec : ec & 0xFFFF_FFFFL);
        }
        return MachineOutcome.of(
                Optional.of(new MachineOutcome.Fault(
                        vector, errorCode, cr2Value == (f.cr2Sentinel & mask) ? CR2_SENTINEL : cr2Value)),
                physical,
                after);
    }

    /** A key whose PKRS bits allow supervisor reads and writes, for the harness pages (exception delivery writes the stack). */
    int harnessKey(MachineQuery q) {
        if (!q.pks() || !q.mode().longMode()) {
            return harnessKey;
        }
        for (int k = 0; k < 16; k++) {
            if ((q.pkrs() >>> 2 * k & 3) == 0) {
                return k;
            }
        }
        throw new QueryRejectedException(String.format(
                "PKRS %#x denies every protection key, so exceptions could not " + "be delivered to the harness",
                q.pkrs()));
    }

    /** Single-steps a CPL0 stub with EAX, ECX set and EDX zero (wrpkru, wrmsr); returns a fresh batch. */
    private GdbBatch stepStub(GdbBatch b, long rip, int length, long stack, long eax, long ecx) {
        setGpr(b, regs.rax(), eax);
        setGpr(b, regs.rcx(), ecx);
        setGpr(b, regs.rdx(), 0);
        setGpr(b, regs.rsp(), stack);
        setGpr(b, regs.eflags(), RFLAGS_FIXED);
        setGpr(b, regs.rip(), rip);
        Slot<StopReply> stop = b.step();
        run(b);
        expectStepped(stop.get());
        GdbBatch check = new GdbBatch();
        Slot<Long> after = check.readRegister(regs.rip().number());
        run(check);
        if (after.get() != rip + length) {
            throw new GdbProtocolException(String.format("the stub at %x did not complete (RIP=%x)", rip, after.get()));
        }
        return new GdbBatch();
    }

    private static long errorCodeAt(byte[] stack, long sp, long kernelTop, long stackBytes, long mask) {
        long offset = sp - (kernelTop - stackBytes & mask);
        return offset < 0 || offset + 4 > stackBytes ? -1 : Hex.word(padded(stack), (int) offset) & 0xFFFF_FFFFL;
    }

    private static byte[] padded(byte[] stack) {
        byte[] p = new byte[stack.length + 8];
        System.arraycopy(stack, 0, p, 0, stack.length);
        return p;
    }

    private static Optional<Long> parseGpa(String text) {
        Matcher m = GPA.matcher(text);
        if (m.find()) {
            return Optional.of(Hex.number(m.group(2).toLowerCase()));
        }
        if (text.contains("Unmapped")) {
            return Optional.empty();
        }
        throw new GdbProtocolException("unexpected gva2gpa output: '" + text.strip() + "'");
    }

    private static void writeWords(GdbBatch b, SortedMap<Long, Long> words) {
        for (List<Long> run : runs(words.keySet())) {
            ByteBuffer buf = ByteBuffer.allocate(8 * run.size()).order(ByteOrder.LITTLE_ENDIAN);
            for (long a : run) {
                buf.putLong(words.get(a));
            }
            b.writeMemory(run.get(0), buf.array());
        }
    }

    private static List<Map.Entry<Long, Slot<byte[]>>> readWords(GdbBatch b, java.util.Set<Long> addresses) {
        List<Map.Entry<Long, Slot<byte[]>>> out = new ArrayList<>();
        for (List<Long> run : runs(new TreeSet<>(addresses))) {
            out.add(Map.entry(run.get(0), b.readMemory(run.get(0), 8 * run.size())));
        }
        return out;
    }

    /** Consecutive word addresses grouped into runs that fit one memory packet. */
    private static List<List<Long>> runs(java.util.Set<Long> sorted) {
        List<List<Long>> runs = new ArrayList<>();
        List<Long> current = new ArrayList<>();
        for (long a : sorted) {
            if (!current.isEmpty()
                    && (a != current.get(current.size() - 1) + 8
                            || 8 * (current.size() + 1) > GdbBatch.MAX_MEMORY_CHUNK)) {
                runs.add(current);
                current = new ArrayList<>();
            }
            current.add(a);
        }
        if (!current.isEmpty()) {
            runs.add(current);
        }
        return runs;
    }

    private static byte[] le(long v) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
    }

    void run(GdbBatch b) {
        b.run(process.gdb(), timeout);
    }

    private static void expectStepped(StopReply reply) {
        if (!(reply instanceof StopReply.Signal s) || s.signal() != StopReply.SIGTRAP) {
            throw new GdbProtocolException("single step ended with " + reply + " instead of SIGTRAP");
        }
    }

    private MachineFailureException fail(String what, RuntimeException cause) {
        if (cause instanceof QemuNotInstalledException n) {
            throw n;
        }
        String diagnosis = process == null ? "" : "; " + process.diagnosis();
        closeProcess();
        return new MachineFailureException(what + ": " + cause.getMessage() + diagnosis, cause);
    }

    private void closeProcess() {
        if (process != null) {
            process.close();
            process = null;
            loaded = null;
            dirty.clear();
            batchFamily = null;
            batchTables = false;
            breakpoints.clear();
            written.clear();
        }
    }

    /** The harness this machine owns. */
    Harness harness() {
        return harness;
    }

    /** The end of QEMU's RAM (the harness and the batch area lie below it). */
    long ramTop() {
        return (long) memoryMiB << 20;
    }

    /** What a failure message adds about the running QEMU (its pid and state). */
    String diagnosis() {
        return process == null ? "" : "; " + process.diagnosis();
    }

    int ripNumber() {
        return regs.rip().number();
    }

    /**
     * Answers many queries at once: those the batch loop can put exactly as {@link #access} would run in
     * the guest, grouped by paging mode, a few round trips per group; the others go through {@link #access}
     * one by one. The answers are in the order of {@code queries}; each says which path answered it.
     */
    public List<BatchAnswer> accessAll(List<MachineQuery> queries, List<Boolean> askPhysical) {
        BatchAnswer[] answers = new BatchAnswer[queries.size()];
        BatchRunner runner = new BatchRunner(this);
        Map<PagingMode, List<BatchRunner.Prepared>> groups = new java.util.EnumMap<>(PagingMode.class);
        boolean usable = ramTop() >= runner.end();
        if (usable) {
            try {
                ensureBooted();
            } catch (MachineFailureException e) {
                usable = false;
            }
        }
        long t0 = System.nanoTime();
        if (usable) {
            for (int i = 0; i < queries.size(); i++) {
                MachineQuery q = queries.get(i);
                Optional<BatchRunner.Prepared> p = runner.prepare(i, q, askPhysical.get(i), features);
                if (p.isPresent() && p.get().predicted() != null) {
                    answers[i] = new BatchAnswer(null, p.get().predicted(), true);
                } else if (p.isPresent()) {
                    groups.computeIfAbsent(q.mode(), k -> new ArrayList<>()).add(p.get());
                }
            }
        }
        long t1 = System.nanoTime();
        BatchCounters.time(BatchCounters.Phase.ENCODE, t1 - t0);
        for (Map.Entry<PagingMode, List<BatchRunner.Prepared>> g : groups.entrySet()) {
            try {
                prepareBatch(g.getKey().longMode());
                List<MachineOutcome> outcomes = runner.run(g.getKey(), g.getValue());
                for (int k = 0; k < outcomes.size(); k++) {
                    if (outcomes.get(k) != null) {
                        answers[BatchRunner.index(g.getValue().get(k))] = new BatchAnswer(outcomes.get(k), null, true);
                    }
                }
            } catch (QemuNotInstalledException e) {
                throw e;
            } catch (RuntimeException e) {
                // the whole group goes through the single-step path, on a fresh QEMU
                BatchCounters.fellBack("batch failed: " + e.getClass().getSimpleName());
                fail("the batch loop failed", e);
            }
        }
        long t2 = System.nanoTime();
        for (int i = 0; i < answers.length; i++) {
            if (answers[i] == null) {
                try {
                    answers[i] = new BatchAnswer(access(queries.get(i), askPhysical.get(i)), null, false);
                } catch (QueryRejectedException | MachineFailureException e) {
                    answers[i] = new BatchAnswer(null, e, false);
                }
            }
        }
        BatchCounters.time(BatchCounters.Phase.SINGLE_STEP, System.nanoTime() - t2);
        return List.of(answers);
    }

    /** Puts the batch loop of a family in place: descriptor tables, loop code, IDT, window pages, identity tables. */
    private void prepareBatch(boolean longFamily) {
        long t0 = System.nanoTime();
        try {
            prepareBatchNow(longFamily);
        } finally {
            BatchCounters.time(BatchCounters.Phase.SETUP, System.nanoTime() - t0);
        }
    }

    private void prepareBatchNow(boolean longFamily) {
        ensureBooted();
        Window w = BatchRunner.window(longFamily);
        if (!w.equals(loaded)) {
            loadTables(w);
            batchFamily = null;
        }
        if (Boolean.valueOf(longFamily).equals(batchFamily)) {
            return;
        }
        GdbBatch b = new GdbBatch();
        b.physicalMemoryMode(true);
        if (!batchTables) {
            b.writeMemory(harness.base() + BatchLayout.CODE, BatchLayout.code());
            writeIdentityTables(b);
            batchTables = true;
        }
        // the loop's gates for the family, and its two window pages (only the entries that change)
        byte[] idt = BatchLayout.idt(w);
        int gates = longFamily ? 0 : 0x800;
        b.writeMemory(harness.physical(Harness.IDT) + gates, Arrays.copyOfRange(idt, gates, gates + 0x200));
        ByteBuffer pt64 = ByteBuffer.wrap(harness.pageTable64(0)).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer pt32 = ByteBuffer.wrap(harness.pageTable32()).order(ByteOrder.LITTLE_ENDIAN);
        long code = harness.base() + BatchLayout.CODE;
        long control = harness.base() + BatchLayout.CONTROL;
        long codeFlags = 0x21, dataFlags = 0x63;
        pt64.putLong(8 * BatchLayout.CODE_PAGE, code | codeFlags);
        pt64.putLong(8 * BatchLayout.CONTROL_PAGE, control | dataFlags);
        pt32.putInt(4 * (512 + BatchLayout.CODE_PAGE), (int) (code | codeFlags));
        pt32.putInt(4 * (512 + BatchLayout.CONTROL_PAGE), (int) (control | dataFlags));
        b.writeMemory(harness.pt64, Arrays.copyOfRange(pt64.array(), 0, 8 * BatchLayout.KEYED_PAGES));
        b.writeMemory(
                harness.pt32 + 0x800, Arrays.copyOfRange(pt32.array(), 0x800, 0x800 + 4 * BatchLayout.KEYED_PAGES));
        long done = w.page(BatchLayout.CODE_PAGE) + (longFamily ? BatchLayout.DONE64 : BatchLayout.DONE32);
        if (breakpoints.add(done)) {
            b.insertBreakpoint(done);
        }
        SortedMap<Long, Long> zeros = new TreeMap<>();
        dirty.forEach(d -> zeros.put(d, 0L));
        writeWords(b, zeros);
        dirty.clear();
        run(b);
        batchFamily = longFamily;
    }

    /**
     * Back from the batch loop to single steps under the same window: the harness's own gates, and its
     * window page table without protection keys.
     */
    private void leaveBatch() {
        GdbBatch b = new GdbBatch();
        b.physicalMemoryMode(true);
        byte[] idt = Harness.idt(loaded);
        b.writeMemory(harness.physical(Harness.IDT), Arrays.copyOfRange(idt, 0, 0x200));
        b.writeMemory(harness.physical(Harness.IDT) + 0x800, Arrays.copyOfRange(idt, 0x800, 0xA00));
        b.writeMemory(harness.pt64, Arrays.copyOfRange(harness.pageTable64(0), 0, 8 * BatchLayout.KEYED_PAGES));
        run(b);
        harnessKey = 0;
        batchFamily = null;
    }

    /** After the guest shut down in a batch: a fresh QEMU with the family's batch loop in place. */
    void restartBatch(boolean longFamily) {
        closeProcess();
        prepareBatch(longFamily);
    }

    /** Harness tables that identity-map the RAM (case memory, harness, batch area) and the windows. */
    private void writeIdentityTables(GdbBatch b) {
        long base = harness.base();
        ByteBuffer pd = page();
        for (int i = 0; i < BatchLayout.IDENTITY_2M; i++) {
            pd.putLong(8 * i, (long) i << 21 | 0xE3);
        }
        b.writeMemory(base + BatchLayout.PD, pd.array());
        b.writeMemory(base + BatchLayout.PDPT, Harness.table(0, base + BatchLayout.PD));
        ByteBuffer pml4 =
                ByteBuffer.wrap(Harness.table(0, base + BatchLayout.PDPT)).order(ByteOrder.LITTLE_ENDIAN);
        pml4.putLong(8 * Window.LONG.get(0).topIndex(), harness.pdpt64 | Harness.TABLE);
        b.writeMemory(base + BatchLayout.PML4, pml4.array());
        ByteBuffer pml5 =
                ByteBuffer.wrap(Harness.table(0, base + BatchLayout.PML4)).order(ByteOrder.LITTLE_ENDIAN);
        pml5.putLong(8 * 511, harness.pml4h | Harness.TABLE);
        b.writeMemory(base + BatchLayout.PML5, pml5.array());
        ByteBuffer pae = page();
        pae.putLong(0, base + BatchLayout.PD | 1);
        pae.putLong(8 * Window.LEGACY.get(0).topIndex(), harness.pd64 | 1);
        b.writeMemory(base + BatchLayout.PDPT_PAE, pae.array());
        ByteBuffer pd32 = page();
        for (int i = 0; i < BatchLayout.PT32_COUNT; i++) {
            long pt = base + BatchLayout.PT32 + 0x1000L * i;
            pd32.putInt(4 * i, (int) (pt | Harness.TABLE));
            ByteBuffer t = page();
            for (int j = 0; j < 1024; j++) {
                t.putInt(4 * j, (int) (((long) i << 22 | (long) j << 12) | 0x63));
            }
            b.writeMemory(pt, t.array());
        }
        pd32.putInt(4 * 1023, (int) (harness.pt32 | Harness.TABLE));
        b.writeMemory(base + BatchLayout.PD32, pd32.array());
    }

    private static ByteBuffer page() {
        return ByteBuffer.allocate(0x1000).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The registers that start the loop for {@code mode}: the harness tables and the loop's entry at CPL 0. */
    void enterBatchMode(GdbBatch b, PagingMode mode) {
        Window w = BatchRunner.window(mode.longMode());
        BatchRunner runner = new BatchRunner(this);
        long code = w.page(BatchLayout.CODE_PAGE);
        if (mode.longMode()) {
            enterBootLongMode(b);
            b.writeRegister(regs.cr4().number(), BatchRunner.harnessCr4(mode), width(regs.cr4()));
            b.writeRegister(regs.cr3().number(), runner.harnessCr3(mode), width(regs.cr3()));
            setGpr(b, regs.r15(), w.page(BatchLayout.CONTROL_PAGE));
            setGpr(b, regs.rip(), code + BatchLayout.LOOP64);
        } else {
            b.writeRegister(regs.cr0().number(), CR0_PE | CR0_ET, width(regs.cr0()));
            b.writeRegister(regs.efer().number(), 0, width(regs.efer()));
            b.writeRegister(regs.cr4().number(), BatchRunner.harnessCr4(mode), width(regs.cr4()));
            b.writeRegister(regs.cr3().number(), runner.harnessCr3(mode), width(regs.cr3()));
            b.writeRegister(regs.cr0().number(), CR0_PE | CR0_ET | CR0_PG, width(regs.cr0()));
            loadSegment(b, regs.cs(), Harness.CODE32);
            loadSegment(b, regs.ss(), Harness.DATA0);
            loadSegment(b, regs.ds(), Harness.DATA0);
            loadSegment(b, regs.es(), Harness.DATA0);
            setGpr(b, regs.rip(), code + BatchLayout.LOOP32);
        }
        setGpr(b, regs.rsp(), w.page(Harness.KERNEL_STACK) + 0x1000);
        setGpr(b, regs.eflags(), RFLAGS_FIXED);
    }

    @Override
    public void close() {
        closeProcess();
    }
}
