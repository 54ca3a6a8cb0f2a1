package org.gmck.kit.mutation;

import org.gmck.kit.certify.CheckSettings;
import org.junit.platform.suite.api.ConfigurationParameter;

/** The mutation gate's checks of x86 paging (features/x86): {@link MutationGateSuite} restricted to the profiles of that domain. */
@ConfigurationParameter(key = CheckSettings.PROFILES, value = "x86-paging,x86-pdpte-registers")
public class X86Gate extends MutationGateSuite {}
