package org.gmck.kit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.gmck.spi.ConformanceAdapter;

/**
 * Finds the adapter under test with {@link ServiceLoader} and the {@code conformance.adapter} system
 * property (default {@code reference}).
 *
 * <p>The choice is made once per run: {@link #forget()} (called when a run starts) drops it, so that
 * several runs in one JVM can certify different adapters, and {@link #use(ConformanceAdapter)} puts an
 * adapter instance in place of the service lookup for the duration of one in-JVM run.
 */
public final class Adapters {

    /** The system property naming the adapter under test. */
    public static final String PROPERTY = "conformance.adapter";

    public static final String DEFAULT = "reference";

    private static volatile ConformanceAdapter override;
    private static volatile Selection selection;

    private Adapters() {}

    /** The name asked for: the instance in use, or the one on the command line. */
    public static String requestedName() {
        ConformanceAdapter o = override;
        return o != null
                ? o.getClass().getName()
                : System.getProperty(PROPERTY, DEFAULT).trim();
    }

    /** The selected adapter; throws the same {@link AdapterSelectionError} on every call if there is none. */
    public static ConformanceAdapter selected() {
        Selection s = selection;
        if (s == null) {
            s = select();
        }
        if (s.failure != null) {
            throw s.failure;
        }
        return s.adapter;
    }

    /** Drops the cached choice; the next {@link #selected()} chooses again. */
    public static synchronized void forget() {
        selection = null;
    }

    /**
     * Certifies {@code adapter} instead of the one named by the system property until the returned handle
     * is closed. Meant for in-JVM runs of the kit (its own tests against known-bad adapters).
     */
    public static synchronized Use use(ConformanceAdapter adapter) {
        ConformanceAdapter previous = override;
        override = adapter;
        selection = null;
        return () -> {
            synchronized (Adapters.class) {
                override = previous;
                selection = null;
            }
        };
    }

    /** Runs {@code work} with {@code adapter} certified in place of the named one, as {@link #use} does. */
    public static <T> T during(ConformanceAdapter adapter, java.util.function.Supplier<T> work) {
        Use use = use(adapter);
        try {
            return work.get();
        } finally {
            use.close();
        }
    }

    private static synchronized Selection select() {
        if (selection != null) {
            return selection;
        }
        ConformanceAdapter o = override;
        selection = o != null ? pinned(o) : lookUp(requestedName());
        return selection;
    }

    /** The metadata of the selected adapter, as read once at the start of the run. */
    public static AdapterMetadata metadata() {
        return ((PinnedAdapter) selected()).metadata();
    }

    /**
     * Loads every adapter the class path lists, each on its own: one whose class cannot be loaded, whose
     * constructor throws or whose {@code name()} fails is reported with its own message and does not stop the
     * others from being chosen.
     */
    private static Selection lookUp(String name) {
        if (name.isEmpty()) {
            return Selection.failed("-D" + PROPERTY + " is empty; name the adapter to certify");
        }
        Duration timeout = metadataTimeout();
        List<ConformanceAdapter> matching = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        Iterator<ServiceLoader.Provider<ConformanceAdapter>> providers;
        try {
            providers = ServiceLoader.load(ConformanceAdapter.class).stream().iterator();
        } catch (ServiceConfigurationError e) {
            return Selection.failed(
                    "META-INF/services/" + ConformanceAdapter.class.getName() + " cannot be read: " + e.getMessage());
        }
        while (true) {
            ServiceLoader.Provider<ConformanceAdapter> provider;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                provider = providers.next();
            } catch (ServiceConfigurationError e) {
                broken.add(message(e));
                continue;
            }
            String type = provider.type().getName();
            ConformanceAdapter adapter;
            try {
                adapter = provider.get();
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                broken.add(type + " cannot be constructed: " + message(e.getCause() != null ? e.getCause() : e));
                continue;
            }
            try {
                String found = AdapterMetadata.nameOf(adapter, timeout);
                names.add(found);
                if (found.equals(name)) {
                    matching.add(adapter);
                }
            } catch (AdapterMetadata.Invalid e) {
                broken.add(e.getMessage());
            }
        }
        names.sort(null);
        String others = broken.isEmpty() ? "" : "; adapters that could not be loaded: " + String.join("; ", broken);
        if (matching.isEmpty()) {
            return Selection.failed("No conformance adapter named '" + name + "' on the class path; found: "
                    + (names.isEmpty() ? "none" : String.join(", ", names)) + others
                    + ". Choose one with -D" + PROPERTY + "=NAME, or list yours in META-INF/services/"
                    + ConformanceAdapter.class.getName() + ".");
        }
        if (matching.size() > 1) {
            return Selection.failed(matching.size() + " adapters are named '" + name
                    + "'; names must be unique (found: " + String.join(", ", names) + ").");
        }
        return pinned(matching.get(0));
    }

    private static String message(Throwable t) {
        return t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    /** Reads the adapter's metadata once, within the timeout per call, and pins it for the run. */
    private static Selection pinned(ConformanceAdapter adapter) {
        if (adapter instanceof PinnedAdapter p) {
            return new Selection(p, null);
        }
        try {
            return new Selection(new PinnedAdapter(adapter, AdapterMetadata.read(adapter, metadataTimeout())), null);
        } catch (AdapterMetadata.Invalid e) {
            return Selection.failed(e.getMessage());
        }
    }

    /** The run's timeout per call, or 10 s when the option is itself wrong (the run reports that separately). */
    private static Duration metadataTimeout() {
        try {
            return Timeouts.forRun();
        } catch (IllegalArgumentException e) {
            return Timeouts.parse(Timeouts.DEFAULT);
        }
    }

    /** Closes an in-JVM {@link #use(ConformanceAdapter)}. */
    @FunctionalInterface
    public interface Use extends AutoCloseable {
        @Override
        void close();
    }

    private static final class Selection {
        final ConformanceAdapter adapter;
        final AdapterSelectionError failure;

        Selection(ConformanceAdapter adapter, AdapterSelectionError failure) {
            this.adapter = adapter;
            this.failure = failure;
        }

        static Selection failed(String message) {
            return new Selection(null, new AdapterSelectionError(message));
        }
    }

    /** Raised, once per run and fast, when the requested adapter cannot be chosen. */
    public static final class AdapterSelectionError extends Error {
        private static final long serialVersionUID = 1L;

        AdapterSelectionError(String message) {
            super(message);
        }
    }
}
