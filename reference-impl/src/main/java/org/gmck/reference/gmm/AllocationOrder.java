package org.gmck.reference.gmm;

/**
 * Which chunk the next private page comes from: first the VM's own chunks, fewest free pages first; then
 * a completely free chunk, which the VM adopts; then any other chunk with free pages, fewest free first.
 * Null means a new chunk is needed. In legacy mode only the VM's own chunks count.
 */
final class AllocationOrder {

    private AllocationOrder() {}

    static Chunk pick(FreeSet set, int vm, boolean legacy) {
        Chunk own = scan(set, vm, true);
        if (own != null || legacy) {
            return own;
        }
        for (Chunk c = set.head(set.lists() - 1); c != null; c = c.next) {
            if (c.completelyFree()) {
                c.affinity = vm;
                return c;
            }
        }
        return scan(set, vm, false);
    }

    /** Lists from the fewest free pages up; within a list from the head. */
    private static Chunk scan(FreeSet set, int vm, boolean own) {
        for (int list = 0; list < set.lists(); list++) {
            for (Chunk c = set.head(list); c != null; c = c.next) {
                if ((c.affinity == vm) == own) {
                    return c;
                }
            }
        }
        return null;
    }
}
