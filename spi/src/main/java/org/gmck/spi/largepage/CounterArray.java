package org.gmck.spi.largepage;

import java.util.List;

/**
 * The write-protect counters of one memory slot as stored (profile {@code large-pages-introspection}).
 *
 * @param firstFrame the guest-physical address of the 2 MB frame counted by the first entry
 * @param encoding   how the raw values are encoded
 * @param raw        one raw value per 2 MB frame lying wholly inside the slot, in address order
 */
public record CounterArray(long firstFrame, CounterEncoding encoding, List<Integer> raw) {

    public CounterArray {
        raw = List.copyOf(raw);
    }

    /** The raw value for the frame holding {@code gpa}; the frame must be counted. */
    public int rawAt(long gpa) {
        return raw.get(Math.toIntExact((gpa - firstFrame) >>> 21));
    }
}
