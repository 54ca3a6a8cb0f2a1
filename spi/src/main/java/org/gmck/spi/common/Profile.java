package org.gmck.spi.common;

import java.util.Arrays;
import java.util.Optional;

/**
 * A part of the specification an adapter may implement. Every scenario carries exactly one profile tag
 * ({@code @profile:<id>}); a scenario whose profile the adapter does not declare is reported as not
 * applicable, naming the profile, and is never run.
 *
 * <p>The {@code *_INTROSPECTION} sub-profiles hold rules about internal layouts and structures (bit
 * layouts, free-list order, list buckets) that a black-box implementation may not expose. Declaring a
 * sub-profile requires declaring its parent.
 */
public enum Profile {
    /** x86 page walks: modes, entries, rights, faults, A/D bits (Intel SDM Vol. 3A ch. 4). */
    X86_PAGING("x86-paging", null),
    /** x86 paging state a black box may hide: the PAE PDPTE registers loaded at MOV to CR3. */
    X86_PDPTE_REGISTERS("x86-pdpte-registers", X86_PAGING),
    /**
     * VirtualBox PGM's paging-mode rules alone: guest mode from the control registers, the host-by-guest
     * shadow mode matrix, CR3 alignment and PDPE bits per mode. Pure mode logic, certifiable on its own.
     */
    PGM_MODES("pgm-modes", null),
    /** VirtualBox PGM: guest physical memory, shadow paging, memory contexts, access handlers. */
    PGM("pgm", null),
    /** PGM internals: the packed per-page tracking record and its bit layout. */
    PGM_INTROSPECTION("pgm-introspection", PGM),
    /** VirtualBox GMM: chunks, page IDs, page states, allocation, sharing, VM cleanup. */
    GMM("gmm", null),
    /** GMM internals: GMMPAGE bit layouts, free LIFO order, free-set list buckets, chunk TLB. */
    GMM_INTROSPECTION("gmm-introspection", GMM),
    /** The FreeMWare monitor: monitor tables, descriptor tables, fault routing, eviction. */
    MONITOR("monitor", null),
    /** KVM large pages: write-protect counts per large frame, alignment, large shadow mappings. */
    LARGE_PAGES("large-pages", null),
    /** Large-page internals: the per-slot counter arrays and their two encodings. */
    LARGE_PAGES_INTROSPECTION("large-pages-introspection", LARGE_PAGES);

    /** Prefix of the profile tag carried by every scenario. */
    public static final String TAG_PREFIX = "@profile:";

    private final String id;
    private final Profile parent;

    Profile(String id, Profile parent) {
        this.id = id;
        this.parent = parent;
    }

    /** The identifier used in tags, reports and configuration, for example {@code gmm-introspection}. */
    public String id() {
        return id;
    }

    /** The profile a sub-profile refines, if any. */
    public Optional<Profile> parent() {
        return Optional.ofNullable(parent);
    }

    /** The Gherkin tag that marks a scenario of this profile, for example {@code @profile:gmm}. */
    public String tag() {
        return TAG_PREFIX + id;
    }

    /** Looks a profile up by its identifier. */
    public static Optional<Profile> byId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }

    /** Looks a profile up by its tag, for example {@code @profile:pgm}. */
    public static Optional<Profile> byTag(String tag) {
        return tag.startsWith(TAG_PREFIX) ? byId(tag.substring(TAG_PREFIX.length())) : Optional.empty();
    }
}
