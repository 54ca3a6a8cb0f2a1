package org.gmck.kit.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import org.gmck.spi.ConformanceAdapter;

/**
 * The protocol without a process: every request is written as its line, answered by a {@link ProtocolServer} in
 * this JVM, and read back from its line. For measuring what the encoding costs and recording real traffic.
 */
public final class Loopback implements ProtocolClient.Connection {

    private final ProtocolServer server;
    private final Consumer<String> traffic;
    private long next = 1;

    /** A connection to {@code adapter}; {@code traffic} sees every line, request and response. */
    public Loopback(ConformanceAdapter adapter, Consumer<String> traffic) {
        this.server = new ProtocolServer(adapter);
        this.traffic = traffic;
    }

    /** {@code adapter}, served and called over the protocol in this JVM. */
    public static ConformanceAdapter of(ConformanceAdapter adapter, Consumer<String> traffic) {
        ProtocolClient client = new ProtocolClient(new Loopback(adapter, traffic), "loopback");
        return client.adapter(client.describe());
    }

    @Override
    public synchronized JsonNode call(String method, ObjectNode params) {
        long id = next++;
        String request = Messages.request(id, method, params);
        traffic.accept(request);
        String response = server.answer(request);
        traffic.accept(response);
        try {
            return Messages.result(response, id);
        } catch (Messages.Garbage e) {
            throw new IllegalStateException("the kit's own server answered " + e.getMessage());
        }
    }
}
