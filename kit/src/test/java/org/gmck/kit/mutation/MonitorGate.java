package org.gmck.kit.mutation;

import org.gmck.kit.certify.CheckSettings;
import org.junit.platform.suite.api.ConfigurationParameter;

/** The mutation gate's checks of the FreeMWare monitor (features/monitor): {@link MutationGateSuite} restricted to the profiles of that domain. */
@ConfigurationParameter(key = CheckSettings.PROFILES, value = "monitor")
public class MonitorGate extends MutationGateSuite {}
