package org.gmck.kit.model.shadow;

import java.util.List;
import java.util.stream.Collectors;
import org.gmck.kit.Numbers;
import org.gmck.kit.model.shadow.ShadowOp.Rights;
import org.gmck.spi.pgm.handler.HandlerCall;
import org.gmck.spi.pgm.handler.PhysHandlerKind;
import org.gmck.spi.pgm.phys.HandlerState;
import org.gmck.spi.x86.AccessKind;

/** The kit's step texts for what the shadow model does and checks (ShadowPagingSteps, HandlerSteps, GuestMemorySteps). */
final class ShadowGherkin {

    private ShadowGherkin() {}

    static String hex(long value) {
        return Numbers.hex(value);
    }

    static String map(long linear, long gcPhys, Rights rights) {
        return "the guest maps " + hex(linear) + " to " + hex(gcPhys) + " " + rights.text();
    }

    static String mapLarge(long linear, long gcPhys, Rights rights, long bytes) {
        return map(linear, gcPhys, rights) + " as a " + (bytes >> 20) + " MB page";
    }

    static String unmapPage(long linear) {
        return "the guest clears the present bit of its page-table entry for " + hex(linear);
    }

    static String unmapAt(int level, long linear) {
        return "the guest clears the present bit of its level-" + level + " entry for " + hex(linear);
    }

    static String access(AccessKind kind, long linear, boolean user, int width, long value) {
        String who = user ? "user" : "supervisor";
        return switch (kind) {
            case READ -> "the guest reads " + width + " bytes at linear " + hex(linear) + " as " + who;
            case WRITE ->
                "the guest writes " + hex(value) + " to the " + width + " bytes at linear " + hex(linear) + " as "
                        + who;
            default -> "the guest fetches from " + hex(linear) + " as " + who;
        };
    }

    static String registerPhysical(PhysHandlerKind kind, String name, long first, long last) {
        return "I register a physical " + kind + " handler \"" + name + "\" over " + hex(first) + "-" + hex(last);
    }

    static String rejected(Enum<?> status) {
        return "the call is rejected with " + status.name();
    }

    static String notMapped(long linear) {
        return "the shadow does not map " + hex(linear);
    }

    static String hostPageOrNothing(long linear, long gcPhys) {
        return "the shadow maps " + hex(linear) + " to the host page behind " + hex(gcPhys) + " or not at all";
    }

    static String hostPage(long linear, long gcPhys) {
        return "the shadow maps " + hex(linear) + " to the host page behind " + hex(gcPhys);
    }

    static String notWritable(long linear) {
        return "the shadow does not map " + hex(linear) + " writable";
    }

    static String writable(long linear) {
        return "the shadow maps " + hex(linear) + " writable";
    }

    static String notUser(long linear) {
        return "the shadow does not map " + hex(linear) + " for user mode";
    }

    static String notExecutable(long linear) {
        return "the shadow does not map " + hex(linear) + " executable";
    }

    static String flagSet(int level, long linear, boolean dirty) {
        return "the guest's level-" + level + " entry for " + hex(linear) + " has the " + (dirty ? "dirty" : "accessed")
                + " flag set";
    }

    static String entryReads(int level, long linear, long value) {
        return "the guest's level-" + level + " entry for " + hex(linear) + " reads " + hex(value);
    }

    static String physState(long page, HandlerState state) {
        return "page " + hex(page) + " has physical handler state " + state;
    }

    static String virtState(long page, HandlerState state) {
        return "page " + hex(page) + " has virtual handler state " + state;
    }

    static String calls(String name, List<HandlerCall> calls) {
        if (calls.isEmpty()) {
            return "handler \"" + name + "\" received no calls";
        }
        return "handler \"" + name + "\" received "
                + calls.stream()
                        .map(c -> c.event().name().toLowerCase(java.util.Locale.ROOT) + " at " + hex(c.address()))
                        .collect(Collectors.joining(", "));
    }
}
