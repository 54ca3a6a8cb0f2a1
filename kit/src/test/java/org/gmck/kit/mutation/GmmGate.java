package org.gmck.kit.mutation;

import org.gmck.kit.certify.CheckSettings;
import org.junit.platform.suite.api.ConfigurationParameter;

/** The mutation gate's checks of the GMM (features/gmm): {@link MutationGateSuite} restricted to the profiles of that domain. */
@ConfigurationParameter(key = CheckSettings.PROFILES, value = "gmm,gmm-introspection")
public class GmmGate extends MutationGateSuite {}
