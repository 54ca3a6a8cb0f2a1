package org.gmck.kit.model.largepage;

import java.util.ArrayList;
import java.util.List;
import org.gmck.spi.largepage.CounterEncoding;
import org.gmck.spi.largepage.MmuOptions;

/**
 * One way an MMU can be created, each a series of the model's sequences: every {@link MmuOptions} the SPI
 * lets the kit choose (shadow or nested paging, counting from zero or from minus one, the large-page option
 * off or on).
 *
 * @param options the options the MMU is created with
 */
record LpVariant(MmuOptions options) {

    /** Every variant, in a fixed order. */
    static List<LpVariant> all() {
        List<LpVariant> all = new ArrayList<>();
        for (boolean nested : new boolean[] {false, true}) {
            for (CounterEncoding encoding : CounterEncoding.values()) {
                for (boolean large : new boolean[] {false, true}) {
                    all.add(new LpVariant(new MmuOptions(encoding, nested, large)));
                }
            }
        }
        return all;
    }

    static LpVariant named(String name) {
        return all().stream()
                .filter(v -> v.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no large-page variant " + name));
    }

    /** For example {@code shadow-paging, count-from-zero, large-page backing off}. */
    String name() {
        return paging() + ", " + (minusOne() ? "count-from-minus-one" : "count-from-zero") + ", large-page backing "
                + (options.backWithLargePages() ? "on" : "off");
    }

    /** The Given step that creates such an MMU. */
    String setup() {
        return "a " + paging() + " MMU with counters from " + encodingText()
                + " and the option to back guest memory with large pages "
                + (options.backWithLargePages() ? "on" : "off");
    }

    String encodingText() {
        return minusOne() ? "minus one" : "zero";
    }

    boolean nested() {
        return options.nestedPaging();
    }

    boolean minusOne() {
        return options.encoding() == CounterEncoding.COUNT_FROM_MINUS_ONE;
    }

    private String paging() {
        return nested() ? "nested-paging" : "shadow-paging";
    }
}
