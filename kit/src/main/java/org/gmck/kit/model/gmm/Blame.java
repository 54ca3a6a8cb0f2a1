package org.gmck.kit.model.gmm;

/**
 * Which rule a comparison after an operation belongs to: the same difference (a chunk's free count, say) breaks
 * the free rules after a free and the cleanup rules after a cleanup. A null rule for {@link Part#SETS} or
 * {@link Part#RAW} lets the comparison name the free-set or layout rule the difference itself breaks.
 */
@FunctionalInterface
interface Blame {

    /** What is compared. The subject is a page id, a chunk id or a VM handle, as the part says. */
    enum Part {
        /** A page's state, owner, guest frame or references (subject: page id). */
        PAGE,
        /** The host frame a handed-out page records (subject: page id). */
        HOST,
        /** A page of a chunk given back, which must no longer be found (subject: page id). */
        GONE_PAGE,
        /** A chunk's free, private and shared counts (subject: chunk id). */
        CHUNK,
        /** A chunk's VM affinity (subject: chunk id). */
        AFFINITY,
        /** Whether a chunk is dedicated to shared pages (subject: chunk id). */
        SHARED_FLAG,
        /** A chunk given back, which must no longer be found (subject: chunk id). */
        GONE_CHUNK,
        /** A VM's policy and priority (subject: handle). */
        VM_POLICY,
        /** A VM's reservation (subject: handle). */
        VM_RESERVED,
        /** A VM's allocated pages per account (subject: handle). */
        VM_ACCOUNTS,
        /** A VM's private pages and shared references (subject: handle). */
        VM_PAGES,
        /** Chunks held and free pages. */
        STATS_CHUNKS,
        /** Allocated, shared and duplicate pages. */
        STATS_ALLOCATED,
        /** Reserved pages and registered VMs. */
        STATS_RESERVED,
        /** Shared references left behind. */
        STATS_LEFT,
        /** The ids of the chunks held. */
        CHUNK_IDS,
        /** A chunk's free LIFO (subject: chunk id). */
        LIFO,
        /** The free sets' lists. */
        SETS,
        /** The free sets' free page counts. */
        SET_PAGES,
        /** A page's raw GMMPAGE word (subject: page id). */
        RAW
    }

    String rule(Part part, long subject);

    /** Every comparison belongs to one rule: a refused call must have changed nothing. */
    static Blame all(String rule) {
        return (part, subject) -> rule;
    }
}
