package org.gmck.kit.steps.pgm;

import org.gmck.spi.pgm.context.IntermediateContext;
import org.gmck.spi.pgm.context.SwitcherPlacement;

/**
 * What the intermediate-context steps of one scenario share: the context under test, where its switcher
 * was placed, and a description taken before each change so that a refused call can be checked to have
 * changed nothing.
 */
public final class IntermediateContextWorld {

    IntermediateContext intermediate;
    SwitcherPlacement switcher;
    String before;
}
