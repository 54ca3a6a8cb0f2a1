package org.gmck.spi.gmm;

/** A VM's over-commitment policy (GMMOCPOLICY). {@link #INVALID} marks a VM without a valid reservation. */
public enum OcPolicy {
    INVALID,
    /** No over-commitment: the reservation must be backed by host memory. */
    NO_OC,
    /** To be decided: the reservation may over-commit the host. */
    TBD
}
