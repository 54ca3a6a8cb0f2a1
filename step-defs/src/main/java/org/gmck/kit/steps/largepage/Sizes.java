package org.gmck.kit.steps.largepage;

import org.gmck.kit.Numbers;

/**
 * Parses the addresses and sizes large-page scenarios write, in the seed's own terms: {@code 4 MB + 8 KB},
 * {@code 1 GB}, or a plain number (decimal or {@code 0x} hexadecimal).
 */
final class Sizes {

    private Sizes() {}

    static long parse(String text) {
        String t = text.strip();
        if (t.startsWith("0x") || t.startsWith("0X")) {
            return Numbers.parse(t);
        }
        String[] tokens = t.split(" ");
        long total = 0;
        int sign = 1;
        int i = 0;
        while (i < tokens.length) {
            long value = Long.parseLong(tokens[i]);
            if (i + 1 < tokens.length && tokens[i + 1].endsWith("B")) {
                value *= unit(tokens[i + 1]);
                i++;
            }
            total += sign * value;
            i++;
            if (i < tokens.length) {
                sign = "-".equals(tokens[i]) ? -1 : 1;
                i++;
            }
        }
        return total;
    }

    private static long unit(String unit) {
        switch (unit) {
            case "KB":
                return 1L << 10;
            case "MB":
                return 1L << 20;
            case "GB":
                return 1L << 30;
            default:
                throw new IllegalArgumentException("unknown unit " + unit);
        }
    }
}
