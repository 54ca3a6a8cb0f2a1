package org.gmck.selftest.gmm;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.gmm.GlobalMemory;
import org.gmck.spi.gmm.GmmEdition;
import org.gmck.spi.gmm.GmmFactory;
import org.gmck.spi.gmm.GmmOptions;
import org.gmck.spi.gmm.VmInfo;

/**
 * Two faults in the VM's count of shared references that hide each other. Taking a reference raises the
 * count only when the VM held none to that page yet (the increment sits inside the "first reference of this
 * VM" branch that creates its index entry), and releasing one lowers the count only when the VM gives back
 * its last reference to that page (the decrement sits inside the branch that drops the entry). Either fault
 * alone leaves the count wrong after a VM takes and gives back two references to one page; together the
 * count comes back to zero after every round trip, agrees with the number of shared pages left behind at
 * cleanup (which is taken from it), and is right whenever a VM holds at most one reference per page. It is
 * wrong only while a VM holds several references to one page.
 */
@Breaks(value = "GMM-SHARE-20", also = "GMM-CLEAN-14")
public final class SharedReferencesCountedPerPage extends KnownBad {

    GmmFactory gmm(GmmFactory reference) {
        return new ForwardingGmmFactory(reference) {
            @Override
            public GlobalMemory create(GmmEdition edition, GmmOptions options) {
                return new UndercountedSharedReferences(real.create(edition, options)) {
                    @Override
                    public synchronized VmInfo vm(int vm) {
                        VmInfo v = real.vm(vm);
                        return new VmInfo(
                                v.policy(),
                                v.priority(),
                                v.reservedBase(),
                                v.reservedShadow(),
                                v.reservedFixed(),
                                v.allocatedBase(),
                                v.allocatedShadow(),
                                v.allocatedFixed(),
                                v.privatePages(),
                                v.sharedPages() - extraReferences(vm));
                    }
                };
            }
        };
    }
}
