package org.gmck.spi.pgm.phys;

/**
 * The two layouts of the packed 16-byte per-page record that seed 000 ("Per-VM") gives, as two 64-bit
 * words each (profile {@code pgm-introspection}). Both record the same facts about a page; they differ in
 * where each fact sits and in how wide a host address they can hold.
 */
public enum PageRecordLayout {

    /**
     * The initial layout, which keeps the earlier packing of the host address word. Word 0: bits 63:40 the
     * shadow page-table tracking, bits 39:12 the host page frame (so host pages below 2^40 only), bits
     * 11:0 the page flags. Word 1: bits 27:0 the page id, bits 29:28 the state, bit 30 written-to, bit 31
     * and the upper half reserved.
     */
    INITIAL,

    /**
     * The final layout, the one the kit certifies by default. Word 0: bits 63:48 the page id's high 16 bits,
     * bits 47:12 the host page frame (host pages below 2^48), bits 11:0 the page id's low 12 bits. Word 1:
     * bit 0 read-only, bits 3:1 the type, bits 5:4 and 7:6 the physical and virtual handler states, bits
     * 9:8 the state, bit 10 written-to, the upper half the shadow page-table tracking word.
     */
    FINAL
}
