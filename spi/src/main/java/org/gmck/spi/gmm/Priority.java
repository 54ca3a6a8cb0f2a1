package org.gmck.spi.gmm;

/** A VM's priority (GMMPRIORITY). {@link #INVALID} marks a VM without valid per-VM data. */
public enum Priority {
    INVALID,
    HIGH,
    NORMAL,
    LOW
}
