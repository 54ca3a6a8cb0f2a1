package org.gmck.kit.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The SPI's values as JSON and back, by one rule per kind of type (see {@code docs/adapter-protocol.md},
 * "Values"): a record is an object of its components, an enum the name of its constant, a sealed interface the
 * object of the record it is with the record's name under {@value #VARIANT}, a list or set an array, a map an
 * object, an optional its value or {@code null}, an {@code int} a JSON integer, a {@code long} a hexadecimal
 * string of its 64 bits, and an interface the adapter hands out an object {@code {"handle": N}}. Decoding is
 * strict: a value of the wrong shape is a {@link BadValue} naming where it is.
 */
public final class Codec {

    /** The parameter that names the object a method is called on. */
    public static final String THIS = "this";
    /** The member of a sealed interface's object that names which record it is. */
    public static final String VARIANT = "type";
    /** The member of a handle object. */
    public static final String HANDLE = "handle";

    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]{1,16}");

    private Codec() {}

    /** How objects the adapter hands out cross: as handles. */
    public interface Handles {
        /** The handle of an object the adapter handed out (the server gives it one). */
        int handleOf(Object service);

        /** The object a handle names, as an instance of {@code type} (the client makes a proxy). */
        Object service(int handle, Class<?> type);
    }

    /** A value that does not have the shape its type requires. */
    public static final class BadValue extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadValue(String where, String what) {
            super(where + ": " + what);
        }
    }

    /** A 64-bit value as the protocol writes it: {@code 0x} and lower-case hex digits, no leading zeros. */
    public static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }

    /** A 64-bit value from its protocol form: {@code 0x} and 1 to 16 hex digits of either case. */
    public static long parseHex(String text) {
        if (!HEX.matcher(text).matches()) {
            throw new NumberFormatException("not 0x and 1 to 16 hex digits: " + text);
        }
        return Long.parseUnsignedLong(text.substring(2), 16);
    }

    /** {@code value} of type {@code type} as JSON. */
    public static JsonNode encode(Object value, Type type, Handles handles) {
        if (value == null) {
            return JSON.nullNode();
        }
        Class<?> raw = raw(type);
        if (raw == void.class || raw == Void.class) {
            return JSON.nullNode();
        }
        if (raw == long.class || raw == Long.class) {
            return JSON.textNode(hex((Long) value));
        }
        if (raw == int.class || raw == Integer.class) {
            return JSON.numberNode((Integer) value);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return JSON.booleanNode((Boolean) value);
        }
        if (raw == String.class) {
            return JSON.textNode((String) value);
        }
        Shape shape = SHAPES.get(raw);
        if (shape.constants != null) {
            return JSON.textNode(((Enum<?>) value).name());
        }
        if (raw == OptionalLong.class) {
            OptionalLong o = (OptionalLong) value;
            return o.isPresent() ? JSON.textNode(hex(o.getAsLong())) : JSON.nullNode();
        }
        if (raw == Optional.class) {
            return encode(((Optional<?>) value).orElse(null), argument(type, 0), handles);
        }
        if (raw.isArray()) {
            ArrayNode array = JSON.arrayNode();
            for (int i = 0; i < Array.getLength(value); i++) {
                array.add(encode(Array.get(value, i), raw.getComponentType(), handles));
            }
            return array;
        }
        if (raw == List.class || raw == Set.class) {
            ArrayNode array = JSON.arrayNode();
            for (Object element : (Collection<?>) value) {
                array.add(encode(element, argument(type, 0), handles));
            }
            return array;
        }
        if (raw == Map.class) {
            ObjectNode object = JSON.objectNode();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                object.set(String.valueOf(e.getKey()), encode(e.getValue(), argument(type, 1), handles));
            }
            return object;
        }
        if (shape.variants != null) {
            ObjectNode object = JSON.objectNode();
            object.put(VARIANT, value.getClass().getSimpleName());
            object.setAll(record(value));
            return object;
        }
        if (shape.accessors != null) {
            return record(value);
        }
        if (shape.service) {
            ObjectNode handle = JSON.objectNode();
            handle.put(HANDLE, handles.handleOf(value));
            return handle;
        }
        throw new IllegalArgumentException("no encoding for " + type);
    }

    private static ObjectNode record(Object value) {
        ObjectNode object = JSON.objectNode();
        Shape shape = SHAPES.get(value.getClass());
        for (int i = 0; i < shape.accessors.length; i++) {
            try {
                object.set(shape.names[i], encode(shape.accessors[i].invoke(value), shape.types[i], null));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + shape.names[i] + " of " + value.getClass(), e);
            }
        }
        return object;
    }

    /** The value of type {@code type} that {@code node} encodes; {@code where} names it in errors. */
    public static Object decode(JsonNode node, Type type, Handles handles, String where) {
        Class<?> raw = raw(type);
        if (raw == void.class || raw == Void.class) {
            if (node != null && !node.isNull()) {
                throw new BadValue(where, "expected null, got " + node);
            }
            return null;
        }
        if (node == null || node.isMissingNode()) {
            throw new BadValue(where, "missing");
        }
        if (raw == OptionalLong.class) {
            return node.isNull() ? OptionalLong.empty() : OptionalLong.of(longValue(node, where));
        }
        if (raw == Optional.class) {
            return node.isNull() ? Optional.empty() : Optional.of(decode(node, argument(type, 0), handles, where));
        }
        if (node.isNull()) {
            throw new BadValue(where, "null where " + describe(raw) + " is required");
        }
        if (raw == long.class || raw == Long.class) {
            return longValue(node, where);
        }
        if (raw == int.class || raw == Integer.class) {
            if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                throw new BadValue(where, "expected a 32-bit JSON integer, got " + node);
            }
            return node.intValue();
        }
        if (raw == boolean.class || raw == Boolean.class) {
            if (!node.isBoolean()) {
                throw new BadValue(where, "expected true or false, got " + node);
            }
            return node.booleanValue();
        }
        if (raw == String.class) {
            if (!node.isTextual()) {
                throw new BadValue(where, "expected a string, got " + node);
            }
            return node.textValue();
        }
        Shape shape = SHAPES.get(raw);
        if (shape.constants != null) {
            Object constant = node.isTextual() ? shape.constants.get(node.textValue()) : null;
            if (constant == null) {
                throw new BadValue(where, "expected one of " + shape.constants.keySet() + ", got " + node);
            }
            return constant;
        }
        if (raw.isArray()) {
            List<Object> elements = elements(node, raw.getComponentType(), handles, where);
            Object array = Array.newInstance(raw.getComponentType(), elements.size());
            for (int i = 0; i < elements.size(); i++) {
                Array.set(array, i, elements.get(i));
            }
            return array;
        }
        if (raw == List.class) {
            return List.copyOf(elements(node, argument(type, 0), handles, where));
        }
        if (raw == Set.class) {
            List<Object> elements = elements(node, argument(type, 0), handles, where);
            Set<Object> set = new LinkedHashSet<>(elements);
            if (set.size() != elements.size()) {
                throw new BadValue(where, "a set with a repeated element: " + node);
            }
            return java.util.Collections.unmodifiableSet(set);
        }
        if (raw == Map.class) {
            requireObject(node, where);
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                map.put(e.getKey(), decode(e.getValue(), argument(type, 1), handles, where + "." + e.getKey()));
            }
            return java.util.Collections.unmodifiableMap(map);
        }
        if (shape.variants != null) {
            requireObject(node, where);
            JsonNode variant = node.get(VARIANT);
            Class<?> sub = variant != null && variant.isTextual() ? shape.variants.get(variant.textValue()) : null;
            if (sub == null) {
                throw new BadValue(
                        where, "\"" + VARIANT + "\" must be one of " + shape.variants.keySet() + ", got " + variant);
            }
            return record(node, sub, handles, where, true);
        }
        if (shape.accessors != null) {
            requireObject(node, where);
            return record(node, raw, handles, where, false);
        }
        if (shape.service) {
            requireObject(node, where);
            JsonNode handle = node.get(HANDLE);
            if (node.size() != 1 || handle == null || !handle.isIntegralNumber() || !handle.canConvertToInt()) {
                throw new BadValue(where, "expected a handle {\"handle\": N}, got " + node);
            }
            return handles.service(handle.intValue(), raw);
        }
        throw new IllegalArgumentException("no decoding for " + type);
    }

    private static Object record(JsonNode node, Class<?> type, Handles handles, String where, boolean variant) {
        Shape shape = SHAPES.get(type);
        Object[] parts = new Object[shape.names.length];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = decode(node.get(shape.names[i]), shape.types[i], handles, where + "." + shape.names[i]);
        }
        if (node.size() != parts.length + (variant ? 1 : 0)) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!shape.names().contains(name) && !(variant && name.equals(VARIANT))) {
                    throw new BadValue(where, "unknown member \"" + name + "\" in " + SpiModel.typeName(type));
                }
            }
        }
        try {
            return shape.constructor.newInstance(parts);
        } catch (InvocationTargetException e) {
            throw new BadValue(
                    where,
                    SpiModel.typeName(type) + " refuses these values: "
                            + e.getCause().getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make " + type, e);
        }
    }

    private static List<Object> elements(JsonNode node, Type element, Handles handles, String where) {
        if (!node.isArray()) {
            throw new BadValue(where, "expected an array, got " + node);
        }
        List<Object> elements = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            elements.add(decode(node.get(i), element, handles, where + "[" + i + "]"));
        }
        return elements;
    }

    private static void requireObject(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new BadValue(where, "expected an object, got " + node);
        }
    }

    private static long longValue(JsonNode node, String where) {
        if (node.isTextual()) {
            try {
                return parseHex(node.textValue());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new BadValue(where, "expected a 64-bit value as a hex string like \"0x1f\", got " + node);
    }

    private static String describe(Class<?> raw) {
        return raw.isPrimitive() ? raw.getName() : SHAPES.get(raw).service ? "a handle" : "a value";
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return new Shape(type);
        }
    };

    /** What the codec needs to know of a class, found once by reflection. */
    private static final class Shape {
        final Map<String, Object> constants;
        final Map<String, Class<?>> variants;
        final java.lang.reflect.Method[] accessors;
        final String[] names;
        final Type[] types;
        final Constructor<?> constructor;
        final boolean service;

        Shape(Class<?> type) {
            service = SpiModel.isService(type);
            if (type.isEnum()) {
                constants = new LinkedHashMap<>();
                for (Object constant : type.getEnumConstants()) {
                    constants.put(((Enum<?>) constant).name(), constant);
                }
            } else {
                constants = null;
            }
            if (type.isSealed()) {
                variants = new LinkedHashMap<>();
                for (Class<?> sub : type.getPermittedSubclasses()) {
                    variants.put(sub.getSimpleName(), sub);
                }
            } else {
                variants = null;
            }
            if (type.isRecord()) {
                RecordComponent[] components = type.getRecordComponents();
                accessors = new java.lang.reflect.Method[components.length];
                names = new String[components.length];
                types = new Type[components.length];
                Class<?>[] raw = new Class<?>[components.length];
                for (int i = 0; i < components.length; i++) {
                    accessors[i] = components[i].getAccessor();
                    accessors[i].setAccessible(true);
                    names[i] = components[i].getName();
                    types[i] = components[i].getGenericType();
                    raw[i] = components[i].getType();
                }
                try {
                    constructor = type.getDeclaredConstructor(raw);
                    constructor.setAccessible(true);
                } catch (NoSuchMethodException e) {
                    throw new IllegalStateException("record " + type + " has no canonical constructor", e);
                }
            } else {
                accessors = null;
                names = null;
                types = null;
                constructor = null;
            }
        }

        List<String> names() {
            return List.of(names);
        }
    }

    /** The class of a type, without its type arguments. */
    static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalArgumentException("unsupported type " + type);
    }

    /** The {@code index}th type argument of a parameterized type. */
    static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType p) {
            return p.getActualTypeArguments()[index];
        }
        throw new IllegalArgumentException("no type arguments: " + type);
    }
}
