package org.gmck.kit.x86model;

import java.util.List;
import org.gmck.kit.x86walk.MemoryWord;
import org.gmck.kit.x86walk.WalkSpec;
import org.gmck.kit.x86walk.X86RuleModel;
import org.gmck.spi.x86.Access;
import org.gmck.spi.x86.AccessOutcome;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.CpuModel;

/**
 * A fixture case as read back from JSON: what to set up, what to do, and what must come out.
 * {@code accessedMayBeSet} lists the non-leaf entries in which a faulting walk may set A (only X86-AD-4
 * asks that they stay unchanged). {@code rules} are the rules the case was made to show; {@code decidedBy}
 * the rules that decide its outcome (see {@link X86RuleModel.Expectation#decidedBy()}), empty in files
 * older than version 1.2.
 */
public record ReplayCase(
        String id,
        String comment,
        List<String> rules,
        CpuModel cpu,
        long guestRamBytes,
        ControlRegisters registers,
        long rflags,
        int pkru,
        int pkrs,
        List<MemoryWord> memory,
        Access access,
        AccessOutcome expected,
        boolean atLoad,
        List<MemoryWord> memoryAfter,
        List<Long> accessedMayBeSet,
        List<String> decidedBy) {

    /** The case the rule model makes of a spec. */
    public static ReplayCase of(String id, List<String> rules, WalkSpec spec) {
        X86RuleModel.Expectation e = X86RuleModel.expect(spec);
        return new ReplayCase(
                id,
                spec.access().toString(),
                rules,
                spec.cpu(),
                spec.guestRamBytes(),
                spec.registers(),
                spec.rflags(),
                spec.pkru(),
                spec.pkrs(),
                spec.memory(),
                spec.access(),
                e.outcome(),
                e.atLoad(),
                e.memoryAfter(),
                e.accessedMayBeSet(),
                e.decidedBy());
    }
}
