package org.gmck.bochs.machine;

import static org.gmck.spi.x86.EntryFlag.ACCESSED;
import static org.gmck.spi.x86.EntryFlag.DIRTY;
import static org.gmck.spi.x86.EntryFlag.PRESENT;
import static org.gmck.spi.x86.EntryFlag.USER;
import static org.gmck.spi.x86.EntryFlag.WRITABLE;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.gmck.engine.HarnessTables;
import org.gmck.engine.Window;
import org.gmck.spi.x86.EntryFlags;

/**
 * The guest memory the harness owns, at a fixed physical base just below 1 GiB: eight pages that also appear
 * at a {@link Window} (GDT, IDT, TSS, supervisor code, user code, kernel stack, user stack, data), the
 * window's own paging structures, and boot tables, one set per paging mode, that map the harness both at its
 * physical address and at every candidate window. The guest code (the code page, {@code harness.S}) runs
 * each query from the data page's parameter block; see {@link BochsMachine}.
 */
public final class Harness {

    /** First physical byte the harness owns: queries use memory below it. */
    public static final long BASE = 0x3F80_0000L;
    /** Bytes of physical memory the harness owns. */
    public static final long SIZE = 0x13000;

    /** Window page numbers (also the page offsets from {@link #BASE}). */
    static final int GDT = 0,
            IDT = 1,
            TSS = 2,
            SUPERVISOR_CODE = 3,
            USER_CODE = 4,
            KERNEL_STACK = 5,
            USER_STACK = 6,
            DATA = 7;

    private static final int PAGES = 8;

    /** Physical pages of the paging structures. */
    static final long PT32 = BASE + 0x8000,
            PT64 = BASE + 0x9000,
            PD64 = BASE + 0xA000,
            PDPT64 = BASE + 0xB000,
            PML4H = BASE + 0xC000,
            BOOT32 = BASE + 0xD000,
            BOOT_PAE = BASE + 0xE000,
            BOOT_PD = BASE + 0xF000,
            BOOT_PML4 = BASE + 0x10000,
            BOOT_PDPT = BASE + 0x11000,
            BOOT_PML5 = BASE + 0x12000;

    /** The paging structures a {@code Hook} links into a query's tables. */
    static final HarnessTables TABLES = new HarnessTables(PT32, PT64, PD64, PDPT64, PML4H);

    /** Offsets in the code page (pinned in {@code harness.S}). */
    static final int HOME_STOP = 0x03D,
            CR3_LOAD_64 = 0x350,
            CR3_LOAD_32 = 0x4D5,
            OUTCOME_STOP_64 = 0x74A,
            OUTCOME_STOP_32 = 0x7CA,
            READ = 0x600,
            WRITE = 0x610,
            FETCH = 0x620,
            IMPLICIT_READ = 0x630,
            HANDLERS_64 = 0x800,
            HANDLERS_32 = 0x900,
            BATCH_STOP = 0xB64;

    /** Offsets in the data page: the parameter block, the outcome, and the descriptor-table operands. */
    static final int P_MODE = 0x00,
            P_EFER = 0x08,
            P_CR0 = 0x10,
            P_CR3 = 0x18,
            P_CR4 = 0x20,
            P_BOOT_CR3 = 0x28,
            P_BOOT_CR4 = 0x30,
            P_WINDOW = 0x38,
            P_PKRU = 0x40,
            P_PKRS = 0x48,
            P_CPL = 0x50,
            P_RFLAGS = 0x58,
            P_STUB = 0x60,
            P_TARGET = 0x68,
            P_FLAGS = 0x70,
            P_IDENTITY_CODE = 0x78,
            P_LDT_SELECTOR = 0x80,
            O_VECTOR = 0x100,
            O_ERROR = 0x108,
            O_CR2 = 0x110,
            O_RIP = 0x118,
            O_STAGE = 0x120,
            IDENTITY_GDTR = 0x200,
            WINDOW_GDTR = 0x210,
            WINDOW_IDTR = 0x220,
            B_FLAG = 0x300,
            B_RESULT = 0x310;

    /**
     * The batch loop's buffers (in the harness's own memory, where no query may store or fetch): the query records
     * read from the disk, and the results written back to it from sector {@link #RESULT_SECTOR}.
     */
    static final long INPUT_BUFFER = 0x3F82_0000L,
            INPUT_BYTES = 0x50_0000L,
            RESULT_BUFFER = 0x3FD2_0000L,
            RESULT_BYTES = 0x28_0000L,
            RESULT_SECTOR = 0x4000;

    /** The stage the guest code writes just before it makes the access. */
    static final int STAGE_ACCESS = 6;

    /** GDT selectors (the same as the code in {@code harness.S} uses). */
    static final int CODE64 = 0x08,
            DATA0 = 0x10,
            CODE32 = 0x18,
            USER_CODE64 = 0x23,
            USER_DATA = 0x2B,
            USER_CODE32 = 0x33,
            TSS64 = 0x40,
            TSS32 = 0x50,
            LDT = 0x60;

    /** Leaf and non-leaf flags of the harness mappings (A and D preset, so Bochs never writes them). */
    private static final long RW_PAGE = EntryFlags.mask(PRESENT, WRITABLE, ACCESSED, DIRTY),
            CODE_PAGE = EntryFlags.mask(PRESENT, ACCESSED),
            USER_CODE_PAGE = EntryFlags.mask(PRESENT, USER, ACCESSED),
            USER_RW_PAGE = EntryFlags.mask(PRESENT, WRITABLE, USER, ACCESSED, DIRTY);

    static final long TABLE = HarnessTables.TABLE;
    private static final long LARGE_IDENTITY = 0xE3; // P, R/W, A, D, PS

    private Harness() {}

    /** Physical address of harness page {@code page}. */
    static long physical(int page) {
        return BASE + page * 0x1000L;
    }

    /** The boot sector (loaded by the BIOS at 0x7c00). */
    static byte[] bootSector() {
        return resource("boot.bin");
    }

    /** The code page: the guest code of every query and the exception handlers. */
    static byte[] code() {
        return resource("harness.bin");
    }

    private static byte[] resource(String name) {
        try (InputStream in = Harness.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long leafFlags(int page) {
        return switch (page) {
            case SUPERVISOR_CODE -> CODE_PAGE;
            case USER_CODE -> USER_CODE_PAGE;
            case USER_STACK -> USER_RW_PAGE;
            default -> RW_PAGE;
        };
    }

    /** The GDT page: flat code and data for rings 0 and 3, 32 and 64 bits (TSS and LDT descriptors come later). */
    static byte[] gdt() {
        ByteBuffer b = page();
        b.putLong(CODE64, descriptor(0, 0xFFFFF, 0x9B, 0xA));
        b.putLong(DATA0, descriptor(0, 0xFFFFF, 0x93, 0xC));
        b.putLong(CODE32, descriptor(0, 0xFFFFF, 0x9B, 0xC));
        b.putLong(USER_CODE64 & ~3, descriptor(0, 0xFFFFF, 0xFB, 0xA));
        b.putLong(USER_DATA & ~3, descriptor(0, 0xFFFFF, 0xF3, 0xC));
        b.putLong(USER_CODE32 & ~3, descriptor(0, 0xFFFFF, 0xFB, 0xC));
        return b.array();
    }

    /** The 16 bytes of a system descriptor (TSS or LDT) with this base, limit and access byte. */
    static long[] systemDescriptor(long base, int limit, int access) {
        return new long[] {descriptor(base, limit, access, 0), base >>> 32};
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

    /**
     * The IDT gates for a window: 64-bit gates (16 bytes each) for a long window, 32-bit gates (8 bytes) for a
     * legacy one; vector 3 may be raised from ring 3 (the fetch probe executes {@code int3}).
     */
    static long[] idt(Window window) {
        long code = window.page(SUPERVISOR_CODE);
        if (window.longFamily()) {
            long[] g = new long[64];
            for (int v = 0; v < 32; v++) {
                long target = code + HANDLERS_64 + 8L * v;
                g[2 * v] = gateLow(target, CODE64, v == 3 ? 0xEE : 0x8E);
                g[2 * v + 1] = target >>> 32;
            }
            return g;
        }
        long[] g = new long[32];
        for (int v = 0; v < 32; v++) {
            g[v] = gateLow(code + HANDLERS_32 + 8L * v, CODE32, v == 3 ? 0xEE : 0x8E);
        }
        return g;
    }

    private static long gateLow(long target, int selector, int type) {
        return (target & 0xFFFF) | (long) selector << 16 | (long) type << 40 | (target >>> 16 & 0xFFFF) << 48;
    }

    /** Kernel stack top at a window (RSP0 / ESP0 of the TSS). */
    static long stackTop(Window window) {
        return window.page(KERNEL_STACK) + 0x1000;
    }

    /** The 32-bit window page table: entries 512.. map the window pages (legacy windows are 2 MiB into a 4 MiB PDE). */
    static long[] pageTable32Entries() {
        long[] e = new long[PAGES];
        for (int p = 0; p < PAGES; p++) {
            e[p] = physical(p) | leafFlags(p);
        }
        return e;
    }

    /** The 8-byte-entry window page table. */
    static long[] pageTable64Entries() {
        long[] e = new long[PAGES];
        for (int p = 0; p < PAGES; p++) {
            e[p] = physical(p) | leafFlags(p);
        }
        return e;
    }

    /** The boot PDE (32-bit paging) and PDE (PAE and long) that identity-map the harness's large page. */
    static long identity32() {
        return BASE & ~0x3F_FFFFL | LARGE_IDENTITY;
    }

    static long identity64() {
        return BASE & ~0x1F_FFFFL | LARGE_IDENTITY;
    }

    private static ByteBuffer page() {
        return ByteBuffer.allocate(0x1000).order(ByteOrder.LITTLE_ENDIAN);
    }
}
