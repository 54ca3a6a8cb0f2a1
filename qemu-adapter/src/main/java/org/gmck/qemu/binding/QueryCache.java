package org.gmck.qemu.binding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gmck.engine.MachineOutcome;
import org.gmck.engine.MachineQuery;
import org.gmck.qemu.machine.BatchAnswer;
import org.gmck.qemu.machine.QemuMachine;

/**
 * The answers of one machine while a batch of cases is put: a query already answered is answered from here;
 * a new one is noted for the next round and gets a stand-in answer (the case that asked it is then put
 * again once the round has run). A round sends every noted query to the machine at once.
 */
final class QueryCache implements MachineAccess {

    /** A query and whether it asks for the physical address. */
    private record Key(MachineQuery query, boolean askPhysical) {}

    private final QemuMachine machine;
    private final Map<Key, BatchAnswer> known = new HashMap<>();
    private final Set<Key> pending = new LinkedHashSet<>();
    private boolean missed;
    private boolean fellBack;

    QueryCache(QemuMachine machine) {
        this.machine = machine;
    }

    @Override
    public MachineOutcome access(MachineQuery q, boolean askPhysical) {
        Key k = new Key(q, askPhysical);
        BatchAnswer a = known.get(k);
        if (a == null) {
            pending.add(k);
            missed = true;
            return new MachineOutcome(
                    Optional.of(new MachineOutcome.Fault(14, Optional.of(0L), 0)), Optional.empty(), q.memory());
        }
        fellBack |= !a.batched();
        return a.get();
    }

    @Override
    public void expect(List<MachineQuery> queries) {
        for (MachineQuery q : queries) {
            Key k = new Key(q, false);
            if (!known.containsKey(k)) {
                pending.add(k);
            }
        }
    }

    /** Starts putting one case: whether it misses an answer, or used a single-stepped one, is tracked from here. */
    void startCase() {
        missed = false;
        fellBack = false;
    }

    /** Whether the case put since {@link #startCase} asked a query this cache could not answer yet. */
    boolean missed() {
        return missed;
    }

    /** Whether the case put since {@link #startCase} used an answer of the single-step path. */
    boolean fellBack() {
        return fellBack;
    }

    /** Runs the noted queries on the machine; returns how many the single-step path answered. */
    int runPending() {
        if (pending.isEmpty()) {
            return 0;
        }
        List<Key> keys = new ArrayList<>(pending);
        pending.clear();
        QemuBatching.countQueries(keys.size());
        List<BatchAnswer> answers = machine.accessAll(
                keys.stream().map(Key::query).toList(),
                keys.stream().map(Key::askPhysical).toList());
        int single = 0;
        for (int i = 0; i < keys.size(); i++) {
            known.put(keys.get(i), answers.get(i));
            single += answers.get(i).batched() ? 0 : 1;
        }
        return single;
    }

    /** Forgets every answer (between batches: a case's queries are not asked again by later cases). */
    void clear() {
        known.clear();
        pending.clear();
    }
}
