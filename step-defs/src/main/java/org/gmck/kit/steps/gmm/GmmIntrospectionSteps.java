package org.gmck.kit.steps.gmm;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;
import org.gmck.kit.Numbers;
import org.gmck.kit.ScenarioContext;
import org.gmck.spi.gmm.ChunkInfo;
import org.gmck.spi.gmm.GmmIntrospection.FreeSetKind;
import org.gmck.spi.gmm.GmmPageFields;
import org.gmck.spi.gmm.GmmPageLayout;

/** Steps of the gmm-introspection profile: layouts, free LIFOs, free-set lists, the chunk TLB, the magic. */
public final class GmmIntrospectionSteps {

    private final GmmWorld world;
    private final ScenarioContext context;

    public GmmIntrospectionSteps(GmmWorld world) {
        this.world = world;
        this.context = world.context;
    }

    @When("I encode a {gmmLayout} private page with state {int}, pfn {word} and VM handle {word}")
    public void encodePrivate(GmmPageLayout layout, int state, String pfn, String vm) {
        encode(layout, new GmmPageFields.Private(state, Numbers.parse(pfn), (int) Numbers.parse(vm)));
    }

    @When("I encode a {gmmLayout} shared page with pfn {word} and {word} reference(s)")
    public void encodeShared(GmmPageLayout layout, String pfn, String refs) {
        encode(layout, new GmmPageFields.Shared(2, Numbers.parse(pfn), Numbers.parse(refs)));
    }

    @When("I encode a {gmmLayout} free page with next index {word}, {word}")
    public void encodeFree(GmmPageLayout layout, String next, String zeroed) {
        encode(layout, new GmmPageFields.Free(3, (int) Numbers.parse(next), "zeroed".equals(zeroed)));
    }

    @When("I encode a {gmmLayout} shared page with state {int}, pfn {word} and {word} reference(s)")
    public void encodeSharedInState(GmmPageLayout layout, int state, String pfn, String refs) {
        encode(layout, new GmmPageFields.Shared(state, Numbers.parse(pfn), Numbers.parse(refs)));
    }

    @When("I encode a {gmmLayout} free page with state {int}, next index {word}, {word}")
    public void encodeFreeInState(GmmPageLayout layout, int state, String next, String zeroed) {
        encode(layout, new GmmPageFields.Free(state, (int) Numbers.parse(next), "zeroed".equals(zeroed)));
    }

    private void encode(GmmPageLayout layout, GmmPageFields fields) {
        world.act(() -> world.introspection().encode(layout, fields));
    }

    @When("I decode the {gmmLayout} word {word}")
    public void decode(GmmPageLayout layout, String word) {
        long value = Numbers.parse(word);
        world.act(() -> world.introspection().decode(layout, value));
    }

    @When("I read the raw word of page {word}")
    public void readsRawWord(String page) {
        long pageId = Numbers.parse(page);
        world.act(() -> world.introspection().rawPage(pageId));
    }

    @When("I read the free LIFO of chunk {long}")
    public void readsLifo(long chunk) {
        world.act(() -> world.introspection().freeLifo(chunk));
    }

    @When("I read the lists of the {word} free set")
    public void readsFreeSet(String set) {
        FreeSetKind kind = FreeSetKind.valueOf(set.toUpperCase());
        world.act(() -> world.introspection().freeSet(kind));
    }

    @When("I read the free page count of the {word} free set")
    public void readsFreeSetPages(String set) {
        FreeSetKind kind = FreeSetKind.valueOf(set.toUpperCase());
        world.act(() -> world.introspection().freeSetPages(kind));
    }

    @When("I read the magic")
    public void readsMagic() {
        world.act(() -> world.introspection().magic());
    }

    @When("I read the chunk TLB")
    public void readsTlb() {
        world.act(() -> world.introspection().chunkTlb());
    }

    @Then("the word is {word}")
    public void theWordIs(String word) {
        context.expectEqual(
                "the encoded GMMPAGE word", GmmCheckSteps.hex(word), Numbers.hex(context.<Long>lastValue("the word")));
    }

    @Then("it is a private page with state {int}, pfn {word} and VM handle {int}")
    public void decodedPrivate(int state, String pfn, int vm) {
        context.expectEqual(
                "the decoded fields",
                new GmmPageFields.Private(state, Numbers.parse(pfn), vm),
                context.lastValue("the decoded page"));
    }

    @Then("it is a shared page with pfn {word} and {long} reference(s)")
    public void decodedShared(String pfn, long refs) {
        context.expectEqual(
                "the decoded fields",
                new GmmPageFields.Shared(2, Numbers.parse(pfn), refs),
                context.lastValue("the decoded page"));
    }

    @Then("it is a free page with next index {word}, {word}")
    public void decodedFree(String next, String zeroed) {
        context.expectEqual(
                "the decoded fields",
                new GmmPageFields.Free(3, (int) Numbers.parse(next), "zeroed".equals(zeroed)),
                context.lastValue("the decoded page"));
    }

    @Then("the raw word of {gmmVm}'s page {int} holds guest pfn {word} and {gmmVm}'s handle, in state 0")
    public void rawPrivate(String vm, int n, String pfn, String owner) {
        long expected = Numbers.parse(pfn) | ((long) world.handle(owner) << 32);
        context.expectEqual(
                "the raw GMMPAGE word",
                Numbers.hex(expected),
                Numbers.hex(world.reads().introspection().rawPage(world.page(vm, n))));
    }

    @Then("the raw word of the shared page holds {long} reference(s) in bits 0-31, in state 2")
    public void rawSharedSeed(long refs) {
        context.expectEqual(
                "the raw GMMPAGE word",
                Numbers.hex(refs | (2L << 62)),
                Numbers.hex(world.reads().introspection().rawPage(world.sharedPage)));
    }

    @Then("the raw word of the shared page is in state {int}")
    public void rawSharedState(int state) {
        context.expectEqual("the state in bits 62-63 of the raw GMMPAGE word", state, (int)
                (world.reads().introspection().rawPage(world.sharedPage) >>> 62));
    }

    @Then("the raw word of page {word} is a free page with next index {word}")
    public void rawFree(String page, String next) {
        long word = world.reads().introspection().rawPage(Numbers.parse(page));
        context.expectEqual(
                "the state in bits 62-63 and the next index in bits 0-31 of the raw GMMPAGE word of page " + page,
                "state 3, next index " + Numbers.hex(Numbers.parse(next)),
                "state " + (word >>> 62) + ", next index " + Numbers.hex(word & 0xFFFFFFFFL));
    }

    @Then("the raw word of the shared page holds its host pfn and {long} reference(s), in state 2")
    public void rawShared(long refs) {
        long hostPfn = world.reads().page(world.sharedPage).hostPfn();
        long expected = hostPfn | (refs << 32) | (2L << 62);
        context.expectEqual(
                "the raw GMMPAGE word",
                Numbers.hex(expected),
                Numbers.hex(world.reads().introspection().rawPage(world.sharedPage)));
    }

    @Then("the free LIFO of chunk {long} starts with {gmmNumbers}")
    public void lifoStarts(long chunk, List<Long> head) {
        List<Integer> lifo = world.reads().introspection().freeLifo(chunk);
        List<Long> actual = lifo.subList(0, Math.min(head.size(), lifo.size())).stream()
                .map(Integer::longValue)
                .toList();
        context.expectEqual("the head of chunk " + chunk + "'s free LIFO", head, actual);
    }

    @Then("the free LIFO of chunk {long} holds {int} page(s)")
    public void lifoSize(long chunk, int size) {
        context.expectEqual(
                "the length of chunk " + chunk + "'s free LIFO",
                size,
                world.reads().introspection().freeLifo(chunk).size());
    }

    @Then("chunk {long} is on list {int} of the {word} free set")
    public void onList(long chunk, int list, String set) {
        List<List<Long>> lists = world.reads().introspection().freeSet(FreeSetKind.valueOf(set.toUpperCase()));
        int found = -1;
        for (int i = 0; i < lists.size(); i++) {
            if (lists.get(i).contains(chunk)) {
                found = i;
            }
        }
        context.expectEqual("the list of the " + set + " free set holding chunk " + chunk, list, found);
    }

    @Then("chunk {long} is on no list of either free set")
    public void onNoList(long chunk) {
        for (FreeSetKind kind : FreeSetKind.values()) {
            for (List<Long> list : world.reads().introspection().freeSet(kind)) {
                context.expectThat(
                        "chunk " + chunk + " has no free page, yet is on a list of the " + kind + " free set",
                        !list.contains(chunk));
            }
        }
    }

    @Then("chunk {long} is on no list of the {word} free set")
    public void onNoListOf(long chunk, String set) {
        for (List<Long> list : world.reads().introspection().freeSet(FreeSetKind.valueOf(set.toUpperCase()))) {
            context.expectThat("chunk " + chunk + " is on a list of the " + set + " free set", !list.contains(chunk));
        }
    }

    @Then("list {int} of the {word} free set holds chunks {gmmNumbers}")
    public void listHolds(int list, String set, List<Long> chunks) {
        List<List<Long>> lists = world.reads().introspection().freeSet(FreeSetKind.valueOf(set.toUpperCase()));
        context.expectEqual("list " + list + " of the " + set + " free set, from its head", chunks, lists.get(list));
    }

    @Then("the {word} free set has {int} lists")
    public void setLists(String set, int count) {
        context.expectEqual(
                "lists of the " + set + " free set",
                count,
                world.reads()
                        .introspection()
                        .freeSet(FreeSetKind.valueOf(set.toUpperCase()))
                        .size());
    }

    @Then("each free set records the sum of its chunks' free pages")
    public void setSums() {
        for (FreeSetKind kind : FreeSetKind.values()) {
            long sum = 0;
            for (List<Long> list : world.reads().introspection().freeSet(kind)) {
                for (long chunk : list) {
                    sum += world.reads().chunk(chunk).free();
                }
            }
            context.expectEqual(
                    "free pages recorded by the " + kind + " free set",
                    sum,
                    world.reads().introspection().freeSetPages(kind));
        }
    }

    @Then("every chunk TLB entry is NIL")
    public void tlbNil() {
        context.expectEqual(
                "the chunk TLB",
                java.util.Collections.nCopies(32, 0L),
                world.reads().introspection().chunkTlb());
    }

    @Then("chunk TLB entry {int} holds chunk {long}")
    public void tlbEntry(int entry, long chunk) {
        List<Long> tlb = world.reads().introspection().chunkTlb();
        context.expectEqual("the chunk TLB size", 32, tlb.size());
        context.expectEqual("chunk TLB entry " + entry, chunk, tlb.get(entry));
    }

    @Then("the magic is {word}")
    public void magic(String magic) {
        context.expectEqual(
                "the GMM's magic",
                GmmCheckSteps.hex(magic),
                Numbers.hex(world.reads().introspection().magic()));
    }

    @When("chunk {long}'s statistics are overwritten with {int} free, {int} private and {int} shared pages")
    public void corrupt(long chunk, int free, int privatePages, int shared) {
        world.setUp("overwrite chunk statistics", () -> {
            world.introspection().corruptChunkStatistics(chunk, free, privatePages, shared);
            return Boolean.TRUE;
        });
    }

    @Then("chunk {long} records {int} free, {int} private and {int} shared pages")
    public void records(long chunk, int free, int privatePages, int shared) {
        ChunkInfo info = world.reads().chunk(chunk);
        context.expectEqual(
                "chunk " + chunk + "'s counters",
                List.of(free, privatePages, shared),
                List.of(info.free(), info.privatePages(), info.sharedPages()));
    }

    @Then("the raw word of page {word} is {word}")
    public void rawWord(String page, String word) {
        context.expectEqual(
                "the raw GMMPAGE word of page " + page,
                GmmCheckSteps.hex(word),
                Numbers.hex(world.reads().introspection().rawPage(Numbers.parse(page))));
    }

    @Then("the raw word of {gmmVm}'s page {int} is {word}")
    public void rawWordOf(String vm, int n, String word) {
        context.expectEqual(
                "the raw GMMPAGE word of " + vm + "'s page " + n,
                GmmCheckSteps.hex(word),
                Numbers.hex(world.reads().introspection().rawPage(world.page(vm, n))));
    }
}
