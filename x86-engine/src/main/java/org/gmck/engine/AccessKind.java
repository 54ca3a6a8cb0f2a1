package org.gmck.engine;

/** The one access a query single-steps. */
public enum AccessKind {
    /** A one-byte load, {@code mov al,[rbx]}. */
    READ,
    /** A one-byte store, {@code mov [rbx],al}. */
    WRITE,
    /** An instruction fetch: the vCPU jumps to the address and executes a planted one-byte NOP. */
    FETCH,
    /**
     * An implicit supervisor read: {@code mov fs,cx} with an LDT selector, the LDT's base set to the address
     * by {@code lldt}, so the vCPU reads a segment descriptor there (8 bytes) as a system-structure access.
     * Any outcome other than #PF (a #GP or #NP for the descriptor found, or a completed load) means the
     * read itself succeeded.
     */
    IMPLICIT_READ
}
