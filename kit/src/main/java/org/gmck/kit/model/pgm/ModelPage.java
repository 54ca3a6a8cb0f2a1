package org.gmck.kit.model.pgm;

import java.util.BitSet;
import org.gmck.spi.pgm.phys.PageState;
import org.gmck.spi.pgm.phys.PageType;

/**
 * The model's view of one guest page. For MMIO and RESERVED pages, which are never memory, the model keeps
 * the type alone: what state and backing an implementation reports for them the catalogue leaves open.
 */
final class ModelPage {

    /** The host page behind a page, as the host handed it out: its address and page id. */
    record Backing(long hostPhys, int pageId) {}

    final long gcPhys;
    final PageType type;
    /** Null for MMIO and RESERVED pages. */
    PageState state;
    /** The host page behind a page holding one (normal, write-monitored or shared), else null. */
    Backing backing;
    /** Whether it was written to since monitoring was armed; null where the catalogue leaves it open. */
    Boolean writtenTo = Boolean.FALSE;
    /** The contents, null while all zero. */
    byte[] bytes;
    /** The bytes written since the page got its current host page. */
    BitSet written = new BitSet();
    /** The rule that says what the bytes not written since then hold. */
    String origin;

    ModelPage(long gcPhys, PageType type) {
        this.gcPhys = gcPhys;
        this.type = type;
    }

    /** RAM, shadowed ROM, ROM and MMIO2: pages that are memory. */
    boolean isMemory() {
        return type != PageType.MMIO && type != PageType.RESERVED;
    }

    /** Whether the page holds a host page of the VM's budget: a private or a shared one. */
    boolean holdsHostPage() {
        return state == PageState.ALLOCATED || state == PageState.WRITE_MONITORED || state == PageState.SHARED;
    }

    /** Whether its host page is one of the VM's private pages. */
    boolean isPrivate() {
        return state == PageState.ALLOCATED || state == PageState.WRITE_MONITORED;
    }

    /** Whether a guest write cannot go straight to its backing (PGM-PHYS-10). */
    boolean readOnly() {
        if (!isMemory() || type == PageType.ROM) {
            return true;
        }
        return state != PageState.ALLOCATED;
    }

    long read(long offset, int width) {
        long value = 0;
        for (int i = width - 1; i >= 0; i--) {
            value = value << 8 | (bytes == null ? 0 : bytes[(int) offset + i] & 0xFF);
        }
        return value;
    }

    void write(long offset, int width, long value) {
        if (bytes == null) {
            bytes = new byte[(int) GuestMemorySlots.PAGE];
        }
        for (int i = 0; i < width; i++) {
            bytes[(int) offset + i] = (byte) (value >>> 8 * i);
        }
        written.set((int) offset, (int) offset + width);
    }

    /** Gives the page a new host page holding {@code contents}, nothing written to it yet. */
    void rebacked(Backing to, byte[] contents, String rule) {
        backing = to;
        bytes = contents;
        written = new BitSet();
        origin = rule;
    }

    /** The rule a read of these bytes answers to: what was last written, or what the page started with. */
    String readRule(long offset, int width) {
        if (state == PageState.SHARED) {
            return "PGM-PHYS-23";
        }
        if (state == PageState.ZERO) {
            return "PGM-PHYS-2";
        }
        return written.get((int) offset, (int) offset + width).cardinality() == width ? "PGM-PHYS-21" : origin;
    }
}
