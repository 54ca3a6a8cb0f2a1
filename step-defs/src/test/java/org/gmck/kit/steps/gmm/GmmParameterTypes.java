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

    @ParameterType("VM [A-Z]")
    public String gmmVm(String text) {
        return text.substring(3);
    }

    @ParameterType("BASE|SHADOW|FIXED")
    public Account gmmAccount(String text) {
        return Account.valueOf(text);
    }

    @ParameterType("64-bit|32-bit")
    public GmmPageLayout gmmLayout(String text) {
        return "64-bit".equals(text) ? GmmPageLayout.BITS64 : GmmPageLayout.BITS32;
    }

    @ParameterType("(?:0x[0-9A-Fa-f_]+|\\d+)(?:(?:, | and )(?:0x[0-9A-Fa-f_]+|\\d+))*")
    public List<Long> gmmNumbers(String text) {
        List<Long> values = new ArrayList<>();
        for (String part : text.split(", | and ")) {
            values.add(Numbers.parse(part));
        }
        return values;
    }
}
