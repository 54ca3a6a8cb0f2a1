package org.gmck.kit;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Values cross the SPI boundary once: everything an adapter returns is copied into values the adapter can no
 * longer change, so that no check ever holds an adapter's live object. Lists, sets and maps become
 * unmodifiable copies (nulls kept, for the checks to see), arrays are cloned, optionals and records are
 * rebuilt from frozen parts; enums, strings and numbers are immutable already. An adapter that hands out one
 * list and refills it on every call is then compared with what it said at the time, not with itself.
 */
public final class Values {

    private static final ClassValue<RecordCopier> COPIERS = new ClassValue<>() {
        @Override
        protected RecordCopier computeValue(Class<?> type) {
            return RecordCopier.of(type);
        }
    };

    private Values() {}

    /** A copy of {@code value} that does not change when the adapter changes its own objects. */
    public static Object freeze(Object value) {
        if (value == null
                || value instanceof String
                || value instanceof Number
                || value instanceof Boolean
                || value instanceof Character
                || value instanceof Enum<?>) {
            return value;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(e -> copy.add(freeze(e)));
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof Set<?> set) {
            Set<Object> copy = new LinkedHashSet<>();
            set.forEach(e -> copy.add(freeze(e)));
            return Collections.unmodifiableSet(copy);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(freeze(k), freeze(v)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof Optional<?> optional) {
            return optional.map(Values::freeze);
        }
        if (value.getClass().isArray()) {
            return array(value);
        }
        if (value.getClass().isRecord()) {
            return record(value);
        }
        return value;
    }

    private static Object array(Object array) {
        if (array instanceof long[] a) {
            return a.clone();
        }
        if (array instanceof int[] a) {
            return a.clone();
        }
        if (array instanceof byte[] a) {
            return a.clone();
        }
        if (array instanceof boolean[] a) {
            return a.clone();
        }
        if (array instanceof short[] a) {
            return a.clone();
        }
        if (array instanceof char[] a) {
            return a.clone();
        }
        if (array instanceof double[] a) {
            return a.clone();
        }
        if (array instanceof float[] a) {
            return a.clone();
        }
        Object[] copy = ((Object[]) array).clone();
        for (int i = 0; i < copy.length; i++) {
            copy[i] = freeze(copy[i]);
        }
        return copy;
    }

    private static Object record(Object value) {
        RecordCopier copier = COPIERS.get(value.getClass());
        Object[] parts = new Object[copier.accessors.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                parts[i] = freeze(copier.accessors[i].invoke(value));
            }
            return copier.constructor.newInstance(parts);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("copying " + value.getClass().getName() + " failed: " + cause, cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + value.getClass().getName(), e);
        }
    }

    /**
     * The accessors and canonical constructor of one record class, looked up once: reflection objects asked for
     * afresh on every copy are never optimised by the JVM, and copying is on the path of every adapter call.
     */
    private record RecordCopier(Method[] accessors, Constructor<?> constructor) {

        static RecordCopier of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] accessors = new Method[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true);
                types[i] = components[i].getType();
            }
            try {
                Constructor<?> c = type.getDeclaredConstructor(types);
                c.setAccessible(true);
                return new RecordCopier(accessors, c);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("record " + type.getName() + " has no canonical constructor", e);
            }
        }
    }
}
