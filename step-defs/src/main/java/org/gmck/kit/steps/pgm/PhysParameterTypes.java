package org.gmck.kit.steps.pgm;

import io.cucumber.java.ParameterType;
import java.util.Locale;
import org.gmck.kit.Numbers;
import org.gmck.spi.pgm.phys.HostBitness;
import org.gmck.spi.pgm.phys.PageRecordLayout;
import org.gmck.spi.pgm.phys.PageState;
import org.gmck.spi.pgm.phys.PageType;

/** How scenarios spell guest physical memory's addresses, sizes, page types and states. */
public final class PhysParameterTypes {

    @ParameterType("0x[0-9A-Fa-f_]+")
    public long pgmAddress(String text) {
        return Numbers.parse(text);
    }

    /** A size: {@code 4 KB}, {@code 1 MB}, {@code 32 GB}, or a plain number of bytes. */
    @ParameterType("-?\\d+ (?:bytes|KB|MB|GB)|0x[0-9A-Fa-f_]+")
    public long pgmSize(String text) {
        return parseSize(text);
    }

    @ParameterType("RESERVED|MMIO2|MMIO|shadowed ROM|ROM|RAM")
    public PageType pgmPageType(String text) {
        return PageType.valueOf(text.toUpperCase(Locale.ROOT).replace(' ', '_'));
    }

    @ParameterType("ZERO|SHARED|ALLOCATED|WRITE_MONITORED")
    public PageState pgmPageState(String text) {
        return PageState.valueOf(text);
    }

    @ParameterType("initial|final")
    public PageRecordLayout pgmLayout(String text) {
        return PageRecordLayout.valueOf(text.toUpperCase(Locale.ROOT));
    }

    @ParameterType("32-bit|64-bit")
    public HostBitness pgmHostBitness(String text) {
        return text.startsWith("32") ? HostBitness.BITS32 : HostBitness.BITS64;
    }

    static long parseSize(String text) {
        if (text.startsWith("0x")) {
            return Numbers.parse(text);
        }
        String[] parts = text.split(" ");
        long n = Long.parseLong(parts[0]);
        switch (parts[1]) {
            case "KB":
                return n << 10;
            case "MB":
                return n << 20;
            case "GB":
                return n << 30;
            default:
                return n;
        }
    }
}
