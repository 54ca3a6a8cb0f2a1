package org.gmck.kit.certify;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;

import org.gmck.kit.model.ModelChecks;
import org.gmck.kit.model.gmm.GmmConcurrencyChecks;
import org.gmck.kit.model.handler.VirtualHandlerChecks;
import org.gmck.kit.x86model.X86FixtureChecks;
import org.gmck.kit.x86model.X86RandomChecks;
import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The conformance suite, exactly what a certification runs: every scenario under {@code features/}, the
 * x86 fixture corpus ({@link X86FixtureChecks}), random x86 page-table hierarchies ({@link X86RandomChecks}),
 * the model-based runs ({@link ModelChecks}), GMM calls made at once from several threads
 * ({@link GmmConcurrencyChecks}) and random virtual-handler sequences ({@link VirtualHandlerChecks}).
 * {@link Certification} runs it through the JUnit Platform Launcher; the kit's own build runs it as the test
 * {@code org.gmck.kit.certify.RunConformanceTest}, which inherits this selection.
 */
@Suite
@IncludeEngines({"cucumber", "junit-jupiter"})
@SelectPackages("features")
@SelectClasses({
    X86FixtureChecks.class,
    X86RandomChecks.class,
    ModelChecks.class,
    GmmConcurrencyChecks.class,
    VirtualHandlerChecks.class
})
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "org.gmck.kit.steps")
public class ConformanceSuite {}
