package org.gmck.kit;

/** Parses the numbers scenarios write: decimal, or hexadecimal with {@code 0x}, with optional underscores. */
public final class Numbers {

    private Numbers() {}

    public static long parse(String text) {
        String t = text.strip().replace("_", "");
        if (t.startsWith("0x") || t.startsWith("0X")) {
            return Long.parseUnsignedLong(t.substring(2), 16);
        }
        return Long.parseLong(t);
    }

    public static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
