package org.gmck.kit.model.gmm;

/**
 * One operation of a GMM sequence, as generated: which VM acts and a few free choices, resolved against the
 * model's state when the operation is applied (a VM number picks among the VMs there are, a page number among
 * the pages there are). An operation that does not apply in the state reached is skipped.
 */
sealed interface GmmOp {

    /** A new VM registers. */
    record Register() implements GmmOp {}

    /** The initial reservation, valid or not, with a policy and a priority. */
    record Reserve(int vm, int shape, int size, int pick) implements GmmOp {}

    /** An updated reservation. */
    record Update(int vm, int shape, int size) implements GmmOp {}

    /** An allocation: the account, how many pages and which guest frames. */
    record Allocate(int vm, int account, int size, int frames, int pick) implements GmmOp {}

    /** A free request: which pages (own, bad, several), from which account. */
    record Free(int vm, int shape, int pick, int place) implements GmmOp {}

    /** Sharing a page. */
    record Share(int vm, int shape, int pick) implements GmmOp {}

    /** Taking a reference to a shared page. */
    record Use(int vm, int shape, int pick) implements GmmOp {}

    /** Releasing a reference. */
    record Release(int vm, int shape, int pick) implements GmmOp {}

    /** Seeding a chunk (legacy mode). */
    record Seed(int vm) implements GmmOp {}

    /** Cleaning a VM up. */
    record Cleanup(int vm) implements GmmOp {}

    /** Looking a page up. */
    record LookUpPage(int shape, int pick) implements GmmOp {}

    /** Looking a chunk up. */
    record LookUpChunk(int shape, int pick) implements GmmOp {}

    /** Reading a VM's per-VM data. */
    record ReadVm(int vm) implements GmmOp {}

    /** Terminating the GMM. */
    record Terminate() implements GmmOp {}
}
