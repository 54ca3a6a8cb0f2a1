package org.gmck.kit;

import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.Profile;

/**
 * Finds the adapter under test with {@link ServiceLoader} and the {@code conformance.adapter} system
 * property (default {@code reference}). The choice is made once per run.
 */
public final class Adapters {

    /** The system property naming the adapter under test. */
    public static final String PROPERTY = "conformance.adapter";
    public static final String DEFAULT = "reference";

    private static volatile ConformanceAdapter selected;
    private static volatile AdapterSelectionError failure;

    private Adapters() {
    }

    /** The name asked for on the command line. */
    public static String requestedName() {
        return System.getProperty(PROPERTY, DEFAULT).trim();
    }

    /** The selected adapter; throws the same {@link AdapterSelectionError} on every call if there is none. */
    public static ConformanceAdapter selected() {
        if (selected == null && failure == null) {
            select();
        }
        if (failure != null) {
            throw failure;
        }
        return selected;
    }

    private static synchronized void select() {
        if (selected != null || failure != null) {
            return;
        }
        String name = requestedName();
        List<ConformanceAdapter> found;
        try {
            found = ServiceLoader.load(ConformanceAdapter.class).stream()
                    .map(ServiceLoader.Provider::get)
                    .collect(Collectors.toList());
        } catch (ServiceConfigurationError e) {
            failure = new AdapterSelectionError("An adapter listed in META-INF/services/"
                    + ConformanceAdapter.class.getName() + " cannot be loaded: " + e.getMessage());
            return;
        }
        List<ConformanceAdapter> matching = found.stream().filter(a -> a.name().equals(name)).collect(Collectors.toList());
        String names = found.stream().map(ConformanceAdapter::name).sorted().collect(Collectors.joining(", "));
        if (matching.size() != 1) {
            failure = new AdapterSelectionError(matching.isEmpty()
                    ? "No conformance adapter named '" + name + "' on the class path; found: "
                            + (names.isEmpty() ? "none" : names)
                            + ". Choose one with -D" + PROPERTY + "=NAME, or list yours in "
                            + "META-INF/services/" + ConformanceAdapter.class.getName() + "."
                    : matching.size() + " adapters are named '" + name + "'; names must be unique (found: " + names + ").");
            return;
        }
        ConformanceAdapter adapter = matching.get(0);
        for (Profile p : adapter.profiles()) {
            if (p.parent().isPresent() && !adapter.profiles().contains(p.parent().get())) {
                failure = new AdapterSelectionError("Adapter '" + name + "' declares sub-profile '" + p.id()
                        + "' without its parent profile '" + p.parent().get().id() + "'.");
                return;
            }
        }
        selected = adapter;
    }

    /** Raised, once per run and fast, when the requested adapter cannot be chosen. */
    public static final class AdapterSelectionError extends Error {
        private static final long serialVersionUID = 1L;

        AdapterSelectionError(String message) {
            super(message);
        }
    }
}
