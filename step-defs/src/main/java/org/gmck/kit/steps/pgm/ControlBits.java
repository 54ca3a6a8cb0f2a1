package org.gmck.kit.steps.pgm;

import java.util.Map;
import org.gmck.spi.x86.ControlRegisters;

/** Builds control registers from a scenario's list of bit names, such as "CR0.PE, CR0.PG and CR4.PAE". */
final class ControlBits {

    private static final Map<String, long[]> BITS = Map.of(
            "CR0.PE", new long[] {ControlRegisters.CR0_PE, 0, 0},
            "CR0.PG", new long[] {ControlRegisters.CR0_PG, 0, 0},
            "CR0.WP", new long[] {ControlRegisters.CR0_WP, 0, 0},
            "CR4.PSE", new long[] {0, ControlRegisters.CR4_PSE, 0},
            "CR4.PAE", new long[] {0, ControlRegisters.CR4_PAE, 0},
            "EFER.LME", new long[] {0, 0, ControlRegisters.EFER_LME},
            "EFER.LMA", new long[] {0, 0, ControlRegisters.EFER_LMA},
            "EFER.NXE", new long[] {0, 0, ControlRegisters.EFER_NXE});

    private ControlBits() {}

    static ControlRegisters parse(String list) {
        long cr0 = 0;
        long cr4 = 0;
        long efer = 0;
        for (String name : list.split(",| and ")) {
            String bit = name.strip();
            if (bit.isEmpty()) {
                continue;
            }
            long[] value = BITS.get(bit);
            if (value == null) {
                throw new IllegalArgumentException("Unknown control bit '" + bit + "'; known: " + BITS.keySet());
            }
            cr0 |= value[0];
            cr4 |= value[1];
            efer |= value[2];
        }
        return ControlRegisters.of(cr0, cr4, efer);
    }
}
