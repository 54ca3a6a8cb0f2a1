package org.gmck.kit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.Callable;
import org.gmck.spi.ConformanceAdapter;

/**
 * Puts every call into the adapter, and into the SPI objects it hands out (facets, contexts), under a
 * {@link CallGuard}: a scenario's (see {@link ScenarioContext}) or another check's (see {@link CheckGuard}).
 * Values (records, enums, sealed interfaces, collections) are copied as they cross (see {@link Values}), so
 * no check keeps an object the adapter can still change.
 */
final class GuardedAdapter {

    /** Whether a declared return type is an SPI service interface; asked on every call, so worked out once. */
    private static final ClassValue<Boolean> SERVICE_TYPE = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return type.isInterface()
                    && !type.isSealed()
                    && type.getPackageName().startsWith("org.gmck.spi");
        }
    };

    private GuardedAdapter() {}

    static ConformanceAdapter wrap(ConformanceAdapter adapter, CallGuard context) {
        return (ConformanceAdapter) guard(adapter, ConformanceAdapter.class, context);
    }

    private static Object guard(Object target, Class<?> type, CallGuard context) {
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(proxy, target, method, args);
            }
            Callable<Object> call = () -> {
                Object returned;
                try {
                    returned = method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw rethrowable(e.getCause());
                }
                return guards(method.getReturnType(), returned) ? returned : Values.freeze(returned);
            };
            Object result = context.call(type.getSimpleName() + "." + method.getName(), call);
            return guards(method.getReturnType(), result) ? guard(result, method.getReturnType(), context) : result;
        });
    }

    /** SPI service interfaces are guarded; values are not. */
    private static boolean guards(Class<?> type, Object result) {
        return result != null
                && SERVICE_TYPE.get(type)
                && !result.getClass().isRecord()
                && !result.getClass().isEnum();
    }

    private static Object objectMethod(Object proxy, Object target, Method method, Object[] args) {
        switch (method.getName()) {
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            default:
                return target.toString();
        }
    }

    private static Exception rethrowable(Throwable thrown) {
        if (thrown instanceof Exception) {
            return (Exception) thrown;
        }
        return new AdapterError(thrown);
    }

    /** Carries an {@link Error} thrown by the adapter across the call's thread. */
    static final class AdapterError extends Exception {
        private static final long serialVersionUID = 1L;

        AdapterError(Throwable cause) {
            super(cause);
        }
    }
}
