package org.gmck.spi.pgm.handler;

/**
 * One call a handler received.
 *
 * @param event   what the call was about
 * @param address where: the guest physical address for a physical handler; for a virtual handler the
 *                linear address inside the handler's own range (also when the guest came in through an alias),
 *                page aligned for {@link HandlerEvent#INVALIDATE}
 */
public record HandlerCall(HandlerEvent event, long address) {}
