package org.gmck.kit.steps.gmm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.gmck.kit.NotApplicable;
import org.gmck.kit.ScenarioContext;
import org.gmck.spi.common.Profile;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.gmm.Account;
import org.gmck.spi.gmm.AllocatedPage;
import org.gmck.spi.gmm.GlobalMemory;
import org.gmck.spi.gmm.GmmEdition;
import org.gmck.spi.gmm.GmmFactory;
import org.gmck.spi.gmm.GmmIntrospection;
import org.gmck.spi.gmm.GmmOptions;
import org.gmck.spi.gmm.NonContiguousAllocation;
import org.gmck.spi.gmm.OcPolicy;
import org.gmck.spi.gmm.Priority;

/**
 * What the GMM steps of one scenario share: the manager under test, its VMs by name, the pages each VM was
 * given (numbered from 1 in allocation order), the last shared page, and, in a scenario that checks that a
 * refused call changed nothing, a snapshot taken before each action.
 */
public final class GmmWorld {

    /** Chunks of host memory a GMM gets unless a scenario says otherwise. */
    static final int DEFAULT_ROOM = 64;
    /** The handle scenarios use for a VM that was never registered. */
    static final int UNKNOWN_HANDLE = 0x7FFF;
    /** Reservation of each account when a scenario does not care. */
    static final long AMPLE = 1L << 20;
    /** The name scenarios use for a VM that was never registered. */
    static final String NEVER_REGISTERED = "X";

    final ScenarioContext context;
    GlobalMemory gmm;

    /** The manager's introspection, asked for when the manager was made (null without the profile). */
    private GmmIntrospection inside;

    GmmEdition edition;
    final Map<String, Integer> vms = new LinkedHashMap<>();
    final Map<String, List<Long>> pages = new HashMap<>();
    private final Map<String, Long> nextPfn = new HashMap<>();
    Long sharedPage;
    /** Every page shared in the scenario, in the order it was shared. */
    final List<Long> sharedPages = new ArrayList<>();

    List<AllocatedPage> lastAllocation = List.of();
    /** The guest pfns the scenario's action asked pages for (-1 for none). */
    List<Long> requestedPfns = List.of();

    GmmSnapshot before;
    /** The VMs that called the manager at once, and the pages each kept, in the same order. */
    final List<Integer> concurrentVms = new ArrayList<>();

    final List<List<Long>> concurrentlyKept = new ArrayList<>();

    public GmmWorld(ScenarioContext context) {
        this.context = context;
    }

    GmmFactory factory() {
        return context.adapter().gmm();
    }

    /** Starts a manager of the edition; an edition the adapter does not declare makes the scenario not applicable. */
    void start(GmmEdition wanted, int roomInChunks, boolean legacy) {
        start(wanted, roomInChunks, legacy, NonContiguousAllocation.WORKS);
    }

    /** Starts a manager on a host that answers the probe for physically non-contiguous memory as given. */
    void start(GmmEdition wanted, int roomInChunks, boolean legacy, NonContiguousAllocation host) {
        startWithHostPages(wanted, roomInChunks * (long) pagesPerChunk(wanted), legacy, host);
    }

    /**
     * Starts a manager of the edition on a host of {@code hostPages} pages, which the scenario gives as a whole
     * number of chunks of every edition (512 pages: one 2 MB chunk or two 1 MB chunks).
     */
    void startWithHostPages(GmmEdition wanted, long hostPages, boolean legacy, NonContiguousAllocation host) {
        NotApplicable.unless(
                factory().editions().contains(wanted),
                () -> "adapter '" + context.adapter().name() + "' does not declare the GMM edition " + wanted);
        if (hostPages % pagesPerChunk(wanted) != 0) {
            throw new IllegalStateException(
                    "the scenario's host of " + hostPages + " pages is not a whole number of chunks of " + wanted);
        }
        edition = wanted;
        gmm = factory().create(wanted, new GmmOptions(hostPages, legacy, host));
        inside = null;
        if (context.adapter().profiles().contains(Profile.GMM_INTROSPECTION)) {
            // Asked for while the manager lives: after terminate() every call of the manager, this one too, is
            // refused, and the scenarios still read the magic through the introspection they were given.
            inside = gmm.introspection();
        }
    }

    /** The edition used where a scenario does not name one: 2 MB chunks if declared. */
    GmmEdition defaultEdition() {
        return factory().editions().contains(GmmEdition.CURRENT_2MB)
                ? GmmEdition.CURRENT_2MB
                : factory().editions().iterator().next();
    }

    private static int pagesPerChunk(GmmEdition edition) {
        return edition == GmmEdition.SEED_1MB ? 256 : 512;
    }

    /** How many pages the scenario has given a VM so far. */
    int pageCount(String vm) {
        return pages.getOrDefault(vm, List.of()).size();
    }

    int pagesPerChunk() {
        return gmm.geometry().pagesPerChunk();
    }

    GmmIntrospection introspection() {
        return inside != null ? inside : gmm.introspection();
    }

    /**
     * The manager as Then-steps read it: a read the adapter refuses fails the scenario's rule, naming the read
     * and the status, instead of escaping the step as an error without a rule.
     */
    GlobalMemory reads() {
        return refusalsFail(gmm, GlobalMemory.class);
    }

    private <T> T refusalsFail(T target, Class<T> type) {
        Object proxy = java.lang.reflect.Proxy.newProxyInstance(
                type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("equals")
                                ? self == args[0]
                                : method.getName().equals("hashCode")
                                        ? System.identityHashCode(self)
                                        : "reads of " + target;
                    }
                    if (method.getReturnType() == GmmIntrospection.class) {
                        return refusalsFail(introspection(), GmmIntrospection.class);
                    }
                    Object result;
                    try {
                        result = method.invoke(target, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        if (e.getCause() instanceof RejectedException refused) {
                            throw context.failure(
                                    "reading " + method.getName()
                                            + (args == null ? "" : java.util.Arrays.toString(args))
                                            + ": the adapter refused to answer with "
                                            + refused.status().name() + " ("
                                            + refused.getMessage() + ")",
                                    refused);
                        }
                        throw e.getCause();
                    }
                    return result;
                });
        return type.cast(proxy);
    }

    /** The id of the k-th page shared in the scenario (from 1). */
    long sharedPage(int k) {
        if (k < 1 || k > sharedPages.size()) {
            throw new IllegalStateException("The scenario shared no page " + k);
        }
        return sharedPages.get(k - 1);
    }

    /**
     * The id a request names: {@code its page N} (the acting VM's), {@code VM X's page N}, {@code shared page K},
     * {@code the shared page} or {@code page ID}.
     */
    long pageNamed(String actingVm, String page) {
        if (page.equals("the shared page")) {
            return sharedPage;
        }
        if (page.startsWith("its page ")) {
            return page(actingVm, Integer.parseInt(page.substring("its page ".length())));
        }
        if (page.startsWith("shared page ")) {
            return sharedPage(Integer.parseInt(page.substring("shared page ".length())));
        }
        if (page.startsWith("VM ")) {
            return page(page.substring(3, 4), Integer.parseInt(page.substring("VM X's page ".length())));
        }
        return org.gmck.kit.Numbers.parse(page.substring("page ".length()));
    }

    /**
     * A VM named by its handle alone ({@code the VM with handle 0}): {@link GmmParameterTypes#gmmVm} writes it as
     * this prefix and the number.
     */
    static final String BY_HANDLE = "#";

    /** The handle of a named VM; unregistered names get a handle no VM has. */
    int handle(String vm) {
        if (vm.startsWith(BY_HANDLE)) {
            return Integer.parseInt(vm.substring(BY_HANDLE.length()));
        }
        return vms.getOrDefault(vm, UNKNOWN_HANDLE);
    }

    /**
     * The handle of a VM taking an action: a VM the scenario has not met yet is registered with ample
     * reservations, except VM X, which stands for a VM that was never registered.
     */
    int actor(String vm) {
        if (vm.startsWith(BY_HANDLE)) {
            return handle(vm);
        }
        if (vms.containsKey(vm) || !NEVER_REGISTERED.equals(vm)) {
            return reserved(vm);
        }
        return UNKNOWN_HANDLE;
    }

    /** Registers a VM if the scenario has not yet. */
    int registered(String vm) {
        Integer handle = vms.get(vm);
        if (handle == null) {
            handle = setUp("register " + vm, () -> gmm.createVm());
            vms.put(vm, handle);
        }
        return handle;
    }

    /** Registers a VM with ample reservations if the scenario has not yet. */
    int reserved(String vm) {
        boolean fresh = !vms.containsKey(vm);
        int handle = registered(vm);
        if (fresh) {
            setUp("reserve for " + vm, () -> {
                gmm.reserve(handle, AMPLE, AMPLE, AMPLE, OcPolicy.TBD, Priority.NORMAL);
                return Boolean.TRUE;
            });
        }
        return handle;
    }

    /** The id of a VM's n-th page (from 1). */
    long page(String vm, int n) {
        List<Long> list = pages.get(vm);
        if (list == null || n < 1 || n > list.size()) {
            throw new IllegalStateException("The scenario gave VM " + vm + " no page " + n);
        }
        return list.get(n - 1);
    }

    /** The next guest pfns of a VM: each VM's guest pages are numbered from 0. */
    List<Long> guestPfns(String vm, int count) {
        long first = nextPfn.getOrDefault(vm, 0L);
        nextPfn.put(vm, first + count);
        List<Long> pfns = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            pfns.add(first + i);
        }
        return pfns;
    }

    void remember(String vm, List<AllocatedPage> allocated) {
        lastAllocation = allocated;
        for (AllocatedPage page : allocated) {
            pages.computeIfAbsent(vm, k -> new ArrayList<>()).add(page.pageId());
        }
    }

    List<AllocatedPage> allocate(String vm, Account account, int count) {
        int handle = reserved(vm);
        List<AllocatedPage> allocated =
                setUp(vm + " allocates " + count + " pages", () -> gmm.allocate(handle, account, guestPfns(vm, count)));
        remember(vm, allocated);
        return allocated;
    }

    /** Records a page the scenario shared, as the shared page later steps mean. */
    void rememberShared(long pageId) {
        sharedPage = pageId;
        sharedPages.add(pageId);
    }

    /** Runs a setup call that must succeed. */
    <T> T setUp(String what, Supplier<T> call) {
        context.attempt(call);
        return context.lastValue(what);
    }

    /** {@code vm} takes a reference to the shared page {@code pageId}; the answer or refusal is kept. */
    void useShared(String vm, long pageId) {
        int handle = actor(vm);
        act(() -> gmm.useShared(handle, pageId));
    }

    /** {@code vm} gives back a reference to the shared page {@code pageId}; the refusal, if any, is kept. */
    void releaseShared(String vm, long pageId) {
        int handle = actor(vm);
        actRun(() -> gmm.releaseShared(handle, pageId));
    }

    /**
     * Runs the scenario's action, after taking a snapshot of everything observable when a later step compares
     * with it (such as {@value GmmCheckSteps#NOTHING_HAS_CHANGED}); either way every chunk is looked up first, as a
     * snapshot ends, so that the action starts from the same chunk TLB.
     */
    <T> void act(Supplier<T> call) {
        if (context.hasStep(GmmCheckSteps.COMPARING_WITH_THE_SNAPSHOT)) {
            before = GmmSnapshot.take(this);
        } else {
            before = null;
            GmmSnapshot.lookUpChunks(this);
        }
        context.attempt(call);
    }

    void actRun(Runnable call) {
        act(() -> {
            call.run();
            return Boolean.TRUE;
        });
    }

    /** Whether a call is refused, without recording it as the scenario's outcome. */
    static boolean refused(Runnable call) {
        try {
            call.run();
            return false;
        } catch (RejectedException e) {
            return true;
        }
    }
}
