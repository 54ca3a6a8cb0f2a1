package org.gmck.bochs.machine;

import java.util.ArrayList;
import java.util.List;

/** Writes to guest physical memory as debugger commands ({@code setpmem ADDR 4 VALUE}, 4 bytes each at most). */
final class Writes {

    private final List<String> commands = new ArrayList<>();

    void dword(long address, long value) {
        commands.add("setpmem " + BochsMachine.hex(address) + " 4 " + BochsMachine.hex(value & 0xFFFF_FFFFL));
    }

    void word16(long address, long value) {
        commands.add("setpmem " + BochsMachine.hex(address) + " 2 " + BochsMachine.hex(value & 0xFFFF));
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
        return new ArrayList<>(commands);
    }
}
