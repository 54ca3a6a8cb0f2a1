package org.gmck.kit;

/**
 * An adapter whose objects live outside this JVM (an implementation in another process, over the adapter
 * protocol): it keeps every object it hands out until it is told that the checks that made them have ended.
 * The kit says so before every scenario, every model sequence and every x86 case ({@link AdapterRuns#release()}),
 * so that a long run does not pile up objects nobody uses any more.
 */
public interface ScopedAdapter {

    /** Every object handed out so far may be dropped: the check that made it has ended. Never throws. */
    void release();
}
