package org.gmck.qemu.machine;

import static org.gmck.spi.x86.EntryFlag.ACCESSED;
import static org.gmck.spi.x86.EntryFlag.DIRTY;
import static org.gmck.spi.x86.EntryFlag.PRESENT;
import static org.gmck.spi.x86.EntryFlag.USER;
import static org.gmck.spi.x86.EntryFlag.WRITABLE;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.gmck.engine.HarnessTables;
import org.gmck.engine.Hook;
import org.gmck.engine.Window;
import org.gmck.spi.x86.EntryFlags;

/**
 * The guest memory the machine owns: eight pages mapped at a {@link Window} (GDT, IDT, TSS, supervisor
 * code, user code, kernel stack, user stack, data), the window's own paging structures, and boot tables
 * that identity-map the first 2 MiB. All of it lives in 64 KiB of physical memory from {@link #base()}, which
 * the machine places above the test's RAM.
 */
public final class Harness {

    /** Bytes of physical memory the harness owns. */
    public static final long SIZE = 0x10000;

    private final long base;
    /** Physical pages of the harness paging structures. */
    final long pt32, pt64, pd64, pdpt64, pml4h, bootPml4, bootPdpt, bootPd;

    /** A harness at physical {@code base} (64 KiB aligned, between 2 MiB and 1 GiB - 2 MiB, inside the boot tables' identity map). */
    Harness(long base) {
        if ((base & (SIZE - 1)) != 0 || base + SIZE > 0x3FE0_0000L || base < 0x200000) {
            throw new IllegalArgumentException("harness base " + Long.toHexString(base));
        }
        this.base = base;
        pt32 = base + 0x8000;
        pt64 = base + 0x9000;
        pd64 = base + 0xA000;
        pdpt64 = base + 0xB000;
        pml4h = base + 0xC000;
        bootPml4 = base + 0xD000;
        bootPdpt = base + 0xE000;
        bootPd = base + 0xF000;
    }

    /** The harness paging structures a {@link Hook} links into a query's tables. */
    HarnessTables tables() {
        return new HarnessTables(pt32, pt64, pd64, pdpt64, pml4h);
    }

    /** First physical byte the harness owns. */
    public long base() {
        return base;
    }

    /** First physical byte after the harness. */
    public long end() {
        return base + SIZE;
    }

    /** Window page numbers. */
    static final int GDT = 0,
            IDT = 1,
            TSS = 2,
            SUPERVISOR_CODE = 3,
            USER_CODE = 4,
            KERNEL_STACK = 5,
            USER_STACK = 6,
            DATA = 7;

    private static final int PAGES = 8;

    /** Offsets of the stubs in either code page (the bytes mean the same in 32-bit and 64-bit code). */
    static final int LOAD = 0x000,
            STORE = 0x010,
            WRPKRU = 0x020,
            CPUID = 0x030,
            LOAD_TABLES = 0x040,
            WRMSR = 0x050,
            LLDT = 0x060,
            MOV_FS = 0x070,
            HANDLERS = 0x800;
    /** Length of the lgdt/lidt/ltr sequence at {@link #LOAD_TABLES}, in instructions. */
    static final int LOAD_TABLES_STEPS = 3;

    /** GDT selectors. */
    static final int CODE64 = 0x08,
            DATA0 = 0x10,
            CODE32 = 0x18,
            USER_CODE64 = 0x23,
            USER_DATA = 0x2B,
            USER_CODE32 = 0x33,
            TSS64 = 0x40,
            TSS32 = 0x50,
            LDT = 0x60;
    /** The LDT selector whose descriptor an implicit read fetches: index 0 of the LDT, RPL 0. */
    static final int LDT_SELECTOR = 0x4;

    /** Vectors whose delivery pushes an error code. */
    static boolean pushesErrorCode(int vector) {
        return vector == 8
                || (vector >= 10 && vector <= 14)
                || vector == 17
                || vector == 21
                || vector == 29
                || vector == 30;
    }

    /** Leaf and non-leaf flags of the harness mappings (A and D preset, so QEMU never writes them). */
    private static final long RW_PAGE = EntryFlags.mask(PRESENT, WRITABLE, ACCESSED, DIRTY),
            CODE_PAGE = EntryFlags.mask(PRESENT, ACCESSED),
            USER_CODE_PAGE = EntryFlags.mask(PRESENT, USER, ACCESSED),
            USER_RW_PAGE = EntryFlags.mask(PRESENT, WRITABLE, USER, ACCESSED, DIRTY);

    static final long TABLE = HarnessTables.TABLE;

    /** Physical address of window page {@code page}. */
    long physical(int page) {
        return base + page * 0x1000L;
    }

    private static long leafFlags(int page) {
        return switch (page) {
            case SUPERVISOR_CODE -> CODE_PAGE;
            case USER_CODE -> USER_CODE_PAGE;
            case USER_STACK -> USER_RW_PAGE;
            default -> RW_PAGE;
        };
    }

    /** The GDT page for {@code window}: flat code and data for rings 0 and 3, 32 and 64 bits, and both TSSs. */
    static byte[] gdt(Window window) {
        ByteBuffer b = page();
        b.putLong(CODE64, descriptor(0, 0xFFFFF, 0x9B, 0xA));
        b.putLong(DATA0, descriptor(0, 0xFFFFF, 0x93, 0xC));
        b.putLong(CODE32, descriptor(0, 0xFFFFF, 0x9B, 0xC));
        b.putLong(USER_CODE64 & ~3, descriptor(0, 0xFFFFF, 0xFB, 0xA));
        b.putLong(USER_DATA & ~3, descriptor(0, 0xFFFFF, 0xF3, 0xC));
        b.putLong(USER_CODE32 & ~3, descriptor(0, 0xFFFFF, 0xFB, 0xC));
        long tss64 = window.page(TSS);
        b.putLong(TSS64, descriptor(tss64, 0x67, 0x89, 0));
        b.putLong(TSS64 + 8, tss64 >>> 32);
        b.putLong(TSS32, descriptor(window.page(TSS) + 0x800, 0x67, 0x89, 0));
        return b.array();
    }

    /** The 16 bytes of an LDT descriptor with this base (the upper 8 only matter in long mode). */
    static byte[] ldtDescriptor(long base) {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(descriptor(base, 0xFFFF, 0x82, 0));
        b.putLong(base >>> 32);
        return b.array();
    }

    /** A segment descriptor from its base, 20-bit limit, access byte and flags nibble. */
    static long descriptor(long base, int limit, int access, int flags) {
        long low = (limit & 0xFFFFL) | (base & 0xFFFFL) << 16;
        long high = (base >>> 16 & 0xFF)
                | (long) access << 8
                | (long) (limit >>> 16 & 0xF) << 16
                | (long) flags << 20
                | (base >>> 24 & 0xFF) << 24;
        return low | high << 32;
    }

    /** The IDT page: 64-bit gates at offset 0, 32-bit gates at 0x800, vector v handled at HANDLERS + 8v. */
    static byte[] idt(Window window) {
        ByteBuffer b = page();
        for (int v = 0; v < 32; v++) {
            long target = window.page(SUPERVISOR_CODE) + HANDLERS + 8L * v;
            b.putLong(16 * v, gateLow(target, CODE64));
            b.putLong(16 * v + 8, target >>> 32);
            b.putLong(0x800 + 8 * v, gateLow(target, CODE32));
        }
        return b.array();
    }

    private static long gateLow(long target, int selector) {
        return (target & 0xFFFF) | (long) selector << 16 | 0x8EL << 40 | (target >>> 16 & 0xFFFF) << 48;
    }

    /** The TSS page: a 64-bit TSS at 0 (RSP0) and a 32-bit one at 0x800 (ESP0, SS0). */
    static byte[] tss(Window window) {
        ByteBuffer b = page();
        long stackTop = window.page(KERNEL_STACK) + 0x1000;
        b.putLong(4, stackTop);
        b.putShort(102, (short) 0x68);
        b.putInt(0x800 + 4, (int) stackTop);
        b.putInt(0x800 + 8, DATA0);
        b.putShort(0x800 + 102, (short) 0x68);
        return b.array();
    }

    /** A code page: the stubs and one {@code jmp $} per exception handler. */
    static byte[] code() {
        ByteBuffer b = page();
        b.put(LOAD, new byte[] {(byte) 0x8A, 0x03});
        b.put(STORE, new byte[] {(byte) 0x88, 0x03});
        b.put(WRPKRU, new byte[] {0x0F, 0x01, (byte) 0xEF});
        b.put(CPUID, new byte[] {0x0F, (byte) 0xA2});
        b.put(WRMSR, new byte[] {0x0F, 0x30});
        b.put(LLDT, new byte[] {0x0F, 0x00, (byte) 0xD0});
        b.put(MOV_FS, new byte[] {(byte) 0x8E, (byte) 0xE1});
        b.put(LOAD_TABLES, new byte[] {0x0F, 0x01, 0x10, 0x0F, 0x01, 0x58, 0x10, 0x0F, 0x00, (byte) 0xD9});
        for (int v = 0; v < 32; v++) {
            b.put(HANDLERS + 8 * v, new byte[] {(byte) 0xEB, (byte) 0xFE});
        }
        return b.array();
    }

    /** The data page: the lgdt and lidt operands (64-bit format) for {@code window}. */
    static byte[] data(Window window) {
        ByteBuffer b = page();
        b.putShort(0, (short) 0xFFF);
        b.putLong(2, window.page(GDT));
        b.putShort(16, (short) (window.longFamily() ? 32 * 16 - 1 : 32 * 8 - 1));
        b.putLong(18, window.page(IDT) + (window.longFamily() ? 0 : 0x800));
        return b.array();
    }

    /** The 32-bit window page table: entries 512.. map the window pages (legacy windows are 2 MiB into a 4 MiB PDE). */
    byte[] pageTable32() {
        ByteBuffer b = page();
        for (int p = 0; p < PAGES; p++) {
            b.putInt(4 * (512 + p), (int) (physical(p) | leafFlags(p)));
        }
        return b.array();
    }

    /** The 8-byte-entry window page table, its pages tagged with protection key {@code key}. */
    byte[] pageTable64(int key) {
        ByteBuffer b = page();
        for (int p = 0; p < PAGES; p++) {
            b.putLong(8 * p, physical(p) | leafFlags(p) | (long) key << 59);
        }
        return b.array();
    }

    /** A table whose entry {@code index} points to {@code next}, all else zero. */
    static byte[] table(int index, long next) {
        ByteBuffer b = page();
        b.putLong(8 * index, next | TABLE);
        return b.array();
    }

    /** The boot PML4: identity for the first 2 MiB and both windows (old and new) mapped. */
    byte[] bootPml4(Window... windows) {
        ByteBuffer b = page();
        b.putLong(0, bootPdpt | TABLE);
        for (Window w : windows) {
            if (w != null && w.longFamily()) {
                b.putLong(8 * w.topIndex(), pdpt64 | TABLE);
            }
        }
        return b.array();
    }

    byte[] bootPdpt(Window... windows) {
        ByteBuffer b = page();
        b.putLong(0, bootPd | TABLE);
        for (Window w : windows) {
            if (w != null && !w.longFamily() && w.topIndex() != 0) {
                b.putLong(8 * w.topIndex(), pd64 | TABLE);
            }
        }
        return b.array();
    }

    /** The boot PD: a 2 MiB identity page at 0, and entry 511 to the window table (for legacy window 0). */
    byte[] bootPd() {
        ByteBuffer b = page();
        b.putLong(0, 0xE3); // identity-map the harness's own 2 MiB too
        b.putLong((int) (8 * (base >>> 21)), base & ~0x1F_FFFFL | 0xE3);
        b.putLong(8 * 511, pt64 | TABLE);
        return b.array();
    }

    private static ByteBuffer page() {
        return ByteBuffer.allocate(0x1000).order(ByteOrder.LITTLE_ENDIAN);
    }
}
