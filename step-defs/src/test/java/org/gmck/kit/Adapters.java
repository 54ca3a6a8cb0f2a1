package org.gmck.kit;

import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.Profile;

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

    private Adapters() {
    }

    /** The name asked for: the instance in use, or the one on the command line. */
    public static String requestedName() {
        ConformanceAdapter o = override;
        return o != null ? o.name() : System.getProperty(PROPERTY, DEFAULT).trim();
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

    private static synchronized Selection select() {
        if (selection != null) {
            return selection;
        }
        ConformanceAdapter o = override;
        selection = o != null ? validated(o) : lookUp(requestedName());
        return selection;
    }

    private static Selection lookUp(String name) {
        List<ConformanceAdapter> found;
        try {
            found = ServiceLoader.load(ConformanceAdapter.class).stream()
                    .map(ServiceLoader.Provider::get)
                    .collect(Collectors.toList());
        } catch (ServiceConfigurationError e) {
            return Selection.failed("An adapter listed in META-INF/services/"
                    + ConformanceAdapter.class.getName() + " cannot be loaded: " + e.getMessage());
        }
        List<ConformanceAdapter> matching = found.stream().filter(a -> a.name().equals(name)).collect(Collectors.toList());
        String names = found.stream().map(ConformanceAdapter::name).sorted().collect(Collectors.joining(", "));
        if (matching.size() != 1) {
            return Selection.failed(matching.isEmpty()
                    ? "No conformance adapter named '" + name + "' on the class path; found: "
                            + (names.isEmpty() ? "none" : names)
                            + ". Choose one with -D" + PROPERTY + "=NAME, or list yours in "
                            + "META-INF/services/" + ConformanceAdapter.class.getName() + "."
                    : matching.size() + " adapters are named '" + name + "'; names must be unique (found: " + names + ").");
        }
        return validated(matching.get(0));
    }

    private static Selection validated(ConformanceAdapter adapter) {
        for (Profile p : adapter.profiles()) {
            if (p.parent().isPresent() && !adapter.profiles().contains(p.parent().get())) {
                return Selection.failed("Adapter '" + adapter.name() + "' declares sub-profile '" + p.id()
                        + "' without its parent profile '" + p.parent().get().id() + "'.");
            }
        }
        return new Selection(adapter, null);
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
