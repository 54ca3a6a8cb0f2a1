package org.gmck.spi.common;

/**
 * Thrown by the default methods of {@link ConformanceAdapter} for a profile the adapter does not
 * implement. The kit never calls into an undeclared profile, so seeing this means the adapter declared a
 * profile in {@link ConformanceAdapter#profiles()} without overriding its entry point.
 */
public class ProfileNotImplementedException extends UnsupportedOperationException {
    private static final long serialVersionUID = 1L;

    public ProfileNotImplementedException(Profile profile) {
        super("The adapter declares no implementation of profile '" + profile.id()
                + "': override its entry point in ConformanceAdapter, or leave the profile undeclared.");
    }
}
