package org.gmck.qemu.machine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.gmck.engine.Window;

/**
 * Where the batch loop ({@code src/main/asm/batch.S}, assembled into {@code batch.bin}) and its data live:
 * the entry points and handler stubs in its code page, the fields of the control page and of a case record,
 * and the physical layout of the batch area above the harness (the loop's code and control pages, the
 * identity-mapping harness tables, records and results). The offsets must match the assembly; {@code
 * BatchLayoutTest} checks them against the bytes.
 */
final class BatchLayout {

    private BatchLayout() {}

    /** Entry points in the code page. */
    static final int LOOP64 = 0x000, IRET64 = 0x1A0, DONE64 = 0x1A2, VECTORS64 = 0x280;

    static final int LOOP32 = 0x800, IRET32 = 0x925, DONE32 = 0x926, VECTORS32 = 0xA20;
    /** Bytes between two handler stubs. */
    static final int VECTOR_STRIDE = 16;

    /** Window pages of the loop: its code and its control page. */
    static final int CODE_PAGE = 8, CONTROL_PAGE = 9;
    /** Window pages whose protection key the loop sets per case. */
    static final int KEYED_PAGES = 10;

    /** Control page fields. */
    static final int D_COUNT = 0x00,
            D_REC = 0x08,
            D_RES = 0x10,
            D_HCR3 = 0x18,
            D_HCR4 = 0x20,
            D_HCR0 = 0x28,
            D_KTOP = 0x30,
            D_PT64 = 0x60,
            D_NPTE = 0x68,
            D_LDT = 0x70;

    /** Record fields (8 bytes each) and the record size. */
    static final int R_CR3 = 0x00,
            R_CR0 = 0x08,
            R_CR4 = 0x10,
            R_EFER = 0x18,
            R_PKRU = 0x20,
            R_PKRS = 0x28,
            R_FLAGS = 0x30,
            R_RIP = 0x38,
            R_CS = 0x40,
            R_RFLAGS = 0x48,
            R_RSP = 0x50,
            R_SS = 0x58,
            R_RAX = 0x60,
            R_RBX = 0x68,
            R_CR2 = 0x70,
            R_KEY = 0x78,
            R_SAVE = 0x80,
            R_PLANT = 0x88,
            R_LDT0 = 0x90,
            R_LDT1 = 0x98,
            R_WORDS = 0xA0,
            R_NWORDS = 0xA8,
            RECORD = 0xB0;
    /** Bytes of a result before the words read back: vector, error code, pushed RIP, CR2. */
    static final int RESULT_HEAD = 0x20;

    static final long F_PKRU = 1, F_PKRS = 2, F_IMPLICIT = 4;

    /** Offsets from the harness base of the batch area's pages. */
    static final long CODE = 0x10000,
            CONTROL = 0x11000,
            PML5 = 0x12000,
            PML4 = 0x13000,
            PDPT = 0x14000,
            PD = 0x15000,
            PDPT_PAE = 0x16000,
            PD32 = 0x17000,
            PT32 = 0x18000,
            RECORDS = 0x20000,
            RESULTS = 0x80000,
            END = 0xF0000;
    /** 32-bit page tables of the identity map (4 MiB each). */
    static final int PT32_COUNT = 5;
    /** 2 MiB pages of the identity map under PAE and long-mode harness tables. */
    static final int IDENTITY_2M = 10;

    private static final byte[] CODE_BYTES = load();

    private static byte[] load() {
        try (InputStream in = BatchLayout.class.getResourceAsStream("batch.bin")) {
            if (in == null) {
                throw new IllegalStateException("batch.bin is missing from the class path");
            }
            byte[] b = in.readAllBytes();
            if (b.length != 0x1000) {
                throw new IllegalStateException("batch.bin is " + b.length + " bytes, not one page");
            }
            return b;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The loop's code page. */
    static byte[] code() {
        return CODE_BYTES.clone();
    }

    /** The IDT page of the batch: every vector to the loop's handler stub for the family's code. */
    static byte[] idt(Window window) {
        ByteBuffer b = ByteBuffer.allocate(0x1000).order(ByteOrder.LITTLE_ENDIAN);
        long code = window.page(CODE_PAGE);
        for (int v = 0; v < 32; v++) {
            if (window.longFamily()) {
                long target = code + VECTORS64 + (long) VECTOR_STRIDE * v;
                b.putLong(16 * v, gate(target, Harness.CODE64));
                b.putLong(16 * v + 8, target >>> 32);
            } else {
                long target = code + VECTORS32 + (long) VECTOR_STRIDE * v;
                b.putLong(0x800 + 8 * v, gate(target, Harness.CODE32));
            }
        }
        return b.array();
    }

    private static long gate(long target, int selector) {
        return (target & 0xFFFF) | (long) selector << 16 | 0x8EL << 40 | (target >>> 16 & 0xFFFF) << 48;
    }
}
