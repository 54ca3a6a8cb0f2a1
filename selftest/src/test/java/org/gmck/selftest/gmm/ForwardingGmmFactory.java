package org.gmck.selftest.gmm;

import java.util.Set;
import org.gmck.spi.gmm.GlobalMemory;
import org.gmck.spi.gmm.GmmEdition;
import org.gmck.spi.gmm.GmmFactory;
import org.gmck.spi.gmm.GmmOptions;

/** Passes every call to another {@link GmmFactory}; a fault overrides the one it breaks. */
public class ForwardingGmmFactory implements GmmFactory {

    protected final GmmFactory real;

    public ForwardingGmmFactory(GmmFactory real) {
        this.real = real;
    }

    @Override
    public Set<GmmEdition> editions() {
        return real.editions();
    }

    @Override
    public GlobalMemory create(GmmEdition edition, GmmOptions options) {
        return real.create(edition, options);
    }
}
