package org.gmck.kit.model.gmm;

/**
 * A page an operation names, as the kit's steps name it: the acting VM's page N, another VM's page N (both
 * numbered in the order the VM was given them), the k-th page shared in the sequence, or a raw page id.
 *
 * @param id    the page id
 * @param kind  how the step names it
 * @param vm    the VM whose numbering is used ({@link Kind#OTHER}), else null
 * @param n     the page's number (N, or K for a shared page)
 */
record PageRef(long id, Kind kind, String vm, int n) {

    enum Kind {
        OWN,
        OTHER,
        SHARED,
        RAW
    }

    static PageRef raw(long id) {
        return new PageRef(id, Kind.RAW, null, 0);
    }

    /** As in a list of pages ({@code {gmmPages}}), for a free request. */
    String inList() {
        return switch (kind) {
            case OWN -> "its page " + n;
            case OTHER -> "VM " + vm + "'s page " + n;
            case SHARED -> "shared page " + n;
            case RAW -> "page " + GmmGherkin.hex(id);
        };
    }

    /** As the object of a share: {@code VM A shares <this>}. */
    String shared() {
        return switch (kind) {
            case OWN -> "its page " + n;
            case OTHER -> "VM " + vm + "'s page " + n;
            case SHARED -> "shared page " + n;
            case RAW -> "page " + GmmGherkin.hex(id);
        };
    }

    /** As the object of a use or release: {@code VM A uses <this>}. */
    String onSharedPath() {
        return switch (kind) {
            case OWN -> "its page " + n + " as a shared page";
            case OTHER -> "VM " + vm + "'s page " + n + " as a shared page";
            case SHARED -> "shared page " + n;
            case RAW -> "page " + GmmGherkin.hex(id) + " as a shared page";
        };
    }

    /** As the object of a look-up: {@code I look up <this>}. */
    String lookedUp(String actingVm) {
        return switch (kind) {
            case OWN -> "VM " + actingVm + "'s page " + n;
            case OTHER -> "VM " + vm + "'s page " + n;
            case SHARED -> "shared page " + n;
            case RAW -> "page " + GmmGherkin.hex(id);
        };
    }
}
