package org.gmck.kit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The one way the kit checks that a refused call changed nothing. A domain's world takes a snapshot, a record
 * of everything the SPI lets the kit observe of that domain (its components named after what they hold: free
 * pages, chunks, page records, shadow entries...), before the call and again after it; {@link #changes}
 * compares the two component by component and names each component that differs, with its value before and
 * after. {@link ScenarioContext#expectUnchanged} turns a difference into the scenario's failure.
 *
 * <p>A component that is a map is compared key by key (named {@code component[key]}), and one that is itself a
 * record component by component (named {@code component.inner}), so that a change deep in a snapshot names
 * the one value that changed. Anything else is compared with {@link Objects#equals}.
 */
public final class StateSnapshot {

    /** Shown for a map key that one of the two snapshots does not have. */
    public static final String ABSENT = "(absent)";

    private StateSnapshot() {}

    /**
     * One value that differs between two snapshots.
     *
     * @param field  the component's name, with the map key or inner component it reached
     * @param before the value in the snapshot taken before the call
     * @param after  the value in the snapshot taken after it
     */
    public record Change(String field, Object before, Object after) {

        @Override
        public String toString() {
            return field + ": " + before + " -> " + after;
        }
    }

    /** Every value that differs between {@code before} and {@code after}, two snapshots of the same kind. */
    public static List<Change> changes(Record before, Record after) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (before.getClass() != after.getClass()) {
            throw new IllegalArgumentException("a " + before.getClass().getSimpleName() + " cannot be compared with a "
                    + after.getClass().getSimpleName());
        }
        List<Change> changes = new ArrayList<>();
        compareRecords("", before, after, changes);
        return List.copyOf(changes);
    }

    private static void compareRecords(String prefix, Record before, Record after, List<Change> changes) {
        for (RecordComponent component : before.getClass().getRecordComponents()) {
            compare(prefix + component.getName(), read(component, before), read(component, after), changes);
        }
    }

    private static void compare(String field, Object before, Object after, List<Change> changes) {
        if (before instanceof Map<?, ?> b && after instanceof Map<?, ?> a) {
            Set<Object> keys = new LinkedHashSet<>(b.keySet());
            keys.addAll(a.keySet());
            for (Object key : keys) {
                compare(
                        field + "[" + key + "]",
                        b.containsKey(key) ? b.get(key) : ABSENT,
                        a.containsKey(key) ? a.get(key) : ABSENT,
                        changes);
            }
        } else if (before instanceof Record b && after instanceof Record a && b.getClass() == a.getClass()) {
            compareRecords(field + ".", b, a, changes);
        } else if (!Objects.equals(before, after)) {
            changes.add(new Change(field, before, after));
        }
    }

    private static Object read(RecordComponent component, Record snapshot) {
        Method accessor = component.getAccessor();
        try {
            accessor.setAccessible(true);
            return accessor.invoke(snapshot);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("the snapshot component " + component.getName() + " cannot be read", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(
                    "the snapshot component " + component.getName() + " cannot be read", e.getCause());
        }
    }
}
