package org.gmck.qemu.gdb;

/** Hex text as the gdb remote protocol uses it: lower-case pairs, registers in target (little-endian) order. */
public final class Hex {

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();
    /** The value of each hex digit character (either case), -1 for any other character below 128. */
    private static final int[] VALUES = new int[128];

    static {
        java.util.Arrays.fill(VALUES, -1);
        for (int i = 0; i < 16; i++) {
            VALUES["0123456789abcdef".charAt(i)] = i;
            VALUES["0123456789ABCDEF".charAt(i)] = i;
        }
    }

    private Hex() {}

    /** The bytes as lower-case hex pairs. */
    public static String of(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            out.append(DIGITS[(b >> 4) & 0xF]).append(DIGITS[b & 0xF]);
        }
        return out.toString();
    }

    /** Parses hex pairs; throws {@link GdbProtocolException} on odd length or a non-hex character. */
    public static byte[] bytes(String hex) {
        if (hex.length() % 2 != 0) {
            throw new GdbProtocolException("odd-length hex data: '" + abbreviate(hex) + "'");
        }
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (digit(hex, 2 * i) << 4 | digit(hex, 2 * i + 1));
        }
        return out;
    }

    /** A value of {@code width} bytes in little-endian order, as register packets carry it. */
    public static String littleEndian(long value, int width) {
        byte[] b = new byte[width];
        for (int i = 0; i < width; i++) {
            b[i] = i < 8 ? (byte) (value >>> (8 * i)) : 0;
        }
        return of(b);
    }

    /** Reads a little-endian value of at most 8 bytes (wider registers give their low 8 bytes). */
    public static long fromLittleEndian(String hex) {
        byte[] b = bytes(hex);
        long v = 0;
        for (int i = Math.min(b.length, 8) - 1; i >= 0; i--) {
            v = v << 8 | (b[i] & 0xFF);
        }
        return v;
    }

    /** Little-endian 64-bit word at {@code offset} of {@code bytes}. */
    public static long word(byte[] bytes, int offset) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = v << 8 | (bytes[offset + i] & 0xFF);
        }
        return v;
    }

    /** Parses an unsigned hex number such as an address or a count (at most 16 digits). */
    public static long number(String hex) {
        if (hex.isEmpty() || hex.length() > 16) {
            throw new GdbProtocolException("not a hex number: '" + abbreviate(hex) + "'");
        }
        long v = 0;
        for (int i = 0; i < hex.length(); i++) {
            v = v << 4 | digit(hex, i);
        }
        return v;
    }

    private static int digit(String s, int i) {
        char c = s.charAt(i);
        int d = c < 128 ? VALUES[c] : -1;
        if (d < 0) {
            throw new GdbProtocolException("not hex: '" + abbreviate(s) + "'");
        }
        return d;
    }

    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
