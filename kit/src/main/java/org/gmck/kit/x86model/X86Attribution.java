package org.gmck.kit.x86model;

import java.util.ArrayList;
import java.util.List;
import org.gmck.spi.x86.AccessKind;
import org.gmck.spi.x86.PageFault;
import org.gmck.spi.x86.Translated;
import org.gmck.spi.x86.X86PagingMode;

/**
 * Which rules an x86 case that went wrong counts against. A right outcome with wrong memory afterwards
 * breaks the rules of that memory (accessed and dirty flags, the PAE PDPTEs, guest RAM). A wrong outcome
 * breaks the rules that decide what the access must do ({@link ReplayCase#decidedBy()}), narrowed by what the
 * adapter did instead: a key fault where the access is allowed breaks a key rule, a reserved-bit fault there
 * the rule that ignored and meaningful bits never fault, and a fault with the right cause but a wrong error
 * code the error-code rules. A case without {@code decidedBy} (a fixture file older than version 1.2) counts
 * against the rules it carries.
 */
public final class X86Attribution {

    private X86Attribution() {}

    /** The rules the case's difference breaks. */
    public static List<String> broken(CaseRunner.Difference d, ReplayCase c) {
        if (!d.outcomeDiffers() && !d.hung()) {
            return d.memoryRules();
        }
        if (d.actual().isPresent() && d.actual().get() instanceof PageFault got) {
            if (c.expected() instanceof Translated allowed) {
                if ((got.errorCode() & PageFault.PK) != 0) {
                    return List.of(keyRule(c, allowed));
                }
                if ((got.errorCode() & PageFault.RSVD) != 0) {
                    return List.of("X86-RSVD-7");
                }
            } else if (c.expected() instanceof PageFault wanted && got.cr2() == wanted.cr2()) {
                List<String> rules = errorCodeRules(got.errorCode(), wanted.errorCode());
                if (!rules.isEmpty()) {
                    return rules;
                }
            }
        }
        return c.decidedBy().isEmpty() ? c.rules() : c.decidedBy();
    }

    /** The key rule a key fault breaks where no key may forbid the access. */
    private static String keyRule(ReplayCase c, Translated allowed) {
        X86PagingMode mode = c.registers().pagingMode();
        boolean ia32e = mode == X86PagingMode.LEVEL4 || mode == X86PagingMode.LEVEL5;
        if (!ia32e || c.access().kind() == AccessKind.FETCH) {
            return "X86-PK-4";
        }
        if (!allowed.rights().user()) {
            return "X86-PK-3";
        }
        return c.access().kind() == AccessKind.WRITE ? "X86-PK-2" : "X86-PK-1";
    }

    /** The error-code rules a fault of the right cause with a wrong error code breaks; empty when the cause differs. */
    private static List<String> errorCodeRules(int got, int wanted) {
        int differs = got ^ wanted;
        List<String> rules = new ArrayList<>();
        if ((differs & (PageFault.RSVD | PageFault.PK)) != 0) {
            return rules;
        }
        if ((differs & (PageFault.P | PageFault.W | PageFault.U)) != 0) {
            rules.add((wanted & PageFault.RSVD) != 0 ? "X86-RSVD-8" : "X86-ERR-1");
        }
        if ((differs & PageFault.ID) != 0) {
            rules.add("X86-ERR-2");
        }
        return rules;
    }
}
