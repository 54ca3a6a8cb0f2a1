package org.gmck.kit.model.pgm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.common.Profile;
import org.gmck.spi.pgm.phys.HostPlacement;
import org.gmck.spi.pgm.phys.PageRecordLayout;
import org.gmck.spi.pgm.phys.PhysPage;
import org.gmck.spi.pgm.vm.GuestMemoryFactory;

/**
 * What one series of the guest-memory model runs over: the kind of VM, its host page budget (small, so that
 * the host runs out), where its host's pages lie when the adapter lets the kit place them, and the layout
 * page records are compared in when the adapter declares pgm-introspection.
 *
 * @param name      the variant's name in reports
 * @param vm        the kind of VM
 * @param budget    the host pages the VM may hold
 * @param placement where its host's pages lie, empty for a host handing out any pages
 * @param records   the layout records are compared in, empty without pgm-introspection
 */
record GuestMemoryVariant(
        String name, Vm vm, int budget, Optional<HostPlacement> placement, Optional<PageRecordLayout> records) {

    /** The kinds of VM whose guest memory the model runs on. */
    enum Vm {
        PLAIN,
        SHADOW_PAGED
    }

    private static final long PAGE = 4096;
    private static final int BUDGET = 6;
    /** Host pages from three below 2^40 to three above it: both sides of the initial layout's limit. */
    private static final HostPlacement ACROSS_40_BITS = new HostPlacement((1L << 40) - 3 * PAGE, 0xABCD01);
    /** The last host page ends at 2^48 and the last page id is the one below nil: the final layout's limits. */
    private static final HostPlacement AT_FIELD_TOPS =
            new HostPlacement((1L << 48) - BUDGET * PAGE, PhysPage.NIL_PAGE_ID - BUDGET);
    /** An ordinary placement for an adapter without page records. */
    private static final HostPlacement LOW = new HostPlacement(0x123456000L, 0xABCD01);

    /** Every variant there is, by name. */
    static List<GuestMemoryVariant> all() {
        List<GuestMemoryVariant> all = new ArrayList<>();
        for (Optional<PageRecordLayout> records : List.of(
                Optional.<PageRecordLayout>empty(),
                Optional.of(PageRecordLayout.FINAL),
                Optional.of(PageRecordLayout.INITIAL))) {
            String suffix = records.map(l -> "/" + l.name().toLowerCase(java.util.Locale.ROOT) + "-records")
                    .orElse("");
            all.add(new GuestMemoryVariant("plain-vm" + suffix, Vm.PLAIN, BUDGET, Optional.empty(), records));
            all.add(new GuestMemoryVariant(
                    "shadow-paged-vm" + suffix, Vm.SHADOW_PAGED, BUDGET - 1, Optional.empty(), records));
            all.add(new GuestMemoryVariant("placed-low" + suffix, Vm.PLAIN, BUDGET, Optional.of(LOW), records));
            all.add(new GuestMemoryVariant(
                    "placed-across-2^40" + suffix, Vm.PLAIN, BUDGET, Optional.of(ACROSS_40_BITS), records));
            all.add(new GuestMemoryVariant(
                    "placed-at-field-tops" + suffix, Vm.PLAIN, BUDGET, Optional.of(AT_FIELD_TOPS), records));
        }
        return all;
    }

    static GuestMemoryVariant named(String name) {
        return all().stream()
                .filter(v -> v.name.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no guest-memory variant " + name));
    }

    /**
     * The variants for an adapter: a plain and a shadow-paged VM on any host pages, and a placed host when the
     * adapter places them; with pgm-introspection, records in the final layout on each, host pages placed
     * across 2^40 and at the tops of the final layout's fields, and records in the initial layout where it is
     * declared.
     */
    static List<String> forAdapter(ConformanceAdapter adapter) {
        Set<Profile> profiles = adapter.profiles();
        if (!profiles.contains(Profile.PGM)) {
            return List.of();
        }
        GuestMemoryFactory factory = adapter.guestMemory();
        boolean places = factory.placesHostPages();
        List<String> names = new ArrayList<>();
        if (!profiles.contains(Profile.PGM_INTROSPECTION)) {
            names.add("plain-vm");
            names.add("shadow-paged-vm");
            if (places) {
                names.add("placed-low");
            }
            return names;
        }
        names.add("plain-vm/final-records");
        names.add("shadow-paged-vm/final-records");
        if (places) {
            names.add("placed-across-2^40/final-records");
            names.add("placed-at-field-tops/final-records");
        }
        if (factory.recordLayouts().contains(PageRecordLayout.INITIAL)) {
            names.add("plain-vm/initial-records");
            if (places) {
                names.add("placed-across-2^40/initial-records");
            }
        }
        return names;
    }
}
