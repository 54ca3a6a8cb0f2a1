package org.gmck.reference.largepage;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongPredicate;
import org.gmck.spi.largepage.MappingSize;
import org.gmck.spi.largepage.ShadowEntry;

/**
 * The shadow (or nested) page directory: per 2 MB of translated address space either one large entry or a
 * packed table of 512 4 KB entries, each kept in its reverse map.
 */
final class ShadowPageTables {

    private static final long WRITABLE = 1L << 1;
    private static final long ADDRESS_MASK = ~Geometry.PAGE_OFFSET_MASK;

    /** Large entries: translated 2 MB frame to guest-physical 2 MB frame. */
    private final Map<Long, Long> largeEntries = new HashMap<>();
    /** 4 KB tables: translated 2 MB frame to 512 entries (guest-physical page and writable bit). */
    private final Map<Long, long[]> tables = new HashMap<>();

    private final ReverseMaps rmaps;

    ShadowPageTables(ReverseMaps rmaps) {
        this.rmaps = rmaps;
    }

    /** Maps the 2 MB at {@code address} to {@code gpaFrame} by one large entry. */
    void mapLarge(long address, long gpaFrame) {
        unmap(address);
        largeEntries.put(address, gpaFrame);
        rmaps.addPde(gpaFrame, address);
    }

    /** Maps the 2 MB at {@code address} to {@code gpaFrame} by 512 4 KB entries, read-only where asked. */
    void mapSmall(long address, long gpaFrame, LongPredicate readOnly) {
        unmap(address);
        long[] table = new long[Geometry.PAGES_PER_FRAME];
        for (int i = 0; i < table.length; i++) {
            long page = gpaFrame + ((long) i << Geometry.PAGE_SHIFT);
            table[i] = page | (readOnly.test(page) ? 0 : WRITABLE);
            rmaps.addPte(page, address + ((long) i << Geometry.PAGE_SHIFT));
        }
        tables.put(address, table);
    }

    /** Zaps the large entry at {@code address}: it is no longer present. */
    void zapLarge(long address) {
        rmaps.removePde(largeEntries.remove(address), address);
    }

    /** Clears the writable bit of the 4 KB entry translating {@code address}. */
    void writeProtectSmall(long address) {
        long[] table = tables.get(Geometry.frameBase(address));
        table[index(address)] &= ~WRITABLE;
    }

    Optional<ShadowEntry> entryFor(long address) {
        long frame = Geometry.frameBase(address);
        Long large = largeEntries.get(frame);
        if (large != null) {
            return Optional.of(new ShadowEntry(frame, large, MappingSize.LARGE_2M, true));
        }
        long[] table = tables.get(frame);
        if (table == null) {
            return Optional.empty();
        }
        long entry = table[index(address)];
        return Optional.of(new ShadowEntry(
                Geometry.pageBase(address), entry & ADDRESS_MASK, MappingSize.SMALL_4K, (entry & WRITABLE) != 0));
    }

    private void unmap(long address) {
        if (largeEntries.containsKey(address)) {
            zapLarge(address);
        }
        long[] table = tables.remove(address);
        if (table != null) {
            for (int i = 0; i < table.length; i++) {
                rmaps.removePte(table[i] & ADDRESS_MASK, address + ((long) i << Geometry.PAGE_SHIFT));
            }
        }
    }

    private static int index(long address) {
        return (int) ((address & Geometry.FRAME_OFFSET_MASK) >>> Geometry.PAGE_SHIFT);
    }
}
