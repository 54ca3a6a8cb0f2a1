package org.gmck.kit;

import java.util.UUID;
import java.util.function.Supplier;
import org.gmck.spi.ConformanceAdapter;

/**
 * One run of the kit against one adapter: the adapter under test, chosen once for the whole run (by name
 * through {@link java.util.ServiceLoader}, or given as an instance) with its metadata read once, and the id the
 * run is known by. Whoever starts a run makes one and passes it on: to the JUnit Platform as the configuration
 * parameter {@value AdapterRuns#PARAMETER} (its id), and to the step definitions, which Cucumber gives no
 * configuration, by {@link #bind() binding} it to the thread the run executes on; see {@link AdapterRuns}.
 */
public final class AdapterRun {

    private final String id;
    private final String requestedName;
    private final Supplier<Adapters.Selection> choose;
    private Adapters.Selection selection;

    private AdapterRun(String requestedName, Supplier<Adapters.Selection> choose) {
        this.id = UUID.randomUUID().toString();
        this.requestedName = requestedName;
        this.choose = choose;
    }

    /** A run of the adapter that names itself {@code name}, looked up on the class path when first needed. */
    public static AdapterRun named(String name) {
        return new AdapterRun(name, () -> Adapters.lookUp(name));
    }

    /** A run of the adapter the command line names ({@value Adapters#PROPERTY}). */
    public static AdapterRun fromCommandLine() {
        return named(Adapters.commandLineName());
    }

    /** A run of this adapter instance, whatever the command line names. */
    public static AdapterRun of(ConformanceAdapter adapter) {
        return new AdapterRun(adapter.getClass().getName(), () -> Adapters.pinned(adapter));
    }

    /** The id the run is known by in {@link AdapterRuns}. */
    public String id() {
        return id;
    }

    /** The name asked for: the class of the instance given, or the name on the command line. */
    public String requestedName() {
        return requestedName;
    }

    /** The adapter under test; throws the same {@link Adapters.AdapterSelectionError} on every call if there is none. */
    public ConformanceAdapter selected() {
        Adapters.Selection s = selection();
        if (s.failure != null) {
            throw s.failure;
        }
        return s.adapter;
    }

    /** The metadata of the adapter under test, as read once when it was chosen. */
    public AdapterMetadata metadata() {
        return ((PinnedAdapter) selected()).metadata();
    }

    /**
     * The adapter under test as it was given or found, without the kit's wrapping; fails like {@link #selected()}
     * when there is none.
     */
    public ConformanceAdapter implementation() {
        return ((PinnedAdapter) selected()).adapter();
    }

    /** Tells a {@link ScopedAdapter} under test that the objects it handed out so far are no longer needed. */
    void release() {
        Adapters.Selection s = selection();
        if (s.adapter instanceof PinnedAdapter p && p.adapter() instanceof ScopedAdapter scoped) {
            scoped.release();
        }
    }

    private synchronized Adapters.Selection selection() {
        if (selection == null) {
            selection = choose.get();
        }
        return selection;
    }

    /**
     * Makes this run known by its id and the run of the calling thread, until the returned binding is closed:
     * a launcher that runs the suite on this thread (the JUnit Platform runs Cucumber's scenarios and the
     * checks on the thread that called it) runs it against this run's adapter.
     */
    public AdapterRuns.Binding bind() {
        return AdapterRuns.bind(this);
    }
}
