package org.gmck.kit.model.pgm;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gmck.kit.model.Disagreement;
import org.gmck.kit.model.ModelSession;
import org.gmck.kit.model.ModelSpec;
import org.gmck.kit.model.Step;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.common.Profile;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.pgm.phys.ChunkOverhead;
import org.gmck.spi.pgm.phys.HostBitness;
import org.gmck.spi.pgm.phys.PhysStatus;
import org.gmck.spi.pgm.phys.TrackingCost;
import org.gmck.spi.pgm.vm.GuestMemoryFactory;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * What tracking guest RAM costs, checked on random RAM sizes rather than the few the scenarios name: a pure
 * function of the size and the host's width, so each operation is a case of its own. Per-VM records cost 16
 * bytes a page (PGM-COST-1); the kernel 4 bytes a page plus a pointer-sized frame entry (PGM-COST-2); every
 * chunk the RAM needs, the last counted whole, its memory object and chunk structure as the implementation
 * states them (PGM-COST-5, where it states them); and a negative size or one that is not a whole number of
 * pages is refused (PGM-COST-4). Sizes cluster around powers of two, so that chunk edges of every chunk size
 * come up, and reach far past the scenarios' 32 GB.
 */
public final class TrackingCostSpec implements ModelSpec<TrackingCostSpec.Case> {

    /** One question: what tracking {@code ramBytes} of guest RAM costs on a {@code host} host. */
    public record Case(long ramBytes, HostBitness host) {}

    private static final long PAGE = 4096;

    @Override
    public String name() {
        return "tracking-cost";
    }

    @Override
    public Profile profile() {
        return Profile.PGM;
    }

    @Override
    public List<String> variants(ConformanceAdapter adapter) {
        return adapter.profiles().contains(Profile.PGM) ? List.of("random-sizes") : List.of();
    }

    @Override
    public Set<String> rules() {
        return Set.of("PGM-COST-1", "PGM-COST-2", "PGM-COST-4", "PGM-COST-5");
    }

    @Override
    public Gen<Case> operations(String variant) {
        Gen<Long> nearPowers =
                integers().between(0, 47).zip(integers().between(-1, 1), (k, d) -> Math.max(0, (1L << k) + d) * PAGE);
        Gen<Long> anyPages = longs().between(0, 1L << 40).map(p -> p * PAGE);
        Gen<Long> negative = Generate.pick(List.of(-PAGE, -1L, Long.MIN_VALUE, -(1L << 40)));
        Gen<Long> partPage =
                longs().between(0, 1L << 30).zip(integers().between(1, (int) PAGE - 1), (p, r) -> p * PAGE + r);
        Gen<Long> size = Generate.frequency(
                List.of(Pair.of(8, nearPowers), Pair.of(3, anyPages), Pair.of(1, negative), Pair.of(1, partPage)));
        return size.zip(Generate.enumValues(HostBitness.class), Case::new);
    }

    @Override
    public String ruleOf(Case c) {
        return c.ramBytes() < 0 || c.ramBytes() % PAGE != 0 ? "PGM-COST-4" : "PGM-COST-1";
    }

    @Override
    public ModelSession<Case> start(ConformanceAdapter adapter, String variant) {
        return new Session(adapter.guestMemory());
    }

    private static String host(HostBitness host) {
        return host == HostBitness.BITS32 ? "32-bit" : "64-bit";
    }

    /** A series of independent cases; the checks are those of the last one. */
    private static final class Session implements ModelSession<Case> {
        private final GuestMemoryFactory factory;
        private List<String> last = List.of();

        Session(GuestMemoryFactory factory) {
            this.factory = factory;
        }

        @Override
        public List<String> setup() {
            return List.of();
        }

        @Override
        public List<String> checks() {
            return last;
        }

        @Override
        public Step apply(Case c) {
            long ram = c.ramBytes();
            String gherkin =
                    "I ask what tracking " + ram + " bytes of guest RAM costs on a " + host(c.host()) + " host";
            TrackingCost cost;
            boolean bad = ram < 0 || ram % PAGE != 0;
            try {
                cost = factory.trackingCost(ram, c.host());
            } catch (RejectedException e) {
                last = List.of("the call is rejected with " + PhysStatus.VERR_INVALID_PARAMETER);
                if (bad && e.status() == PhysStatus.VERR_INVALID_PARAMETER) {
                    return Step.agreed(gherkin);
                }
                String rule = bad ? "PGM-COST-4" : "PGM-COST-1";
                return Step.disagreed(
                        gherkin,
                        new Disagreement(
                                rule,
                                "costing " + ram + " bytes on a " + host(c.host()) + " host was refused ("
                                        + e.getMessage() + ")" + (bad ? ", not with VERR_INVALID_PARAMETER" : ""),
                                bad ? last.get(0) : "the per-VM cost is " + ram / PAGE * 16 + " bytes"));
            }
            if (bad) {
                last = List.of("the call is rejected with " + PhysStatus.VERR_INVALID_PARAMETER);
                return Step.disagreed(
                        gherkin,
                        new Disagreement(
                                "PGM-COST-4",
                                "costing " + ram + " bytes on a " + host(c.host()) + " host was answered (" + cost
                                        + ") instead of refused",
                                last.get(0)));
            }
            List<Disagreement> wrong = new ArrayList<>();
            List<String> then = new ArrayList<>();
            long pages = ram / PAGE;
            compare(
                    wrong,
                    then,
                    "PGM-COST-1",
                    "the per-VM bytes",
                    pages * 16,
                    cost.perVmBytes(),
                    "the per-VM cost is " + pages * 16 + " bytes");
            long kernel = pages * (4 + (c.host() == HostBitness.BITS32 ? 4 : 8));
            compare(
                    wrong,
                    then,
                    "PGM-COST-2",
                    "the kernel's per-page bytes",
                    kernel,
                    cost.kernelBytes(),
                    "the kernel cost is " + kernel + " bytes");
            Optional<ChunkOverhead> overhead = factory.chunkOverhead(c.host());
            if (overhead.isPresent()) {
                ChunkOverhead o = overhead.get();
                long perChunk = o.pagesPerChunk();
                if (perChunk < 2 || (perChunk & perChunk - 1) != 0) {
                    compare(
                            wrong,
                            then,
                            "PGM-COST-5",
                            "the pages in a chunk, a power of two",
                            2,
                            perChunk,
                            "the chunk holds a power of two pages, at least two");
                } else if (o.memoryObjectBytes() <= 0 || o.chunkBytes() <= 0) {
                    compare(
                            wrong,
                            then,
                            "PGM-COST-5",
                            "the cost of a chunk's two parts, both more than nothing",
                            1,
                            0,
                            "its memory object and its chunk structure each cost more than nothing");
                } else {
                    long chunks = (pages + perChunk - 1) / perChunk;
                    compare(
                            wrong,
                            then,
                            "PGM-COST-5",
                            "the overhead of " + chunks + " chunks of " + o.perChunkBytes() + " bytes",
                            chunks * o.perChunkBytes(),
                            cost.chunkBytes(),
                            "the chunk overhead is that of every chunk the RAM needs, the last one counted whole");
                }
            }
            last = then;
            return wrong.isEmpty() ? Step.agreed(gherkin) : Step.disagreed(gherkin, wrong.get(0));
        }

        private static void compare(
                List<Disagreement> wrong,
                List<String> then,
                String rule,
                String what,
                long expected,
                long actual,
                String step) {
            then.add(step);
            if (expected != actual) {
                wrong.add(new Disagreement(rule, what + ": expected " + expected + ", got " + actual, step));
            }
        }
    }
}
