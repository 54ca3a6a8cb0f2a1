package org.gmck.kit.mutation;

import org.gmck.kit.certify.CheckSettings;
import org.junit.platform.suite.api.ConfigurationParameter;

/** The mutation gate's checks of PGM (features/pgm): {@link MutationGateSuite} restricted to the profiles of that domain. */
@ConfigurationParameter(key = CheckSettings.PROFILES, value = "pgm-modes,pgm,pgm-introspection")
public class PgmGate extends MutationGateSuite {}
