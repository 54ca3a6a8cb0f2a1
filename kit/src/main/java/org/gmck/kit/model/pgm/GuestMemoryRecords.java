package org.gmck.kit.model.pgm;

import static org.gmck.kit.model.pgm.GuestMemoryGherkin.recordBits;
import static org.gmck.kit.model.pgm.GuestMemoryGherkin.recordHostFrame;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gmck.kit.model.Disagreement;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.pgm.phys.GuestPhysicalMemory;
import org.gmck.spi.pgm.phys.PageRecordLayout;
import org.gmck.spi.pgm.phys.PageState;
import org.gmck.spi.pgm.phys.PageType;
import org.gmck.spi.pgm.phys.PhysStatus;

/**
 * The packed records the catalogue expects for pages (profile pgm-introspection), in the final layout
 * (PGM-REC-1 to 9) or the initial one (PGM-REC-13 to 19), compared field by field with what the adapter
 * gives. Bits the seed reserves for later are not compared. No shadow page table ever maps a page of the
 * model's VMs (no guest access runs on shadow tables), so every tracking field is zero.
 */
final class GuestMemoryRecords {

    /** What a record must say about a page. */
    record Facts(
            long gcPhys,
            PageType type,
            PageState state,
            long hostPhys,
            int pageId,
            boolean readOnly,
            Boolean writtenTo) {}

    private static final long FRAME_48 = 0x0000_FFFF_FFFF_F000L;
    private static final long FRAME_40 = 0x0000_00FF_FFFF_F000L;

    private final GuestPhysicalMemory memory;
    final PageRecordLayout layout;

    GuestMemoryRecords(GuestPhysicalMemory memory, PageRecordLayout layout) {
        this.memory = memory;
        this.layout = layout;
    }

    /** Whether the layout can give this page's record: the initial one holds host pages below 2^40 only. */
    boolean holds(long hostPhys) {
        return layout == PageRecordLayout.FINAL || Long.compareUnsigned(hostPhys, 1L << 40) < 0;
    }

    long[] ask(long gcPhys) {
        return layout == PageRecordLayout.FINAL ? memory.packedRecord(gcPhys) : memory.packedRecord(gcPhys, layout);
    }

    Optional<Disagreement> compare(Facts f) {
        long[] words;
        long page = f.gcPhys();
        try {
            words = ask(page);
        } catch (RejectedException e) {
            if (!holds(f.hostPhys()) && e.status() == PhysStatus.VERR_OUT_OF_RANGE) {
                return Optional.empty();
            }
            String rule = holds(f.hostPhys()) ? "PGM-REC-1" : "PGM-REC-14";
            return Optional.of(new Disagreement(
                    rule,
                    "the " + layout + " record of the page at " + GuestMemoryGherkin.hex(page) + " backed at "
                            + GuestMemoryGherkin.hex(f.hostPhys()) + " was refused (" + e.getMessage() + ")",
                    holds(f.hostPhys())
                            ? GuestMemoryGherkin.recordAnswered(page)
                            : GuestMemoryGherkin.recordRefused(page, PhysStatus.VERR_OUT_OF_RANGE)));
        }
        if (!holds(f.hostPhys())) {
            return Optional.of(new Disagreement(
                    "PGM-REC-14",
                    "the initial-layout record of the page at "
                            + GuestMemoryGherkin.hex(page) + ", backed at " + GuestMemoryGherkin.hex(f.hostPhys())
                            + ", at or above 2^40, was given instead of refused with VERR_OUT_OF_RANGE",
                    GuestMemoryGherkin.recordRefused(page, PhysStatus.VERR_OUT_OF_RANGE)));
        }
        if (words == null || words.length != 2) {
            return Optional.of(new Disagreement(
                    "PGM-REC-1",
                    "the " + layout + " record of the page at " + GuestMemoryGherkin.hex(page) + " has "
                            + (words == null ? "no" : words.length) + " words, not 2",
                    GuestMemoryGherkin.recordWords(page)));
        }
        List<Field> fields = layout == PageRecordLayout.FINAL ? finalFields(f, words) : initialFields(f, words);
        return fields.stream()
                .filter(x -> x.actual != x.expected)
                .findFirst()
                .map(x -> new Disagreement(
                        x.rule,
                        x.what + " of the " + layout + " record of the page at " + GuestMemoryGherkin.hex(page)
                                + ": expected " + GuestMemoryGherkin.hex(x.expected) + ", got "
                                + GuestMemoryGherkin.hex(x.actual),
                        x.then));
    }

    /** One field of a record: its value, the catalogue's, the rule and the step that asserts it. */
    private record Field(String rule, String what, long expected, long actual, String then) {}

    private static long bits(long word, int high, int low) {
        int width = high - low + 1;
        return word >>> low & (width == 64 ? -1L : (1L << width) - 1);
    }

    private static List<Field> finalFields(Facts f, long[] w) {
        long p = f.gcPhys();
        List<Field> fields = new ArrayList<>();
        fields.add(new Field(
                "PGM-REC-2",
                "the host frame in bits 47:12 of word 0",
                f.hostPhys() & FRAME_48,
                w[0] & FRAME_48,
                recordHostFrame(p, 47)));
        fields.add(new Field(
                "PGM-REC-3",
                "the page id split over bits 11:0 and 63:48 of word 0",
                f.pageId(),
                bits(w[0], 63, 48) << 12 | bits(w[0], 11, 0),
                GuestMemoryGherkin.recordSplitPageId(p)));
        fields.add(new Field(
                "PGM-REC-4",
                "the type in bits 3:1 of word 1",
                typeCode(f.type()),
                bits(w[1], 3, 1),
                recordBits(3, 1, 1, p, typeCode(f.type()))));
        fields.add(new Field(
                "PGM-REC-5",
                "the state in bits 9:8 of word 1",
                stateCode(f.state()),
                bits(w[1], 9, 8),
                recordBits(9, 8, 1, p, stateCode(f.state()))));
        fields.add(new Field(
                "PGM-REC-5",
                "the read-only flag in bit 0 of word 1",
                f.readOnly() ? 1 : 0,
                bits(w[1], 0, 0),
                recordBits(0, 0, 1, p, f.readOnly() ? 1 : 0)));
        if (f.writtenTo() != null) {
            long written = f.writtenTo() ? 1 : 0;
            fields.add(new Field(
                    "PGM-REC-6",
                    "the written-to flag in bit 10 of word 1",
                    written,
                    bits(w[1], 10, 10),
                    recordBits(10, 10, 1, p, written)));
        }
        fields.add(new Field(
                "PGM-REC-7",
                "the handler states in bits 7:4 of word 1",
                0,
                bits(w[1], 7, 4),
                recordBits(7, 4, 1, p, 0)));
        fields.add(new Field(
                "PGM-REC-9",
                "the tracking word in bits 63:32 of word 1",
                0,
                bits(w[1], 63, 32),
                GuestMemoryGherkin.untracked(p)));
        return fields;
    }

    private static List<Field> initialFields(Facts f, long[] w) {
        long p = f.gcPhys();
        List<Field> fields = new ArrayList<>();
        fields.add(new Field(
                "PGM-REC-17",
                "the tracking in bits 63:40 of word 0",
                0,
                bits(w[0], 63, 40),
                GuestMemoryGherkin.untracked(p)));
        fields.add(new Field(
                "PGM-REC-13",
                "the host frame in bits 39:12 of word 0",
                f.hostPhys() & FRAME_40,
                w[0] & FRAME_40,
                recordHostFrame(p, 39)));
        fields.add(new Field(
                "PGM-REC-15",
                "the type flags in bits 3:0 of word 0",
                typeFlags(f.type()),
                bits(w[0], 3, 0),
                recordBits(3, 0, 0, p, typeFlags(f.type()))));
        fields.add(new Field(
                "PGM-REC-16",
                "the handler flags and the clear bits 11:4 of word 0",
                0,
                bits(w[0], 11, 4),
                recordBits(11, 4, 0, p, 0)));
        fields.add(new Field(
                "PGM-REC-18",
                "the page id in bits 27:0 of word 1",
                f.pageId(),
                bits(w[1], 27, 0),
                GuestMemoryGherkin.recordPageId(p)));
        fields.add(new Field(
                "PGM-REC-19",
                "the state in bits 29:28 of word 1",
                stateCode(f.state()),
                bits(w[1], 29, 28),
                recordBits(29, 28, 1, p, stateCode(f.state()))));
        if (f.writtenTo() != null) {
            long written = f.writtenTo() ? 1 : 0;
            fields.add(new Field(
                    "PGM-REC-19",
                    "the written-to flag in bit 30 of word 1",
                    written,
                    bits(w[1], 30, 30),
                    recordBits(30, 30, 1, p, written)));
        }
        return fields;
    }

    /** The Then-steps that assert a whole record, for the end of a replayed sequence. */
    List<String> checks(Facts f) {
        long p = f.gcPhys();
        if (!holds(f.hostPhys())) {
            return List.of(GuestMemoryGherkin.recordRefused(p, PhysStatus.VERR_OUT_OF_RANGE));
        }
        long[] none = {0, 0};
        List<Field> fields = layout == PageRecordLayout.FINAL ? finalFields(f, none) : initialFields(f, none);
        List<String> steps = new ArrayList<>();
        steps.add(GuestMemoryGherkin.recordWords(p));
        fields.forEach(x -> steps.add(x.then));
        return steps;
    }

    /** Bits 3:1 of the final layout's word 1 (PGM-REC-4). */
    static long typeCode(PageType type) {
        if (type == null) {
            return -1;
        }
        return switch (type) {
            case RESERVED -> 0;
            case MMIO -> 1;
            case MMIO2 -> 2;
            case ROM -> 3;
            case SHADOWED_ROM -> 4;
            case RAM -> 5;
        };
    }

    /** Bits 3:0 of the initial layout's word 0 (PGM-REC-15, interpretation I-PGM-9). */
    static long typeFlags(PageType type) {
        if (type == null) {
            return -1;
        }
        return switch (type) {
            case RESERVED -> 0x1;
            case ROM -> 0x2;
            case MMIO -> 0x4;
            case MMIO2 -> 0x8;
            case SHADOWED_ROM -> 0x2 | 0x8;
            case RAM -> 0;
        };
    }

    /** The 2-bit state of both layouts (PGM-REC-5, PGM-REC-19). */
    static long stateCode(PageState state) {
        if (state == null) {
            return -1;
        }
        return switch (state) {
            case ZERO -> 0;
            case SHARED -> 1;
            case ALLOCATED -> 2;
            case WRITE_MONITORED -> 3;
        };
    }
}
