package org.gmck.selftest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a JSON document against the subset of JSON Schema (2020-12) the report schema uses: type,
 * const, enum, pattern, minLength, minimum, required, properties, additionalProperties, items, oneOf and
 * local $ref. Any other keyword in the schema is itself reported, so the subset cannot silently grow.
 */
final class SchemaCheck {

    private static final List<String> KNOWN = List.of("$schema", "$id", "$defs", "title", "description", "format",
            "type", "const", "enum", "pattern", "minLength", "minimum", "required", "properties",
            "additionalProperties", "items", "oneOf", "$ref", "dependentRequired");

    private final JsonNode root;
    private final List<String> problems = new ArrayList<>();

    private SchemaCheck(JsonNode root) {
        this.root = root;
    }

    static List<String> problems(JsonNode schema, JsonNode document) {
        SchemaCheck check = new SchemaCheck(schema);
        check.check(schema, document, "$");
        return check.problems;
    }

    private void check(JsonNode schema, JsonNode value, String at) {
        for (Iterator<String> keys = schema.fieldNames(); keys.hasNext();) {
            String key = keys.next();
            if (!KNOWN.contains(key)) {
                problems.add("schema keyword '" + key + "' at " + at + " is not supported by this check");
            }
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            check(root.at(ref.substring(1)), value, at);
        }
        if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
            problems.add(at + ": expected " + schema.get("type") + ", found " + value.getNodeType());
            return;
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            problems.add(at + ": expected " + schema.get("const") + ", found " + value);
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode option : schema.get("enum")) {
                found |= option.equals(value);
            }
            if (!found) {
                problems.add(at + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (schema.has("pattern") && value.isTextual() && !Pattern.compile(schema.get("pattern").asText()).matcher(value.asText()).find()) {
            problems.add(at + ": '" + value.asText() + "' does not match " + schema.get("pattern").asText());
        }
        if (schema.has("minLength") && value.isTextual() && value.asText().length() < schema.get("minLength").asInt()) {
            problems.add(at + ": shorter than " + schema.get("minLength"));
        }
        if (schema.has("minimum") && value.isNumber() && value.asLong() < schema.get("minimum").asLong()) {
            problems.add(at + ": below " + schema.get("minimum"));
        }
        if (schema.has("oneOf")) {
            int matching = 0;
            for (JsonNode option : schema.get("oneOf")) {
                matching += problems(root, option, value).isEmpty() ? 1 : 0;
            }
            if (matching != 1) {
                problems.add(at + ": matches " + matching + " of the oneOf alternatives, not exactly one");
            }
        }
        if (value.isObject()) {
            checkObject(schema, value, at);
            if (schema.has("dependentRequired")) {
                for (Iterator<String> keys = schema.get("dependentRequired").fieldNames(); keys.hasNext();) {
                    String key = keys.next();
                    if (value.has(key)) {
                        for (JsonNode needed : schema.get("dependentRequired").get(key)) {
                            if (!value.has(needed.asText())) {
                                problems.add(at + ": has '" + key + "' but not '" + needed.asText() + "'");
                            }
                        }
                    }
                }
            }
        }
        if (value.isArray() && schema.has("items")) {
            int i = 0;
            for (JsonNode item : value) {
                check(schema.get("items"), item, at + "[" + i++ + "]");
            }
        }
    }

    private static List<String> problems(JsonNode root, JsonNode schema, JsonNode value) {
        SchemaCheck check = new SchemaCheck(root);
        check.check(schema, value, "$");
        return check.problems;
    }

    private void checkObject(JsonNode schema, JsonNode value, String at) {
        if (schema.has("required")) {
            for (JsonNode name : schema.get("required")) {
                if (!value.has(name.asText())) {
                    problems.add(at + ": missing required '" + name.asText() + "'");
                }
            }
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.get("additionalProperties");
        for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (properties.has(field.getKey())) {
                check(properties.get(field.getKey()), field.getValue(), at + "." + field.getKey());
            } else if (additional != null && additional.isBoolean() && !additional.asBoolean()) {
                problems.add(at + ": property '" + field.getKey() + "' is not in the schema");
            } else if (additional != null && additional.isObject()) {
                check(additional, field.getValue(), at + "." + field.getKey());
            }
        }
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeMatches(t, value)) {
                    return true;
                }
            }
            return false;
        }
        switch (type.asText()) {
            case "object": return value.isObject();
            case "array": return value.isArray();
            case "string": return value.isTextual();
            case "integer": return value.isIntegralNumber();
            case "number": return value.isNumber();
            case "boolean": return value.isBoolean();
            case "null": return value.isNull();
            default: return false;
        }
    }
}
