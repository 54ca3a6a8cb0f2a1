package org.gmck.reference.binding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.gmck.reference.largepage.ReferenceLargePages;
import org.gmck.reference.monitor.FreeMwareMonitorFactory;
import org.gmck.reference.pgm.PgmPagingModes;
import org.gmck.reference.pgm.handler.ReferenceAccessHandlers;
import org.gmck.reference.pgm.vm.PgmGuestMemoryFactory;
import org.gmck.reference.x86.ReferenceX86Mmu;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.common.Profile;
import org.gmck.spi.gmm.GmmFactory;
import org.gmck.spi.largepage.LargePages;
import org.gmck.spi.monitor.MonitorFactory;
import org.gmck.spi.pgm.PagingModes;
import org.gmck.spi.pgm.handler.AccessHandlerFactory;
import org.gmck.spi.pgm.vm.GuestMemoryFactory;
import org.gmck.spi.x86.CpuModel;
import org.gmck.spi.x86.X86Mmu;

/** Binds the reference implementation to the SPI. Selected with {@code -Dconformance.adapter=reference}. */
public final class ReferenceAdapter implements ConformanceAdapter {

    public static final String NAME = "reference";
    /** The version of the build that made this reference (the project's Maven version). */
    public static final String VERSION = buildVersion();

    private static String buildVersion() {
        try (InputStream in = ReferenceAdapter.class.getResourceAsStream("version.txt")) {
            if (in == null) {
                throw new IllegalStateException(
                        "version.txt is missing beside ReferenceAdapter: the build did not copy it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public Set<Profile> profiles() {
        return EnumSet.of(
                Profile.PGM_MODES,
                Profile.PGM,
                Profile.PGM_INTROSPECTION,
                Profile.X86_PAGING,
                Profile.X86_PDPTE_REGISTERS,
                Profile.GMM,
                Profile.GMM_INTROSPECTION,
                Profile.MONITOR,
                Profile.LARGE_PAGES,
                Profile.LARGE_PAGES_INTROSPECTION);
    }

    /**
     * The readings the reference takes where the sources leave a choice open (CONFORMANCE.md, "Declared
     * readings"): no private page in a chunk of shared pages, per-VM references to each shared page, later
     * VirtualBox's 0xFFFFFFF1 for a page without a guest frame, later VirtualBox's page layouts, the switcher's
     * special effort where the shadow mode differs from the host mode, no virtual handler overlapping another
     * of any kind, and a 4 KB shadow entry left read-only when its page is unshadowed.
     */
    @Override
    public Map<String, String> parameters() {
        return Map.of(
                "gmm.shared-chunk-private-pages", "never",
                "gmm.shared-page-holders", "tracked",
                "gmm.unknown-guest-frame", "fffffff1",
                "gmm.page-layout", "later-virtualbox",
                "pgm.switcher-special-effort", "shadow-differs-from-host",
                "pgm.hypervisor-handler-overlap", "refused",
                "largepage.unshadowed-small-entry", "stays-read-only");
    }

    @Override
    public PagingModes pagingModes() {
        return new PgmPagingModes();
    }

    @Override
    public LargePages largePages() {
        return new ReferenceLargePages();
    }

    @Override
    public GuestMemoryFactory guestMemory() {
        return new PgmGuestMemoryFactory();
    }

    @Override
    public X86Mmu newX86Mmu(CpuModel model, long guestRamBytes) {
        return ReferenceX86Mmu.create(model, guestRamBytes);
    }

    @Override
    public GmmFactory gmm() {
        return new ReferenceGmm();
    }

    @Override
    public MonitorFactory monitor() {
        return new FreeMwareMonitorFactory();
    }

    @Override
    public AccessHandlerFactory accessHandlers() {
        return new ReferenceAccessHandlers();
    }
}
