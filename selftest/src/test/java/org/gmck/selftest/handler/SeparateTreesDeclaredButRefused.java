package org.gmck.selftest.handler;

import java.util.HashMap;
import java.util.Map;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;

/**
 * Declares that HYPERVISOR handlers live in a tree of their own
 * ({@code pgm.hypervisor-handler-overlap = separate-trees}) but, like the reference, refuses a HYPERVISOR range
 * over a WRITE handler's: a declaration its behaviour does not keep, which the scenarios of the declared
 * reading must catch.
 */
@Breaks("PGM-VHND-20")
public final class SeparateTreesDeclaredButRefused extends KnownBad {

    Map<String, String> parameters(Map<String, String> reference) {
        Map<String, String> declared = new HashMap<>(reference);
        declared.put("pgm.hypervisor-handler-overlap", "separate-trees");
        return declared;
    }
}
