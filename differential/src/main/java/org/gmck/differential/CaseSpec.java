package org.gmck.differential;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.gmck.spi.x86.Access;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.CpuModel;

/**
 * One differential case: a CPU model, guest RAM with paging structures, the registers and one access.
 *
 * @param words guest memory as 8-byte words (32-bit entries packed two to a word)
 * @param path  the entries the generator laid on the access's path, top first
 */
public record CaseSpec(
        CpuModel cpu,
        long ram,
        ControlRegisters registers,
        long rflags,
        int pkru,
        int pkrs,
        SortedMap<Long, Long> words,
        Access access,
        List<PathEntry> path) {

    public CaseSpec {
        words = new TreeMap<>(words);
        path = List.copyOf(path);
    }

    /** The same case with other memory words. */
    public CaseSpec withWords(SortedMap<Long, Long> w) {
        return new CaseSpec(cpu, ram, registers, rflags, pkru, pkrs, w, access, path);
    }

    /** The same case with other registers, RFLAGS, PKRU and PKRS. */
    public CaseSpec withRegisters(ControlRegisters r, long rf, int pku, int pks) {
        return new CaseSpec(cpu, ram, r, rf, pku, pks, words, access, path);
    }

    /** The case as text a reader can replay: model, registers, memory words and the access. */
    public String text() {
        StringBuilder s = new StringBuilder();
        s.append(String.format("cpu: MAXPHYADDR %d, %s; RAM %#x%n", cpu.maxPhysAddr(), cpu.features(), ram));
        s.append(String.format(
                "registers: CR0 %#x CR3 %#x CR4 %#x EFER %#x (%s); RFLAGS %#x PKRU %#x PKRS %#x%n",
                registers.cr0(),
                registers.cr3(),
                registers.cr4(),
                registers.efer(),
                registers.pagingMode(),
                rflags,
                pkru,
                pkrs));
        for (Map.Entry<Long, Long> e : words.entrySet()) {
            s.append(String.format("  8@%#x=%#x%n", e.getKey(), e.getValue()));
        }
        s.append("access: ").append(access).append(System.lineSeparator());
        return s.toString();
    }
}
