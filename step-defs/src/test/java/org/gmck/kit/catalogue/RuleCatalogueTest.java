package org.gmck.kit.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.gmck.spi.common.Profile;
import org.junit.jupiter.api.Test;

/** The catalogue reader accepts well-formed rows and reports each kind of malformed one. */
class RuleCatalogueTest {

    private static final String TABLE = RuleCatalogue.HEADER + "\n| --- | --- | --- | --- | --- | --- | --- |\n";

    @Test
    void readsATestableAndAnUntestableRule() {
        RuleCatalogue c = RuleCatalogue.parse(
                "# x\n\n" + TABLE
                        + "| GMM-PAGE-1 | MUST | gmm | 002, \"Costs\" | Pages have ids. | — | yes |\n"
                        + "| GMM-LOCK-1 | SHOULD | gmm | 002, \"Serializing\" | One mutex \\| no more. | — | no: locking is invisible |\n");
        assertEquals(0, c.problems().size(), c.problems().toString());
        Rule r = c.rule("GMM-PAGE-1").orElseThrow();
        assertEquals(Level.MUST, r.level());
        assertEquals(Profile.GMM, r.profile());
        assertTrue(r.testable());
        Rule u = c.rule("GMM-LOCK-1").orElseThrow();
        assertEquals("One mutex | no more.", u.statement());
        assertEquals(Optional.of("locking is invisible"), u.untestableBecause());
        assertEquals("GMM", u.area());
    }

    @Test
    void reportsMalformedRows() {
        RuleCatalogue c = RuleCatalogue.parse(TABLE
                + "| gmm-1 | MUST | gmm | s | t | — | yes |\n"
                + "| GMM-A-1 | MUSTNT | gmm | s | t | — | yes |\n"
                + "| GMM-A-2 | MUST | nosuch | s | t | — | yes |\n"
                + "| GMM-A-3 | MUST | gmm | s | t | — | maybe |\n"
                + "| GMM-A-4 | MUST | gmm | s | t |\n"
                + "| GMM-A-5 | MUST | gmm |  | t | — | yes |\n"
                + "| GMM-A-6 | MUST | gmm | s | t | — | yes |\n"
                + "| GMM-A-6 | MUST | gmm | s | t | — | yes |\n");
        assertEquals(7, c.problems().size(), c.problems().toString());
        assertEquals(1, c.rules().size());
    }

    @Test
    void readsVariantsGroupedByDimension() {
        RuleCatalogue c = RuleCatalogue.parse(
                TABLE
                        + "| GMM-A-1 | MUST | gmm | s | t | edition: seed-1mb, current-2mb; references: one-reference, several-references | yes |\n");
        assertEquals(0, c.problems().size(), c.problems().toString());
        Rule r = c.rule("GMM-A-1").orElseThrow();
        assertEquals(
                java.util.List.of(
                        new Variant("edition", "seed-1mb"),
                        new Variant("edition", "current-2mb"),
                        new Variant("references", "one-reference"),
                        new Variant("references", "several-references")),
                r.variants());
        assertEquals(
                "@variant:several-references",
                r.variant("several-references").orElseThrow().tag());
    }

    @Test
    void reportsMalformedVariants() {
        RuleCatalogue c = RuleCatalogue.parse(TABLE
                + "| GMM-A-1 | MUST | gmm | s | t | seed-1mb, current-2mb | yes |\n"
                + "| GMM-A-2 | MUST | gmm | s | t | edition: seed-1mb | yes |\n"
                + "| GMM-A-3 | MUST | gmm | s | t | edition: Seed 1MB, current-2mb | yes |\n"
                + "| GMM-A-4 | MUST | gmm | s | t | edition: a, b; size: a, c | yes |\n"
                + "| GMM-A-5 | MUST | gmm | s | t | edition: a, b | no: nothing to see |\n"
                + "| GMM-A-6 | MUST | gmm | s | t | — | yes |\n");
        assertEquals(5, c.problems().size(), c.problems().toString());
        assertEquals(1, c.rules().size());
    }

    @Test
    void ignoresTablesWithOtherHeaders() {
        RuleCatalogue c = RuleCatalogue.parse("| Id | Other |\n| --- | --- |\n| GMM-A-1 | x |\n");
        assertTrue(c.rules().isEmpty());
        assertTrue(c.problems().isEmpty());
    }
}
