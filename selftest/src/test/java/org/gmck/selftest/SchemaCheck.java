package org.gmck.selftest;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a JSON document against a JSON Schema (draft 2020-12, the dialect the kit's schemas declare) with
 * a maintained validator, and gives every violation as a line naming where in the document it lies.
 */
final class SchemaCheck {

    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> COMPILED = new ConcurrentHashMap<>();

    private SchemaCheck() {}

    /** The document's violations of the schema; empty when it conforms. */
    static List<String> problems(JsonNode schema, JsonNode document) {
        return problems(schema.toString(), document.toString());
    }

    /** The document's violations of the schema, both given as JSON text; empty when it conforms. */
    static List<String> problems(String schema, String document) {
        Schema compiled = COMPILED.computeIfAbsent(schema, text -> REGISTRY.getSchema(text, InputFormat.JSON));
        return compiled.validate(document, InputFormat.JSON).stream()
                .map(error -> error.getInstanceLocation() + ": " + error.getMessage())
                .toList();
    }
}
