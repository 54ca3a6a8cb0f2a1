package org.gmck.kit.certify;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.gmck.kit.AdapterRun;
import org.gmck.kit.AdapterRuns;
import org.gmck.spi.common.Profile;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * How much the kit's checks other than scenarios run, from the run's configuration parameters (which also
 * read system properties):
 * <ul>
 *   <li>{@value #DEPTH} ({@code quick}, {@code standard} or {@code deep}; default {@code standard}): how many
 *       sequences each model-based run plays, and how long;</li>
 *   <li>{@value #SEED} (a number): the base seed of the model-based runs, so that a run can be replayed;</li>
 *   <li>{@value #FIXTURE_SAMPLE} (a number K, or {@code all}, the default): the first K x86 fixture cases of
 *       each rule in each file, for runs that only need to show a fault;</li>
 *   <li>{@value #PROFILES} (profile ids, comma-separated): run only the checks of these profiles, as a
 *       certification restricted to some profiles does;</li>
 *   <li>{@value #SHRINK} ({@code true}, the default, or {@code false}): whether a model-based run shrinks the
 *       sequence it found to a minimal one; the mutation gate, which needs only to know that a run fails,
 *       turns it off.</li>
 * </ul>
 *
 * @param depth          the model-based runs' depth
 * @param seed           the base seed
 * @param fixtureSample  cases per rule and file, {@link Integer#MAX_VALUE} for all
 * @param profiles       the profiles the run is restricted to; empty for all declared ones
 * @param shrink         whether model-based runs shrink what they find
 */
public record CheckSettings(
        Depth depth, long seed, int fixtureSample, Optional<Set<Profile>> profiles, boolean shrink) {

    public static final String DEPTH = "conformance.depth";
    public static final String SEED = "conformance.seed";
    public static final String FIXTURE_SAMPLE = "gmck.fixtures.sample";
    public static final String PROFILES = "gmck.profiles";
    public static final String SHRINK = "conformance.shrink";
    /** The base seed when none is given: fixed, so that every run of a kit version plays the same sequences. */
    public static final long DEFAULT_SEED = 20261204L;

    /** How many sequences a model-based run plays, and how long each may be. */
    public enum Depth {
        QUICK(10, 25, 100),
        STANDARD(40, 40, 400),
        DEEP(400, 80, 2000);

        private final int sequences;
        private final int maxSteps;
        private final int shrinkCycles;

        Depth(int sequences, int maxSteps, int shrinkCycles) {
            this.sequences = sequences;
            this.maxSteps = maxSteps;
            this.shrinkCycles = shrinkCycles;
        }

        public int sequences() {
            return sequences;
        }

        public int maxSteps() {
            return maxSteps;
        }

        public int shrinkCycles() {
            return shrinkCycles;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Depth parse(String text) {
            return Arrays.stream(values())
                    .filter(d -> d.label().equals(text.strip().toLowerCase(Locale.ROOT)))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "'" + text + "' is not a value of " + DEPTH + ": write quick, standard or deep"));
        }
    }

    /** An option that is {@code true} or {@code false}, and nothing else. */
    static boolean flag(String option, String value) {
        String v = value.strip();
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException("'" + v + "' is not a value of " + option + ": write true or false");
        }
        return Boolean.parseBoolean(v);
    }

    /** The settings of the running check. */
    public static CheckSettings from(Function<String, Optional<String>> parameters) {
        Depth depth = parameters.apply(DEPTH).map(Depth::parse).orElse(Depth.STANDARD);
        long seed = parameters
                .apply(SEED)
                .map(String::strip)
                .map(s -> number(SEED, s, "a whole number"))
                .orElse(DEFAULT_SEED);
        int sample = parameters
                .apply(FIXTURE_SAMPLE)
                .map(String::strip)
                .map(s -> s.equals("all") ? Integer.MAX_VALUE : positive(FIXTURE_SAMPLE, s))
                .orElse(Integer.MAX_VALUE);
        Optional<Set<Profile>> profiles = parameters
                .apply(PROFILES)
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(s -> {
                    Set<Profile> set = EnumSet.noneOf(Profile.class);
                    for (String id : s.split(",")) {
                        set.add(Profile.byId(id.strip())
                                .orElseThrow(() -> new IllegalArgumentException(
                                        "'" + id.strip() + "' in " + PROFILES + " is not a profile")));
                    }
                    return set;
                });
        boolean shrink = parameters.apply(SHRINK).map(v -> flag(SHRINK, v)).orElse(true);
        return new CheckSettings(depth, seed, sample, profiles, shrink);
    }

    private static long number(String option, String text, String what) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a value of " + option + ": write " + what);
        }
    }

    private static int positive(String option, String text) {
        long n = number(option, text, "a positive number or all");
        if (n < 1 || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a value of " + option + ": write a positive number or all");
        }
        return (int) n;
    }

    /**
     * Whether a check of {@code profile} runs for an adapter declaring {@code declared}: the profile is
     * declared, and the run is not restricted to other profiles (a restriction to a sub-profile lets its
     * parent's checks run, since they check the sub-profile's rules too).
     */
    public boolean runs(Profile profile, Set<Profile> declared) {
        return declared.contains(profile)
                && profiles.map(p -> p.contains(profile)
                                || p.stream().anyMatch(q -> q.parent().equals(Optional.of(profile))))
                        .orElse(true);
    }

    /**
     * Gives a check method its settings and its run: declare a {@code CheckSettings} parameter, an
     * {@link AdapterRun} parameter (the run whose id the configuration parameter {@value AdapterRuns#PARAMETER}
     * carries: the adapter under test), or both, and extend with this.
     */
    public static final class Resolver implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
            Class<?> type = parameter.getParameter().getType();
            return type == CheckSettings.class || type == AdapterRun.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext extension)
                throws ParameterResolutionException {
            if (parameter.getParameter().getType() == AdapterRun.class) {
                return AdapterRuns.byId(extension.getConfigurationParameter(AdapterRuns.PARAMETER));
            }
            return CheckSettings.from(extension::getConfigurationParameter);
        }
    }
}
