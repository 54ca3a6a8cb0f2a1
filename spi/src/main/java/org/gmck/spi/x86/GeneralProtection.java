package org.gmck.spi.x86;

/**
 * #GP(0). Its error code is always 0 and CR2 is not written.
 *
 * @param reason why it was raised
 */
public record GeneralProtection(GpReason reason) implements AccessOutcome, LoadOutcome {}
