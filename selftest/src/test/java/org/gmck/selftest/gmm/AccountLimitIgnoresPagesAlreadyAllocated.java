package org.gmck.selftest.gmm;

import java.util.List;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.gmm.Account;
import org.gmck.spi.gmm.AllocatedPage;
import org.gmck.spi.gmm.GlobalMemory;
import org.gmck.spi.gmm.GmmEdition;
import org.gmck.spi.gmm.GmmFactory;
import org.gmck.spi.gmm.GmmOptions;
import org.gmck.spi.gmm.VmInfo;

/**
 * Checks an allocation against the VM's reservation for the account on its own ({@code cPages > Reserved})
 * and forgets to add what the VM has already allocated there, so a VM can allocate its whole reservation
 * again and again in pieces. A single request beyond the reservation is still refused.
 *
 * <p>The reference cannot be talked into the fault directly: the wrapper raises the reservation for the one
 * request and puts it back afterwards.
 */
@Breaks("GMM-RES-9")
public final class AccountLimitIgnoresPagesAlreadyAllocated extends KnownBad {

    GmmFactory gmm(GmmFactory reference) {
        return new ForwardingGmmFactory(reference) {
            @Override
            public GlobalMemory create(GmmEdition edition, GmmOptions options) {
                return new ForwardingGlobalMemory(real.create(edition, options)) {
                    @Override
                    public synchronized List<AllocatedPage> allocate(int vm, Account account, List<Long> guestPfns) {
                        VmInfo info;
                        try {
                            info = real.vm(vm);
                        } catch (RejectedException e) {
                            return real.allocate(vm, account, guestPfns);
                        }
                        long[] reserved = {info.reservedBase(), info.reservedShadow(), info.reservedFixed()};
                        long[] allocated = {info.allocatedBase(), info.allocatedShadow(), info.allocatedFixed()};
                        int a = account == null ? -1 : account.ordinal();
                        int count = guestPfns == null ? 0 : guestPfns.size();
                        if (a < 0 || reserved[a] == 0 || count > reserved[a] || allocated[a] + count <= reserved[a]) {
                            return real.allocate(vm, account, guestPfns);
                        }
                        long[] raised = reserved.clone();
                        raised[a] = allocated[a] + count;
                        try {
                            real.updateReservation(vm, raised[0], raised[1], raised[2]);
                        } catch (RejectedException e) {
                            return real.allocate(vm, account, guestPfns);
                        }
                        try {
                            return real.allocate(vm, account, guestPfns);
                        } finally {
                            real.updateReservation(vm, reserved[0], reserved[1], reserved[2]);
                        }
                    }
                };
            }
        };
    }
}
