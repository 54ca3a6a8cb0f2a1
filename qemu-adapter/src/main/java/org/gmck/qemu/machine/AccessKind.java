package org.gmck.qemu.machine;

/** The one access a query single-steps. */
public enum AccessKind {
    /** A one-byte load, {@code mov al,[rbx]}. */
    READ,
    /** A one-byte store, {@code mov [rbx],al}. */
    WRITE,
    /** An instruction fetch: the vCPU jumps to the address and executes a planted one-byte NOP. */
    FETCH
}
