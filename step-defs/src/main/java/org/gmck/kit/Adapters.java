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

    /** An adapter the service list names, made, with the name it gives itself. */
    public record Listed(String name, ConformanceAdapter adapter) {}

    /**
     * The adapters a service list names, each made and asked its name on its own (each call within
     * {@code timeout}): one whose class cannot be loaded, whose constructor throws or whose {@code name()} fails
     * is in {@code broken} with its own message and does not keep the others out.
     */
    public record Listing(List<Listed> adapters, List<String> broken) {

        /** The names found, sorted. */
        public List<String> names() {
            return adapters.stream().map(Listed::name).sorted().toList();
        }

        /** "; adapters that could not be loaded: ..." when some could not, else empty. */
        public String brokenSuffix() {
            return broken.isEmpty() ? "" : "; adapters that could not be loaded: " + String.join("; ", broken);
        }
    }

    /**
     * Every adapter {@code loader}'s {@code META-INF/services} list names (see {@link Listing}).
     *
     * @throws ServiceConfigurationError when the list itself cannot be read
     */
    public static Listing list(ClassLoader loader, Duration timeout) {
        List<Listed> adapters = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        Iterator<ServiceLoader.Provider<ConformanceAdapter>> providers =
                ServiceLoader.load(ConformanceAdapter.class, loader).stream().iterator();
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
            ConformanceAdapter adapter;
            try {
                adapter = provider.get();
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                broken.add(provider.type().getName() + " cannot be constructed: "
                        + message(e.getCause() != null ? e.getCause() : e));
                continue;
            }
            try {
                adapters.add(new Listed(AdapterMetadata.nameOf(adapter, timeout), adapter));
            } catch (AdapterMetadata.Invalid e) {
                broken.add(e.getMessage());
            }
        }
        return new Listing(List.copyOf(adapters), List.copyOf(broken));
    }

    /** Chooses the adapter named {@code name} among those the class path lists (see {@link #list}). */
    static Selection lookUp(String name) {
        if (name.isEmpty()) {
            return Selection.failed("-D" + PROPERTY + " is empty; name the adapter to certify");
        }
        Listing listing;
        try {
            listing = list(Thread.currentThread().getContextClassLoader(), metadataTimeout());
        } catch (ServiceConfigurationError e) {
            return Selection.failed(
                    "META-INF/services/" + ConformanceAdapter.class.getName() + " cannot be read: " + e.getMessage());
        }
        List<String> names = listing.names();
        List<ConformanceAdapter> matching = listing.adapters().stream()
                .filter(l -> l.name().equals(name))
                .map(Listed::adapter)
                .toList();
        if (matching.isEmpty()) {
            return Selection.failed("No conformance adapter named '" + name + "' on the class path; found: "
                    + (names.isEmpty() ? "none" : String.join(", ", names)) + listing.brokenSuffix()
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
