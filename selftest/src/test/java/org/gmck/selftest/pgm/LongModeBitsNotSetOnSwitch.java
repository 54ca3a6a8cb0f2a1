package org.gmck.selftest.pgm;

import java.util.List;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.PagingModes;
import org.gmck.spi.pgm.ShadowContext;
import org.gmck.spi.x86.EntryFlag;
import org.gmck.spi.x86.EntryFlags;

/** On a switch to long mode the shadow PDPEs are left as legacy PAE wants them: R/W, U/S and A clear. */
@Breaks("PGM-PAE-8")
public final class LongModeBitsNotSetOnSwitch extends KnownBad {

    PagingModes pagingModes(PagingModes reference) {
        return new ForwardingPagingModes(reference) {
            @Override
            public ShadowContext newShadowContext(PagingMode host) {
                return new ForwardingShadowContext(real.newShadowContext(host)) {
                    @Override
                    public List<Long> presentShadowPdpes() {
                        boolean longMode = real.shadowMode() == PagingMode.AMD64;
                        return real.presentShadowPdpes().stream()
                                .map(e -> longMode
                                        ? e & ~EntryFlags.mask(EntryFlag.WRITABLE, EntryFlag.USER, EntryFlag.ACCESSED)
                                        : e)
                                .toList();
                    }
                };
            }
        };
    }
}
