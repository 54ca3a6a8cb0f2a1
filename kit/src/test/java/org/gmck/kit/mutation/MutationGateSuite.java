package org.gmck.kit.mutation;

import org.gmck.kit.certify.ConformanceSuite;
import org.gmck.kit.certify.FeatureFileChecks;
import org.gmck.kit.model.ModelChecks;
import org.gmck.kit.model.gmm.GmmConcurrencyChecks;
import org.gmck.kit.model.handler.VirtualHandlerChecks;
import org.gmck.kit.x86model.X86FixtureChecks;
import org.gmck.kit.x86model.X86RandomChecks;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;

/**
 * What the mutation gate runs against each mutant of the reference: exactly the checks of
 * {@link ConformanceSuite}, with its scenarios grouped one check per feature file ({@link FeatureFileChecks}).
 * {@link MutationGateSuiteTest} holds the two selections together.
 */
@Suite
@IncludeEngines("junit-jupiter")
@SelectClasses({
    FeatureFileChecks.class,
    X86FixtureChecks.class,
    X86RandomChecks.class,
    ModelChecks.class,
    GmmConcurrencyChecks.class,
    VirtualHandlerChecks.class
})
public class MutationGateSuite {}
