package org.gmck.bochs.machine;

import org.gmck.engine.MachineOutcome;
import org.gmck.engine.QueryRejectedException;

/** What a batch made of one of its queries. */
public sealed interface BatchAnswer {

    /** The query ran: its outcome. */
    record Answered(MachineOutcome outcome) implements BatchAnswer {}

    /**
     * The query was refused before it ran, or what the guest recorded is a refused CR3 load ({@link
     * QueryRejectedException}, {@link Cr3LoadRefusedException}): the exception a single query would throw.
     */
    record Refused(RuntimeException exception) implements BatchAnswer {}

    /** A probe that did not run, its main query having ended in a page fault. */
    record Skipped() implements BatchAnswer {}

    /**
     * Nothing usable is known: the round the query was part of failed (Bochs stopped elsewhere, or did not stop), or
     * the harness faulted before the access (whose report depends on the queries before).
     */
    record Lost(String why) implements BatchAnswer {}
}
