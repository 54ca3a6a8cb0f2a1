package org.gmck.reference.x86;

import org.gmck.spi.x86.AccessKind;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.Privilege;
import org.gmck.spi.x86.Rights;

/**
 * The access-rights checks of SDM Vol. 3A, 4.6, made once the walk has found a present, well-formed
 * leaf: execute-disable, U/S, R/W with CR0.WP, SMEP, SMAP with RFLAGS.AC and implicit accesses, and the
 * protection keys (4.6.2).
 */
final class AccessControl {

    private AccessControl() {}

    /** What the checks found: whether the access is refused, and whether a protection key took part. */
    record Verdict(boolean refused, boolean keyRefused) {
        static final Verdict ALLOWED = new Verdict(false, false);
        static final Verdict REFUSED = new Verdict(true, false);
        static final Verdict KEY_REFUSED = new Verdict(true, true);

        static Verdict of(boolean refused, boolean keyRefused) {
            return keyRefused ? KEY_REFUSED : refused ? REFUSED : ALLOWED;
        }
    }

    static Verdict check(
            Rights rights, AccessKind kind, Privilege privilege, PagingState state, boolean ac, int pkru, int pkrs) {
        boolean user = privilege == Privilege.USER;
        boolean userPage = rights.user();
        if (kind == AccessKind.FETCH) {
            boolean refused = !rights.executable()
                    || (user && !userPage)
                    || (!user && userPage && state.cr4(ControlRegisters.CR4_SMEP));
            return Verdict.of(refused, false);
        }
        boolean write = kind == AccessKind.WRITE;
        boolean refused = (user && !userPage)
                || (write && !rights.writable() && (user || state.wp()))
                || (!user
                        && userPage
                        && state.cr4(ControlRegisters.CR4_SMAP)
                        && (privilege == Privilege.IMPLICIT_SUPERVISOR || !ac));
        boolean keyRefused = keyRefuses(rights, write, user, state, pkru, pkrs);
        return Verdict.of(refused, keyRefused);
    }

    /** PKRU guards user-mode addresses under CR4.PKE, PKRS supervisor-mode addresses under CR4.PKS. */
    private static boolean keyRefuses(
            Rights rights, boolean write, boolean user, PagingState state, int pkru, int pkrs) {
        if (!state.ia32e()) {
            return false;
        }
        long enable = rights.user() ? ControlRegisters.CR4_PKE : ControlRegisters.CR4_PKS;
        if (!state.cr4(enable)) {
            return false;
        }
        int register = rights.user() ? pkru : pkrs;
        int bits = register >>> (2 * rights.protectionKey());
        boolean accessDisable = (bits & 1) != 0;
        boolean writeDisable = (bits & 2) != 0;
        return accessDisable || (write && writeDisable && (user || state.wp()));
    }
}
