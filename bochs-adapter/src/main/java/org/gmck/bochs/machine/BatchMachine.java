package org.gmck.bochs.machine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gmck.bochs.process.BochsProcess;
import org.gmck.bochs.process.DebuggerException;
import org.gmck.engine.MachineFailureException;
import org.gmck.engine.MachineQuery;
import org.gmck.engine.QueryRejectedException;

/**
 * One Bochs CPU that runs many queries in one go. The machine boots like {@link BochsMachine} and then hands
 * the guest to the harness's batch loop ({@code harness.S}, from {@code batch_home}). A round: the machine
 * writes query records into the disk image Bochs was started with (for each query, the writes that set it up,
 * planned exactly as the single-query machine plans them, and the words to read back), resumes the guest, which
 * reads them over the ATA channel, runs every query through the same guest code as a single query and writes
 * the outcomes and the words it read back to the disk, then stops; the machine reads them from the image.
 *
 * <p>Differences from the single-query machine: the guest zeroes each word it read back (so the next query's
 * memory is written on zeros, not on what the last one left, which ends in the same memory); the physical
 * address of a successful access is the address its tables give (the single-query machine asks the debugger,
 * which walks the same tables); a probe (see {@link BatchQuery}) is skipped when its main query page-faulted.
 */
public final class BatchMachine implements AutoCloseable {

    /** Cylinders of the disk image (16 heads, 63 sectors): room for the input and the results of a round. */
    private static final int CYLINDERS = 24;

    private static final long CODE = Harness.physical(Harness.SUPERVISOR_CODE);
    private static final long DATA = Harness.physical(Harness.DATA);
    private static final int HEADER = 16;
    private static final int SKIPPED = -1;

    private final String cpuModel;
    private final Duration timeout;
    private final long roundInput;
    private final QuerySetup setup = new QuerySetup();
    private BochsProcess process;
    private int starts;
    private int rounds;

    /** A machine for Bochs's CPU model {@code cpuModel}; {@code timeout} bounds one round. */
    public BatchMachine(String cpuModel, Duration timeout) {
        this(cpuModel, timeout, Harness.INPUT_BYTES);
    }

    /** A machine whose rounds carry at most {@code roundInput} bytes of query records (tests: many small rounds). */
    BatchMachine(String cpuModel, Duration timeout, long roundInput) {
        this.cpuModel = cpuModel;
        this.timeout = timeout;
        this.roundInput = Math.min(roundInput, Harness.INPUT_BYTES);
    }

    /** How many Bochs processes this machine has started. */
    public int starts() {
        return starts;
    }

    /** How many rounds the guest has run. */
    public int rounds() {
        return rounds;
    }

    private void boot() {
        if (process != null) {
            return;
        }
        starts++;
        setup.reset();
        BochsProcess p =
                BochsProcess.start(cpuModel, BochsMachine.MEMORY_MIB, Harness.bootSector(), timeout, CYLINDERS);
        try {
            long stop = BochsMachine.stopAddress(p.command("c"));
            if (stop < 0x7C00 || stop >= 0x7E00) {
                throw new MachineFailureException(
                        "the boot sector did not stop where expected (at " + Long.toHexString(stop) + ")", null);
            }
            Writes w = setup.bootWrites();
            w.dword(DATA + Harness.B_RESULT, Harness.RESULT_BUFFER);
            w.dword(DATA + Harness.B_FLAG, 1);
            List<String> commands = w.commands();
            commands.add("c");
            List<String> out = p.exchange(commands);
            BochsMachine.expectStop(p, out.get(out.size() - 1), CODE + Harness.BATCH_STOP, "the batch loop after boot");
            process = p;
        } catch (RuntimeException e) {
            p.close();
            throw e instanceof MachineFailureException
                    ? e
                    : new MachineFailureException("Bochs did not boot: " + e.getMessage(), e);
        }
    }

    private record Planned(int index, QuerySetup.Prepared prepared, boolean translate, boolean probe) {}

    /** Runs the queries, in order, and answers each. */
    public List<BatchAnswer> run(List<BatchQuery> queries) {
        BatchAnswer[] answers = new BatchAnswer[queries.size()];
        List<Planned> round = new ArrayList<>();
        long input = HEADER;
        long results = 0;
        for (int i = 0; i < queries.size(); i++) {
            BatchQuery b = queries.get(i);
            MachineQuery q = b.query();
            try {
                QuerySetup.check(q);
            } catch (QueryRejectedException e) {
                answers[i] = new BatchAnswer.Refused(e);
                continue;
            }
            if (process == null) {
                boot();
            }
            QuerySetup.Prepared p;
            try {
                p = setup.prepare(q);
            } catch (QueryRejectedException e) {
                answers[i] = new BatchAnswer.Refused(e);
                continue;
            }
            setup.forgetTestMemory();
            long in = recordBytes(p);
            long out = resultBytes(p);
            // Whole sectors travel: the records' last sector must not reach into the result buffer.
            if (input + in > roundInput - 512 || results + out > Harness.RESULT_BYTES - 512) {
                // The record was planned against the guest as this round leaves it; the next round starts from
                // there, so the record opens it.
                runRound(round, answers);
                round.clear();
                input = HEADER;
                results = 0;
                if (process == null) {
                    // the round failed and the machine restarted: plan the query again on the fresh machine
                    boot();
                    p = setup.prepare(q);
                    setup.forgetTestMemory();
                }
            }
            round.add(new Planned(i, p, b.translate(), b.probe()));
            input += in;
            results += out;
        }
        runRound(round, answers);
        return List.of(answers);
    }

    private static long recordBytes(QuerySetup.Prepared p) {
        return 16L + 16L * p.writes().writes().size() + 4L * p.words().size();
    }

    private static long resultBytes(QuerySetup.Prepared p) {
        return 40L + 8L * p.words().size();
    }

    private void runRound(List<Planned> round, BatchAnswer[] answers) {
        if (round.isEmpty()) {
            return;
        }
        try {
            ByteBuffer in = input(round);
            long resultBytes = 0;
            for (Planned p : round) {
                resultBytes += resultBytes(p.prepared());
            }
            ByteBuffer out = ByteBuffer.allocate((int) resultBytes).order(ByteOrder.LITTLE_ENDIAN);
            try (FileChannel disk =
                    FileChannel.open(process.disk(), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                disk.write(in, 0);
                disk.force(false);
                BochsMachine.expectStop(process, process.command("c"), CODE + Harness.BATCH_STOP, "the end of a round");
                long at = Harness.RESULT_SECTOR * 512;
                while (out.hasRemaining()) {
                    if (disk.read(out, at + out.position()) < 0) {
                        throw new MachineFailureException("the disk image ends before the results", null);
                    }
                }
            }
            rounds++;
            out.flip();
            for (Planned p : round) {
                answers[p.index()] = answer(p, out);
            }
        } catch (IOException | DebuggerException | MachineFailureException e) {
            close();
            for (Planned p : round) {
                answers[p.index()] = new BatchAnswer.Lost(String.valueOf(e.getMessage()));
            }
        }
    }

    private static ByteBuffer input(List<Planned> round) {
        long bytes = HEADER;
        for (Planned p : round) {
            bytes += recordBytes(p.prepared());
        }
        int sectors = (int) ((bytes + 511) / 512);
        ByteBuffer b = ByteBuffer.allocate(sectors * 512).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(round.size()).putInt(sectors).putLong(0);
        for (Planned p : round) {
            List<Writes.Write> writes = p.prepared().writes().writes();
            b.putInt(writes.size()).putInt(p.prepared().words().size());
            b.putInt(p.probe() ? 2 : 1).putInt(0);
            for (Writes.Write w : writes) {
                b.putInt((int) w.address()).putInt(w.size()).putLong(w.value());
            }
            for (long a : p.prepared().words()) {
                b.putInt((int) a);
            }
        }
        b.position(0);
        return b;
    }

    private static BatchAnswer answer(Planned p, ByteBuffer out) {
        List<Long> outcome = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            outcome.add(out.getLong());
        }
        List<Long> values = new ArrayList<>();
        for (int k = 0; k < p.prepared().words().size(); k++) {
            values.add(out.getLong());
        }
        if ((int) (long) outcome.get(4) == SKIPPED) {
            return new BatchAnswer.Skipped();
        }
        Optional<Long> translation =
                p.translate() ? StructuralWalk.physical(p.prepared().query()) : Optional.empty();
        try {
            return new BatchAnswer.Answered(p.prepared().outcome(outcome, values, translation));
        } catch (QueryRejectedException | Cr3LoadRefusedException e) {
            return new BatchAnswer.Refused(e);
        } catch (MachineFailureException e) {
            // The harness faulted before the access: its message carries CR2, which such a fault leaves as the
            // last page fault set it, so it depends on the queries before. The query goes again on its own.
            return new BatchAnswer.Lost(e.getMessage());
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
            process = null;
        }
    }
}
