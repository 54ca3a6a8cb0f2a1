package org.gmck.kit.model.gmm;

import java.util.ArrayList;
import java.util.List;
import org.gmck.spi.gmm.GmmStatus;

/**
 * Whether the catalogue requires an operation to be refused, and with which status. Where several rules
 * refuse the same call for different reasons and the catalogue does not say which is checked first, each of
 * their statuses is accepted; the first rule added is the one a wrong answer breaks.
 */
final class Expect {

    final List<GmmStatus> statuses = new ArrayList<>();
    String rule;
    /** Once set (a terminated GMM, an unknown VM), later reasons other than bad input are not added. */
    private boolean settled;

    /** Adds a reason to refuse, if it applies. */
    Expect when(boolean applies, GmmStatus status, String rule) {
        if (applies && !settled) {
            add(status, rule);
        }
        return this;
    }

    /** Adds a reason checked on the input alone, which may come before or after the VM's handle. */
    Expect input(boolean applies, GmmStatus status, String rule) {
        if (applies && !statuses.contains(GmmStatus.VERR_GMM_INSTANCE)) {
            add(status, rule);
        }
        return this;
    }

    /** Adds a reason that decides the call: nothing checked after it is looked at. */
    Expect decisive(boolean applies, GmmStatus status, String rule) {
        if (applies && !settled) {
            add(status, rule);
            settled = true;
        }
        return this;
    }

    private void add(GmmStatus status, String rule) {
        if (!statuses.contains(status)) {
            statuses.add(status);
        }
        if (this.rule == null) {
            this.rule = rule;
        }
    }

    boolean refused() {
        return !statuses.isEmpty();
    }
}
