package org.gmck.kit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.gmck.spi.ConformanceAdapter;

/**
 * Finds an adapter with {@link ServiceLoader} by the name it gives itself, and reads its metadata: the functions
 * an {@link AdapterRun} chooses its adapter with. The command line names the adapter with the
 * {@code conformance.adapter} system property (default {@code reference}). Holds no state.
 */
public final class Adapters {

    /** The system property naming the adapter under test. */
    public static final String PROPERTY = "conformance.adapter";

    public static final String DEFAULT = "reference";

    private Adapters() {}

    /** The adapter name the command line asks for. */
    public static String commandLineName() {
        return System.getProperty(PROPERTY, DEFAULT).trim();
    }

    /**
     * Loads every adapter the class path lists, each on its own: one whose class cannot be loaded, whose
     * constructor throws or whose {@code name()} fails is reported with its own message and does not stop the
     * others from being chosen.
     */
    static Selection lookUp(String name) {
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
    static Selection pinned(ConformanceAdapter adapter) {
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

    static final class Selection {
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
