package org.gmck.kit.steps.pgm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.context.IntermediateContext;
import org.gmck.spi.pgm.context.SwitcherPlacement;

/**
 * What the intermediate-context steps of one scenario share: the context under test, where its switcher
 * was placed, and a snapshot taken before each change so that a refused call can be checked to have
 * changed nothing.
 */
public final class IntermediateContextWorld {

    /** The guest-context mappings a snapshot looks up. */
    private static final String[] MAPPINGS = {"GC", "hyper", "other"};

    IntermediateContext intermediate;
    SwitcherPlacement switcher;
    private ContextSnapshot before;

    /** Takes the snapshot a refused call is compared with. */
    void snapshot() {
        before = intermediate == null ? null : observe();
    }

    ContextSnapshot before() {
        return before;
    }

    /** Where the named mappings are, and how the context's tables translate the 16 MB from 0xA0000000. */
    ContextSnapshot observe() {
        Map<String, Optional<Long>> mappings = new LinkedHashMap<>();
        for (String name : MAPPINGS) {
            mappings.put(name, intermediate.guestContextAddress(name));
        }
        Map<String, Optional<Long>> translations = new LinkedHashMap<>();
        for (PagingMode mode : intermediate.modes()) {
            for (long linear = 0xA000_0000L; linear < 0xA100_0000L; linear += 0x0010_0000L) {
                translations.put(mode + " " + Long.toHexString(linear), intermediate.translate(mode, linear));
            }
        }
        return new ContextSnapshot(mappings, translations);
    }

    /**
     * What a refused call must leave as it was in an intermediate context.
     *
     * @param guestContextMappings where each named guest-context mapping is
     * @param translations         the translation of each probed address, by mode and address
     */
    record ContextSnapshot(
            Map<String, Optional<Long>> guestContextMappings, Map<String, Optional<Long>> translations) {}
}
