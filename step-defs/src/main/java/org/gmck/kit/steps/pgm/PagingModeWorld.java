package org.gmck.kit.steps.pgm;

import org.gmck.spi.pgm.ShadowContext;

/**
 * What the paging-mode steps of one scenario share: the shadow context under test, once the scenario has made
 * one, and the PDPE it last asked the context to check.
 */
public final class PagingModeWorld {

    ShadowContext shadow;
    long checkedPdpe;
}
