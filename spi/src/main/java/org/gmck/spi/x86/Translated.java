package org.gmck.spi.x86;

import java.util.List;

/**
 * A successful translation.
 *
 * @param physicalAddress the physical address of the byte
 * @param pageSize        the size of the page it lies in
 * @param rights          the effective rights of the translation
 * @param entries         the entries used, top level first (empty without paging)
 */
public record Translated(long physicalAddress, PageSize pageSize, Rights rights, List<EntryUse> entries)
        implements AccessOutcome {
    public Translated {
        entries = List.copyOf(entries);
    }

    @Override
    public String toString() {
        return String.format("Translated[pa=%#x, %s, %s, %s]", physicalAddress, pageSize, rights, entries);
    }
}
