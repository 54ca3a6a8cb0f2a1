package org.gmck.qemu.binding;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gmck.qemu.machine.QemuMachine;
import org.gmck.spi.x86.CpuFeature;
import org.gmck.spi.x86.CpuModel;

/**
 * One QEMU machine per worker thread and CPU configuration, reused across MMUs. A thread keeps at most
 * {@link #PER_THREAD} machines and closes the least recently used; processes that remain are closed by
 * {@link org.gmck.qemu.process.QemuProcess}'s shutdown hook.
 *
 * <p>A QEMU process cannot change its CPU model, so every model needs its own. The kit's random x86 cases use
 * 16 (four MAXPHYADDR values, with PSE-36 and 1 GB pages each on or off), in no particular order: with fewer
 * machines than that a thread starts a new process for most cases, and a certification spent over seven of its
 * eight minutes starting QEMU. Each machine holds about 40 MB.
 */
final class MachinePool {

    static final int PER_THREAD = 16;
    /** Per-exchange deadline; a vCPU that does not stop in this time is a hung QEMU. */
    static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("qemu.timeoutSeconds", 10));

    private static final ThreadLocal<LinkedHashMap<String, QemuMachine>> MACHINES =
            ThreadLocal.withInitial(() -> new LinkedHashMap<>(4, 0.75f, true));

    private MachinePool() {}

    /** QEMU's {@code -cpu} argument for a model: {@code max} with the physical-address width and each feature on or off. */
    static String cpuArgument(CpuModel model) {
        StringBuilder s = new StringBuilder("max,phys-bits=").append(model.maxPhysAddr());
        Map<CpuFeature, String> names = Map.of(
                CpuFeature.PSE36,
                "pse36",
                CpuFeature.NX,
                "nx",
                CpuFeature.PAGE_1GB,
                "pdpe1gb",
                CpuFeature.LA57,
                "la57",
                CpuFeature.SMEP,
                "smep",
                CpuFeature.SMAP,
                "smap",
                CpuFeature.PKU,
                "pku",
                CpuFeature.PKS,
                "pks");
        for (CpuFeature f : CpuFeature.values()) {
            s.append(',').append(model.has(f) ? '+' : '-').append(names.get(f));
        }
        return s.toString();
    }

    private static final java.util.concurrent.ConcurrentHashMap<CpuModel, String> ARGUMENTS =
            new java.util.concurrent.ConcurrentHashMap<>();

    static String key(CpuModel model, long guestRamBytes) {
        // asked for every query while a batch runs: the -cpu argument is built once per model
        return ARGUMENTS.computeIfAbsent(model, MachinePool::cpuArgument) + "/" + guestRamBytes;
    }

    /** Where this thread's queries for the model go: the batch's cache while a batch runs, else the machine. */
    static MachineAccess access(CpuModel model, long guestRamBytes) {
        QueryCache batch = QemuBatching.active(model, guestRamBytes);
        if (batch != null) {
            return batch;
        }
        QemuMachine m = machine(model, guestRamBytes);
        return m::access;
    }

    /** This thread's machine for the model and RAM size, started if needed. */
    static QemuMachine machine(CpuModel model, long guestRamBytes) {
        String key = key(model, guestRamBytes);
        LinkedHashMap<String, QemuMachine> mine = MACHINES.get();
        QemuMachine m = mine.get(key);
        if (m == null) {
            m = new QemuMachine(cpuArgument(model), guestRamBytes, TIMEOUT);
            mine.put(key, m);
            while (mine.size() > PER_THREAD) {
                String eldest = mine.keySet().iterator().next();
                mine.remove(eldest).close();
            }
        }
        return m;
    }

    /** Closes this thread's machines. */
    static void closeAll() {
        MACHINES.get().values().forEach(QemuMachine::close);
        MACHINES.get().clear();
    }
}
