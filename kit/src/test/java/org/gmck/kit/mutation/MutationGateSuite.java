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
 * {@link ConformanceSuite}, with its scenarios grouped one check per feature file ({@link FeatureFileChecks}),
 * in one suite per domain of the kit (the subclasses: {@link X86Gate}, {@link PgmGate}, {@link GmmGate},
 * {@link MonitorGate}, {@link LargePageGate}), each restricted to its domain's profiles.
 *
 * <p>Why by domain: PIT's JUnit 5 plugin finds a test class's checks by running the class, and it does so in
 * every process it starts, at least one per mutated class of the reference. Split by domain, a process runs the
 * suites whose checks reach the mutated class, not every check of the kit. A mutant is tried with the same
 * checks as in one suite, so the score is the same. {@link MutationGateSuiteTest} holds the selections together.
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
public abstract class MutationGateSuite {}
