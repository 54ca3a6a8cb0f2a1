package org.gmck.kit.steps.pgm;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.Arrays;
import org.gmck.kit.Numbers;
import org.gmck.kit.ScenarioContext;
import org.gmck.spi.pgm.phys.PageRecordLayout;

/**
 * Steps for the packed per-page record (profile {@code pgm-introspection}), read in the layout the scenario
 * chose, the final one unless it says otherwise. They reach the implementation only through the SPI.
 */
public final class PageRecordSteps {

    private static final int TRACKING_INDEX = 0x3FFF;
    private static final int TRACKING_PHYSEXT = 3;

    private final ScenarioContext context;
    private final PhysWorld world;

    public PageRecordSteps(ScenarioContext context, PhysWorld world) {
        this.context = context;
        this.world = world;
    }

    @Given("the records are read in the {pgmLayout} layout")
    public void readIn(PageRecordLayout layout) {
        world.readRecordsIn(layout);
    }

    @When("I ask for the record at {pgmAddress}")
    public void askRecord(long address) {
        world.snapshot();
        context.attempt(() -> world.askRecord(address));
    }

    @Then("asking for the record at {pgmAddress} is refused with {word}")
    public void askingIsRefused(long address, String status) {
        context.attempt(() -> world.askRecord(address));
        context.expectRejected(status);
    }

    @Then("asking for the record at {pgmAddress} is answered")
    public void askingIsAnswered(long address) {
        context.attempt(() -> world.askRecord(address));
        context.expectAccepted("the " + world.layout + " record at " + Numbers.hex(address));
    }

    @Then("the record at {pgmAddress} asked for by the final layout's name is the one asked for without a layout")
    public void recordByFinalName(long address) {
        context.expectEqual(
                "the words of the record at " + Numbers.hex(address) + " asked for in the FINAL layout",
                Arrays.toString(world.memory.packedRecord(address)),
                Arrays.toString(world.memory.packedRecord(address, PageRecordLayout.FINAL)));
    }

    @Then("the record at {pgmAddress} has {int} words")
    public void recordWords(long address, int words) {
        context.expectEqual(
                "the number of 64-bit words in the " + world.layout + " record",
                words,
                world.askRecord(address).length);
    }

    @Then("bits {int}:{int} of word {int} of the record at {pgmAddress} hold {pgmAddress}")
    public void recordBits(int high, int low, int word, long address, long expected) {
        context.expectEqual(
                "bits " + high + ":" + low + " of word " + word + " of the " + world.layout + " record at "
                        + Numbers.hex(address),
                Numbers.hex(expected),
                Numbers.hex(field(world.record(address)[word], high, low)));
    }

    @Then("word {int} of the record at {pgmAddress} holds the page's host frame in bits {int}:{int}")
    public void recordHostFrame(int word, long address, int high, int low) {
        long value = field(world.record(address)[word], high, low);
        context.expectEqual(
                "the host address in bits " + high + ":" + low + " of word " + word + " of the " + world.layout
                        + " record at " + Numbers.hex(address),
                Numbers.hex(world.memory.page(address).hostPhys()),
                Numbers.hex(value << low));
    }

    @Then("bits {int}:{int} of word {int} of the record at {pgmAddress} hold the page's id")
    public void recordPageIdField(int high, int low, int word, long address) {
        context.expectEqual(
                "the page id in bits " + high + ":" + low + " of word " + word + " of the " + world.layout
                        + " record at " + Numbers.hex(address),
                Numbers.hex(world.memory.page(address).pageId()),
                Numbers.hex(field(world.record(address)[word], high, low)));
    }

    @Then(
            "word 0 of the record at {pgmAddress} holds the page id's low 12 bits in bits 11:0 and the rest in bits 63:48")
    public void recordPageId(long address) {
        long word0 = world.record(address)[0];
        long id = world.memory.page(address).pageId();
        context.expectEqual(
                "the page id split over word 0 of the record at " + Numbers.hex(address),
                Numbers.hex(id),
                Numbers.hex((word0 >>> 48) << 12 | word0 & 0xFFF));
    }

    private static long field(long word, int high, int low) {
        int width = high - low + 1;
        long mask = width == 64 ? -1L : (1L << width) - 1;
        return word >>> low & mask;
    }

    // --- the shadow page-table tracking: the high half of word 1 in the final layout, bits 63:40 of word 0 in
    // the initial one (PGM-REC-9 to 12 and their initial-layout counterpart) ---

    /**
     * A record's tracking as the kit reads it: the 16-bit value (a count in its top two bits, an index below)
     * and the bits of the tracking field above or below it, which stay zero.
     */
    private record Tracking(int value, long spare, String whole, String count, String index, String spareBits) {

        int refs() {
            return value >>> 14 & 3;
        }

        int idx() {
            return value & TRACKING_INDEX;
        }
    }

    private Tracking tracking(long address) {
        long[] record = world.record(address);
        if (world.layout == PageRecordLayout.INITIAL) {
            return new Tracking(
                    (int) (record[0] >>> 48),
                    record[0] >>> 40 & 0xFF,
                    "bits 63:40 of word 0",
                    "bits 63:62 of word 0",
                    "bits 61:48 of word 0",
                    "bits 47:40 of word 0");
        }
        return new Tracking(
                (int) (record[1] >>> 32 & 0xFFFF),
                record[1] >>> 48,
                "bits 63:32 of word 1",
                "bits 47:46 of word 1",
                "bits 45:32 of word 1",
                "bits 63:48 of word 1");
    }

    @Then("the page at {pgmAddress} is tracked by no shadow page table")
    public void trackedByNone(long address) {
        Tracking t = tracking(address);
        context.expectEqual(
                "the tracking (" + t.whole() + ") of the " + world.layout + " record at " + Numbers.hex(address),
                Numbers.hex(0),
                Numbers.hex(t.spare() << 16 | t.value()));
    }

    @Then("the page at {pgmAddress} is tracked to one shadow page table")
    public void trackedToOne(long address) {
        Tracking t = tracking(address);
        context.expectEqual(
                "the reference count (" + t.count() + ") of the " + world.layout + " record at " + Numbers.hex(address),
                1,
                t.refs());
        context.expectEqual(
                "the tracking bits outside the 16-bit tracking value (" + t.spareBits() + ") of the " + world.layout
                        + " record at " + Numbers.hex(address),
                0L,
                t.spare());
    }

    @Then("the pages at {pgmAddress} and {pgmAddress} are tracked to the same shadow page table")
    public void trackedToTheSameTable(long first, long second) {
        trackedToTables(first, second, true);
    }

    @Then("the pages at {pgmAddress} and {pgmAddress} are tracked to different shadow page tables")
    public void trackedToDifferentTables(long first, long second) {
        trackedToTables(first, second, false);
    }

    private void trackedToTables(long first, long second, boolean same) {
        trackedToOne(first);
        trackedToOne(second);
        Tracking a = tracking(first);
        Tracking b = tracking(second);
        context.expectThat(
                "the pool indices (" + a.index() + ") of the " + world.layout + " records at "
                        + Numbers.hex(first) + " and " + Numbers.hex(second) + " are " + (same ? "equal" : "different")
                        + ": "
                        + Numbers.hex(a.idx()) + " and " + Numbers.hex(b.idx()),
                (a.idx() == b.idx()) == same);
    }

    @Then("the page at {pgmAddress} is tracked through a list of physical extents")
    public void trackedThroughExtents(long address) {
        Tracking t = tracking(address);
        context.expectEqual(
                "the reference count (" + t.count() + ") of the " + world.layout + " record at " + Numbers.hex(address),
                TRACKING_PHYSEXT,
                t.refs());
        context.expectThat(
                "the index (" + t.index() + ") of the " + world.layout + " record at " + Numbers.hex(address)
                        + " names a list, not the overflow value 0x3FFF: " + Numbers.hex(t.idx()),
                t.idx() != TRACKING_INDEX);
        context.expectEqual(
                "the tracking bits outside the 16-bit tracking value (" + t.spareBits() + ") of the " + world.layout
                        + " record at " + Numbers.hex(address),
                0L,
                t.spare());
    }
}
