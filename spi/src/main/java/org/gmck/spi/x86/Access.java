package org.gmck.spi.x86;

import java.util.Objects;

/**
 * One access to one byte of linear memory.
 *
 * @param linearAddress the linear address (64 bits; outside IA-32e mode only the low 32 bits may be set)
 * @param kind          read, write or instruction fetch
 * @param privilege     user, supervisor or implicit supervisor
 */
public record Access(long linearAddress, AccessKind kind, Privilege privilege) {
    public Access {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(privilege, "privilege");
    }

    @Override
    public String toString() {
        return String.format("%s %s at %#x", privilege, kind, linearAddress);
    }
}
