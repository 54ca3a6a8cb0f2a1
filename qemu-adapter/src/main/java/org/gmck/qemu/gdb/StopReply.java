package org.gmck.qemu.gdb;

import java.util.LinkedHashMap;
import java.util.Map;

/** Why the target stopped, as reported after {@code s}, {@code c} or {@code ?}. */
public sealed interface StopReply {

    /** {@code Sxx} or {@code Txx...}: stopped with a signal; {@code T05} after a completed single step. */
    record Signal(int signal, Map<String, String> info) implements StopReply {
        public Signal {
            info = Map.copyOf(info);
        }
    }

    /** {@code Wxx}: the process exited. */
    record Exited(int status) implements StopReply {}

    /** {@code Xxx}: the process was terminated by a signal. */
    record Terminated(int signal) implements StopReply {}

    /** SIGTRAP, what a completed single step reports. */
    int SIGTRAP = 5;
    /** SIGINT, what an interrupt with 0x03 reports. */
    int SIGINT = 2;
    /** SIGQUIT: QEMU reports a guest shutdown (for example a triple fault) with {@code -no-shutdown} this way. */
    int SIGQUIT = 3;

    /** Parses a stop-reply packet; anything else is a protocol error. */
    static StopReply parse(String payload) {
        if (payload.length() < 3) {
            throw new GdbProtocolException("not a stop reply: '" + Hex.abbreviate(payload) + "'");
        }
        char kind = payload.charAt(0);
        int code = (int) Hex.number(payload.substring(1, 3));
        switch (kind) {
            case 'S':
                return new Signal(code, Map.of());
            case 'T':
                Map<String, String> info = new LinkedHashMap<>();
                for (String pair : payload.substring(3).split(";")) {
                    if (pair.isEmpty()) {
                        continue;
                    }
                    int colon = pair.indexOf(':');
                    if (colon < 0) {
                        throw new GdbProtocolException("malformed stop reply: '" + Hex.abbreviate(payload) + "'");
                    }
                    info.put(pair.substring(0, colon), pair.substring(colon + 1));
                }
                return new Signal(code, info);
            case 'W':
                return new Exited(code);
            case 'X':
                return new Terminated(code);
            default:
                throw new GdbProtocolException("not a stop reply: '" + Hex.abbreviate(payload) + "'");
        }
    }
}
