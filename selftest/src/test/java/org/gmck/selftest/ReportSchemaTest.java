package org.gmck.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.gmck.kit.report.ReportJson;
import org.gmck.kit.report.Verdict;
import org.gmck.selftest.pgm.LiteralDiagonalSpecialEffort;
import org.gmck.spi.common.Profile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every report the kit writes matches the published schema, and the schema names every profile and verdict. */
class ReportSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode schema;

    @BeforeAll
    static void readSchema() throws IOException {
        try (InputStream in = ReportSchemaTest.class.getClassLoader().getResourceAsStream(ReportJson.SCHEMA)) {
            schema = JSON.readTree(in);
        }
    }

    @Test
    void aConformingReportMatchesTheSchema() throws IOException {
        Path folder = KitRuns.reference().folder();
        assertValid(folder.resolve("report.json"));
        assertTrue(Files.isRegularFile(folder.resolve(ReportJson.SCHEMA)), "the schema is copied beside the report");
    }

    @Test
    void aFailingReportMatchesTheSchema() throws IOException {
        Path folder = KitRuns.run(
                        "schema/failing",
                        KitRuns.declaring(new LiteralDiagonalSpecialEffort().adapter(), Set.of(Profile.PGM_MODES)),
                        Optional.empty(),
                        Optional.empty())
                .folder();
        JsonNode report = assertValid(folder.resolve("report.json"));
        assertEquals("not-conforming", report.at("/outcome/verdict").asText());
        assertTrue(report.at("/rules").toString().contains("\"status\":\"failed\""));
    }

    @Test
    void theSchemaNamesEveryProfileAndVerdict() {
        assertEquals(
                Arrays.stream(Profile.values()).map(Profile::id).collect(Collectors.toCollection(TreeSet::new)),
                texts(schema.at("/$defs/profile/enum")));
        assertEquals(
                Arrays.stream(Verdict.values()).map(Verdict::label).collect(Collectors.toCollection(TreeSet::new)),
                texts(schema.at("/$defs/verdict/enum")));
    }

    @Test
    void theCheckRejectsAReportThatBreaksTheSchema() throws IOException {
        JsonNode report = JSON.readTree(
                KitRuns.reference().folder().resolve("report.json").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) report.at("/rules/0")).put("verdict", "passed-ish");
        ((com.fasterxml.jackson.databind.node.ObjectNode) report).remove("kit");
        List<String> problems = SchemaCheck.problems(schema, report);
        assertEquals(2, problems.size(), problems.toString());
    }

    private static JsonNode assertValid(Path file) throws IOException {
        JsonNode report = JSON.readTree(file.toFile());
        assertEquals(List.of(), SchemaCheck.problems(schema, report), file + " does not match " + ReportJson.SCHEMA);
        return report;
    }

    private static TreeSet<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
