package org.gmck.spi.common;

/**
 * A typed status for a rejected call. Each area defines an enum of the statuses its rules name, after
 * the sources' own status codes where they exist (for example {@code VERR_GMM_PAGE_ALREADY_FREE}).
 * Scenarios compare statuses by {@link #name()}.
 */
public interface Status {
    /** The status name as the catalogue and the scenarios spell it. */
    String name();
}
