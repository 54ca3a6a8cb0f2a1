package org.gmck.kit.certify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.gmck.kit.catalogue.FeatureIndex;
import org.gmck.kit.report.KitSources;
import org.gmck.spi.common.Profile;
import org.junit.jupiter.api.Test;

/**
 * A certification of some profiles prepares only the step definitions of their domains
 * ({@link FeatureFileChecks#glueFor}); that is right only while every scenario sits in the folder of its profile.
 */
class ProfileDomainsTest {

    @Test
    void everyScenarioSitsInTheFolderOfItsProfile() {
        List<FeatureIndex.Entry> entries = KitSources.onClassPath().features().entries();
        assertTrue(entries.size() > 500, "the features hold " + entries.size() + " scenarios");
        List<String> astray = entries.stream()
                .filter(e -> {
                    Profile profile = e.tags().stream()
                            .map(Profile::byTag)
                            .flatMap(java.util.Optional::stream)
                            .findFirst()
                            .orElseThrow(() -> new AssertionError(e.where() + " has no profile tag"));
                    return !e.file().startsWith(FeatureFileChecks.domainOf(profile) + "/");
                })
                .map(FeatureIndex.Entry::where)
                .toList();
        assertEquals(List.of(), astray, "scenarios outside the folder of their profile's domain");
    }

    @Test
    void theGlueOfSomeProfilesIsTheCommonStepsAndTheirDomains() {
        assertEquals(
                "org.gmck.kit.steps.common,org.gmck.kit.steps.gmm",
                FeatureFileChecks.glueFor(EnumSet.of(Profile.GMM, Profile.GMM_INTROSPECTION)));
        assertEquals(
                "org.gmck.kit.steps.common,org.gmck.kit.steps.pgm,org.gmck.kit.steps.x86",
                FeatureFileChecks.glueFor(EnumSet.of(Profile.X86_PAGING, Profile.PGM_MODES)));
        assertEquals("org.gmck.kit.steps", FeatureFileChecks.glueFor(Set.of()));
    }
}
