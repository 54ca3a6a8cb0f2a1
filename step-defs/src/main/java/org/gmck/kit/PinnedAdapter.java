package org.gmck.kit;

import java.util.Map;
import java.util.Set;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.gmm.GmmFactory;
import org.gmck.spi.largepage.LargePages;
import org.gmck.spi.monitor.MonitorFactory;
import org.gmck.spi.pgm.PagingModes;
import org.gmck.spi.pgm.handler.AccessHandlerFactory;
import org.gmck.spi.pgm.vm.GuestMemoryFactory;
import org.gmck.spi.x86.CpuModel;
import org.gmck.spi.x86.X86Mmu;

/**
 * The adapter under test with its metadata read once ({@link AdapterMetadata}): the run asks for its name,
 * version, profiles and parameters as often as it likes and always gets what was read at the start; every
 * other call goes to the adapter.
 */
final class PinnedAdapter implements ConformanceAdapter {

    private final ConformanceAdapter adapter;
    private final AdapterMetadata metadata;

    PinnedAdapter(ConformanceAdapter adapter, AdapterMetadata metadata) {
        this.adapter = adapter;
        this.metadata = metadata;
    }

    AdapterMetadata metadata() {
        return metadata;
    }

    /** The adapter as it was given, behind the pinned metadata. */
    ConformanceAdapter adapter() {
        return adapter;
    }

    @Override
    public String name() {
        return metadata.name();
    }

    @Override
    public String version() {
        return metadata.version();
    }

    @Override
    public Set<org.gmck.spi.common.Profile> profiles() {
        return metadata.profiles();
    }

    @Override
    public Map<String, String> parameters() {
        return metadata.parameters();
    }

    @Override
    public PagingModes pagingModes() {
        return adapter.pagingModes();
    }

    @Override
    public LargePages largePages() {
        return adapter.largePages();
    }

    @Override
    public GuestMemoryFactory guestMemory() {
        return adapter.guestMemory();
    }

    @Override
    public X86Mmu newX86Mmu(CpuModel model, long guestRamBytes) {
        return adapter.newX86Mmu(model, guestRamBytes);
    }

    @Override
    public GmmFactory gmm() {
        return adapter.gmm();
    }

    @Override
    public MonitorFactory monitor() {
        return adapter.monitor();
    }

    @Override
    public AccessHandlerFactory accessHandlers() {
        return adapter.accessHandlers();
    }

    @Override
    public String toString() {
        return "adapter '" + metadata.name() + "' (" + metadata.implementationClass() + ")";
    }
}
