package org.gmck.kit.model.gmm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gmck.spi.gmm.Account;
import org.gmck.spi.gmm.OcPolicy;
import org.gmck.spi.gmm.Priority;

/**
 * A VM as the model has it: its handle (the adapter's choice), per-VM data, the shared references it holds per
 * page, and the pages it was given in the order the scenario numbers them ({@code VM A's page N}).
 */
final class ModelVm {

    final String name;
    final int handle;
    boolean reserved;
    boolean cleaned;
    OcPolicy policy = OcPolicy.TBD;
    Priority priority = Priority.NORMAL;
    final long[] reservation = new long[3];
    final long[] allocated = new long[3];
    long privatePages;
    long sharedRefs;
    /** Shared page id to the references this VM holds to it. */
    final Map<Long, Long> held = new LinkedHashMap<>();
    /** Every page an allocation gave it, in order: page N of the scenario is {@code pages.get(N - 1)}. */
    final List<Long> pages = new ArrayList<>();
    /** The account each of its private pages was charged to. */
    final Map<Long, Account> accountOf = new LinkedHashMap<>();
    /** Chunks it created, adopted or seeded, or held pages in: those its cleanup may visit. */
    final java.util.Set<Long> touched = new java.util.HashSet<>();

    ModelVm(String name, int handle) {
        this.name = name;
        this.handle = handle;
    }

    boolean live() {
        return !cleaned;
    }

    long reservedTotal() {
        return reservation[0] + reservation[1] + reservation[2];
    }

    /** The scenario's number for a page this VM was given (the latest, if it was given it twice), or 0. */
    int number(long pageId) {
        return pages.lastIndexOf(pageId) + 1;
    }

    String vm() {
        return "VM " + name;
    }
}
