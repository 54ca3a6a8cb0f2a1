package org.gmck.selftest.gmm;

import java.util.HashMap;
import java.util.Map;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;

/**
 * Declares the reading of seed 002 ({@code gmm.shared-chunk-private-pages = when-stressed}: when memory is
 * really short, private allocations take the free pages of chunks of shared pages) but behaves as seed 000
 * says, refusing such a request with VERR_GMM_HIT_GLOBAL_LIMIT. A reading is a claim the kit checks, not a
 * label: the scenarios of the declared reading fail.
 */
@Breaks("GMM-ALLOC-11")
public final class DeclaresMixingWhenStressedButRefuses extends KnownBad {

    Map<String, String> parameters(Map<String, String> reference) {
        Map<String, String> declared = new HashMap<>(reference);
        declared.put("gmm.shared-chunk-private-pages", "when-stressed");
        return declared;
    }
}
