package org.gmck.selftest;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Optional;
import org.gmck.reference.binding.ReferenceAdapter;
import org.gmck.spi.ConformanceAdapter;

/**
 * A deliberately broken implementation: the reference with one plausible fault. A subclass carries
 * {@link Breaks} and overrides the fault into one profile's facet by declaring a method named after that
 * facet's entry point in {@link ConformanceAdapter}, taking the reference's facet and returning the broken
 * one, for example {@code PagingModes pagingModes(PagingModes reference)}; an entry point with parameters,
 * such as {@code newX86Mmu(model, ram)}, is faulted the same way, by {@code X86Mmu newX86Mmu(X86Mmu reference)}
 * receiving what the reference made from them. Every other entry point is the
 * reference's, so the class stays small and works for profiles added later.
 */
public abstract class KnownBad {

    /** The adapter the kit certifies: the reference, with this class's fault applied. */
    public final ConformanceAdapter adapter() {
        ConformanceAdapter reference = new ReferenceAdapter();
        String name = "known-bad:"
                + (getClass().isAnonymousClass() ? "none" : getClass().getSimpleName());
        return (ConformanceAdapter) Proxy.newProxyInstance(
                ConformanceAdapter.class.getClassLoader(),
                new Class<?>[] {ConformanceAdapter.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("name") && method.getParameterCount() == 0) {
                        return name;
                    }
                    if (method.getName().equals("toString") && method.getParameterCount() == 0) {
                        return name;
                    }
                    Object real = invoke(method, reference, args);
                    Optional<Method> fault = faultFor(method);
                    return fault.isPresent() ? invoke(fault.get(), this, new Object[] {real}) : real;
                });
    }

    private Optional<Method> faultFor(Method entryPoint) {
        if (entryPoint.getReturnType() == void.class) {
            return Optional.empty();
        }
        return Arrays.stream(getClass().getDeclaredMethods())
                .filter(m -> m.getName().equals(entryPoint.getName())
                        && m.getParameterCount() == 1
                        && m.getParameterTypes()[0] == entryPoint.getReturnType())
                .peek(m -> m.setAccessible(true))
                .findFirst();
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
