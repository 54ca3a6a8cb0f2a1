package org.gmck.kit.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gmck.kit.Adapters;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.common.Profile;
import org.gmck.spi.common.ProfileNotImplementedException;
import org.gmck.spi.common.RejectedException;

/**
 * Serves a {@link ConformanceAdapter} of this JVM over the adapter protocol ({@code docs/adapter-protocol.md}):
 * reads one request a line, calls the adapter, and writes one response a line. Objects the adapter hands out
 * are kept under handle numbers until {@code adapter.reset}. Run as a program ({@link #main}) it serves the
 * adapter its class path lists under the given name on its standard input and output, which is how the kit
 * isolates a JVM adapter in a process of its own.
 */
public final class ProtocolServer {

    private static final Pattern PROFILE = Pattern.compile("profile '([a-z0-9-]+)'");

    private final ConformanceAdapter adapter;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<Integer, Object> objects = new HashMap<>();
    private final Map<Object, Integer> numbers = new IdentityHashMap<>();
    private int next = 1;

    public ProtocolServer(ConformanceAdapter adapter) {
        this.adapter = adapter;
    }

    /**
     * Serves {@code args[0]}, an adapter listed on the class path, on standard input and output until its input
     * ends. Whatever the adapter prints to {@code System.out} goes to standard error, which the kit keeps.
     */
    public static void main(String[] args) throws IOException {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        if (args.length != 1) {
            System.err.println("usage: ProtocolServer ADAPTER-NAME");
            System.exit(2);
        }
        Adapters.Listing listing = Adapters.list(ProtocolServer.class.getClassLoader(), Duration.ofSeconds(30));
        List<ConformanceAdapter> named = listing.adapters().stream()
                .filter(l -> l.name().equals(args[0]))
                .map(Adapters.Listed::adapter)
                .toList();
        if (named.size() != 1) {
            System.err.println("no single adapter named '" + args[0] + "' on the class path; found: " + listing.names()
                    + listing.brokenSuffix());
            System.exit(2);
        }
        BufferedReader in = new BufferedReader(
                new InputStreamReader(new FileInputStream(FileDescriptor.in), StandardCharsets.UTF_8));
        try {
            new ProtocolServer(named.get(0))
                    .serve(in, new BufferedWriter(new OutputStreamWriter(protocol, StandardCharsets.UTF_8)));
        } catch (BrokenJvm broken) {
            System.err.println("the adapter threw " + broken.getCause()
                    + "; this JVM can no longer be trusted, so it ends and the next check starts a new one");
            System.err.flush();
            Runtime.getRuntime().halt(BrokenJvm.EXIT_STATUS);
        }
    }

    /**
     * The adapter threw an error that leaves its JVM in doubt ({@link OutOfMemoryError}, {@link InternalError}
     * and the other {@link VirtualMachineError}s but {@link StackOverflowError}, whose stack has unwound): the
     * request gets no answer, and the serving process ends with {@link #EXIT_STATUS}.
     */
    public static final class BrokenJvm extends Error {
        private static final long serialVersionUID = 1L;

        /** The exit status of a server whose adapter left its JVM in doubt (EX_SOFTWARE). */
        public static final int EXIT_STATUS = 70;

        BrokenJvm(VirtualMachineError cause) {
            super(cause);
        }
    }

    /** Answers every line of {@code in} on {@code out} until {@code in} ends. */
    public void serve(BufferedReader in, Writer out) throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            out.write(answer(line));
            out.write('\n');
            out.flush();
        }
    }

    /** The response line to one request line. */
    public String answer(String line) {
        JsonNode id = null;
        try {
            JsonNode request;
            try {
                request = json.readTree(line);
            } catch (IOException e) {
                return error(null, RpcError.PARSE_ERROR, "the line is not JSON", null);
            }
            if (request == null || !request.isObject()) {
                return error(null, RpcError.INVALID_REQUEST, "a request is a JSON object", null);
            }
            id = request.get("id");
            JsonNode method = request.get("method");
            JsonNode params = request.get("params");
            if (!"2.0".equals(text(request.get("jsonrpc")))
                    || id == null
                    || !id.isIntegralNumber()
                    || method == null
                    || !method.isTextual()
                    || params == null
                    || !params.isObject()) {
                return error(
                        id, RpcError.INVALID_REQUEST, "expected jsonrpc 2.0, an integer id, a method and params", null);
            }
            return result(id, call(method.textValue(), (ObjectNode) params));
        } catch (Refusal r) {
            return error(id, r.error, r.getMessage(), r.data);
        } catch (RuntimeException e) {
            return error(id, RpcError.INTERNAL_ERROR, "the server failed: " + e, null);
        }
    }

    private JsonNode call(String method, ObjectNode params) {
        if (method.equals(SpiModel.DESCRIBE)) {
            ObjectNode d = Codec.JSON.objectNode();
            d.put("name", adapter.name());
            d.put("version", adapter.version());
            adapter.profiles().stream().map(Profile::id).sorted().forEach(d.putArray("profiles")::add);
            ObjectNode parameters = d.putObject("parameters");
            adapter.parameters().forEach(parameters::put);
            return d;
        }
        if (method.equals(SpiModel.RESET)) {
            objects.clear();
            numbers.clear();
            return Codec.JSON.nullNode();
        }
        SpiModel.Call call = SpiModel.spi().calls().get(method);
        if (call == null) {
            throw new Refusal(RpcError.METHOD_NOT_FOUND, "no method " + method, null);
        }
        Object target = adapter;
        java.util.Set<String> expected = new java.util.HashSet<>();
        if (!call.entryPoint()) {
            expected.add(Codec.THIS);
            JsonNode self = params.get(Codec.THIS);
            target = self != null && self.canConvertToInt() ? objects.get(self.intValue()) : null;
            if (target == null || !call.service().isInstance(target)) {
                throw new Refusal(
                        RpcError.INVALID_PARAMS,
                        "\"this\" is not the handle of a live " + call.service().getSimpleName() + ": " + self,
                        null);
            }
        }
        Object[] args = new Object[call.params().size()];
        Codec.Handles handles = handles();
        try {
            for (int i = 0; i < args.length; i++) {
                SpiModel.Param p = call.params().get(i);
                expected.add(p.name());
                args[i] = Codec.decode(params.get(p.name()), p.type(), handles, method + " " + p.name());
            }
        } catch (Codec.BadValue e) {
            throw new Refusal(RpcError.INVALID_PARAMS, e.getMessage(), null);
        }
        for (Iterator<String> names = params.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!expected.contains(name)) {
                throw new Refusal(RpcError.INVALID_PARAMS, method + " has no parameter " + name, null);
            }
        }
        Object returned;
        try {
            returned = call.method().invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof VirtualMachineError broken && !(broken instanceof StackOverflowError)) {
                throw new BrokenJvm(broken);
            }
            throw refusal(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        return Codec.encode(returned, call.result(), handles);
    }

    private Codec.Handles handles() {
        return new Codec.Handles() {
            @Override
            public int handleOf(Object service) {
                return numbers.computeIfAbsent(service, s -> {
                    int n = next++;
                    objects.put(n, s);
                    return n;
                });
            }

            @Override
            public Object service(int handle, Class<?> type) {
                throw new IllegalStateException("no SPI method takes a handle");
            }
        };
    }

    /** What an exception of the adapter becomes on the protocol. */
    private static Refusal refusal(Throwable thrown) {
        if (thrown instanceof RejectedException r) {
            ObjectNode data = Codec.JSON.objectNode();
            data.put("domain", r.status().getClass().getSimpleName());
            data.put("status", r.status().name());
            String prefix = r.status().name() + ": ";
            String message = String.valueOf(r.getMessage());
            return new Refusal(
                    RpcError.REFUSED, message.startsWith(prefix) ? message.substring(prefix.length()) : message, data);
        }
        if (thrown instanceof ProfileNotImplementedException p) {
            Matcher m = PROFILE.matcher(String.valueOf(p.getMessage()));
            ObjectNode data = null;
            if (m.find()) {
                data = Codec.JSON.objectNode();
                data.put("profile", m.group(1));
            }
            return new Refusal(RpcError.PROFILE_NOT_IMPLEMENTED, p.getMessage(), data);
        }
        if (thrown instanceof UnsupportedOperationException u) {
            return new Refusal(RpcError.UNSUPPORTED, String.valueOf(u.getMessage()), null);
        }
        ObjectNode data = Codec.JSON.objectNode();
        data.put("exception", thrown.getClass().getName());
        return new Refusal(RpcError.INTERNAL_ERROR, thrown.toString(), data);
    }

    private String result(JsonNode id, JsonNode result) {
        ObjectNode response = Codec.JSON.objectNode();
        response.put("jsonrpc", "2.0");
        response.set("id", id);
        response.set("result", result);
        return response.toString();
    }

    private String error(JsonNode id, RpcError error, String message, JsonNode data) {
        ObjectNode response = Codec.JSON.objectNode();
        response.put("jsonrpc", "2.0");
        response.set("id", id == null ? Codec.JSON.nullNode() : id);
        ObjectNode e = response.putObject("error");
        e.put("code", error.code());
        e.put("message", message == null ? error.meaning() : message);
        if (data != null) {
            e.set("data", data);
        }
        return response.toString();
    }

    private static String text(JsonNode node) {
        return node == null ? null : node.asText();
    }

    /** A request answered with an error. */
    private static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final RpcError error;
        final transient JsonNode data;

        Refusal(RpcError error, String message, JsonNode data) {
            super(message);
            this.error = error;
            this.data = data;
        }
    }
}
