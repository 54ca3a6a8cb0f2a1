package org.gmck.selftest;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Wraps one SPI object so that a fault replaces some of its methods: every non-private method {@code overrides}
 * declares (private ones are its helpers) with the name and parameter types of one of {@code type}'s runs instead of the real one, and every other
 * call goes to {@code real}. A fault is then only the methods it changes, for example
 * <pre>{@code
 * Intercept.of(Monitor.class, real, new Object() {
 *     int hostMemoryPressure(int pages) { return pages < 0 ? 0 : real.hostMemoryPressure(pages); }
 * })
 * }</pre>
 * An override whose signature matches no method of {@code type} is a mistake in the fault and fails at once.
 */
public final class Intercept {

    private Intercept() {}

    public static <T> T of(Class<T> type, T real, Object overrides) {
        Map<Method, Method> replaced = new HashMap<>();
        for (Method override : overrides.getClass().getDeclaredMethods()) {
            if (override.isSynthetic() || java.lang.reflect.Modifier.isPrivate(override.getModifiers())) {
                continue;
            }
            Method target = Arrays.stream(type.getMethods())
                    .filter(m -> m.getName().equals(override.getName())
                            && Arrays.equals(m.getParameterTypes(), override.getParameterTypes()))
                    .findFirst()
                    .orElseThrow(
                            () -> new IllegalArgumentException(override + " overrides nothing in " + type.getName()));
            override.setAccessible(true);
            replaced.put(target, override);
        }
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            Method override = replaced.get(method);
            if (override != null) {
                return call(override, overrides, args);
            }
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("equals")
                        ? self == args[0]
                        : method.getName().equals("hashCode") ? System.identityHashCode(self) : "faulty " + real;
            }
            return call(method, real, args);
        });
        return type.cast(proxy);
    }

    private static Object call(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
