package org.gmck.kit;

import java.util.concurrent.Callable;

/**
 * Puts one call into the adapter under the run's rules: within a time limit, with anything but a
 * {@link org.gmck.spi.common.RejectedException} turned into a failure that says what happened. A scenario guards its
 * calls through its {@link ScenarioContext}; the kit's other checks (fixture cases, model-based runs) through
 * {@link CheckGuard}.
 */
public interface CallGuard {

    /**
     * Runs {@code call}, named {@code what} in messages, and returns its result. A rejection is thrown as it is.
     */
    Object call(String what, Callable<Object> call);
}
