package org.gmck.kit.steps.largepage;

import io.cucumber.java.ParameterType;
import org.gmck.spi.largepage.CounterEncoding;
import org.gmck.spi.largepage.HostBacking;

/** How large-page scenarios spell addresses, host backings and counter encodings. */
public final class LargePageParameterTypes {

    @ParameterType("0x[0-9a-fA-F_]+|-?\\d+(?: [KMG]B)?(?: [+-] \\d+ [KMG]B)*")
    public long lpAddress(String text) {
        return Sizes.parse(text);
    }

    @ParameterType("4 KB pages|2 MB pages")
    public HostBacking lpBacking(String text) {
        return text.startsWith("2 MB") ? HostBacking.LARGE_PAGES : HostBacking.SMALL_PAGES;
    }

    @ParameterType("shadow-paging|nested-paging")
    public boolean lpPaging(String text) {
        return "nested-paging".equals(text);
    }

    @ParameterType("writable|read-only")
    public boolean lpWritable(String text) {
        return "writable".equals(text);
    }

    @ParameterType("zero|minus one")
    public CounterEncoding lpEncoding(String text) {
        return "zero".equals(text) ? CounterEncoding.COUNT_FROM_ZERO : CounterEncoding.COUNT_FROM_MINUS_ONE;
    }
}
