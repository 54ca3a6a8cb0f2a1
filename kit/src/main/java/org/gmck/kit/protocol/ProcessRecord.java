package org.gmck.kit.protocol;

import java.time.Instant;

/**
 * One process an implementation ran in during a certification over the adapter protocol, as the report keeps
 * it: when it started and ended, how it ended, how many requests it was sent, and its standard error (the last
 * 64 KB; {@code stderrDropped} bytes before them were not kept).
 *
 * @param ended null while it runs
 */
public record ProcessRecord(
        int number, Instant started, Instant ended, String end, long requests, String stderr, long stderrDropped) {

    /** The last line of {@code stderr} that is not blank, or "(none)". */
    public static String lastLine(String stderr) {
        String[] lines = stderr.strip().split("\n");
        String last = lines[lines.length - 1].strip();
        return last.isEmpty() ? "(none)" : last;
    }
}
