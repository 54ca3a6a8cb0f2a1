package org.gmck.selftest.pgm;

import java.util.List;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.PagingModes;
import org.gmck.spi.pgm.ShadowContext;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.EntryFlag;
import org.gmck.spi.x86.EntryFlags;

/** Back from long mode to legacy PAE, the shadow PDPEs keep R/W, U/S and A, which are must-be-zero there. */
@Breaks("PGM-PAE-7")
public final class PdpeBitsKeptOnSwitchToLegacyPae extends KnownBad {

    PagingModes pagingModes(PagingModes reference) {
        return new ForwardingPagingModes(reference) {
            @Override
            public ShadowContext newShadowContext(PagingMode host) {
                return new ForwardingShadowContext(real.newShadowContext(host)) {
                    private boolean wasLongMode;

                    @Override
                    public void changeMode(ControlRegisters registers) {
                        real.changeMode(registers);
                        wasLongMode |= real.shadowMode() == PagingMode.AMD64;
                    }

                    @Override
                    public List<Long> presentShadowPdpes() {
                        boolean stale = wasLongMode && real.shadowMode() == PagingMode.PAE;
                        return real.presentShadowPdpes().stream()
                                .map(e -> stale
                                        ? e | EntryFlags.mask(EntryFlag.WRITABLE, EntryFlag.USER, EntryFlag.ACCESSED)
                                        : e)
                                .toList();
                    }
                };
            }
        };
    }
}
