package org.gmck.kit.steps.gmm;

import io.cucumber.java.ParameterType;
import java.util.ArrayList;
import java.util.List;
import org.gmck.kit.Numbers;
import org.gmck.spi.gmm.Account;
import org.gmck.spi.gmm.GmmEdition;
import org.gmck.spi.gmm.GmmPageLayout;

/** How GMM scenarios spell editions, VMs, accounts, layouts and lists of numbers. */
public final class GmmParameterTypes {

    @ParameterType("1 MB|2 MB")
    public GmmEdition gmmEdition(String text) {
        return "1 MB".equals(text) ? GmmEdition.SEED_1MB : GmmEdition.CURRENT_2MB;
    }

    /** A VM by name ({@code VM A}), or by a handle no VM is given ({@code the VM with handle 0}). */
    @ParameterType("VM [A-Z]|the VM with handle -?\\d+")
    public String gmmVm(String text) {
        return text.startsWith("VM ")
                ? text.substring(3)
                : GmmWorld.BY_HANDLE + text.substring("the VM with handle ".length());
    }

    @ParameterType("BASE|SHADOW|FIXED")
    public Account gmmAccount(String text) {
        return Account.valueOf(text);
    }

    @ParameterType("64-bit|32-bit")
    public GmmPageLayout gmmLayout(String text) {
        return "64-bit".equals(text) ? GmmPageLayout.BITS64 : GmmPageLayout.BITS32;
    }

    /** Guest page frame numbers, where {@code none} stands for a page without a guest address (-1). */
    @ParameterType("(?:0x[0-9A-Fa-f_]+|\\d+|none)(?:(?:, | and )(?:0x[0-9A-Fa-f_]+|\\d+|none))*")
    public List<Long> gmmPfns(String text) {
        List<Long> values = new ArrayList<>();
        for (String part : text.split(", | and ")) {
            values.add("none".equals(part) ? -1L : Numbers.parse(part));
        }
        return values;
    }

    /**
     * Pages named in one request, each as {@code its page N}, {@code VM X's page N}, {@code page ID} or
     * {@code the shared page}; the steps resolve them against the scenario's pages.
     */
    @ParameterType("(?:its page \\d+|VM [A-Z]'s page \\d+|page (?:0x[0-9A-Fa-f_]+|\\d+)|the shared page)"
            + "(?:(?:, | and )(?:its page \\d+|VM [A-Z]'s page \\d+|page (?:0x[0-9A-Fa-f_]+|\\d+)|the shared page))*")
    public List<String> gmmPageList(String text) {
        return List.of(text.split(", | and "));
    }

    @ParameterType("(?:0x[0-9A-Fa-f_]+|\\d+)(?:(?:, | and )(?:0x[0-9A-Fa-f_]+|\\d+))*")
    public List<Long> gmmNumbers(String text) {
        List<Long> values = new ArrayList<>();
        for (String part : text.split(", | and ")) {
            values.add(Numbers.parse(part));
        }
        return values;
    }

    /**
     * Pages named in one request of a model-based sequence: {@code its page N} (the acting VM's N-th page),
     * {@code VM X's page N}, {@code shared page K} (the K-th page shared in the scenario) or {@code page ID}.
     */
    @ParameterType("(?:its page \\d+|VM [A-Z]'s page \\d+|shared page \\d+|page (?:0x[0-9A-Fa-f_]+|\\d+))"
            + "(?:(?:, | and )(?:its page \\d+|VM [A-Z]'s page \\d+|shared page \\d+|page (?:0x[0-9A-Fa-f_]+|\\d+)))*")
    public List<String> gmmPages(String text) {
        return List.of(text.split(", | and "));
    }

    /**
     * Numbers written as single values and runs, {@code 0x200 to 0x203, 0x210 and 0x20F to 0x20D}: a run counts
     * up or down by one from its first number to its last.
     */
    @ParameterType("(?:0x[0-9A-Fa-f_]+|\\d+)(?: to (?:0x[0-9A-Fa-f_]+|\\d+))?"
            + "(?:(?:, | and )(?:0x[0-9A-Fa-f_]+|\\d+)(?: to (?:0x[0-9A-Fa-f_]+|\\d+))?)*")
    public List<Long> gmmRuns(String text) {
        List<Long> values = new ArrayList<>();
        for (String part : text.split(", | and ")) {
            String[] ends = part.split(" to ");
            long first = Numbers.parse(ends[0]);
            long last = ends.length == 1 ? first : Numbers.parse(ends[1]);
            long step = last >= first ? 1 : -1;
            for (long v = first; v != last + step; v += step) {
                values.add(v);
            }
        }
        return values;
    }

    /** Status names, {@code VERR_A, VERR_B or VERR_C}. */
    @ParameterType("[A-Z_0-9]+(?:(?:, | or )[A-Z_0-9]+)*")
    public List<String> gmmStatuses(String text) {
        return List.of(text.split(", | or "));
    }
}
