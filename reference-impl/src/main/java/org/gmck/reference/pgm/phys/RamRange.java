package org.gmck.reference.pgm.phys;

/**
 * A contiguous range of guest physical pages and their packed records, two longs per page (never an
 * object per page).
 */
final class RamRange {

    private final long start;
    /** One past the last byte, kept so that finding a page's range reads this object alone. */
    private final long end;

    private final long[] records;

    RamRange(long start, long pages) {
        this.start = start;
        this.end = start + (pages << PhysAddress.PAGE_SHIFT);
        this.records = new long[Math.toIntExact(pages * PageRecord.WORDS)];
    }

    long start() {
        return start;
    }

    long pages() {
        return records.length / PageRecord.WORDS;
    }

    boolean contains(long gcPhys) {
        return Long.compareUnsigned(gcPhys - start, end - start) < 0;
    }

    boolean overlaps(long otherStart, long otherEnd) {
        return otherStart < end && start < otherEnd;
    }

    int index(long gcPhys) {
        return (int) ((gcPhys - start) >>> PhysAddress.PAGE_SHIFT);
    }

    long word0(int index) {
        return records[index * PageRecord.WORDS];
    }

    long word1(int index) {
        return records[index * PageRecord.WORDS + 1];
    }

    void set(int index, long word0, long word1) {
        records[index * PageRecord.WORDS] = word0;
        records[index * PageRecord.WORDS + 1] = word1;
    }
}
