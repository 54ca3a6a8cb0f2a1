package org.gmck.bochs.machine;

import org.gmck.engine.MachineQuery;

/**
 * One query of a batch.
 *
 * @param query the query
 * @param translate whether a successful access reports its physical address
 * @param probe whether the query is a probe of the main query before it in the batch: it runs only if that main
 *     query did not end in a page fault (otherwise it is {@link BatchAnswer.Skipped})
 */
public record BatchQuery(MachineQuery query, boolean translate, boolean probe) {}
