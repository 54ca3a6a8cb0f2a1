package org.gmck.kit.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.gmck.spi.common.Profile;

/**
 * The JSON Schema (draft 2020-12) of the adapter protocol, generated from the SPI ({@link SpiModel}): one
 * definition per value type, the parameters, result and errors of every method, the statuses of every domain,
 * and the shape of a request and a response. Written to {@code docs/adapter-protocol-1.schema.json}; the kit's
 * tests regenerate it and fail when it drifts.
 */
public final class ProtocolSchema {

    /** The file name of the schema, under {@code docs/} and on the kit's class path. */
    public static final String FILE = "adapter-protocol-1.schema.json";

    public static final String ID = "https://gmck.org/schema/" + FILE;

    private static final String DEFS = "#/$defs/";

    private ProtocolSchema() {}

    /** The schema as it is written to its file: two-space indentation, a final newline. */
    public static String render() {
        try {
            return new ObjectMapper()
                            .enable(SerializationFeature.INDENT_OUTPUT)
                            .writeValueAsString(generate())
                            .replace("\r\n", "\n")
                    + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The definition that the parameters of {@code method} must match. */
    public static String paramsRef(String method) {
        return DEFS + method + ".params";
    }

    /** The definition that the result of {@code method} must match. */
    public static String resultRef(String method) {
        return DEFS + method + ".result";
    }

    /** The schema, generated from the SPI. */
    public static ObjectNode generate() {
        SpiModel spi = SpiModel.spi();
        ObjectNode schema = Codec.JSON.objectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", ID);
        schema.put("title", "GMCK adapter protocol, version 1");
        schema.put(
                "description",
                "Every message of the adapter protocol (JSON-RPC 2.0, one message a line, over the implementation's "
                        + "standard input and output): the parameters, result and errors of every method, and "
                        + "every value type. Generated from the SPI; see docs/adapter-protocol.md.");
        schema.set("oneOf", array(ref("request"), ref("response")));
        ObjectNode defs = schema.putObject("$defs");
        framing(defs);
        defs.set(
                "u64",
                object("type", "string")
                        .put("pattern", "^0x[0-9a-fA-F]{1,16}$")
                        .put(
                                "description",
                                "A 64-bit value (a Java long): \"0x\" and 1 to 16 hex digits of its 64 bits, two's "
                                        + "complement for a negative value (-1 is \"0xffffffffffffffff\")."));
        defs.set(
                "i32",
                object("type", "integer")
                        .put("minimum", Integer.MIN_VALUE)
                        .put("maximum", Integer.MAX_VALUE)
                        .put("description", "A 32-bit signed integer (a Java int), as a JSON integer."));
        defs.set("handle", handle());
        defs.set("handleNumber", handleNumber());
        errors(defs, spi);
        for (Map.Entry<String, Class<?>> value : spi.values().entrySet()) {
            defs.set(value.getKey(), valueSchema(value.getValue()));
        }
        describe(defs);
        ObjectNode reset = Codec.JSON.objectNode();
        reset.put("description", "Ends a scenario: the implementation drops every handle and what it holds.");
        reset.put("type", "object");
        reset.put("maxProperties", 0);
        defs.set(SpiModel.RESET + ".params", reset);
        defs.set(SpiModel.RESET + ".result", object("type", "null"));
        defs.set(SpiModel.RESET + ".errors", ref("error"));
        for (SpiModel.Call call : spi.calls().values()) {
            defs.set(call.name() + ".params", params(call));
            ObjectNode result = type(call.result());
            defs.set(call.name() + ".result", result);
            defs.set(call.name() + ".errors", ref("error"));
        }
        return schema;
    }

    private static void framing(ObjectNode defs) {
        ObjectNode request = object("type", "object");
        request.put("additionalProperties", false);
        request.put("description", "A call from the kit. The id is a positive integer, new for every request.");
        request.set("required", strings("jsonrpc", "id", "method", "params"));
        ObjectNode rp = request.putObject("properties");
        rp.set("jsonrpc", object("const", "2.0"));
        rp.set("id", object("type", "integer").put("minimum", 1));
        rp.set("method", object("type", "string"));
        rp.set("params", object("type", "object"));
        defs.set("request", request);
        ObjectNode response = object("type", "object");
        response.put("additionalProperties", false);
        response.put(
                "description",
                "The answer of the implementation: the id of the request (null only when the request could not be read) and either its result or an error.");
        response.set("required", strings("jsonrpc", "id"));
        ObjectNode sp = response.putObject("properties");
        sp.set("jsonrpc", object("const", "2.0"));
        sp.set(
                "id",
                Codec.JSON
                        .objectNode()
                        .set("anyOf", array(object("type", "integer").put("minimum", 1), object("type", "null"))));
        sp.set("result", Codec.JSON.objectNode());
        sp.set("error", ref("error"));
        ObjectNode one = Codec.JSON.objectNode();
        one.set("required", strings("result"));
        ObjectNode other = Codec.JSON.objectNode();
        other.set("required", strings("error"));
        response.set("oneOf", array(one, other));
        defs.set("response", response);
    }

    private static void errors(ObjectNode defs, SpiModel spi) {
        ArrayNode domains = Codec.JSON.arrayNode();
        for (Map.Entry<String, Class<?>> domain : spi.statuses().entrySet()) {
            ObjectNode one = object("type", "object");
            one.put("additionalProperties", false);
            one.set("required", strings("domain", "status"));
            ObjectNode p = one.putObject("properties");
            p.set("domain", object("const", domain.getKey()));
            p.set("status", constants(domain.getValue()));
            domains.add(one);
        }
        ObjectNode status = Codec.JSON.objectNode();
        status.put("description", "The status of a refusal: its domain (the status enum) and the status.");
        status.set("oneOf", domains);
        defs.set("status", status);

        ArrayNode kinds = Codec.JSON.arrayNode();
        for (RpcError error : RpcError.values()) {
            ObjectNode one = object("type", "object");
            one.put("description", error.meaning());
            one.set("required", strings("code", "message"));
            ObjectNode p = one.putObject("properties");
            p.set("code", object("const", error.code()));
            p.set("message", object("type", "string"));
            if (error == RpcError.REFUSED) {
                one.set("required", strings("code", "message", "data"));
                p.set("data", ref("status"));
            } else if (error == RpcError.PROFILE_NOT_IMPLEMENTED) {
                ObjectNode data = object("type", "object");
                data.set("required", strings("profile"));
                data.putObject("properties").set("profile", profiles());
                p.set("data", data);
            }
            kinds.add(one);
        }
        ObjectNode error = object("type", "object");
        error.put("description", "A JSON-RPC error object; the codes are those of docs/adapter-protocol.md.");
        error.set("oneOf", kinds);
        defs.set("error", error);
    }

    private static void describe(ObjectNode defs) {
        ObjectNode params = object("type", "object");
        params.put("maxProperties", 0);
        params.put("description", "The handshake: the first request of every process.");
        defs.set(SpiModel.DESCRIBE + ".params", params);
        ObjectNode result = object("type", "object");
        result.put("additionalProperties", false);
        result.set("required", strings("name", "version", "profiles", "parameters"));
        ObjectNode p = result.putObject("properties");
        p.set("name", object("type", "string").put("minLength", 1));
        p.set("version", object("type", "string").put("minLength", 1));
        p.set("profiles", object("type", "array").put("uniqueItems", true).set("items", profiles()));
        p.set("parameters", object("type", "object").set("additionalProperties", object("type", "string")));
        defs.set(SpiModel.DESCRIBE + ".result", result);
        defs.set(SpiModel.DESCRIBE + ".errors", ref("error"));
    }

    private static ObjectNode profiles() {
        ObjectNode ids = Codec.JSON.objectNode();
        ArrayNode values = ids.putArray("enum");
        Arrays.stream(Profile.values()).map(Profile::id).forEach(values::add);
        return ids;
    }

    private static ObjectNode handle() {
        ObjectNode handle = object("type", "object");
        handle.put("additionalProperties", false);
        handle.put("description", "An object the implementation handed out, named by its handle number.");
        handle.set("required", strings(Codec.HANDLE));
        handle.putObject("properties").set(Codec.HANDLE, ref("handleNumber"));
        return handle;
    }

    private static ObjectNode handleNumber() {
        return object("type", "integer")
                .put("minimum", 1)
                .put("maximum", Integer.MAX_VALUE)
                .put("description", "The number of a handle, chosen by the implementation; valid until adapter.reset.");
    }

    private static ObjectNode params(SpiModel.Call call) {
        ObjectNode params = object("type", "object");
        params.put("additionalProperties", false);
        if (call.optional()) {
            params.put("description", "Optional: an implementation may answer method not found (-32601).");
        }
        ArrayNode required = params.putArray("required");
        ObjectNode properties = params.putObject("properties");
        if (!call.entryPoint()) {
            required.add(Codec.THIS);
            properties.set(Codec.THIS, ref("handleNumber"));
        }
        for (SpiModel.Param p : call.params()) {
            required.add(p.name());
            properties.set(p.name(), type(p.type()));
        }
        return params;
    }

    private static ObjectNode valueSchema(Class<?> type) {
        if (type.isEnum()) {
            return constants(type);
        }
        if (type.isRecord()) {
            return record(type, null);
        }
        ArrayNode variants = Codec.JSON.arrayNode();
        for (Class<?> sub : type.getPermittedSubclasses()) {
            variants.add(record(sub, sub.getSimpleName()));
        }
        ObjectNode sealed = Codec.JSON.objectNode();
        sealed.set("oneOf", variants);
        return sealed;
    }

    private static ObjectNode record(Class<?> type, String variant) {
        ObjectNode record = object("type", "object");
        record.put("additionalProperties", false);
        ArrayNode required = record.putArray("required");
        ObjectNode properties = record.putObject("properties");
        if (variant != null) {
            required.add(Codec.VARIANT);
            properties.set(Codec.VARIANT, object("const", variant));
        }
        for (RecordComponent c : type.getRecordComponents()) {
            required.add(c.getName());
            properties.set(c.getName(), type(c.getGenericType()));
        }
        return record;
    }

    /** The schema of a value of {@code type}. */
    static ObjectNode type(Type type) {
        Class<?> raw = Codec.raw(type);
        if (raw == void.class) {
            return object("type", "null");
        }
        if (raw == long.class || raw == Long.class) {
            return ref("u64");
        }
        if (raw == int.class || raw == Integer.class) {
            return ref("i32");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return object("type", "boolean");
        }
        if (raw == String.class) {
            return object("type", "string");
        }
        if (raw == OptionalLong.class) {
            return nullable(ref("u64"));
        }
        if (raw == Optional.class) {
            return nullable(type(Codec.argument(type, 0)));
        }
        if (raw.isArray()) {
            return object("type", "array").set("items", type(raw.getComponentType()));
        }
        if (raw == List.class) {
            return object("type", "array").set("items", type(Codec.argument(type, 0)));
        }
        if (raw == Set.class) {
            return object("type", "array").put("uniqueItems", true).set("items", type(Codec.argument(type, 0)));
        }
        if (raw == Map.class) {
            return object("type", "object").set("additionalProperties", type(Codec.argument(type, 1)));
        }
        if (SpiModel.isService(raw)) {
            ObjectNode handle = ref("handle");
            handle.put("description", "A handle to a " + raw.getSimpleName());
            return handle;
        }
        return ref(SpiModel.typeName(raw));
    }

    private static ObjectNode nullable(ObjectNode schema) {
        ObjectNode any = Codec.JSON.objectNode();
        any.set("anyOf", array(object("type", "null"), schema));
        return any;
    }

    private static ObjectNode constants(Class<?> type) {
        ObjectNode e = Codec.JSON.objectNode();
        ArrayNode values = e.putArray("enum");
        for (Object constant : type.getEnumConstants()) {
            values.add(((Enum<?>) constant).name());
        }
        return e;
    }

    private static ObjectNode ref(String def) {
        return object("$ref", DEFS + def);
    }

    private static ObjectNode object(String key, String value) {
        ObjectNode o = Codec.JSON.objectNode();
        o.put(key, value);
        return o;
    }

    private static ObjectNode object(String key, int value) {
        ObjectNode o = Codec.JSON.objectNode();
        o.put(key, value);
        return o;
    }

    private static ArrayNode strings(String... values) {
        ArrayNode a = Codec.JSON.arrayNode();
        for (String v : values) {
            a.add(v);
        }
        return a;
    }

    private static ArrayNode array(JsonNode... nodes) {
        ArrayNode a = Codec.JSON.arrayNode();
        for (JsonNode n : nodes) {
            a.add(n);
        }
        return a;
    }

    /** The SPI method behind a protocol method, if it is one (not describe or reset). */
    static Optional<Method> method(String name) {
        return Optional.ofNullable(SpiModel.spi().calls().get(name)).map(SpiModel.Call::method);
    }
}
