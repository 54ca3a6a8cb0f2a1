package org.gmck.kit.x86walk;

import java.util.List;
import org.gmck.spi.x86.Access;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.CpuModel;
import org.gmck.spi.x86.X86Level;

/**
 * Everything one access needs, stated the way the rule model reads it: the CPU, the registers, and the
 * entries on the access's path, one per level, top first (in PAE paging the first is the PDPTE that CR3
 * and bits 31:30 select). {@code otherMemory} holds words off the path (the other PAE PDPTEs).
 */
public record WalkSpec(
        CpuModel cpu,
        long guestRamBytes,
        ControlRegisters registers,
        long rflags,
        int pkru,
        int pkrs,
        List<PathEntry> path,
        List<MemoryWord> otherMemory,
        Access access) {

    /** One entry on the path. */
    public record PathEntry(X86Level level, MemoryWord word) {
        public long value() {
            return word.value();
        }
    }

    /** All words the case writes before it loads the registers, path first. */
    public List<MemoryWord> memory() {
        return java.util.stream.Stream.concat(path.stream().map(PathEntry::word), otherMemory.stream())
                .toList();
    }
}
