package org.gmck.kit.protocol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.common.Status;

/**
 * The SPI as the adapter protocol sees it, read once by reflection: every method an implementation answers
 * (entry points of {@link ConformanceAdapter} as {@code adapter.NAME}, methods of the interfaces they hand out
 * as {@code Interface.method}), every value type that crosses, and every status a refusal can carry. The
 * protocol's schemas, its document, the server and the client proxies are all derived from it, so the
 * protocol cannot name a method, a field or a status the SPI does not have.
 */
public final class SpiModel {

    /** The prefix of the methods of the adapter itself. */
    public static final String ADAPTER = "adapter";
    /** The handshake: the adapter's name, version, profiles and parameters. */
    public static final String DESCRIBE = ADAPTER + ".describe";
    /** The end of a scenario: every handle is dropped. */
    public static final String RESET = ADAPTER + ".reset";

    private static final String SPI_PACKAGE = "org.gmck.spi";
    /** The metadata methods of the adapter, answered together by {@link #DESCRIBE}. */
    private static final Set<String> DESCRIBED = Set.of("name", "version", "profiles", "parameters");

    private static final SpiModel SPI = new SpiModel();

    /** One method of the protocol that calls a method of the SPI. */
    public record Call(String name, Class<?> service, Method method, List<Param> params, boolean optional) {

        /** The type the method returns, with its type arguments. */
        public Type result() {
            return method.getGenericReturnType();
        }

        /** Whether the method is an entry point of the adapter, called without a handle. */
        public boolean entryPoint() {
            return service == ConformanceAdapter.class;
        }
    }

    /** One named parameter of a method. */
    public record Param(String name, Type type) {}

    private final Map<String, Call> calls = new TreeMap<>();
    private final Map<Method, Call> byMethod = new HashMap<>();
    private final Map<String, Class<?>> services = new TreeMap<>();
    private final Map<String, Class<?>> values = new TreeMap<>();
    private final Map<String, Class<?>> statuses = new TreeMap<>();

    private SpiModel() {
        List<Method> entries = Arrays.stream(ConformanceAdapter.class.getMethods())
                .filter(m -> !DESCRIBED.contains(m.getName()) && !Modifier.isStatic(m.getModifiers()))
                .toList();
        addMethods(ConformanceAdapter.class, entries);
        for (String status : scanStatuses()) {
            try {
                Class<?> type = Class.forName(status, false, ConformanceAdapter.class.getClassLoader());
                statuses.put(type.getSimpleName(), type);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The SPI on the class path. */
    public static SpiModel spi() {
        return SPI;
    }

    /** Every call, by protocol name. */
    public Map<String, Call> calls() {
        return java.util.Collections.unmodifiableMap(calls);
    }

    /** The call of an SPI method (an inherited one is named after the interface that declares it). */
    public Optional<Call> call(Method method) {
        return Optional.ofNullable(byMethod.get(method));
    }

    /** Every interface the adapter hands out as a handle, by simple name. */
    public Map<String, Class<?>> services() {
        return java.util.Collections.unmodifiableMap(services);
    }

    /** Every value type (record, enum, sealed interface) that crosses, by {@link #typeName}. */
    public Map<String, Class<?>> values() {
        return java.util.Collections.unmodifiableMap(values);
    }

    /** Every status enum, by its simple name (the domain of a refusal). */
    public Map<String, Class<?>> statuses() {
        return java.util.Collections.unmodifiableMap(statuses);
    }

    /** The name of a value type in the schemas: its package below {@code org.gmck.spi} and its nested name. */
    public static String typeName(Class<?> type) {
        return type.getName().substring(SPI_PACKAGE.length() + 1).replace('$', '.');
    }

    /** Whether {@code type} is an interface of the SPI that the adapter hands out (as a handle). */
    public static boolean isService(Class<?> type) {
        return type.isInterface()
                && !type.isSealed()
                && type.getPackageName().startsWith(SPI_PACKAGE)
                && type != Status.class;
    }

    private void addService(Class<?> type) {
        if (services.containsKey(type.getSimpleName())) {
            if (services.get(type.getSimpleName()) != type) {
                throw new IllegalStateException("two SPI interfaces are named " + type.getSimpleName());
            }
            return;
        }
        services.put(type.getSimpleName(), type);
        for (Class<?> parent : type.getInterfaces()) {
            addService(parent);
        }
        addMethods(type, Arrays.asList(type.getDeclaredMethods()));
    }

    private void addMethods(Class<?> service, List<Method> declared) {
        Map<String, List<Method>> byName = new LinkedHashMap<>();
        declared.stream()
                .filter(m ->
                        Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic())
                .sorted(Comparator.comparing(Method::getName).thenComparing(Method::getParameterCount))
                .forEach(m -> byName.computeIfAbsent(m.getName(), n -> new ArrayList<>())
                        .add(m));
        String prefix = service == ConformanceAdapter.class ? ADAPTER : service.getSimpleName();
        for (List<Method> overloads : byName.values()) {
            Method shortest = overloads.get(0);
            for (Method m : overloads) {
                String name = prefix + "." + m.getName() + overloadSuffix(shortest, m);
                List<Param> params = new ArrayList<>();
                for (Parameter p : m.getParameters()) {
                    if (!p.isNamePresent()) {
                        throw new IllegalStateException("the SPI was compiled without -parameters: " + m);
                    }
                    if (p.getName().equals(Codec.THIS)) {
                        throw new IllegalStateException(m + " has a parameter named " + Codec.THIS);
                    }
                    params.add(new Param(p.getName(), p.getParameterizedType()));
                    walk(p.getParameterizedType(), m, true);
                }
                walk(m.getGenericReturnType(), m, false);
                Call call = new Call(name, service, m, List.copyOf(params), m.isDefault());
                if (calls.put(name, call) != null) {
                    throw new IllegalStateException("two SPI methods map to " + name);
                }
                byMethod.put(m, call);
            }
        }
    }

    /**
     * Overloads: the one with the fewest parameters keeps the name; one that adds parameters to it is named
     * after them ({@code packedRecord(gcPhys, layout)} is {@code packedRecordWithLayout}).
     */
    private static String overloadSuffix(Method shortest, Method m) {
        if (m == shortest) {
            return "";
        }
        Parameter[] base = shortest.getParameters();
        Parameter[] more = m.getParameters();
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < more.length; i++) {
            if (i < base.length) {
                if (!base[i].getName().equals(more[i].getName())) {
                    throw new IllegalStateException("overload " + m + " does not extend " + shortest);
                }
            } else {
                String n = more[i].getName();
                suffix.append(i == base.length ? "With" : "And")
                        .append(Character.toUpperCase(n.charAt(0)))
                        .append(n.substring(1));
            }
        }
        return suffix.toString();
    }

    private void walk(Type type, Method where, boolean parameter) {
        if (type instanceof ParameterizedType p) {
            for (Type argument : p.getActualTypeArguments()) {
                walk(argument, where, parameter);
            }
            walk(p.getRawType(), where, parameter);
            return;
        }
        if (type instanceof GenericArrayType a) {
            walk(a.getGenericComponentType(), where, parameter);
            return;
        }
        if (!(type instanceof Class<?> c)) {
            throw new IllegalStateException("unsupported type " + type + " in " + where);
        }
        if (c.isArray()) {
            walk(c.getComponentType(), where, parameter);
            return;
        }
        if (c.isPrimitive()
                || c == String.class
                || c == Long.class
                || c == Integer.class
                || c == Boolean.class
                || c == List.class
                || c == Set.class
                || c == Map.class
                || c == Optional.class
                || c == OptionalLong.class) {
            return;
        }
        if (!c.getPackageName().startsWith(SPI_PACKAGE)) {
            throw new IllegalStateException("the protocol has no encoding for " + c.getName() + " in " + where);
        }
        if (isService(c)) {
            if (parameter) {
                throw new IllegalStateException(
                        "an SPI method takes an interface the kit would implement (a callback): " + where);
            }
            addService(c);
            return;
        }
        if (values.containsKey(typeName(c))) {
            return;
        }
        if (c.isEnum()) {
            values.put(typeName(c), c);
        } else if (c.isRecord()) {
            values.put(typeName(c), c);
            for (RecordComponent component : c.getRecordComponents()) {
                walk(component.getGenericType(), where, parameter);
            }
        } else if (c.isSealed()) {
            values.put(typeName(c), c);
            for (Class<?> sub : c.getPermittedSubclasses()) {
                if (!sub.isRecord()) {
                    throw new IllegalStateException("a sealed SPI type permits a non-record: " + sub);
                }
                for (RecordComponent component : sub.getRecordComponents()) {
                    if (component.getName().equals(Codec.VARIANT)) {
                        throw new IllegalStateException(sub + " has a component named " + Codec.VARIANT);
                    }
                }
                walk(sub, where, parameter);
            }
        } else {
            throw new IllegalStateException("the protocol has no encoding for " + c.getName() + " in " + where);
        }
    }

    /** The class names of every enum of the SPI that implements {@link Status}. */
    private static List<String> scanStatuses() {
        List<String> names;
        try {
            Path location = Path.of(ConformanceAdapter.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    names = files.map(f -> location.relativize(f).toString().replace('\\', '/'))
                            .filter(f -> f.endsWith(".class"))
                            .toList();
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    names = jar.stream()
                            .map(e -> e.getName())
                            .filter(f -> f.endsWith(".class"))
                            .toList();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<String> found = new ArrayList<>();
        for (String file : names) {
            String name = file.substring(0, file.length() - ".class".length()).replace('/', '.');
            if (!name.startsWith(SPI_PACKAGE)) {
                continue;
            }
            try {
                Class<?> type = Class.forName(name, false, ConformanceAdapter.class.getClassLoader());
                if (type.isEnum() && Status.class.isAssignableFrom(type)) {
                    found.add(name);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException("cannot load " + name, e);
            }
        }
        return found;
    }
}
