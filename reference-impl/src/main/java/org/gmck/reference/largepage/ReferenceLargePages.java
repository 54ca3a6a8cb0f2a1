package org.gmck.reference.largepage;

import org.gmck.spi.largepage.LargePages;
import org.gmck.spi.largepage.MmuOptions;
import org.gmck.spi.largepage.ShadowMmu;

/** The reference's large-page entry point: a fresh {@link KvmShadowMmu} per call. */
public final class ReferenceLargePages implements LargePages {

    @Override
    public ShadowMmu newMmu(MmuOptions options) {
        return new KvmShadowMmu(options);
    }
}
