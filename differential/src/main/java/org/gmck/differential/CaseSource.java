package org.gmck.differential;

/**
 * Where a differential run's cases come from: case {@code i} must be the same whenever it is asked for, so
 * that shards, batches and workers can each put any part of the run and still make the same report.
 */
public interface CaseSource {

    /** Case {@code index} of the run. */
    CaseSpec at(long index);

    /** What a report calls case {@code index} beside its number (empty when the number says it all). */
    default String label(long index) {
        return "";
    }

    /** The random cases of {@link CaseGenerator} for {@code seed}. */
    static CaseSource generated(long seed) {
        return index -> CaseGenerator.caseAt(seed, index);
    }
}
