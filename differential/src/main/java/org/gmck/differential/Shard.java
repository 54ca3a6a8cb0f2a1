package org.gmck.differential;

/**
 * One of {@code count} shards of a run: it takes the cases whose index leaves remainder {@code index} when
 * divided by {@code count}, so the shards of a run together put exactly the cases of the unsharded run.
 *
 * @param index the shard, from 0 to count - 1
 * @param count how many shards the run is split into
 */
public record Shard(int index, int count) {

    /** The whole run, unsharded. */
    public static final Shard ALL = new Shard(0, 1);

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("a shard is I/N with 0 <= I < N, not " + index + "/" + count);
        }
    }

    /** Parses {@code I/N} (as in {@code -Ddifferential.shard=I/N}); blank means the whole run. */
    public static Shard parse(String text) {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("a shard is written I/N, not " + text);
        }
        return new Shard(
                Integer.parseInt(text.substring(0, slash).strip()),
                Integer.parseInt(text.substring(slash + 1).strip()));
    }

    /** The shard named by the system property {@code differential.shard}, or the whole run. */
    public static Shard fromSystemProperty() {
        return parse(System.getProperty("differential.shard", ""));
    }

    /** Whether case {@code caseIndex} of the run belongs to this shard. */
    public boolean includes(long caseIndex) {
        return Math.floorMod(caseIndex, (long) count) == index;
    }

    /** How many of the run's first {@code cases} cases belong to this shard. */
    public long size(long cases) {
        return cases <= index ? 0 : (cases - index + count - 1) / count;
    }

    /** The run's index of this shard's {@code k}-th case. */
    public long caseIndex(long k) {
        return index + k * count;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
