package org.gmck.selftest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Checks exchanges of the adapter protocol (a request line and its response line) against the protocol's
 * schema, {@code docs/adapter-protocol-1.schema.json}: the request and response frames, the method's
 * parameters, and its result or error.
 */
final class ProtocolTraffic {

    static final Path SCHEMA = Path.of(System.getProperty("kit.root", ".."), "docs", "adapter-protocol-1.schema.json");

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProtocolTraffic() {}

    /** The schema of one exchange {@code {"request": ..., "response": ...}}, built on the protocol's definitions. */
    static String exchangeSchema() {
        try {
            ObjectNode schema = (ObjectNode) JSON.readTree(SCHEMA.toFile());
            schema.remove("oneOf");
            schema.remove("$id");
            schema.put("type", "object");
            ObjectNode properties = schema.putObject("properties");
            properties.putObject("request").put("$ref", "#/$defs/request");
            properties.putObject("response").put("$ref", "#/$defs/response");
            ArrayNode all = schema.putArray("allOf");
            for (Iterator<String> names = schema.get("$defs").fieldNames(); names.hasNext(); ) {
                String def = names.next();
                if (!def.endsWith(".params")) {
                    continue;
                }
                String method = def.substring(0, def.length() - ".params".length());
                ObjectNode rule = all.addObject();
                rule.putObject("if")
                        .putObject("properties")
                        .putObject("request")
                        .putObject("properties")
                        .putObject("method")
                        .put("const", method);
                ObjectNode then = rule.putObject("then").putObject("properties");
                then.putObject("request")
                        .putObject("properties")
                        .putObject("params")
                        .put("$ref", "#/$defs/" + method + ".params");
                ArrayNode either = then.putObject("response").putArray("anyOf");
                ObjectNode result = either.addObject();
                result.putArray("required").add("result");
                result.putObject("properties").putObject("result").put("$ref", "#/$defs/" + method + ".result");
                ObjectNode error = either.addObject();
                error.putArray("required").add("error");
                error.putObject("properties").putObject("error").put("$ref", "#/$defs/" + method + ".errors");
            }
            return schema.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every violation of the schema by the exchanges, or by a method it does not know. */
    static List<String> problems(List<String[]> exchanges) {
        String schema = exchangeSchema();
        JsonNode defs;
        try {
            defs = JSON.readTree(schema).get("$defs");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> problems = new ArrayList<>();
        for (String[] exchange : exchanges) {
            try {
                JsonNode request = JSON.readTree(exchange[0]);
                String method = request.path("method").asText();
                if (!defs.has(method + ".params")) {
                    problems.add("a method the schema does not know: " + method);
                    continue;
                }
                ObjectNode document = JSON.createObjectNode();
                document.set("request", request);
                document.set("response", JSON.readTree(exchange[1]));
                for (String p : SchemaCheck.problems(schema, document.toString())) {
                    problems.add(method + ": " + p + " in " + document);
                }
            } catch (IOException e) {
                problems.add("not JSON: " + String.join(" / ", exchange));
            }
        }
        return problems;
    }
}
