package org.gmck.reference.pgm.handler;

import org.gmck.reference.pgm.shadow.PgmShadowVm;
import org.gmck.reference.pgm.vm.PgmGuestMemoryFactory;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.handler.AccessHandlerFactory;
import org.gmck.spi.pgm.handler.HandledVm;

/** Creates shadow-paged VMs with access handlers. */
public final class ReferenceAccessHandlers implements AccessHandlerFactory {

    @Override
    public HandledVm newVm(PagingMode host, long hostPages) {
        return new HandledShadowVm((PgmShadowVm) new PgmGuestMemoryFactory().newShadowVm(host, hostPages));
    }
}
