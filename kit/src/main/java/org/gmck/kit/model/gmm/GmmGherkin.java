package org.gmck.kit.model.gmm;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.gmck.spi.gmm.Account;
import org.gmck.spi.gmm.GmmIntrospection.FreeSetKind;
import org.gmck.spi.gmm.GmmStatus;

/** The Gherkin the GMM model writes: each text is a step of the kit's GMM vocabulary (package steps.gmm). */
final class GmmGherkin {

    private GmmGherkin() {}

    static String hex(long value) {
        return "0x" + Long.toHexString(value).toUpperCase();
    }

    /** {@code a, b and c}. */
    static String and(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** Numbers with runs of three or more that count up or down by one written {@code first to last}. */
    static String runs(List<? extends Number> values, LongFunction<String> format) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < values.size()) {
            long first = values.get(i).longValue();
            int j = i;
            long step = 0;
            if (i + 1 < values.size()) {
                long d = values.get(i + 1).longValue() - first;
                if (d == 1 || d == -1) {
                    step = d;
                    while (j + 1 < values.size()
                            && values.get(j + 1).longValue() - values.get(j).longValue() == step) {
                        j++;
                    }
                }
            }
            if (j - i >= 2) {
                parts.add(format.apply(first) + " to "
                        + format.apply(values.get(j).longValue()));
                i = j + 1;
            } else {
                parts.add(format.apply(first));
                i++;
            }
        }
        return and(parts);
    }

    static String numbers(List<Long> values) {
        return and(values.stream().map(String::valueOf).toList());
    }

    static String set(FreeSetKind kind) {
        return kind == FreeSetKind.SHARED ? "shared" : "private";
    }

    static String refused(List<GmmStatus> statuses) {
        return statuses.size() == 1
                ? "the call is rejected with " + statuses.get(0).name()
                : "the call is rejected with one of "
                        + String.join(", ", statuses.stream().map(Enum::name).toList());
    }

    static String pfnList(List<Long> pfns) {
        return and(pfns.stream().map(p -> p < 0 ? "none" : hex(p)).toList());
    }

    static String account(Account account) {
        return account.name();
    }

    static String pagePrivate(long id, String vm, long pfn) {
        return "page " + hex(id) + " is private to VM " + vm + " and records guest pfn " + hex(pfn);
    }

    static String pageShared(long id, long refs) {
        return "page " + hex(id) + " is shared with " + refs + (refs == 1 ? " reference" : " references");
    }

    static String pageFree(long id) {
        return "page " + hex(id) + " is free";
    }

    static String pageGone(long id, GmmStatus status) {
        return "looking up page " + hex(id) + " is refused with " + status.name();
    }

    static String chunkGone(long id, GmmStatus status) {
        return "looking up chunk " + hex(id) + " is refused with " + status.name();
    }

    static String chunkCounts(long id, int free, int privatePages, int shared) {
        return "chunk " + id + " has " + free + " free, " + privatePages + " private and " + shared + " shared pages";
    }

    static String affinity(long id, String vm) {
        return vm == null ? "chunk " + id + " has no affinity" : "chunk " + id + " has affinity to VM " + vm;
    }

    static String sharedFlag(long id, boolean shared) {
        return "chunk " + id + (shared ? " is dedicated to shared pages" : " is not dedicated to shared pages");
    }

    static String chunkIds(List<Long> ids) {
        return ids.isEmpty() ? "the GMM holds 0 chunks" : "the GMM holds chunks " + numbers(ids);
    }

    static String lifo(long chunk, List<Integer> lifo) {
        return lifo.isEmpty()
                ? "the free LIFO of chunk " + chunk + " holds 0 pages"
                : "the free LIFO of chunk " + chunk + " is " + runs(lifo, String::valueOf);
    }

    static String list(FreeSetKind kind, int list, List<Long> chunks) {
        return chunks.isEmpty()
                ? "list " + list + " of the " + set(kind) + " free set holds no chunk"
                : "list " + list + " of the " + set(kind) + " free set holds chunks " + numbers(chunks);
    }

    static String vmPages(String vm, long privatePages, long shared) {
        return "VM " + vm + " has " + privatePages + " private pages and " + shared + " shared pages";
    }

    static String vmAccounts(String vm, long[] allocated) {
        return "VM " + vm + " has " + allocated[0] + " BASE, " + allocated[1] + " SHADOW and " + allocated[2]
                + " FIXED pages allocated";
    }

    static String vmReserved(String vm, long[] reserved) {
        return "VM " + vm + " has reserved " + reserved[0] + " base, " + reserved[1] + " shadow and " + reserved[2]
                + " fixed pages";
    }

    static String vmPolicy(ModelVm vm) {
        return "VM " + vm.name + " has policy " + vm.policy + " and priority " + vm.priority;
    }
}
