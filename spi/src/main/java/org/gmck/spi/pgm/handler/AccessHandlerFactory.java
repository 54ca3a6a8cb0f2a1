package org.gmck.spi.pgm.handler;

import org.gmck.spi.pgm.PagingMode;

/** Creates shadow-paged VMs with access handlers (profile {@code pgm}). */
public interface AccessHandlerFactory {

    /**
     * A new VM with access handlers, as {@link org.gmck.spi.pgm.vm.GuestMemoryFactory#newShadowVm} makes
     * one, with no handlers yet.
     *
     * @throws org.gmck.spi.common.RejectedException as {@link org.gmck.spi.pgm.vm.GuestMemoryFactory#newShadowVm}
     */
    HandledVm newVm(PagingMode host, long hostPages);
}
