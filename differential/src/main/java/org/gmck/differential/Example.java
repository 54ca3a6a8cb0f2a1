package org.gmck.differential;

/**
 * A case a report shows for a class or a disagreement: the lowest case index that showed it, so that the
 * shards of a run and the unsharded run pick the same one.
 *
 * @param index the case's index in the run
 * @param text  the case, replayable, with what each implementation did
 */
public record Example(long index, String text) {

    /** Whichever of the two came first in the run. */
    public static Example first(Example a, Example b) {
        return a.index() <= b.index() ? a : b;
    }
}
