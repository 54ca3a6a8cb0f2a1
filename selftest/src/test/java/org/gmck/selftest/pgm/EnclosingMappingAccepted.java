package org.gmck.selftest.pgm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.context.ContextStatus;
import org.gmck.spi.pgm.context.IntermediateContext;
import org.gmck.spi.pgm.context.SwitcherPlacement;
import org.gmck.spi.pgm.vm.GuestMemoryFactory;

/**
 * Checks a new guest-context location for conflicts by asking whether its first or its last byte falls
 * inside something the intermediate context maps, so a mapping that covers another one whole, starting
 * before it and ending after it, is let through and mapped over it.
 */
@Breaks(value = "PGM-CTX-7", also = "PGM-CTX-9")
public final class EnclosingMappingAccepted extends KnownBad {

    GuestMemoryFactory guestMemory(GuestMemoryFactory reference) {
        return new ForwardingGuestMemoryFactory(reference) {
            @Override
            public IntermediateContext newIntermediateContext(SwitcherPlacement switcher) {
                IntermediateContext real = this.real.newIntermediateContext(switcher);
                long size = switcher.pages() * 0x1000L;
                return Intercept.of(IntermediateContext.class, real, new Object() {
                    /** What the context maps: the switcher's three mappings, then the guest-context ones by name. */
                    private final Map<String, long[]> mapped = new HashMap<>(Map.of(
                            " host", new long[] {switcher.hostAddress(), size, switcher.physAddress()},
                            " identity", new long[] {switcher.physAddress(), size, switcher.physAddress()},
                            " hypervisor", new long[] {switcher.hypervisorAddress(), size, switcher.physAddress()}));
                    /** The mappings the fault let through over others. */
                    private final Map<String, long[]> over = new HashMap<>();
                    /** Where mappings the fault moved used to be. */
                    private final List<long[]> left = new ArrayList<>();

                    void mapGuestContext(String name, long address, long bytes, long physAddress) {
                        try {
                            real.mapGuestContext(name, address, bytes, physAddress);
                            mapped.put(name, new long[] {address, bytes, physAddress});
                        } catch (RejectedException e) {
                            if (!onlyEnclosing(e, name, address, bytes)) {
                                throw e;
                            }
                            over.put(name, new long[] {address, bytes, physAddress});
                        }
                    }

                    void relocateGuestContext(String name, long newAddress) {
                        long[] own = over.containsKey(name) ? over.get(name) : mapped.get(name);
                        try {
                            real.relocateGuestContext(name, newAddress);
                            own[0] = newAddress;
                        } catch (RejectedException e) {
                            if (own == null || !onlyEnclosing(e, name, newAddress, own[1])) {
                                throw e;
                            }
                            if (mapped.remove(name) != null) {
                                left.add(own);
                            }
                            over.put(name, new long[] {newAddress, own[1], own[2]});
                        }
                    }

                    Optional<Long> translate(PagingMode mode, long linear) {
                        for (long[] m : over.values()) {
                            if (linear >= m[0] && linear - m[0] < m[1]) {
                                return Optional.of(m[2] + linear - m[0]);
                            }
                        }
                        for (long[] m : left) {
                            if (linear >= m[0] && linear - m[0] < m[1]) {
                                return Optional.empty();
                            }
                        }
                        return real.translate(mode, linear);
                    }

                    Optional<Long> guestContextAddress(String name) {
                        long[] m = over.get(name);
                        return m != null ? Optional.of(m[0]) : real.guestContextAddress(name);
                    }

                    /** Whether the location conflicts only with mappings it covers whole, ends and all. */
                    private boolean onlyEnclosing(RejectedException e, String self, long address, long bytes) {
                        if (e.status() != ContextStatus.VERR_PGM_MAPPING_CONFLICT) {
                            return false;
                        }
                        List<long[]> others = new ArrayList<>();
                        mapped.forEach((name, m) -> {
                            if (!name.equals(self)) {
                                others.add(m);
                            }
                        });
                        for (long[] m : others) {
                            boolean overlaps = address < m[0] + m[1] && m[0] < address + bytes;
                            boolean endInside = address >= m[0] && address < m[0] + m[1]
                                    || address + bytes - 1 >= m[0] && address + bytes - 1 < m[0] + m[1];
                            if (overlaps && endInside) {
                                return false;
                            }
                        }
                        return true;
                    }
                });
            }
        };
    }
}
