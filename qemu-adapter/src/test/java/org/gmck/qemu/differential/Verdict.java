package org.gmck.qemu.differential;

import java.util.Set;

/**
 * How QEMU's observation relates to the reference's for one case.
 *
 * @param classes     the known QEMU 7.2 deviations (and permitted differences) the case showed
 * @param unexplained empty when everything else agrees; otherwise a short signature of the disagreement
 * @param detail      both observations, for the report
 */
record Verdict(Set<String> classes, String unexplained, String detail) {

    boolean agrees() {
        return unexplained.isEmpty();
    }
}
