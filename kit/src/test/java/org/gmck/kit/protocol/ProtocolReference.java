package org.gmck.kit.protocol;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gmck.kit.catalogue.Reading;
import org.gmck.kit.catalogue.Readings;

/**
 * The generated part of {@code docs/adapter-protocol.md}: every method grouped by the entry point that leads
 * to it, with its parameters, result, the refusals its documentation names and its documentation; every value
 * type with its members; every status domain with its statuses. Rendered from {@link SpiModel} and the SPI's
 * documentation comments ({@link SpiJavadoc}).
 */
final class ProtocolReference {

    static final String BEGIN =
            "<!-- BEGIN GENERATED REFERENCE: do not edit; regenerate with -Dgmck.protocol.update=true -->";
    static final String END = "<!-- END GENERATED REFERENCE -->";

    private static final Pattern STATUS = Pattern.compile("`(\\w+Status)\\.(\\w+)`");

    private final SpiModel spi = SpiModel.spi();
    private final SpiJavadoc docs;
    private final StringBuilder out = new StringBuilder();

    ProtocolReference(SpiJavadoc docs) {
        this.docs = docs;
    }

    String render() {
        out.append(BEGIN).append("\n\n");
        methods();
        values();
        statuses();
        readings();
        out.append(END).append('\n');
        return out.toString();
    }

    private void methods() {
        out.append("## Method reference\n\n");
        out.append("Every method of the protocol, grouped by the entry point of the adapter that leads to it. "
                + "Each method lists its parameters (all required; `this` is the handle of the object called), "
                + "its result, and the refusals its description names (error -32000 with that status; a "
                + "method may be refused with any status of its domain). *Optional* methods may be answered "
                + "with method not found (-32601): the kit then does what the table of optional methods says.\n\n");
        List<SpiModel.Call> entries = spi.calls().values().stream()
                .filter(SpiModel.Call::entryPoint)
                .sorted(Comparator.comparing(SpiModel.Call::name))
                .toList();
        Set<Class<?>> listed = new LinkedHashSet<>();
        for (SpiModel.Call entry : entries) {
            out.append("### Entry point `").append(entry.name()).append("`\n\n");
            call(entry);
            Deque<Class<?>> next = new ArrayDeque<>(services(entry.result()));
            while (!next.isEmpty()) {
                Class<?> service = next.poll();
                if (!listed.add(service)) {
                    continue;
                }
                service(service);
                for (SpiModel.Call c : callsOf(service)) {
                    next.addAll(services(c.result()));
                }
                for (Class<?> parent : service.getInterfaces()) {
                    next.add(parent);
                }
            }
        }
        if (!listed.containsAll(spi.services().values())) {
            throw new IllegalStateException("interfaces no entry point reaches: " + spi.services());
        }
    }

    private void service(Class<?> service) {
        out.append("#### Interface `").append(service.getSimpleName()).append("`\n\n");
        docs.type(SpiModel.typeName(service)).ifPresent(d -> out.append(d).append("\n\n"));
        for (Class<?> parent : service.getInterfaces()) {
            out.append("A `")
                    .append(service.getSimpleName())
                    .append("` handle also answers every method of `")
                    .append(parent.getSimpleName())
                    .append("`.\n\n");
        }
        constants(service);
        for (SpiModel.Call c : callsOf(service)) {
            out.append("##### `").append(c.name()).append("`\n\n");
            call(c);
        }
    }

    private List<SpiModel.Call> callsOf(Class<?> service) {
        return spi.calls().values().stream().filter(c -> c.service() == service).toList();
    }

    private void call(SpiModel.Call c) {
        String doc = docs.method(c.service(), c.method().getName(), c.method().getParameterCount())
                .orElse("");
        if (!doc.isEmpty()) {
            out.append(doc).append("\n\n");
        }
        out.append("| | name | type |\n|---|---|---|\n");
        if (!c.entryPoint()) {
            out.append("| param | `this` | handle number of a `")
                    .append(c.service().getSimpleName())
                    .append("` |\n");
        }
        for (SpiModel.Param p : c.params()) {
            out.append("| param | `")
                    .append(p.name())
                    .append("` | ")
                    .append(type(p.type()))
                    .append(" |\n");
        }
        out.append("| result | | ").append(type(c.result())).append(" |\n\n");
        Set<String> refusals = new LinkedHashSet<>();
        Matcher m = STATUS.matcher(doc);
        while (m.find()) {
            refusals.add(m.group(1) + "." + m.group(2));
        }
        if (!refusals.isEmpty()) {
            out.append("Refusals named: ")
                    .append(String.join(
                            ", ", refusals.stream().map(s -> "`" + s + "`").toList()))
                    .append(".\n\n");
        }
        if (c.entryPoint()) {
            out.append("Needed for the profiles it serves; the kit calls it only when they are declared.\n\n");
        } else if (c.optional()) {
            out.append("*Optional* (see the table of optional methods).\n\n");
        }
    }

    private void values() {
        out.append("## Value types\n\n");
        out.append("Every value that crosses, by its name in the schema (its package and name in the SPI). "
                + "Every member of an object is required; `T or null` members are present with `null`.\n\n");
        for (Map.Entry<String, Class<?>> e : spi.values().entrySet()) {
            Class<?> type = e.getValue();
            out.append("### <a id=\"")
                    .append(anchor(e.getKey()))
                    .append("\"></a>`")
                    .append(e.getKey())
                    .append("`\n\n");
            docs.type(e.getKey()).ifPresent(d -> out.append(d).append("\n\n"));
            if (type.isEnum()) {
                out.append("A string, one of:\n\n");
                for (Object constant : type.getEnumConstants()) {
                    String name = ((Enum<?>) constant).name();
                    out.append("- `").append(name).append('`');
                    docs.constant(type, name).ifPresent(d -> out.append(": ").append(oneLine(d)));
                    out.append('\n');
                }
                out.append('\n');
            } else if (type.isRecord()) {
                members(type, null);
            } else {
                out.append("An object, one of these by its member `")
                        .append(Codec.VARIANT)
                        .append("`:\n\n");
                for (Class<?> sub : type.getPermittedSubclasses()) {
                    out.append("- `\"").append(Codec.VARIANT).append("\": \"").append(sub.getSimpleName());
                    out.append("\"`");
                    Optional<String> d = docs.type(SpiModel.typeName(sub));
                    d.ifPresent(t -> out.append(": ").append(oneLine(t)));
                    out.append("\n");
                }
                out.append('\n');
                for (Class<?> sub : type.getPermittedSubclasses()) {
                    members(sub, sub.getSimpleName());
                }
            }
            constants(type);
        }
    }

    private void members(Class<?> record, String variant) {
        out.append(variant == null ? "An object:\n\n" : "`" + variant + "`:\n\n");
        out.append("| member | type |\n|---|---|\n");
        if (variant != null) {
            out.append("| `")
                    .append(Codec.VARIANT)
                    .append("` | `\"")
                    .append(variant)
                    .append("\"` |\n");
        }
        for (RecordComponent c : record.getRecordComponents()) {
            out.append("| `")
                    .append(c.getName())
                    .append("` | ")
                    .append(type(c.getGenericType()))
                    .append(" |\n");
        }
        out.append('\n');
    }

    private void constants(Class<?> type) {
        List<String> constants = new ArrayList<>();
        for (Field f : type.getDeclaredFields()) {
            int mod = f.getModifiers();
            if (Modifier.isStatic(mod)
                    && Modifier.isPublic(mod)
                    && !f.isEnumConstant()
                    && (f.getType() == long.class || f.getType() == int.class)) {
                try {
                    Object v = f.get(null);
                    constants.add("`" + f.getName() + "` = "
                            + (f.getType() == long.class
                                    ? "`" + Codec.hex((Long) v) + "` (" + v + ")"
                                    : "`" + v + "`"));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        if (!constants.isEmpty()) {
            out.append("Constants the description uses: ")
                    .append(String.join(", ", constants))
                    .append(".\n\n");
        }
    }

    private void statuses() {
        out.append("## Statuses\n\n");
        out.append("A refusal (error -32000) carries `{\"domain\": D, \"status\": S}` with one of these.\n\n");
        for (Map.Entry<String, Class<?>> e : spi.statuses().entrySet()) {
            out.append("### Domain `").append(e.getKey()).append("`\n\n");
            docs.type(SpiModel.typeName(e.getValue()))
                    .ifPresent(d -> out.append(d).append("\n\n"));
            for (Object constant : e.getValue().getEnumConstants()) {
                String name = ((Enum<?>) constant).name();
                out.append("- `").append(name).append('`');
                docs.constant(e.getValue(), name)
                        .ifPresent(d -> out.append(": ").append(oneLine(d)));
                out.append('\n');
            }
            out.append('\n');
        }
    }

    /** The declared readings: the keys of {@code adapter.describe}'s parameters whose values the kit reads. */
    private void readings() {
        out.append("## Declared readings\n\n");
        out.append("Where the sources support more than one reading, `adapter.describe` may declare which one the "
                + "implementation follows, as a parameter with one of these keys and exactly one of its values as "
                + "written here (any other value is an error before anything runs). A key left out is no error: "
                + "the implementation is then judged only on what every reading agrees on. The rules each key "
                + "concerns, and why the sources allow both readings, are in "
                + "[CONFORMANCE.md](../CONFORMANCE.md#declared-readings).\n\n");
        out.append("| Key | Value | What an implementation declaring it does |\n| --- | --- | --- |\n");
        for (Reading r : Readings.bundled().all()) {
            out.append("| `")
                    .append(r.key())
                    .append("` | `")
                    .append(r.value())
                    .append("` | ")
                    .append(oneLine(r.meaning()).replace("|", "\\|"))
                    .append(" |\n");
        }
        out.append('\n');
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\n+\\s*", " ");
    }

    private static String anchor(String typeName) {
        return "type-" + typeName.replace('.', '-');
    }

    private static String link(Class<?> type) {
        String name = SpiModel.typeName(type);
        return "[`" + name + "`](#" + anchor(name) + ")";
    }

    /** A type as the reference writes it. */
    static String type(Type type) {
        Class<?> raw = Codec.raw(type);
        if (raw == void.class) {
            return "`null`";
        }
        if (raw == long.class || raw == Long.class) {
            return "u64";
        }
        if (raw == int.class || raw == Integer.class) {
            return "i32";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "boolean";
        }
        if (raw == String.class) {
            return "string";
        }
        if (raw == OptionalLong.class) {
            return "u64 or null";
        }
        if (raw == Optional.class) {
            return type(Codec.argument(type, 0)) + " or null";
        }
        if (raw.isArray()) {
            return "array of " + type(raw.getComponentType());
        }
        if (raw == List.class) {
            return "array of " + type(Codec.argument(type, 0));
        }
        if (raw == Set.class) {
            return "array of distinct " + type(Codec.argument(type, 0));
        }
        if (raw == Map.class) {
            return "object of string to " + type(Codec.argument(type, 1));
        }
        if (SpiModel.isService(raw)) {
            return "handle of a `" + raw.getSimpleName() + "`";
        }
        return link(raw);
    }

    private static List<Class<?>> services(Type type) {
        Class<?> raw = Codec.raw(type);
        return SpiModel.isService(raw) ? List.of(raw) : List.of();
    }
}
