package org.gmck.kit.properties.x86;

import org.gmck.kit.properties.Examples;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gmck.kit.Adapters;
import org.gmck.kit.x86model.CaseRunner;
import org.gmck.kit.x86model.MemoryWord;
import org.gmck.kit.x86model.ReplayCase;
import org.gmck.kit.x86model.WalkSpec;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.Profile;
import org.gmck.spi.x86.AccessOutcome;
import org.gmck.spi.x86.EntryUse;
import org.gmck.spi.x86.Loaded;
import org.gmck.spi.x86.Translated;
import org.gmck.spi.x86.X86Mmu;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Random page-table hierarchies in every paging mode, through the SPI: the adapter agrees with the
 * table-driven rule model, and repeating an access changes neither its outcome nor memory (A/D
 * idempotence). QuickTheories shrinks a failure to a minimal hierarchy.
 */
class X86WalkPropertiesTest {

    private ConformanceAdapter adapter;

    @BeforeEach
    void requireProfile() {
        adapter = Adapters.selected();
        Assumptions.assumeTrue(adapter.profiles().contains(Profile.X86_PAGING),
                () -> "adapter '" + adapter.name() + "' does not declare profile x86-paging");
    }

    static Gen<RandomHierarchy> hierarchies() {
        Gen<List<Integer>> entries = lists().of(integers().between(0, (1 << 18) - 1)).ofSize(5);
        Gen<Integer> mode = integers().between(0, 3);
        Gen<Integer> leaf = integers().between(0, 2);
        Gen<Integer> controls = integers().between(0, (1 << 10) - 1);
        Gen<Long> keys = longs().all();
        Gen<Integer> access = integers().between(0, (1 << 15) - 1);
        Gen<Integer> maxPhys = integers().between(0, 3);
        return mode.zip(leaf, controls, (m, l, c) -> new int[] {m, l, c})
                .zip(entries, keys, access, maxPhys, (mlc, e, k, a, p) -> new RandomHierarchy(mlc[0], mlc[1], e,
                        mlc[2], k, a, p));
    }

    @Test
    void theAdapterAgreesWithTheRuleModel() {
        CaseRunner runner = new CaseRunner(adapter, adapter.profiles().contains(Profile.X86_PDPTE_REGISTERS));
        qt().withExamples(Examples.of(3000)).withShrinkCycles(500).forAll(hierarchies()).checkAssert(h -> {
            WalkSpec spec = h.spec();
            Optional<String> difference = runner.difference(ReplayCase.of("random", List.of(), spec));
            if (difference.isPresent()) {
                throw new AssertionError(spec.registers() + " " + spec.memory() + ": " + difference.get());
            }
        });
    }

    @Test
    void repeatingAnAccessChangesNeitherItsOutcomeNorMemory() {
        qt().withExamples(Examples.of(1500)).withShrinkCycles(500).forAll(hierarchies()).checkAssert(h -> {
            WalkSpec spec = h.spec();
            X86Mmu mmu = adapter.newX86Mmu(spec.cpu(), spec.guestRamBytes());
            for (MemoryWord w : spec.memory()) {
                if (w.width() == 4) {
                    mmu.writePhysical32(w.address(), (int) w.value());
                } else {
                    mmu.writePhysical64(w.address(), w.value());
                }
            }
            mmu.setRflags(spec.rflags());
            mmu.setPkru(spec.pkru());
            mmu.setPkrs(spec.pkrs());
            if (!(mmu.loadControlRegisters(spec.registers()) instanceof Loaded)) {
                return;
            }
            Object first = comparable(mmu.access(spec.access()));
            List<Long> afterFirst = read(mmu, spec.memory());
            Object second = comparable(mmu.access(spec.access()));
            List<Long> afterSecond = read(mmu, spec.memory());
            if (!first.equals(second) || !afterFirst.equals(afterSecond)) {
                throw new AssertionError(spec.access() + ": first " + first + " then " + second + "; memory "
                        + afterFirst + " then " + afterSecond);
            }
        });
    }

    private static Object comparable(AccessOutcome outcome) {
        if (outcome instanceof Translated t) {
            List<Object> parts = new ArrayList<>(List.of(t.physicalAddress(), t.pageSize(), t.rights()));
            t.entries().stream().map(EntryUse::address).forEach(parts::add);
            return parts;
        }
        return outcome;
    }

    private static List<Long> read(X86Mmu mmu, List<MemoryWord> words) {
        return words.stream().map(w -> w.width() == 4 ? Integer.toUnsignedLong(mmu.readPhysical32(w.address()))
                : mmu.readPhysical64(w.address())).toList();
    }
}
