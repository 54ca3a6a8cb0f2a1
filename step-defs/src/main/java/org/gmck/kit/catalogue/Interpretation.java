package org.gmck.kit.catalogue;

/**
 * One reading the kit takes where a source is ambiguous or contradicted, as CONFORMANCE.md's
 * "Interpretations" section writes it down.
 *
 * @param id    {@code I-N} or {@code I-AREA-N}
 * @param title the bold lead of the entry, without its id
 * @param text  the whole entry after its id, as one paragraph (its title included)
 */
public record Interpretation(String id, String title, String text) {}
