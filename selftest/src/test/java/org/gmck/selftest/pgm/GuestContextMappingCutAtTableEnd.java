package org.gmck.selftest.pgm;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.context.IntermediateContext;
import org.gmck.spi.pgm.context.SwitcherPlacement;
import org.gmck.spi.pgm.vm.GuestMemoryFactory;

/**
 * Puts a guest-context mapping into the one page table of each mode that covers its start: the pages of a
 * mapping that runs on past that table's end (4 MB in the 32-bit tables, 2 MB in the PAE and AMD64 ones)
 * are left out of the intermediate context.
 */
@Breaks("PGM-CTX-4")
public final class GuestContextMappingCutAtTableEnd extends KnownBad {

    GuestMemoryFactory guestMemory(GuestMemoryFactory reference) {
        return new ForwardingGuestMemoryFactory(reference) {
            @Override
            public IntermediateContext newIntermediateContext(SwitcherPlacement switcher) {
                IntermediateContext real = this.real.newIntermediateContext(switcher);
                return Intercept.of(IntermediateContext.class, real, new Object() {
                    /** Each guest-context mapping the real context accepted: its start and size. */
                    private final Map<String, long[]> mappings = new HashMap<>();

                    void mapGuestContext(String name, long address, long size, long physAddress) {
                        real.mapGuestContext(name, address, size, physAddress);
                        mappings.put(name, new long[] {address, size});
                    }

                    void relocateGuestContext(String name, long newAddress) {
                        real.relocateGuestContext(name, newAddress);
                        mappings.get(name)[0] = newAddress;
                    }

                    Optional<Long> translate(PagingMode mode, long linear) {
                        long span = mode == PagingMode.BITS32 ? 4L << 20 : 2L << 20;
                        for (long[] m : mappings.values()) {
                            long tableEnd = (m[0] | span - 1) + 1;
                            if (linear >= tableEnd && linear < m[0] + m[1]) {
                                return Optional.empty();
                            }
                        }
                        return real.translate(mode, linear);
                    }
                });
            }
        };
    }
}
