package org.gmck.qemu.machine;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
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
import org.gmck.qemu.gdb.GdbBatch;
import org.gmck.qemu.gdb.GdbProtocolException;
import org.gmck.qemu.gdb.Hex;
import org.gmck.qemu.gdb.Slot;
import org.gmck.qemu.gdb.StopReply;
import org.gmck.spi.x86.EntryField;

/**
 * Runs many queries of one paging mode in the guest at once: encodes each as a case record (its words with
 * the hook merged in, control registers, keys, the access's segment, stack, flags and instruction pointer),
 * writes the records, starts the batch loop and waits for its breakpoint, reads every result in one go
 * and turns each into the {@link MachineOutcome} the single-step path gives. A query the loop cannot express
 * the same way, or whose result does not have the expected shape, is left to the single-step path ({@code
 * null} answer).
 */
final class BatchRunner {

    private static final long TF = 0x100;
    private static final long EFER_LMA = 0x400;
    private static final byte STORE_VALUE = (byte) 0xA5;

    private final QemuMachine m;
    private final Harness h;

    BatchRunner(QemuMachine machine) {
        this.m = machine;
        this.h = machine.harness();
    }

    /**
     * A query encoded for the loop, with what decoding its result needs; or, when {@code predicted} is set, a
     * query answered with that failure without running (see {@link #shutdown}).
     */
    record Prepared(
            int index,
            MachineQuery q,
            boolean askPhysical,
            Hook hook,
            long hookWord,
            long stub,
            long cr2Sentinel,
            SortedMap<Long, Long> image,
            Optional<Long> physical,
            byte[] record,
            MachineFailureException predicted) {}

    /**
     * What the single-step path reports for a query whose harness window runs through a PAE PDPTE with
     * reserved bits: the guest shuts down (triple fault) at the first instruction it steps in the window,
     * a stub (PKRU, PKRS, LDT) if the query needs one, else the access.
     */
    private MachineFailureException shutdown(MachineQuery q) {
        String cause = q.pke() || q.pks() || q.kind() == AccessKind.IMPLICIT_READ
                ? "single step ended with " + StopReply.parse("T03thread:p01.01;") + " instead of SIGTRAP"
                : "the guest shut down (triple fault) during the access";
        return new MachineFailureException("QEMU failed on this query: " + cause + m.diagnosis(), null);
    }

    private static Optional<Prepared> skip(String why) {
        BatchCounters.fellBack(why);
        return Optional.empty();
    }

    /** The window the loop uses for a family. */
    static Window window(boolean longFamily) {
        return longFamily ? Window.LONG.get(0) : Window.LEGACY.get(0);
    }

    /** The first physical byte above the batch area; the machine's RAM must reach it. */
    long end() {
        return h.base() + BatchLayout.END;
    }

    /**
     * Encodes {@code q} for the loop, or empty when the loop cannot put it exactly as the single-step path
     * would (the single-step path then answers it).
     */
    Optional<Prepared> prepare(int index, MachineQuery q, boolean askPhysical, CpuFeatures f) {
        try {
            m.validate(q);
        } catch (QueryRejectedException e) {
            return skip("rejected before running (validation)");
        }
        Window w = window(q.mode().longMode());
        Hook hook;
        try {
            hook = Hook.plan(q, h.tables());
        } catch (QueryRejectedException e) {
            return skip("no harness window fits");
        }
        if (!hook.window().equals(w)) {
            return skip("harness window other than the loop's");
        }

        if (q.smep() && !f.smep()
                || q.smap() && !f.smap()
                || q.pke() && !f.pku()
                || q.pks() && !f.pks()
                || q.mode() == PagingMode.LEVEL5 && !f.la57()
                || q.nxe() && !f.nx()
                || q.mode().longMode() && q.cr3() >>> f.maxPhysAddr() != 0) {
            return skip("control bit or CR3 the vCPU refuses to load in the guest");
        }
        int key;
        try {
            key = q.pks() && q.mode().longMode() ? m.harnessKey(q) : 0;
        } catch (QueryRejectedException e) {
            return skip("PKRS denies every key");
        }
        boolean implicit = q.kind() == AccessKind.IMPLICIT_READ;
        if (implicit && (q.linear() & 0xFFF) > 0xFF8) {
            return skip("implicit read crossing a page");
        }
        DebugWalk.Result walk = DebugWalk.of(q, h.base(), m.ramTop());
        boolean writes = q.kind() == AccessKind.WRITE || q.kind() == AccessKind.FETCH;
        if ((askPhysical || writes) && walk.unknown()) {
            return skip("debug walk reads harness memory");
        }
        long save = -1;
        if (writes && walk.physical().isPresent()) {
            long pa = walk.physical().get();
            if (pa < h.base()) {
                save = pa;
            } else if (pa < m.ramTop()) {
                return skip("store or fetch lands in the harness");
            }
        }
        if (hook.sharedEntry().isPresent()
                && q.memory().getOrDefault(hook.sharedEntry().get(), 0L) >>> f.maxPhysAddr() != 0) {
            // QEMU checks reserved bits (MAXPHYADDR and up) in a PAE PDPTE when it walks through it: the
            // harness's own fetches through this one fault, and so does the delivery of that fault
            long ownPdpte = EntryField.PAE_PDPT_IN_CR3.of(q.cr3()) + 8 * (q.linear() >>> 30 & 3);
            if (q.kind() == AccessKind.FETCH && ownPdpte != hook.sharedEntry().get()) {
                // a fetch through another PDPTE might complete before the harness is needed
                return skip("fetch through another PDPTE than the window's reserved one");
            }
            return Optional.of(new Prepared(
                    index, q, askPhysical, hook, 0, 0, 0, q.memory(), Optional.empty(), null, shutdown(q)));
        }
        boolean user = q.cpl() == 3;
        boolean longMode = q.mode().longMode();
        long stub = w.page(user ? Harness.USER_CODE : Harness.SUPERVISOR_CODE)
                + (q.kind() == AccessKind.WRITE ? Harness.STORE : implicit ? Harness.MOV_FS : Harness.LOAD);
        long cr2Sentinel =
                q.linear() == QemuMachine.CR2_SENTINEL ? QemuMachine.CR2_SENTINEL + 0x1000 : QemuMachine.CR2_SENTINEL;
        long kernelTop = w.page(Harness.KERNEL_STACK) + 0x1000;

        SortedMap<Long, Long> image = new TreeMap<>(q.memory());
        long hookWord = hook.address() & ~7L;
        long merged = q.memory().getOrDefault(hookWord, 0L)
                | (hook.width() == 8 ? hook.value() : (hook.value() & 0xFFFF_FFFFL) << (8 * (hook.address() & 4)));
        image.put(hookWord, merged);

        ByteBuffer r = ByteBuffer.allocate(BatchLayout.RECORD).order(ByteOrder.LITTLE_ENDIAN);
        r.putLong(BatchLayout.R_CR3, longMode ? q.cr3() : q.cr3() & 0xFFFF_FFFFL);
        r.putLong(BatchLayout.R_CR0, QemuMachine.cr0(q));
        r.putLong(BatchLayout.R_CR4, QemuMachine.cr4(q));
        // with LMA, as RDMSR shows it in long mode, so that the loop sees an unchanged EFER (WRMSR keeps LMA)
        r.putLong(BatchLayout.R_EFER, QemuMachine.efer(q) | (longMode ? EFER_LMA : 0));
        r.putLong(BatchLayout.R_PKRU, q.pkru() & 0xFFFF_FFFFL);
        r.putLong(BatchLayout.R_PKRS, q.pkrs() & 0xFFFF_FFFFL);
        r.putLong(
                BatchLayout.R_FLAGS,
                (q.pke() && longMode ? BatchLayout.F_PKRU : 0)
                        | (q.pks() && longMode ? BatchLayout.F_PKRS : 0)
                        | (implicit ? BatchLayout.F_IMPLICIT : 0));
        r.putLong(BatchLayout.R_RIP, q.kind() == AccessKind.FETCH ? q.linear() : stub);
        r.putLong(
                BatchLayout.R_CS,
                user
                        ? (longMode ? Harness.USER_CODE64 : Harness.USER_CODE32)
                        : (longMode ? Harness.CODE64 : Harness.CODE32));
        r.putLong(BatchLayout.R_RFLAGS, QemuMachine.RFLAGS_FIXED | TF | (q.ac() ? QemuMachine.RFLAGS_AC : 0));
        r.putLong(BatchLayout.R_RSP, user ? w.page(Harness.USER_STACK) + 0x1000 : kernelTop);
        r.putLong(BatchLayout.R_SS, user ? Harness.USER_DATA : Harness.DATA0);
        long scratch = w.page(user ? Harness.USER_STACK : Harness.DATA) + 0x800;
        r.putLong(BatchLayout.R_RAX, q.kind() == AccessKind.FETCH ? scratch : STORE_VALUE & 0xFF);
        r.putLong(BatchLayout.R_RBX, q.linear());
        r.putLong(BatchLayout.R_CR2, cr2Sentinel);
        r.putLong(BatchLayout.R_KEY, (long) key << 59);
        r.putLong(BatchLayout.R_SAVE, save);
        r.putLong(BatchLayout.R_PLANT, q.kind() == AccessKind.FETCH ? 1 : 0);
        if (implicit) {
            ByteBuffer d = ByteBuffer.wrap(Harness.ldtDescriptor(q.linear())).order(ByteOrder.LITTLE_ENDIAN);
            r.putLong(BatchLayout.R_LDT0, d.getLong(0));
            r.putLong(BatchLayout.R_LDT1, d.getLong(8));
        }
        r.putLong(BatchLayout.R_NWORDS, image.size());
        Optional<Long> physical = askPhysical ? walk.physical() : Optional.empty();
        return Optional.of(new Prepared(
                index, q, askPhysical, hook, hookWord, stub, cr2Sentinel, image, physical, r.array(), null));
    }

    /**
     * Runs prepared queries of one paging mode; returns one outcome per query, {@code null} where the result
     * did not have the shape the loop promises (the caller then asks the single-step path).
     */
    List<MachineOutcome> run(PagingMode mode, List<Prepared> batch) {
        List<MachineOutcome> out = new ArrayList<>();
        int from = 0;
        while (from < batch.size()) {
            int to = from;
            long recordBytes = 0;
            long resultBytes = 0;
            while (to < batch.size()) {
                Prepared p = batch.get(to);
                long rec = BatchLayout.RECORD + 16L * p.image().size();
                long res = BatchLayout.RESULT_HEAD + 8L * p.image().size();
                if (recordBytes + rec > BatchLayout.RESULTS - BatchLayout.RECORDS
                        || resultBytes + res > BatchLayout.END - BatchLayout.RESULTS) {
                    break;
                }
                recordBytes += rec;
                resultBytes += res;
                to++;
            }
            List<Prepared> chunk = batch.subList(from, to);
            List<MachineOutcome> got = runChunk(mode, chunk, (int) resultBytes);
            out.addAll(got);
            if (got.size() < chunk.size()) {
                // the guest shut down on the next record: the single-step path answers it, the rest run again
                out.add(null);
                BatchCounters.fellBack("guest shut down in the loop");
                from += got.size() + 1;
                m.restartBatch(mode.longMode());
            } else {
                from = to;
            }
        }
        return out;
    }

    private List<MachineOutcome> runChunk(PagingMode mode, List<Prepared> chunk, int resultBytes) {
        boolean longMode = mode.longMode();
        Window w = window(longMode);
        long recordsAt = h.base() + BatchLayout.RECORDS;
        long wordsAt = recordsAt + (long) BatchLayout.RECORD * chunk.size();
        ByteBuffer records =
                ByteBuffer.allocate(BatchLayout.RECORD * chunk.size()).order(ByteOrder.LITTLE_ENDIAN);
        int wordCount = chunk.stream().mapToInt(p -> p.image().size()).sum();
        ByteBuffer words = ByteBuffer.allocate(16 * wordCount).order(ByteOrder.LITTLE_ENDIAN);
        for (Prepared p : chunk) {
            byte[] rec = p.record().clone();
            ByteBuffer.wrap(rec)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putLong(BatchLayout.R_WORDS, wordsAt + words.position());
            records.put(rec);
            p.image().forEach((a, v) -> words.putLong(a).putLong(v));
        }
        GdbBatch b = new GdbBatch();
        b.physicalMemoryMode(true);
        b.writeMemory(recordsAt, records.array());
        b.writeMemory(wordsAt, words.array());
        b.writeMemory(h.base() + BatchLayout.CONTROL, control(mode, chunk.size()));
        long tw = System.nanoTime();
        m.run(b);
        BatchCounters.time(BatchCounters.Phase.WRITE, System.nanoTime() - tw);
        b = new GdbBatch();
        m.enterBatchMode(b, mode);
        Slot<StopReply> stop = b.resume();
        long t0 = System.nanoTime();
        m.run(b);
        BatchCounters.time(BatchCounters.Phase.GUEST, System.nanoTime() - t0);
        StopReply reply = stop.get();
        int processed = chunk.size();
        if (reply instanceof StopReply.Signal s && s.signal() == StopReply.SIGQUIT) {
            // a triple fault: the records before the control page's current one are complete
            GdbBatch c = new GdbBatch();
            Slot<byte[]> count = c.readMemory(h.base() + BatchLayout.CONTROL + BatchLayout.D_COUNT, 8);
            m.run(c);
            processed = chunk.size() - (int) Hex.word(count.get(), 0);
            if (processed < 0 || processed >= chunk.size()) {
                throw new GdbProtocolException("the batch loop shut down the guest outside its records");
            }
            resultBytes = 0;
            for (Prepared p : chunk.subList(0, processed)) {
                resultBytes += BatchLayout.RESULT_HEAD + 8 * p.image().size();
            }
        } else if (!(reply instanceof StopReply.Signal s) || s.signal() != StopReply.SIGTRAP) {
            throw new GdbProtocolException(
                    "the batch loop (" + mode + ") stopped with " + reply + " instead of its breakpoint");
        }
        GdbBatch r = new GdbBatch();
        Slot<Long> rip = r.readRegister(m.ripNumber());
        List<Slot<byte[]>> parts = new ArrayList<>();
        long resultsAt = h.base() + BatchLayout.RESULTS;
        for (int off = 0; off < resultBytes; off += GdbBatch.MAX_MEMORY_CHUNK) {
            parts.add(r.readMemory(resultsAt + off, Math.min(GdbBatch.MAX_MEMORY_CHUNK, resultBytes - off)));
        }
        long t1 = System.nanoTime();
        m.run(r);
        BatchCounters.time(BatchCounters.Phase.READ, System.nanoTime() - t1);
        long done = w.page(BatchLayout.CODE_PAGE) + (longMode ? BatchLayout.DONE64 : BatchLayout.DONE32);
        if (processed == chunk.size() && (rip.get() & mask(longMode)) != (done & mask(longMode))) {
            throw new GdbProtocolException(String.format("the batch loop stopped at %x, not at its end", rip.get()));
        }
        ByteBuffer results = ByteBuffer.allocate(resultBytes).order(ByteOrder.LITTLE_ENDIAN);
        parts.forEach(p -> results.put(p.get()));
        results.flip();
        List<MachineOutcome> out = new ArrayList<>();
        for (Prepared p : chunk.subList(0, processed)) {
            long vector = results.getLong();
            long errorCode = results.getLong();
            long pushedRip = results.getLong();
            long cr2 = results.getLong();
            SortedMap<Long, Long> raw = new TreeMap<>();
            for (long a : p.image().keySet()) {
                raw.put(a, results.getLong());
            }
            out.add(decode(p, w, vector, errorCode, pushedRip, cr2, raw));
        }
        return out;
    }

    private byte[] control(PagingMode mode, int count) {
        boolean longMode = mode.longMode();
        Window w = window(longMode);
        ByteBuffer c = ByteBuffer.allocate(0x100).order(ByteOrder.LITTLE_ENDIAN);
        c.putLong(BatchLayout.D_COUNT, count);
        c.putLong(BatchLayout.D_REC, h.base() + BatchLayout.RECORDS);
        c.putLong(BatchLayout.D_RES, h.base() + BatchLayout.RESULTS);
        c.putLong(BatchLayout.D_HCR3, harnessCr3(mode));
        c.putLong(BatchLayout.D_HCR4, harnessCr4(mode));
        c.putLong(BatchLayout.D_HCR0, QemuMachine.CR0_PE | QemuMachine.CR0_ET | QemuMachine.CR0_PG);
        c.putLong(BatchLayout.D_KTOP, w.page(Harness.KERNEL_STACK) + 0x1000);
        c.putLong(BatchLayout.D_PT64, h.pt64);
        c.putLong(BatchLayout.D_NPTE, BatchLayout.KEYED_PAGES);
        c.putLong(BatchLayout.D_LDT, h.physical(Harness.GDT) + Harness.LDT);
        return c.array();
    }

    long harnessCr3(PagingMode mode) {
        return h.base()
                + switch (mode) {
                    case BITS32 -> BatchLayout.PD32;
                    case PAE -> BatchLayout.PDPT_PAE;
                    case LEVEL4 -> BatchLayout.PML4;
                    case LEVEL5 -> BatchLayout.PML5;
                };
    }

    static long harnessCr4(PagingMode mode) {
        return switch (mode) {
            case BITS32 -> 0;
            case PAE, LEVEL4 -> QemuMachine.CR4_PAE;
            case LEVEL5 -> QemuMachine.CR4_PAE | QemuMachine.CR4_LA57;
        };
    }

    private static long mask(boolean longMode) {
        return longMode ? -1L : 0xFFFF_FFFFL;
    }

    /**
     * The outcome as the single-step path reads it: completed (the trap after one instruction, at the
     * stub's end or one or two bytes past a fetched address), or the exception at the access.
     */
    private MachineOutcome decode(
            Prepared p, Window w, long vector, long errorCode, long pushedRip, long cr2, SortedMap<Long, Long> raw) {
        MachineQuery q = p.q();
        boolean longMode = q.mode().longMode();
        long mask = mask(longMode);
        boolean fetch = q.kind() == AccessKind.FETCH;
        SortedMap<Long, Long> after = new TreeMap<>();
        for (long a : q.memory().keySet()) {
            after.put(a, raw.get(a));
        }
        SortedMap<Long, Long> memory = QemuMachine.memoryAfter(q, p.hook(), p.hookWord(), after);
        long rip = pushedRip & mask;
        if (vector == 1) {
            long done = fetch ? q.linear() + 1 & mask : p.stub() + 2 & mask;
            if (rip == done || fetch && rip == (q.linear() + 2 & mask)) {
                return MachineOutcome.of(Optional.empty(), p.physical(), memory);
            }
            BatchCounters.fellBack("trap after an unexpected instruction");
            return null;
        }
        if (vector < 0 || vector >= 32) {
            BatchCounters.fellBack("unknown vector");
            return null;
        }
        long at = fetch ? q.linear() & mask : p.stub() & mask;
        long iret = w.page(BatchLayout.CODE_PAGE) + (longMode ? BatchLayout.IRET64 : BatchLayout.IRET32) & mask;
        boolean nonCanonicalFetch = fetch && longMode && vector == 13 && rip == iret && errorCode == 0;
        if (rip != at && !nonCanonicalFetch) {
            BatchCounters.fellBack("exception at an unexpected instruction");
            return null;
        }
        long cr2Value = cr2 & mask;
        if (fetch && vector == 14 && cr2Value != (q.linear() & mask)) {
            return MachineOutcome.of(Optional.empty(), p.physical(), memory);
        }
        if (q.kind() == AccessKind.IMPLICIT_READ
                && (vector == 13 || vector == 11)
                && (errorCode & 0xFFFF_FFFFL) == Harness.LDT_SELECTOR) {
            return MachineOutcome.of(Optional.empty(), p.physical(), memory);
        }
        int v = (int) vector;
        Optional<Long> ec = Harness.pushesErrorCode(v)
                ? Optional.of(longMode ? errorCode : errorCode & 0xFFFF_FFFFL)
                : Optional.empty();
        return MachineOutcome.of(
                Optional.of(new MachineOutcome.Fault(
                        v, ec, cr2Value == (p.cr2Sentinel() & mask) ? QemuMachine.CR2_SENTINEL : cr2Value)),
                p.physical(),
                memory);
    }

    /** The position of a prepared query in the caller's list. */
    static int index(Prepared p) {
        return p.index();
    }
}
