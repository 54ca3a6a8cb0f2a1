package org.gmck.kit.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.common.Profile;
import org.gmck.spi.common.ProfileNotImplementedException;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.common.Status;

/**
 * The SPI over the adapter protocol: a {@link ConformanceAdapter} whose every method, and every method of
 * the objects it hands out, is a request on a {@link Connection}. Values are encoded and decoded by
 * {@link Codec}, handles become proxies of their interface, and error responses become the SPI's exceptions
 * again (a refusal a {@link RejectedException} with its status), so that every check of the kit runs unchanged.
 * A method the implementation does not know that has a default in the SPI runs that default.
 */
public final class ProtocolClient {

    /** How requests reach the implementation. */
    public interface Connection {
        /**
         * Sends one request and returns the result of its response.
         *
         * @throws ErrorResponse when the response is an error
         */
        JsonNode call(String method, ObjectNode params);
    }

    /** An error response. */
    public static final class ErrorResponse extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int code;
        private final transient JsonNode data;

        public ErrorResponse(int code, String message, JsonNode data) {
            super(message);
            this.code = code;
            this.data = data;
        }

        public int code() {
            return code;
        }

        public JsonNode data() {
            return data;
        }
    }

    /**
     * The implementation answered what the protocol does not allow: a value of the wrong shape, an unknown status,
     * an error code the method cannot have. The check that made the call fails with this message.
     */
    public static final class ProtocolViolation extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ProtocolViolation(String message) {
            super(message);
        }
    }

    /** What {@code adapter.describe} answers. */
    public record Description(String name, String version, Set<Profile> profiles, Map<String, String> parameters) {}

    private final Connection connection;
    private final String origin;
    private final Map<String, Object> proxies = new ConcurrentHashMap<>();

    /** A client on {@code connection}; {@code origin} says where the implementation runs, in messages. */
    public ProtocolClient(Connection connection, String origin) {
        this.connection = connection;
        this.origin = origin;
    }

    /** Asks the implementation to describe itself (the handshake). */
    public Description describe() {
        JsonNode d = request(SpiModel.DESCRIBE, Codec.JSON.objectNode());
        try {
            String name = (String) Codec.decode(d.get("name"), String.class, null, SpiModel.DESCRIBE + " name");
            String version =
                    (String) Codec.decode(d.get("version"), String.class, null, SpiModel.DESCRIBE + " version");
            Set<Profile> profiles = EnumSet.noneOf(Profile.class);
            JsonNode ids = d.get("profiles");
            if (ids == null || !ids.isArray()) {
                throw new ProtocolViolation(SpiModel.DESCRIBE + ": profiles must be an array of profile ids");
            }
            for (JsonNode id : ids) {
                profiles.add(Profile.byId(id.asText())
                        .orElseThrow(() -> new ProtocolViolation(SpiModel.DESCRIBE + ": unknown profile " + id)));
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            JsonNode p = d.get("parameters");
            if (p == null || !p.isObject()) {
                throw new ProtocolViolation(SpiModel.DESCRIBE + ": parameters must be an object of strings");
            }
            for (Map.Entry<String, JsonNode> e : p.properties()) {
                parameters.put(e.getKey(), e.getValue().asText());
            }
            return new Description(name, version, Set.copyOf(profiles), Map.copyOf(parameters));
        } catch (Codec.BadValue e) {
            throw new ProtocolViolation(e.getMessage());
        }
    }

    /** The adapter as its description says, with every entry point a request. */
    public ConformanceAdapter adapter(Description description) {
        InvocationHandler handler = (proxy, method, args) -> {
            switch (method.getName()) {
                case "name":
                    return description.name();
                case "version":
                    return description.version();
                case "profiles":
                    return description.profiles();
                case "parameters":
                    return description.parameters();
                default:
                    return invoke(proxy, null, ConformanceAdapter.class, method, args);
            }
        };
        return (ConformanceAdapter) Proxy.newProxyInstance(
                ConformanceAdapter.class.getClassLoader(), new Class<?>[] {ConformanceAdapter.class}, handler);
    }

    /** Ends a scenario: the implementation drops every handle, and so does this client. */
    public void reset() {
        proxies.clear();
        request(SpiModel.RESET, Codec.JSON.objectNode());
    }

    private Object invoke(Object proxy, Integer handle, Class<?> type, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            switch (method.getName()) {
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                default:
                    return type.getSimpleName() + (handle == null ? "" : " #" + handle) + " (" + origin + ")";
            }
        }
        SpiModel.Call call = SpiModel.spi()
                .call(method)
                .orElseThrow(() -> new IllegalStateException("not a method of the protocol: " + method));
        ObjectNode params = Codec.JSON.objectNode();
        if (handle != null) {
            params.put(Codec.THIS, handle);
        }
        for (int i = 0; i < call.params().size(); i++) {
            SpiModel.Param p = call.params().get(i);
            params.set(p.name(), Codec.encode(args[i], p.type(), null));
        }
        JsonNode result;
        try {
            result = connection.call(call.name(), params);
        } catch (ErrorResponse e) {
            if (e.code() == RpcError.METHOD_NOT_FOUND.code() && call.optional()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            throw exception(call, e);
        }
        try {
            return Codec.decode(result, call.result(), handles(), call.name() + " result");
        } catch (Codec.BadValue e) {
            throw new ProtocolViolation(
                    "the implementation answered " + call.name() + " with a bad value at " + e.getMessage());
        }
    }

    private JsonNode request(String method, ObjectNode params) {
        try {
            return connection.call(method, params);
        } catch (ErrorResponse e) {
            throw new ProtocolViolation(
                    "the implementation answered " + method + " with error " + e.code() + ": " + e.getMessage());
        }
    }

    private Codec.Handles handles() {
        return new Codec.Handles() {
            @Override
            public int handleOf(Object service) {
                throw new IllegalStateException("no SPI method takes a handle");
            }

            @Override
            public Object service(int handle, Class<?> type) {
                return proxies.computeIfAbsent(handle + " " + type.getName(), h -> proxy(handle, type));
            }
        };
    }

    private Object proxy(int handle, Class<?> type) {
        return Proxy.newProxyInstance(
                type.getClassLoader(),
                new Class<?>[] {type},
                (proxy, method, args) -> invoke(proxy, handle, type, method, args));
    }

    /** The SPI's exception for an error response. */
    private RuntimeException exception(SpiModel.Call call, ErrorResponse e) {
        RpcError error = RpcError.of(e.code()).orElse(null);
        String where = "the implementation answered " + call.name() + " with error " + e.code() + " ("
                + (error == null ? "not a code of the protocol" : error.meaning()) + "): " + e.getMessage();
        if (error == RpcError.REFUSED) {
            return new RejectedException(status(call, e.data()), e.getMessage());
        }
        if (error == RpcError.PROFILE_NOT_IMPLEMENTED) {
            JsonNode profile = e.data() == null ? null : e.data().get("profile");
            return profile == null
                    ? new UnsupportedOperationException(where)
                    : Profile.byId(profile.asText())
                            .<RuntimeException>map(ProfileNotImplementedException::new)
                            .orElseGet(() -> new ProtocolViolation(where + "; unknown profile " + profile));
        }
        if (error == RpcError.UNSUPPORTED) {
            return new UnsupportedOperationException(e.getMessage());
        }
        return new ProtocolViolation(where);
    }

    private Status status(SpiModel.Call call, JsonNode data) {
        JsonNode domain = data == null ? null : data.get("domain");
        JsonNode status = data == null ? null : data.get("status");
        Class<?> type = domain == null ? null : SpiModel.spi().statuses().get(domain.asText());
        if (type != null && status != null) {
            for (Object constant : type.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(status.asText())) {
                    return (Status) constant;
                }
            }
        }
        throw new ProtocolViolation("the implementation refused " + call.name() + " with an unknown status: " + data);
    }
}
