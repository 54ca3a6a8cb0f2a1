package org.gmck.selftest.largepage;

import org.gmck.spi.largepage.LargePages;
import org.gmck.spi.largepage.MmuOptions;
import org.gmck.spi.largepage.ShadowMmu;

/** Passes every call to another {@link LargePages}; a fault overrides the one it breaks. */
public class ForwardingLargePages implements LargePages {

    protected final LargePages real;

    public ForwardingLargePages(LargePages real) {
        this.real = real;
    }

    @Override
    public ShadowMmu newMmu(MmuOptions options) {
        return real.newMmu(options);
    }
}
