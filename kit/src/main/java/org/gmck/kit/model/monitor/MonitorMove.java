package org.gmck.kit.model.monitor;

/**
 * One generated operation of a monitor sequence. The first operation of a sequence also decides how the
 * sequence starts (the session creates the monitor then), so that the generator, and its shrinking, choose
 * the monitor's size and first mappings; later operations carry a start that is not used.
 *
 * @param start how the sequence starts, when this is its first operation
 * @param op    the operation
 */
record MonitorMove(Start start, MonitorOp op) {

    @Override
    public String toString() {
        return op.toString();
    }
}
