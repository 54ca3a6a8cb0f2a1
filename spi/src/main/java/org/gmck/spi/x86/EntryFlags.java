package org.gmck.spi.x86;

import java.util.ArrayList;
import java.util.List;

/**
 * An immutable set of {@link EntryFlag}s, held as the bits they occupy in an entry: what an entry's flags
 * are, whatever its address fields hold. {@link #bits()} is ready to be ORed with an address.
 *
 * @param bits the flags' bits; no other bit may be set
 */
public record EntryFlags(long bits) {

    /** Every bit a flag occupies. */
    public static final long ALL_BITS = allBits();

    /** No flag. */
    public static final EntryFlags NONE = new EntryFlags(0);

    public EntryFlags {
        if ((bits & ~ALL_BITS) != 0) {
            throw new IllegalArgumentException(String.format("%#x sets bits that are no entry flag", bits));
        }
    }

    /** The set of the given flags. */
    public static EntryFlags of(EntryFlag... flags) {
        return new EntryFlags(mask(flags));
    }

    /** The flags a raw entry value has set; its address and other fields are left out. */
    public static EntryFlags in(long entry) {
        return new EntryFlags(entry & ALL_BITS);
    }

    /** The OR of the flags' masks: for code that composes raw entry values without a set. */
    public static long mask(EntryFlag... flags) {
        long mask = 0;
        for (EntryFlag f : flags) {
            mask |= f.mask();
        }
        return mask;
    }

    /** Whether the set holds a flag. */
    public boolean contains(EntryFlag flag) {
        return (bits & flag.mask()) != 0;
    }

    /** The set with a flag added. */
    public EntryFlags with(EntryFlag flag) {
        return new EntryFlags(bits | flag.mask());
    }

    /** The set with a flag removed. */
    public EntryFlags without(EntryFlag flag) {
        return new EntryFlags(bits & ~flag.mask());
    }

    /** The union of two sets. */
    public EntryFlags union(EntryFlags other) {
        return new EntryFlags(bits | other.bits);
    }

    /** The flags of the set, lowest bit first. */
    public List<EntryFlag> flags() {
        List<EntryFlag> flags = new ArrayList<>();
        for (EntryFlag f : EntryFlag.values()) {
            if (contains(f)) {
                flags.add(f);
            }
        }
        return List.copyOf(flags);
    }

    @Override
    public String toString() {
        return "EntryFlags" + flags();
    }

    private static long allBits() {
        long mask = 0;
        for (EntryFlag f : EntryFlag.values()) {
            mask |= f.mask();
        }
        return mask;
    }
}
