package org.gmck.spi;

import java.util.Map;
import java.util.Set;
import org.gmck.spi.common.Profile;
import org.gmck.spi.common.ProfileNotImplementedException;
import org.gmck.spi.gmm.GmmFactory;
import org.gmck.spi.largepage.LargePages;
import org.gmck.spi.monitor.MonitorFactory;
import org.gmck.spi.pgm.PagingModes;
import org.gmck.spi.pgm.vm.GuestMemoryFactory;
import org.gmck.spi.x86.CpuModel;
import org.gmck.spi.x86.X86Mmu;

/**
 * The one entry point an implementation provides to be certified.
 *
 * <p>An adapter is found with {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/org.gmck.spi.ConformanceAdapter}) and chosen with
 * {@code -Dconformance.adapter=NAME}, where NAME is {@link #name()}.
 *
 * <p>It declares the profiles it implements in {@link #profiles()} and overrides the entry point of each.
 * The kit calls an entry point only for a declared profile; each call must return a fresh, independent
 * instance, because every scenario starts from a new system.
 *
 * <p>The kit never passes {@code null} to a method of the SPI: every argument names a value, and every
 * bad value it passes on purpose (an unknown id, a misaligned address, an out-of-range number, INVALID)
 * is one the method's documentation says how to refuse. What an implementation does with {@code null} is
 * outside the contract.
 */
public interface ConformanceAdapter {

    /** Short name used to select the adapter, for example {@code reference}. */
    String name();

    /** The version of the implementation under test, recorded in reports. */
    String version();

    /** The profiles this adapter implements. A sub-profile needs its parent declared too. */
    Set<Profile> profiles();

    /**
     * Parameters of the implementation that a reader of its certification report needs, for example its
     * memory geometry; recorded in the report as given. None by default.
     */
    default Map<String, String> parameters() {
        return Map.of();
    }

    /**
     * Entry point of the PGM paging-mode rules (profile {@link Profile#PGM_MODES}): guest mode derivation,
     * the host-by-guest shadow mode matrix, CR3 alignment and PDPE bits per mode.
     */
    default PagingModes pagingModes() {
        throw new ProfileNotImplementedException(Profile.PGM_MODES);
    }

    /**
     * Entry point of the KVM large-page rules (profiles {@link Profile#LARGE_PAGES} and
     * {@link Profile#LARGE_PAGES_INTROSPECTION}): memory slots with write-protect counters per 2 MB frame,
     * large shadow mappings, zapping, slot splitting and nested paging.
     */
    default LargePages largePages() {
        throw new ProfileNotImplementedException(Profile.LARGE_PAGES);
    }

    /**
     * Entry point of PGM's guest physical memory (profile {@link Profile#PGM}, the packed record under
     * {@link Profile#PGM_INTROSPECTION}): ranges, page records, the zero page, allocation and copy on write,
     * write monitoring, and the tracking cost.
     */
    default GuestMemoryFactory guestMemory() {
        throw new ProfileNotImplementedException(Profile.PGM);
    }

    /**
     * Entry point of the x86 paging rules (profile {@link Profile#X86_PAGING}, and
     * {@link Profile#X86_PDPTE_REGISTERS} for the PAE PDPTE registers): a fresh MMU for a CPU model with
     * {@code guestRamBytes} of zeroed guest RAM and no control registers loaded yet.
     *
     * @throws org.gmck.spi.common.RejectedException {@link org.gmck.spi.x86.X86Status#INVALID_CPU_MODEL},
     *                           {@link org.gmck.spi.x86.X86Status#INVALID_GUEST_RAM}
     */
    default X86Mmu newX86Mmu(CpuModel model, long guestRamBytes) {
        throw new ProfileNotImplementedException(Profile.X86_PAGING);
    }

    /**
     * Entry point of the GMM rules (profiles {@link Profile#GMM} and {@link Profile#GMM_INTROSPECTION}):
     * creates global memory managers of the editions the adapter implements.
     */
    default GmmFactory gmm() {
        throw new ProfileNotImplementedException(Profile.GMM);
    }

    /**
     * Entry point of the FreeMWare monitor rules (profile {@link Profile#MONITOR}): monitor page tables and
     * descriptor tables built from the guest's, fault routing, locking and eviction of host pages.
     */
    default MonitorFactory monitor() {
        throw new ProfileNotImplementedException(Profile.MONITOR);
    }

    /**
     * Entry point of the access-handler rules (profiles {@link Profile#PGM} and
     * {@link Profile#PGM_INTROSPECTION}): shadow-paged VMs with physical and virtual access handlers.
     */
    default org.gmck.spi.pgm.handler.AccessHandlerFactory accessHandlers() {
        throw new ProfileNotImplementedException(Profile.PGM);
    }
}
