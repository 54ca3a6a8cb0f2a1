package org.gmck.kit.x86model;

import java.util.List;
import org.gmck.spi.x86.Access;
import org.gmck.spi.x86.AccessOutcome;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.CpuModel;

/** A fixture case as read back from JSON: what to set up, what to do, and what must come out. */
public record ReplayCase(String id, String comment, List<String> rules, CpuModel cpu, long guestRamBytes,
        ControlRegisters registers, long rflags, int pkru, int pkrs, List<MemoryWord> memory, Access access,
        AccessOutcome expected, boolean atLoad, List<MemoryWord> memoryAfter) {
}
