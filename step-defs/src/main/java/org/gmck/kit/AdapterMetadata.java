package org.gmck.kit;

import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.common.Profile;

/**
 * What an adapter says about itself, read once at the start of a run: its name, version, declared profiles
 * and parameters. Each is asked within the run's timeout per call and checked before anything runs, so that
 * an adapter that hangs, throws or answers null there stops the run with an error that names the call, and
 * a run never sees the profiles change under it.
 *
 * @param name                the adapter's name, as {@code -Dconformance.adapter} selects it
 * @param version             the implementation's version
 * @param implementationClass the adapter's class
 * @param profiles            the declared profiles (a sub-profile always with its parent)
 * @param parameters          the parameters the adapter records in the report, sorted by key
 */
public record AdapterMetadata(
        String name,
        String version,
        String implementationClass,
        Set<Profile> profiles,
        Map<String, String> parameters) {

    public AdapterMetadata {
        profiles = profiles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(profiles));
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(parameters)));
    }

    /** Asks the adapter, each call within {@code timeout}; throws {@link Invalid} naming what is wrong. */
    public static AdapterMetadata read(ConformanceAdapter adapter, Duration timeout) {
        CheckGuard guard = new CheckGuard(timeout);
        String type = adapter.getClass().getName();
        String name = text(ask(guard, adapter, "name()", adapter::name), type, "name()");
        String version =
                text(ask(guard, adapter, "version()", adapter::version), type + " ('" + name + "')", "version()");
        Object declared = ask(guard, adapter, "profiles()", adapter::profiles);
        Object parameters = ask(guard, adapter, "parameters()", adapter::parameters);
        String who = "adapter '" + name + "' (" + type + ")";
        Set<Profile> profiles = profiles(declared, who);
        Map<String, String> checked = parameters(parameters, who);
        org.gmck.kit.catalogue.Readings.bundled().misdeclared(checked).ifPresent(problem -> {
            throw new Invalid(who + ": " + problem + " (see CONFORMANCE.md, \"Declared readings\")");
        });
        return new AdapterMetadata(name, version, type, profiles, checked);
    }

    /** Only the name, within {@code timeout}: what choosing an adapter among several needs. */
    public static String nameOf(ConformanceAdapter adapter, Duration timeout) {
        return text(
                ask(new CheckGuard(timeout), adapter, "name()", adapter::name),
                adapter.getClass().getName(),
                "name()");
    }

    private static Object ask(
            CheckGuard guard, ConformanceAdapter adapter, String call, java.util.concurrent.Callable<Object> what) {
        try {
            return guard.call(adapter.getClass().getSimpleName() + "." + call, what);
        } catch (RuntimeException e) {
            throw new Invalid("adapter " + adapter.getClass().getName() + ": " + call + " failed: " + e.getMessage());
        }
    }

    private static String text(Object value, String who, String call) {
        if (!(value instanceof String s) || s.isBlank()) {
            throw new Invalid(who + ": " + call + " returned " + (value == null ? "null" : "'" + value + "'")
                    + "; it must return a non-blank text");
        }
        return s.strip();
    }

    private static Set<Profile> profiles(Object value, String who) {
        if (!(value instanceof Collection<?> c)) {
            throw new Invalid(
                    who + ": profiles() returned null; it must return the set of declared profiles (empty for none)");
        }
        Set<Profile> profiles = EnumSet.noneOf(Profile.class);
        for (Object p : c) {
            if (!(p instanceof Profile profile)) {
                throw new Invalid(who + ": profiles() contains " + p + ", which is not a profile");
            }
            profiles.add(profile);
        }
        for (Profile p : profiles) {
            if (p.parent().isPresent() && !profiles.contains(p.parent().get())) {
                throw new Invalid(who + " declares sub-profile '" + p.id() + "' without its parent profile '"
                        + p.parent().get().id() + "'");
            }
        }
        return profiles;
    }

    private static Map<String, String> parameters(Object value, String who) {
        if (!(value instanceof Map<?, ?> m)) {
            throw new Invalid(who + ": parameters() returned null; it must return a map (empty for none)");
        }
        Map<String, String> parameters = new TreeMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getKey() instanceof String k) || k.isBlank() || !(e.getValue() instanceof String v)) {
                throw new Invalid(who + ": parameters() has the entry " + e.getKey() + " = " + e.getValue()
                        + "; keys must be non-blank texts and values texts");
            }
            parameters.put(k, v);
        }
        return parameters;
    }

    /** An adapter's metadata that cannot be used; the run ends with an error that says this. */
    public static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }
}
