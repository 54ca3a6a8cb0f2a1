package org.gmck.bochs.machine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gmck.bochs.process.BochsProcess;
import org.gmck.bochs.process.DebuggerException;
import org.gmck.engine.MachineFailureException;
import org.gmck.engine.MachineOutcome;
import org.gmck.engine.MachineQuery;

/**
 * One Bochs CPU that answers {@link MachineQuery}s. The BIOS boots the harness's boot sector, which enters
 * protected mode and stops; the machine then writes the harness (code, descriptor tables, boot tables) into
 * guest memory through the debugger, and the guest code stops at its home: 32-bit protected mode, paging off.
 *
 * <p>Each query: the machine writes the query's memory (only the words that differ from what guest memory
 * holds), the hook that maps the harness window into the query's tables, and the parameter block, and lets
 * the guest run. The guest code loads EFER, CR4 and CR3 of the harness's boot tables for the mode, turns
 * paging on, jumps to the window, loads GDTR, IDTR and TR there, then the query's CR3, CR4, CR0 and PKRU, and
 * makes the access (at CPL 3 through IRET when asked). Success ends in a trap planted after it ({@code ud2},
 * or {@code int3} at the fetched address); a fault is delivered to the harness's handler. Either way the
 * handler records vector, error code, CR2 and the saved RIP and stops with the query's paging still loaded:
 * the machine reads the outcome, the memory afterwards and (for a success) the debugger's translation of
 * the address, then lets the guest return home, where it stops again.
 */
public final class BochsMachine implements Answers, AutoCloseable {

    /** Guest RAM of every Bochs this machine starts. */
    static final int MEMORY_MIB = 1024;

    private static final Pattern STOP = Pattern.compile("\\(0\\) \\[0x([0-9a-fA-F]+)\\]");
    private static final Pattern VALUE = Pattern.compile("0x([0-9a-fA-F]+)");
    private static final Pattern PAGE = Pattern.compile("maps to physical page 0x([0-9a-fA-F]+)");
    private static final long CODE = Harness.physical(Harness.SUPERVISOR_CODE);
    private static final long DATA = Harness.physical(Harness.DATA);

    private final String cpuModel;
    private final Duration timeout;
    private final QuerySetup setup = new QuerySetup();
    private BochsProcess process;
    private int starts;

    /** A machine for Bochs's CPU model {@code cpuModel} (for example {@code tigerlake}); Bochs starts on the first query. */
    public BochsMachine(String cpuModel, Duration timeout) {
        this.cpuModel = cpuModel;
        this.timeout = timeout;
    }

    /** How many Bochs processes this machine has started. */
    public int starts() {
        return starts;
    }

    /** Starts Bochs and writes the harness, unless it is running. */
    public void boot() {
        if (process != null) {
            return;
        }
        starts++;
        setup.reset();
        BochsProcess p = BochsProcess.start(cpuModel, MEMORY_MIB, Harness.bootSector(), timeout);
        try {
            long stop = stopAddress(p.command("c"));
            if (stop < 0x7C00 || stop >= 0x7E00) {
                throw new MachineFailureException(
                        "the boot sector did not stop where expected (at " + Long.toHexString(stop) + ")", null);
            }
            Writes w = setup.bootWrites();
            List<String> commands = w.commands();
            commands.add("c");
            List<String> out = p.exchange(commands);
            expectStop(p, out.get(out.size() - 1), CODE + Harness.HOME_STOP, "home after boot");
            process = p;
        } catch (RuntimeException e) {
            p.close();
            throw e instanceof MachineFailureException
                    ? e
                    : new MachineFailureException("Bochs did not boot: " + e.getMessage(), e);
        }
    }

    /**
     * Runs one query and reports what Bochs did. With {@code translate}, a successful access also reports the
     * debugger's translation of the address (taken with the query's paging loaded).
     */
    public MachineOutcome access(MachineQuery q, boolean translate) {
        QuerySetup.check(q);
        boot();
        try {
            return run(q, translate);
        } catch (DebuggerException | MachineFailureException e) {
            close();
            throw e instanceof MachineFailureException m ? m : new MachineFailureException(e.getMessage(), e);
        }
    }

    private MachineOutcome run(MachineQuery q, boolean translate) {
        boolean lng = q.mode().longMode();
        QuerySetup.Prepared prepared = setup.prepare(q);
        List<String> commands = prepared.writes().commands();
        commands.add("c");
        List<String> out = process.exchange(commands);
        long stopAt = CODE + (lng ? Harness.OUTCOME_STOP_64 : Harness.OUTCOME_STOP_32);
        expectStop(process, out.get(out.size() - 1), stopAt, "the outcome stop");

        List<String> read = new ArrayList<>();
        read.add("xp /5gx " + hex(DATA + Harness.O_VECTOR));
        for (long a : prepared.words()) {
            read.add("xp /1gx " + hex(a));
        }
        read.add("page " + hex(q.linear()));
        read.add("c");
        List<String> answers = process.exchange(read);
        expectStop(process, answers.get(answers.size() - 1), CODE + Harness.HOME_STOP, "home after the outcome");
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < prepared.words().size(); i++) {
            values.add(values(answers.get(1 + i), 1).get(0));
        }
        setup.readBack(prepared, values);
        Optional<Long> translation = Optional.empty();
        if (translate) {
            Matcher m = PAGE.matcher(answers.get(answers.size() - 2));
            if (m.find()) {
                translation = Optional.of(Long.parseUnsignedLong(m.group(1), 16) | q.linear() & 0xFFF);
            }
        }
        return prepared.outcome(values(answers.get(0), 5), values, translation);
    }

    /** Fails with what Bochs printed unless its last stop in {@code output} is at {@code expected}. */
    static void expectStop(BochsProcess p, String output, long expected, String where) {
        long at = stopAddress(output);
        if (at != expected) {
            throw new MachineFailureException(
                    String.format(
                            "Bochs stopped at %#x instead of %s (%#x): %s%s",
                            at, where, expected, output.strip(), p.logTail()),
                    null);
        }
    }

    /** The address of the last stop the debugger reports in {@code output} (-1 without one). */
    static long stopAddress(String output) {
        Matcher m = STOP.matcher(output);
        long at = -1;
        while (m.find()) {
            at = Long.parseUnsignedLong(m.group(1), 16);
        }
        return at;
    }

    /** The {@code count} values an {@code xp /Ngx} printed. */
    private static List<Long> values(String output, int count) {
        List<Long> v = new ArrayList<>();
        for (String line : output.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0 || !line.startsWith("0x")) {
                continue;
            }
            Matcher m = VALUE.matcher(line.substring(colon + 1));
            while (m.find()) {
                v.add(Long.parseUnsignedLong(m.group(1), 16));
            }
        }
        if (v.size() < count) {
            throw new MachineFailureException("cannot read memory from the debugger's answer: " + output, null);
        }
        return v.subList(0, count);
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
            process = null;
        }
    }
}
