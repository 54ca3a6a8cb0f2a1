package org.gmck.selftest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gmck.kit.report.KitSources;
import org.gmck.kit.report.ReportJson;
import org.gmck.selftest.pgm.LiteralDiagonalSpecialEffort;
import org.gmck.spi.common.Profile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rendered summaries say the verdict, mark the failing rule and link to scenarios that exist in the bundle,
 * which holds the kit's sources.
 */
class SummaryTest {

    private static Path folder;

    @BeforeAll
    static void run() {
        folder = KitRuns.run(
                        "summary",
                        KitRuns.declaring(new LiteralDiagonalSpecialEffort().adapter(), Set.of(Profile.PGM_MODES)),
                        Optional.empty(),
                        Optional.empty())
                .folder();
    }

    @Test
    void theMarkdownSummaryMarksTheFailingRuleAndItsLinksResolve() throws IOException {
        String md = Files.readString(folder.resolve("summary.md"));
        assertTrue(md.contains("**NOT CONFORMING: PGM-MODE-5 fail**"), md);
        assertTrue(md.contains("| [PGM-MODE-5](rule-index.md#pgm-mode-5) | MUST | **fail** |"), md);
        Matcher links = Pattern.compile("\\]\\((features/[^)#]+)#L\\d+\\)").matcher(md);
        int n = 0;
        while (links.find()) {
            n++;
            assertTrue(Files.isRegularFile(folder.resolve(links.group(1))), "dangling link " + links.group(1));
        }
        assertTrue(n > 0, "the summary links no scenario");
        String index = Files.readString(folder.resolve("rule-index.md"));
        assertTrue(index.contains("### PGM-MODE-5"), "the bundle's index has the rule the summary links to");
    }

    @Test
    void theHtmlSummarySaysTheSame() throws IOException {
        String html = Files.readString(folder.resolve("summary.html"));
        assertTrue(html.contains("<strong>NOT CONFORMING: PGM-MODE-5 fail</strong>"), html);
        assertEquals(1, count(html, "<td class=\"fail\">fail</td>"));
        assertTrue(html.contains("href=\"rule-index.md#pgm-mode-5\""));
    }

    /**
     * A run writes the kit's sources once, with the report it starts with, and only its verdict's files at the
     * end: the finished bundle still holds every source its links point at, as the kit has them.
     */
    @Test
    void theBundleHoldsTheKitsSourcesAsTheKitHasThem() throws IOException {
        KitSources kit = KitSources.onClassPath();
        assertEquals(kit.catalogueText(), Files.readString(folder.resolve("CONFORMANCE.md")));
        assertTrue(Files.isRegularFile(folder.resolve(ReportJson.SCHEMA)), "the bundle has no schema");
        assertTrue(
                kit.featureFiles().size() > 40,
                "the kit has only " + kit.featureFiles().size() + " feature files");
        for (Map.Entry<String, byte[]> f : kit.featureFiles().entrySet()) {
            Path copy = folder.resolve("features").resolve(f.getKey());
            assertTrue(Files.isRegularFile(copy), "the bundle lacks " + copy);
            assertArrayEquals(f.getValue(), Files.readAllBytes(copy), copy + " differs from the kit's");
        }
    }

    private static int count(String text, String part) {
        return List.of(text.split(Pattern.quote(part), -1)).size() - 1;
    }
}
