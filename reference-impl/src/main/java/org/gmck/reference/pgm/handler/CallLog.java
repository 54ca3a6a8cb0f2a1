package org.gmck.reference.pgm.handler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.pgm.handler.HandlerCall;
import org.gmck.spi.pgm.handler.HandlerEvent;
import org.gmck.spi.pgm.handler.HandlerStatus;

/** The handler ids handed out and the calls each handler received, in order. */
final class CallLog {

    private final Map<Integer, List<HandlerCall>> calls = new HashMap<>();
    private int nextId = 1;

    int newHandler() {
        int id = nextId++;
        calls.put(id, new ArrayList<>());
        return id;
    }

    void record(int handler, HandlerEvent event, long address) {
        calls.get(handler).add(new HandlerCall(event, address));
    }

    /** @throws RejectedException {@link HandlerStatus#VERR_PGM_HANDLER_NOT_FOUND} for an id never handed out */
    List<HandlerCall> calls(int handler) {
        List<HandlerCall> received = calls.get(handler);
        if (received == null) {
            throw new RejectedException(
                    HandlerStatus.VERR_PGM_HANDLER_NOT_FOUND, "no handler was ever registered with id " + handler);
        }
        return List.copyOf(received);
    }
}
