package org.gmck.kit.x86walk;

/**
 * One word of guest memory a case needs: 4 bytes (32-bit paging entries) or 8 bytes.
 *
 * @param address its physical address
 * @param width   4 or 8
 * @param value   its value (the low 32 bits for width 4)
 */
public record MemoryWord(long address, int width, long value) {

    /** The fixture text form {@code 8@0x10000=0x11027}. */
    public String text() {
        return width + "@0x" + Long.toHexString(address) + "=0x" + Long.toHexString(value);
    }

    /** Parses the fixture text form. */
    public static MemoryWord parse(String text) {
        int at = text.indexOf('@');
        int eq = text.indexOf('=');
        return new MemoryWord(
                Long.parseUnsignedLong(text.substring(at + 3, eq), 16),
                Integer.parseInt(text.substring(0, at)),
                Long.parseUnsignedLong(text.substring(eq + 3), 16));
    }

    /** The same word with another value. */
    public MemoryWord withValue(long newValue) {
        return new MemoryWord(address, width, newValue);
    }
}
