package org.gmck.kit.properties.gmm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simple model the property tests hold the GMM to: which VM owns which private page, how many
 * references each shared page has, and how many of them each VM holds. It knows nothing of chunks.
 */
final class GmmModel {

    /** Private page id to owning VM handle. */
    final Map<Long, Integer> owner = new LinkedHashMap<>();
    /** Shared page id to reference count. */
    final Map<Long, Long> refs = new LinkedHashMap<>();
    /** VM handle to (shared page id to references held). */
    final Map<Integer, Map<Long, Long>> held = new HashMap<>();
    /** VM handle to allocated BASE pages. */
    final Map<Integer, Long> base = new HashMap<>();

    List<Long> privatePagesOf(int vm) {
        List<Long> pages = new ArrayList<>();
        owner.forEach((page, who) -> {
            if (who == vm) {
                pages.add(page);
            }
        });
        return pages;
    }

    long privateCount(int vm) {
        return owner.values().stream().filter(v -> v == vm).count();
    }

    long heldCount(int vm) {
        return held.getOrDefault(vm, Map.of()).values().stream().mapToLong(Long::longValue).sum();
    }

    long allocated() {
        return owner.size() + refs.size();
    }

    long duplicates() {
        return refs.values().stream().mapToLong(r -> r - 1).sum();
    }

    void allocated(int vm, long page) {
        owner.put(page, vm);
        base.merge(vm, 1L, Long::sum);
    }

    void freed(int vm, long page) {
        owner.remove(page);
        base.merge(vm, -1L, Long::sum);
    }

    void shared(int vm, long privatePage, long sharedPage) {
        owner.remove(privatePage);
        refs.put(sharedPage, 1L);
        held.computeIfAbsent(vm, k -> new HashMap<>()).merge(sharedPage, 1L, Long::sum);
    }

    void used(int vm, long sharedPage) {
        refs.merge(sharedPage, 1L, Long::sum);
        held.computeIfAbsent(vm, k -> new HashMap<>()).merge(sharedPage, 1L, Long::sum);
        base.merge(vm, 1L, Long::sum);
    }

    void released(int vm, long sharedPage) {
        Map<Long, Long> mine = held.get(vm);
        if (mine.merge(sharedPage, -1L, Long::sum) == 0) {
            mine.remove(sharedPage);
        }
        base.merge(vm, -1L, Long::sum);
        if (refs.merge(sharedPage, -1L, Long::sum) == 0) {
            refs.remove(sharedPage);
        }
    }

    /** Cleanup: the VM's private pages go, its shared references stay behind. */
    void cleanedUp(int vm) {
        owner.values().removeIf(v -> v == vm);
        held.remove(vm);
        base.remove(vm);
    }
}
