package org.gmck.kit.x86model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.gmck.kit.Adapters;
import org.gmck.kit.catalogue.Rule;
import org.gmck.kit.catalogue.RuleCatalogue;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.Profile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every case of {@code x86-fixtures/} through the SPI against the selected adapter. A case runs
 * only when the adapter declares the profiles of all its rules. A failure lists each failing case with its
 * id, its rules and the difference.
 */
class X86FixtureReplayTest {

    private static final int SHOWN = 25;
    private static final Map<String, List<ReplayCase>> CACHE = new ConcurrentHashMap<>();

    static List<String> fixtureFiles() {
        return X86FixtureGenerator.fileNames();
    }

    static List<ReplayCase> load(String name) {
        return CACHE.computeIfAbsent(name, n -> {
            String resource = "/x86-fixtures/" + n + ".json";
            try (InputStream in = X86FixtureReplayTest.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("fixture " + resource + " is not on the test class path");
                }
                return FixtureJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtureFiles")
    void everyCaseOfTheFileHolds(String name) {
        ConformanceAdapter adapter = Adapters.selected();
        Assumptions.assumeTrue(adapter.profiles().contains(Profile.X86_PAGING),
                () -> "adapter '" + adapter.name() + "' does not declare profile x86-paging");
        RuleCatalogue catalogue = RuleCatalogue.bundled();
        CaseRunner runner = new CaseRunner(adapter, adapter.profiles().contains(Profile.X86_PDPTE_REGISTERS));
        List<ReplayCase> cases = load(name);
        List<String> failures = new ArrayList<>();
        int run = 0;
        for (ReplayCase c : cases) {
            boolean applies = c.rules().stream().allMatch(id -> catalogue.rule(id).map(Rule::profile)
                    .map(adapter.profiles()::contains).orElseThrow(() -> new IllegalStateException(
                            "case " + c.id() + " names rule " + id + ", which CONFORMANCE.md does not catalogue")));
            if (!applies) {
                continue;
            }
            run++;
            Optional<String> difference = runner.difference(c);
            difference.ifPresent(d -> failures.add("case " + c.id() + " (" + c.comment() + ") rules "
                    + c.rules() + ": " + d));
        }
        assertTrue(run > 0, "no case of " + name + " applies to adapter " + adapter.name());
        assertTrue(failures.isEmpty(), () -> failures.size() + " of " + cases.size() + " cases of " + name
                + " failed; the first " + Math.min(SHOWN, failures.size()) + ":\n  "
                + String.join("\n  ", failures.subList(0, Math.min(SHOWN, failures.size()))));
    }
}
