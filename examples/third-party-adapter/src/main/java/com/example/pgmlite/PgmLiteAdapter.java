package com.example.pgmlite;

import java.util.Map;
import java.util.Set;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.common.Profile;
import org.gmck.spi.pgm.PagingModes;

/** Binds pgm-lite to the kit's SPI. Certified by {@code PgmLiteConformanceTest}. */
public final class PgmLiteAdapter implements ConformanceAdapter {

    @Override
    public String name() {
        return "pgm-lite";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public Set<Profile> profiles() {
        return Set.of(Profile.PGM_MODES);
    }

    @Override
    public Map<String, String> parameters() {
        // the last entry is a declared reading: pgm-lite's switcher needs its special effort exactly where the
        // shadow mode differs from the host's (CONFORMANCE.md, "Declared readings")
        return Map.of("shadow-pdpt-entries", String.valueOf(LiteShadowContext.PDPT_ENTRIES),
                "guest-context-pdpt-slot", String.valueOf(LiteShadowContext.GUEST_CONTEXT_SLOT),
                "pgm.switcher-special-effort", "shadow-differs-from-host");
    }

    @Override
    public PagingModes pagingModes() {
        return new LitePagingModes();
    }
}
