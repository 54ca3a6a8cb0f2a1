package org.gmck.kit;

import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long one call into the adapter may take before its scenario fails. The default is
 * {@value #DEFAULT}; {@code -Dconformance.timeout=DURATION} changes it for the run, and a scenario tagged
 * {@code @timeout:DURATION} gets its own. A duration is a number with {@code ms}, {@code s} or {@code m},
 * or an ISO-8601 duration such as {@code PT2S}. {@code none} runs every call on the scenario's own thread
 * with no limit at all: that is for mutation testing of the reference, where PIT stops a mutant that hangs
 * and a hand-over to a worker thread for each call would only slow the thousands of runs down.
 */
public final class Timeouts {

    /** The system property that sets the run's timeout per call. */
    public static final String PROPERTY = "conformance.timeout";
    /** The tag prefix that sets one scenario's timeout per call. */
    public static final String TAG_PREFIX = "@timeout:";

    static final String DEFAULT = "10s";
    /** No limit: calls run on the scenario's thread ({@code -Dconformance.timeout=none}). */
    public static final Duration UNLIMITED = java.time.temporal.ChronoUnit.FOREVER.getDuration();

    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m)");

    private Timeouts() {}

    /** The timeout of a scenario with these tags. */
    public static Duration forScenario(Collection<String> tags) {
        return tags.stream()
                .filter(t -> t.startsWith(TAG_PREFIX))
                .map(t -> parse(t.substring(TAG_PREFIX.length())))
                .findFirst()
                .orElseGet(Timeouts::forRun);
    }

    /** The run's timeout per call. */
    public static Duration forRun() {
        return parse(System.getProperty(PROPERTY, DEFAULT));
    }

    /** Parses {@code 500ms}, {@code 10s}, {@code 2m} or {@code PT10S}. */
    public static Duration parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("none")) {
            return UNLIMITED;
        }
        Matcher m = SIMPLE.matcher(t);
        Duration d;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = m.group(2).equals("ms")
                    ? Duration.ofMillis(n)
                    : m.group(2).equals("s") ? Duration.ofSeconds(n) : Duration.ofMinutes(n);
        } else if (t.startsWith("pt")) {
            d = Duration.parse(t.toUpperCase(Locale.ROOT));
        } else {
            throw new IllegalArgumentException("'" + text + "' is not a timeout: write 500ms, 10s, 2m, PT10S or none");
        }
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("a timeout must be positive, not '" + text + "'");
        }
        return d;
    }

    /** A duration as people write it: {@code 500 ms}, {@code 10 s}. */
    public static String describe(Duration d) {
        if (d.equals(UNLIMITED)) {
            return "no limit";
        }
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
