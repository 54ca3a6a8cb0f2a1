package org.gmck.bochs.binding;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Supplier;
import org.gmck.bochs.machine.Answers;
import org.gmck.bochs.machine.BatchAnswer;
import org.gmck.bochs.machine.BatchMachine;
import org.gmck.bochs.machine.BatchQuery;
import org.gmck.engine.MachineOutcome;
import org.gmck.engine.MachineQuery;
import org.gmck.spi.x86.Access;
import org.gmck.spi.x86.AccessOutcome;
import org.gmck.spi.x86.X86Mmu;

/**
 * Makes the accesses of many Bochs MMUs at once: every query an access may put to Bochs (the access itself and
 * the probes that find its entries and rights) goes to one {@link BatchMachine}, which runs them all in the guest
 * in a few rounds; then each access is worked out by the same code as {@link X86Mmu#access}, its queries
 * answered from the batch. An access whose working-out asks a query the batch could not answer (a probe skipped
 * because its main query page-faulted although the access succeeded, a lost round) is put again one query at a
 * time, on its memory as it was: it counts as a fallback. One instance per thread; not thread-safe.
 */
public final class BochsBatch implements AutoCloseable {

    /** Deadline of one round of the batch loop. */
    static final Duration ROUND_TIMEOUT = Duration.ofSeconds(Long.getLong("bochs.batchTimeoutSeconds", 60));

    /**
     * What one access gave: an outcome, or the exception {@link X86Mmu#access} throws for it.
     *
     * @param batched whether the batch answered it (false: it was put again one query at a time)
     */
    public record Result(AccessOutcome outcome, RuntimeException exception, boolean batched)
            implements Supplier<AccessOutcome> {

        /** The outcome, or the exception thrown. */
        @Override
        public AccessOutcome get() {
            if (exception != null) {
                throw exception;
            }
            return outcome;
        }
    }

    private final BatchMachine machine;
    private long accesses;
    private long fallbacks;
    private long machineNanos;

    /** A batch whose rounds may take {@code -Dbochs.batchTimeoutSeconds} (default 60 s) each. */
    public BochsBatch() {
        this(ROUND_TIMEOUT);
    }

    BochsBatch(Duration roundTimeout) {
        this.machine = new BatchMachine(BochsCpu.MODEL, roundTimeout);
    }

    /** Accesses made so far. */
    public long accesses() {
        return accesses;
    }

    /** Accesses put again one query at a time. */
    public long fallbacks() {
        return fallbacks;
    }

    /** Time spent in the batch machine (planning the queries' writes, Bochs running them, reading the results). */
    public Duration machineTime() {
        return Duration.ofNanos(machineNanos);
    }

    /** Bochs processes the batch machine started. */
    public int starts() {
        return machine.starts();
    }

    /** Rounds the guest ran. */
    public int rounds() {
        return machine.rounds();
    }

    private record Key(MachineQuery query, boolean translate) {}

    /** A query the batch has no answer for. */
    private static final class NotBatched extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotBatched() {
            super("not answered by the batch", null, false, false);
        }
    }

    /**
     * Makes {@code accesses.get(i)} on {@code mmus.get(i)} (each an MMU of this adapter, its memory and registers
     * set), and returns what each gave, in order. Guest memory of each MMU changes as its access changes it.
     */
    public List<Result> accessAll(List<X86Mmu> mmus, List<Access> accessList) {
        if (mmus.size() != accessList.size()) {
            throw new IllegalArgumentException(mmus.size() + " MMUs for " + accessList.size() + " accesses");
        }
        List<BochsX86Mmu> own = new ArrayList<>();
        for (X86Mmu m : mmus) {
            if (!(m instanceof BochsX86Mmu b)) {
                throw new IllegalArgumentException("not an MMU of the Bochs adapter: " + m);
            }
            own.add(b);
        }
        List<BatchQuery> all = new ArrayList<>();
        int[] first = new int[own.size() + 1];
        for (int i = 0; i < own.size(); i++) {
            first[i] = all.size();
            all.addAll(own.get(i).plannedQueries(accessList.get(i)));
        }
        first[own.size()] = all.size();
        List<BatchAnswer> answers;
        long t0 = System.nanoTime();
        try {
            answers = all.isEmpty() ? List.of() : machine.run(all);
        } catch (RuntimeException e) {
            machine.close();
            answers = new ArrayList<>();
            for (int k = 0; k < all.size(); k++) {
                answers.add(new BatchAnswer.Lost(String.valueOf(e.getMessage())));
            }
        }
        machineNanos += System.nanoTime() - t0;
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < own.size(); i++) {
            Map<Key, BatchAnswer> known = new HashMap<>();
            for (int k = first[i]; k < first[i + 1]; k++) {
                known.putIfAbsent(new Key(all.get(k).query(), all.get(k).translate()), answers.get(k));
            }
            results.add(one(own.get(i), accessList.get(i), known));
        }
        return results;
    }

    private Result one(BochsX86Mmu mmu, Access access, Map<Key, BatchAnswer> known) {
        accesses++;
        SortedMap<Long, Long> before = mmu.memorySnapshot();
        Answers replay = (q, translate) -> answer(known.get(new Key(q, translate)));
        try {
            return new Result(mmu.access(access, replay), null, true);
        } catch (NotBatched e) {
            mmu.restoreMemory(before);
        } catch (RuntimeException e) {
            return new Result(null, e, true);
        }
        fallbacks++;
        try {
            return new Result(mmu.access(access), null, false);
        } catch (RuntimeException e) {
            return new Result(null, e, false);
        }
    }

    private static MachineOutcome answer(BatchAnswer a) {
        if (a instanceof BatchAnswer.Answered answered) {
            return answered.outcome();
        }
        if (a instanceof BatchAnswer.Refused refused) {
            throw refused.exception();
        }
        throw new NotBatched();
    }

    @Override
    public void close() {
        machine.close();
    }
}
