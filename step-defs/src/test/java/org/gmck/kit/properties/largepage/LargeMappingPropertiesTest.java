package org.gmck.kit.properties.largepage;

import org.gmck.kit.properties.Examples;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gmck.kit.Adapters;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.Profile;
import org.gmck.spi.largepage.CounterEncoding;
import org.gmck.spi.largepage.MappingSize;
import org.gmck.spi.largepage.MmuOptions;
import org.gmck.spi.largepage.ShadowEntry;
import org.gmck.spi.largepage.ShadowMmu;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Properties of seed 004 over random slots, shadowing sequences and guest mappings: a large shadow entry
 * never covers a write-protected page, a read-only 4 KB entry is kept over every write-protected page, the
 * two counter encodings always agree, and each counter equals the number of shadows in its frame.
 */
class LargeMappingPropertiesTest {

    private static final int EXAMPLES = 200;

    private static ConformanceAdapter adapter(Profile profile) {
        ConformanceAdapter adapter = Adapters.selected();
        Assumptions.assumeTrue(adapter.profiles().contains(profile),
                () -> "adapter '" + adapter.name() + "' does not declare profile '" + profile.id() + "'");
        return adapter;
    }

    @Test
    void noLargeShadowEntryCoversAWriteProtectedPage() {
        ConformanceAdapter adapter = adapter(Profile.LARGE_PAGES);
        qt().withExamples(Examples.of(EXAMPLES)).forAll(MmuScript.scripts()).checkAssert(script -> {
            for (CounterEncoding encoding : CounterEncoding.values()) {
                ShadowMmu mmu = adapter.largePages().newMmu(MmuOptions.shadowPaging(encoding));
                script.addSlots(mmu);
                for (MmuScript.Op op : script.ops()) {
                    MmuScript.run(mmu, op);
                    checkNoWritableMappingOfProtectedPages(mmu, op);
                }
            }
        });
    }

    private static void checkNoWritableMappingOfProtectedPages(ShadowMmu mmu, MmuScript.Op after) {
        for (long address : MmuScript.mappedAddresses()) {
            Optional<ShadowEntry> large = mmu.entryFor(address);
            if (large.isEmpty()) {
                continue;
            }
            for (long page : MmuScript.pages()) {
                long offset = page - large.get().gpa();
                if (offset < 0 || offset >= MmuScript.FRAME) {
                    continue;
                }
                if (large.get().size() == MappingSize.LARGE_2M) {
                    Assertions.assertFalse(mmu.writeProtected(page), () -> "after " + after + " the large entry "
                            + large.get() + " covers the write-protected page " + Long.toHexString(page));
                } else {
                    ShadowEntry small = mmu.entryFor(address + offset).orElseThrow();
                    Assertions.assertEquals(page, small.gpa(), "the 4 KB entry's guest page");
                    Assertions.assertFalse(mmu.writeProtected(page) && small.writable(), () -> "after " + after
                            + " the 4 KB entry " + small + " lets the guest write the write-protected page");
                }
            }
        }
    }

    @Test
    void theTwoCounterEncodingsAlwaysAgree() {
        ConformanceAdapter adapter = adapter(Profile.LARGE_PAGES);
        boolean introspection = adapter.profiles().contains(Profile.LARGE_PAGES_INTROSPECTION);
        qt().withExamples(Examples.of(EXAMPLES)).forAll(MmuScript.scripts()).checkAssert(script -> {
            ShadowMmu zero = adapter.largePages().newMmu(MmuOptions.shadowPaging(CounterEncoding.COUNT_FROM_ZERO));
            ShadowMmu minusOne = adapter.largePages().newMmu(MmuOptions.shadowPaging(CounterEncoding.COUNT_FROM_MINUS_ONE));
            Assertions.assertEquals(script.addSlots(zero), script.addSlots(minusOne), "adding the slots");
            for (MmuScript.Op op : script.ops()) {
                Assertions.assertEquals(MmuScript.run(zero, op), MmuScript.run(minusOne, op), () -> "the answer to " + op);
                Assertions.assertEquals(observe(zero, introspection), observe(minusOne, introspection),
                        () -> "what the two MMUs show after " + op);
            }
        });
    }

    private static List<String> observe(ShadowMmu mmu, boolean introspection) {
        List<String> seen = new ArrayList<>();
        for (int f = 0; f < MmuScript.FRAMES; f++) {
            long frame = f * MmuScript.FRAME;
            seen.add(MmuScript.answer(() -> mmu.largeMappingDecision(frame)));
            if (introspection) {
                seen.add(MmuScript.answer(() -> mmu.writeProtectCount(frame)));
            }
        }
        for (long address : MmuScript.mappedAddresses()) {
            seen.add(MmuScript.entry(mmu, address));
        }
        for (long page : MmuScript.pages()) {
            seen.add(String.valueOf(mmu.writeProtected(page)));
        }
        return seen;
    }

    @Test
    void eachCounterEqualsTheShadowsInItsFrame() {
        ConformanceAdapter adapter = adapter(Profile.LARGE_PAGES_INTROSPECTION);
        qt().withExamples(Examples.of(EXAMPLES)).forAll(MmuScript.scripts()).checkAssert(script -> {
            for (CounterEncoding encoding : CounterEncoding.values()) {
                ShadowMmu mmu = adapter.largePages().newMmu(MmuOptions.shadowPaging(encoding));
                script.addSlots(mmu);
                Map<Integer, Integer> shadows = new HashMap<>();
                for (MmuScript.Op op : script.ops()) {
                    String answer = MmuScript.run(mmu, op);
                    if ("shadowed".equals(answer)) {
                        shadows.merge(op.frame(), 1, Integer::sum);
                    } else if ("unshadowed".equals(answer)) {
                        shadows.merge(op.frame(), -1, Integer::sum);
                    }
                    for (int f = 0; f < MmuScript.FRAMES; f++) {
                        long frame = f * MmuScript.FRAME;
                        String count = MmuScript.answer(() -> mmu.writeProtectCount(frame));
                        if (!count.startsWith("rejected")) {
                            Assertions.assertEquals(String.valueOf(shadows.getOrDefault(f, 0)), count,
                                    "the " + encoding + " count of the frame at " + f * 2 + " MB after " + op);
                        }
                    }
                }
            }
        });
    }
}
