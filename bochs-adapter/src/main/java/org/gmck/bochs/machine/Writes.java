package org.gmck.bochs.machine;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes to guest physical memory, 2 or 4 bytes each, in order: sent as debugger commands ({@code setpmem ADDR
 * 4 VALUE}) by the single-query machine, or listed in a query record for the batch loop.
 */
final class Writes {

    /** One write of {@code size} bytes (2 or 4). */
    record Write(long address, int size, long value) {}

    private final List<Write> writes = new ArrayList<>();

    void dword(long address, long value) {
        writes.add(new Write(address, 4, value & 0xFFFF_FFFFL));
    }

    void word16(long address, long value) {
        writes.add(new Write(address, 2, value & 0xFFFF));
    }

    void qword(long address, long value) {
        dword(address, value);
        dword(address + 4, value >>> 32);
    }

    /** Only the 4-byte halves of an 8-byte word that differ between {@code old} and {@code value}. */
    void changed(long address, long old, long value) {
        if ((int) old != (int) value) {
            dword(address, value);
        }
        if (old >>> 32 != value >>> 32) {
            dword(address + 4, value >>> 32);
        }
    }

    /** Bytes from {@code address}, 4 at a time; with {@code skipZero}, zero dwords are left out (memory starts zeroed). */
    void bytes(long address, byte[] data, boolean skipZero) {
        for (int i = 0; i < data.length; i += 4) {
            long v = 0;
            for (int k = 0; k < 4 && i + k < data.length; k++) {
                v |= (data[i + k] & 0xFFL) << (8 * k);
            }
            if (v != 0 || !skipZero) {
                dword(address + i, v);
            }
        }
    }

    /** The commands, in order (a copy the caller may extend). */
    List<String> commands() {
        List<String> commands = new ArrayList<>();
        for (Write w : writes) {
            commands.add(
                    "setpmem " + BochsMachine.hex(w.address()) + " " + w.size() + " " + BochsMachine.hex(w.value()));
        }
        return commands;
    }

    /** The writes, in order. */
    List<Write> writes() {
        return List.copyOf(writes);
    }
}
