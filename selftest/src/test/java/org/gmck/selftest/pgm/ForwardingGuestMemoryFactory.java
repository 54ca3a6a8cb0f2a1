package org.gmck.selftest.pgm;

import java.util.Optional;
import java.util.Set;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.context.IntermediateContext;
import org.gmck.spi.pgm.context.SwitcherPlacement;
import org.gmck.spi.pgm.phys.ChunkOverhead;
import org.gmck.spi.pgm.phys.GuestPhysicalMemory;
import org.gmck.spi.pgm.phys.HostBitness;
import org.gmck.spi.pgm.phys.HostPlacement;
import org.gmck.spi.pgm.phys.PageRecordLayout;
import org.gmck.spi.pgm.phys.TrackingCost;
import org.gmck.spi.pgm.shadow.ShadowVm;
import org.gmck.spi.pgm.vm.GuestMemoryFactory;

/** Passes every call to another {@link GuestMemoryFactory}; a fault overrides the one it breaks. */
public class ForwardingGuestMemoryFactory implements GuestMemoryFactory {

    protected final GuestMemoryFactory real;

    public ForwardingGuestMemoryFactory(GuestMemoryFactory real) {
        this.real = real;
    }

    @Override
    public GuestPhysicalMemory newGuestMemory(long hostPages) {
        return real.newGuestMemory(hostPages);
    }

    @Override
    public boolean placesHostPages() {
        return real.placesHostPages();
    }

    @Override
    public GuestPhysicalMemory newGuestMemory(long hostPages, HostPlacement placement) {
        return real.newGuestMemory(hostPages, placement);
    }

    @Override
    public Set<PageRecordLayout> recordLayouts() {
        return real.recordLayouts();
    }

    @Override
    public TrackingCost trackingCost(long ramBytes, HostBitness host) {
        return real.trackingCost(ramBytes, host);
    }

    @Override
    public Optional<ChunkOverhead> chunkOverhead(HostBitness host) {
        return real.chunkOverhead(host);
    }

    @Override
    public ShadowVm newShadowVm(PagingMode host, long hostPages) {
        return real.newShadowVm(host, hostPages);
    }

    @Override
    public IntermediateContext newIntermediateContext(SwitcherPlacement switcher) {
        return real.newIntermediateContext(switcher);
    }
}
