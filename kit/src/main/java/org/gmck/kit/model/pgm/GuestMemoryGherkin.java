package org.gmck.kit.model.pgm;

import java.util.List;
import java.util.stream.Collectors;
import org.gmck.kit.Numbers;
import org.gmck.spi.pgm.phys.PageState;
import org.gmck.spi.pgm.phys.PageType;

/** The kit's guest-memory steps, as the model writes them (see GuestMemorySteps and PageRecordSteps). */
final class GuestMemoryGherkin {

    private GuestMemoryGherkin() {}

    static String hex(long value) {
        return Numbers.hex(value);
    }

    static String type(PageType type) {
        return switch (type) {
            case SHADOWED_ROM -> "shadowed ROM";
            default -> type.name();
        };
    }

    static String size(long bytes) {
        return bytes > 0 && bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }

    static String register(PageType type, long start, long size) {
        return "I register a " + type(type) + " range of " + size(size) + " at " + hex(start);
    }

    static String read(long address, int width) {
        return "the guest reads " + width + " bytes at " + hex(address);
    }

    static String write(long address, int width, long value) {
        return "the guest writes " + hex(value) + " to the " + width + " bytes at " + hex(address);
    }

    static String share(long address) {
        return "I share the page at " + hex(address);
    }

    static String arm() {
        return "write monitoring is armed";
    }

    static String askPage(long address) {
        return "I ask for the page at " + hex(address);
    }

    static String askRecord(long address) {
        return "I ask for the record at " + hex(address);
    }

    static String rejected(Object status) {
        return "the call is rejected with " + status;
    }

    static String accepted() {
        return "the guest memory call is accepted";
    }

    static String readReturns(long value) {
        return "the read returns " + hex(value);
    }

    static String bytesRead(long address, int width, long value) {
        return "the " + width + " bytes at " + hex(address) + " read " + hex(value);
    }

    static String ofType(long page, PageType type) {
        return "the page at " + hex(page) + " is of type " + type(type);
    }

    static String inState(long page, PageState state) {
        return "the page at " + hex(page) + " is in state " + state;
    }

    static String readOnly(long page, boolean readOnly) {
        return "the page at " + hex(page) + (readOnly ? " is read-only" : " is writable");
    }

    static String writtenTo(long page, boolean writtenTo) {
        return "the page at " + hex(page) + (writtenTo ? " has been written to" : " has not been written to");
    }

    static String onZeroPage(long page) {
        return "the page at " + hex(page) + " is backed by the zero page";
    }

    static String noPageId(long page) {
        return "the page at " + hex(page) + " has no page id";
    }

    static String notOnZeroPage(long page) {
        return "the page at " + hex(page) + " is backed by a host page other than the zero page";
    }

    static String hasPageId(long page) {
        return "the page at " + hex(page) + " has a page id";
    }

    static String onHostPage(long page, long hostPhys) {
        return "the page at " + hex(page) + " is backed by the host page at " + hex(hostPhys);
    }

    static String pageId(long page, long id) {
        return "the page at " + hex(page) + " has page id " + hex(id);
    }

    static String keepsHostPage(long page) {
        return "the page at " + hex(page) + " keeps its host page";
    }

    static String keepsPageId(long page) {
        return "the page at " + hex(page) + " keeps its page id";
    }

    static String newHostPage(long page) {
        return "the page at " + hex(page) + " has a new host page";
    }

    static String newPageId(long page) {
        return "the page at " + hex(page) + " has a new page id";
    }

    static String differentHostPages(long first, long second) {
        return "the pages at " + hex(first) + " and " + hex(second) + " are backed by different host pages";
    }

    static String differentPageIds(long first, long second) {
        return "the pages at " + hex(first) + " and " + hex(second) + " have different page ids";
    }

    static String counts(long zero, long privately, long shared, long monitored, long writtenTo) {
        return "the page counts are " + zero + " zero, " + privately + " private, " + shared + " shared, " + monitored
                + " monitored and " + writtenTo + " written to";
    }

    static String ownsPrivatePages(int count) {
        return "the VM owns " + count + " private host page" + (count == 1 ? "" : "s");
    }

    /** The private host pages as those behind these guest pages: a step with a one-column data table. */
    static String privatePagesBehind(List<Long> pages) {
        return "the VM's private host pages are those behind the pages at:\n"
                + pages.stream().map(p -> "| " + hex(p) + " |").collect(Collectors.joining("\n"));
    }

    static String trackingBytes(long bytes) {
        return "the VM's own tracking costs " + bytes + " bytes";
    }

    // --- page records ---

    static String readRecordsIn(String layout) {
        return "the records are read in the " + layout + " layout";
    }

    static String recordWords(long page) {
        return "the record at " + hex(page) + " has 2 words";
    }

    static String recordBits(int high, int low, int word, long page, long value) {
        return "bits " + high + ":" + low + " of word " + word + " of the record at " + hex(page) + " hold "
                + hex(value);
    }

    static String recordHostFrame(long page, int high) {
        return "word 0 of the record at " + hex(page) + " holds the page's host frame in bits " + high + ":12";
    }

    static String recordSplitPageId(long page) {
        return "word 0 of the record at " + hex(page)
                + " holds the page id's low 12 bits in bits 11:0 and the rest in bits 63:48";
    }

    static String recordPageId(long page) {
        return "bits 27:0 of word 1 of the record at " + hex(page) + " hold the page's id";
    }

    static String untracked(long page) {
        return "the page at " + hex(page) + " is tracked by no shadow page table";
    }

    static String recordAnswered(long page) {
        return "asking for the record at " + hex(page) + " is answered";
    }

    static String recordRefused(long page, Object status) {
        return "asking for the record at " + hex(page) + " is refused with " + status;
    }
}
