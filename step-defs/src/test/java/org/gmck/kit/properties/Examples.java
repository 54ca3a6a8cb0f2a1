package org.gmck.kit.properties;

/**
 * How many generated cases a property runs. A property states its own count (10,000 for the shadow
 * invariants, for example); {@code -Dgmck.property.examples.max=N} caps it. The mutation profile sets a
 * cap: PIT runs every property that covers a mutant for each mutant that survives the scenarios, and a
 * fault the first few hundred cases miss is one the full count rarely finds.
 */
public final class Examples {

    private static final String CAP = "gmck.property.examples.max";

    private Examples() {
    }

    /** {@code stated}, or the cap when one is set and lower. */
    public static int of(int stated) {
        String cap = System.getProperty(CAP, "");
        return cap.isBlank() ? stated : Math.max(1, Math.min(stated, Integer.parseInt(cap.trim())));
    }
}
