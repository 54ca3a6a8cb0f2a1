package org.gmck.kit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the checks of a run find their {@link AdapterRun}: the one registry of runs in the kit, and the only
 * state about runs the JVM holds. A run is here only while whoever started it holds its {@link Binding}: it is
 * known by its id (JUnit Jupiter checks are given it by the id in the configuration parameter
 * {@value #PARAMETER}) and is the run of the thread that bound it (Cucumber's step definitions, which see no
 * configuration, take it from the thread they run on). Several runs may be open at once, on different threads.
 *
 * <p>A suite started without a run (by a build tool running the suite class directly) runs against the adapter
 * the command line names, chosen once per name.
 */
public final class AdapterRuns {

    /** The configuration parameter that carries a run's id to the checks. */
    public static final String PARAMETER = "gmck.run";

    private static final Map<String, AdapterRun> OPEN = new ConcurrentHashMap<>();
    private static final Map<String, AdapterRun> COMMAND_LINE = new ConcurrentHashMap<>();
    private static final ThreadLocal<Deque<AdapterRun>> BOUND = ThreadLocal.withInitial(ArrayDeque::new);

    private AdapterRuns() {}

    /** The run bound to this thread, else the run of the adapter the command line names. */
    public static AdapterRun current() {
        AdapterRun bound = BOUND.get().peek();
        return bound != null ? bound : COMMAND_LINE.computeIfAbsent(Adapters.commandLineName(), AdapterRun::named);
    }

    /** The run with this id while it is open; without an id (or for a closed run), {@link #current()}. */
    public static AdapterRun byId(Optional<String> id) {
        return id.map(OPEN::get).orElseGet(AdapterRuns::current);
    }

    /**
     * Before a scenario, a model sequence or an x86 case: the adapter of the run bound to this thread, if it keeps
     * its objects for the kit ({@link ScopedAdapter}), may drop every object handed out so far. Does nothing
     * without a bound run, or for an adapter in this JVM.
     */
    public static void release() {
        AdapterRun bound = BOUND.get().peek();
        if (bound != null) {
            bound.release();
        }
    }

    static Binding bind(AdapterRun run) {
        OPEN.put(run.id(), run);
        Deque<AdapterRun> bound = BOUND.get();
        bound.push(run);
        Thread owner = Thread.currentThread();
        return () -> {
            if (Thread.currentThread() != owner) {
                throw new IllegalStateException("a run is unbound on the thread that bound it");
            }
            bound.remove(run);
            OPEN.remove(run.id());
        };
    }

    /** An open run; closing it ends the run's registration and its binding to the thread. */
    @FunctionalInterface
    public interface Binding extends AutoCloseable {
        @Override
        void close();
    }
}
