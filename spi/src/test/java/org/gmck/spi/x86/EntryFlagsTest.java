package org.gmck.spi.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EntryFlagsTest {

    @Test
    void flagsSitWhereTheSdmPutsThem() {
        assertEquals(1L, EntryFlag.PRESENT.mask());
        assertEquals(1L << 1, EntryFlag.WRITABLE.mask());
        assertEquals(1L << 2, EntryFlag.USER.mask());
        assertEquals(1L << 5, EntryFlag.ACCESSED.mask());
        assertEquals(1L << 6, EntryFlag.DIRTY.mask());
        assertEquals(1L << 7, EntryFlag.PAGE_SIZE.mask());
        assertEquals(1L << 8, EntryFlag.GLOBAL.mask());
        assertEquals(1L << 63, EntryFlag.EXECUTE_DISABLE.mask());
        for (EntryFlag f : EntryFlag.values()) {
            assertEquals(1L << f.bit(), f.mask(), f.name());
        }
    }

    @Test
    void withAndWithoutLeaveTheOriginalUnchanged() {
        EntryFlags permissive = EntryFlags.of(EntryFlag.PRESENT, EntryFlag.WRITABLE, EntryFlag.USER);
        EntryFlags readOnly = permissive.without(EntryFlag.WRITABLE);
        EntryFlags noExecute = permissive.with(EntryFlag.EXECUTE_DISABLE);

        assertEquals(0b111, permissive.bits());
        assertEquals(0b101, readOnly.bits());
        assertEquals(0b111 | 1L << 63, noExecute.bits());
        assertTrue(permissive.contains(EntryFlag.WRITABLE));
        assertFalse(readOnly.contains(EntryFlag.WRITABLE));
        assertTrue(noExecute.contains(EntryFlag.EXECUTE_DISABLE));
        assertEquals(permissive, readOnly.with(EntryFlag.WRITABLE));
    }

    @Test
    void anEntryGivesItsFlagsWithoutItsAddress() {
        long entry = 0x000F_1234_5678_9000L | 0x63 | 1L << 63;

        EntryFlags flags = EntryFlags.in(entry);

        assertEquals(
                List.of(
                        EntryFlag.PRESENT,
                        EntryFlag.WRITABLE,
                        EntryFlag.ACCESSED,
                        EntryFlag.DIRTY,
                        EntryFlag.EXECUTE_DISABLE),
                flags.flags());
        assertEquals(EntryFlags.mask(EntryFlag.PRESENT, EntryFlag.WRITABLE), 0b11);
        assertTrue(EntryFlag.DIRTY.isSetIn(entry));
        assertFalse(EntryFlag.USER.isSetIn(entry));
    }

    @Test
    void bitsThatAreNoFlagAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new EntryFlags(1L << 12));
        assertEquals(EntryFlags.NONE, EntryFlags.in(1L << 12));
    }

    @Test
    void addressFieldsMaskTheirBits() {
        assertEquals(0xFFFF_F000L, EntryField.ADDRESS_32.mask());
        assertEquals(0x000F_FFFF_FFFF_F000L, EntryField.ADDRESS_64.mask());
        assertEquals(0xFFC0_0000L, EntryField.FRAME_4M.mask());
        assertEquals(0x000F_FFFF_FFE0_0000L, EntryField.FRAME_2M.mask());
        assertEquals(0x000F_FFFF_C000_0000L, EntryField.FRAME_1G.mask());
        assertEquals(0xFFFF_FFE0L, EntryField.PAE_PDPT_IN_CR3.mask());
        assertEquals(0x001F_E000L, EntryField.PSE36_HIGH.mask());
        assertEquals(0x7800_0000_0000_0000L, EntryField.PROTECTION_KEY.mask());
        assertEquals(0xA, EntryField.PROTECTION_KEY.valueOf(0xAL << 59 | 0xFFF));
        assertEquals(0x1234_5000L, EntryField.ADDRESS_64.of(0x8000_0000_1234_5067L));
    }

    @Test
    void everyModeNamesItsLevelsOnce() {
        assertEquals(List.of(), X86PagingMode.NONE.levels());
        assertEquals(List.of(X86Level.PD, X86Level.PT), X86PagingMode.BITS32.levels());
        assertEquals(List.of(X86Level.PDPT, X86Level.PD, X86Level.PT), X86PagingMode.PAE.levels());
        assertEquals(4, X86PagingMode.LEVEL4.levels().size());
        assertEquals(List.of(X86Level.values()), X86PagingMode.LEVEL5.levels());
        assertEquals(4, X86PagingMode.BITS32.entryBytes());
        assertEquals(8, X86PagingMode.PAE.entryBytes());
    }
}
