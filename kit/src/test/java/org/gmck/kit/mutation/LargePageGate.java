package org.gmck.kit.mutation;

import org.gmck.kit.certify.CheckSettings;
import org.junit.platform.suite.api.ConfigurationParameter;

/** The mutation gate's checks of KVM large pages (features/largepage): {@link MutationGateSuite} restricted to the profiles of that domain. */
@ConfigurationParameter(key = CheckSettings.PROFILES, value = "large-pages,large-pages-introspection")
public class LargePageGate extends MutationGateSuite {}
