package org.gmck.kit.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** The lines of the protocol: a request as the kit writes it, and a response as the kit reads it. */
public final class Messages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Messages() {}

    /** The line of request {@code id}. */
    public static String request(long id, String method, ObjectNode params) {
        ObjectNode request = Codec.JSON.objectNode();
        request.put("jsonrpc", "2.0");
        request.put("id", id);
        request.put("method", method);
        request.set("params", params);
        return request.toString();
    }

    /** A line that is not a response to the request the kit is waiting for. */
    public static final class Garbage extends Exception {
        private static final long serialVersionUID = 1L;

        Garbage(String message) {
            super(message);
        }
    }

    /**
     * The result of the response to request {@code id} in {@code line}.
     *
     * @throws ProtocolClient.ErrorResponse when it is an error response
     * @throws Garbage when the line is not a JSON-RPC 2.0 response to that request
     */
    public static JsonNode result(String line, long id) throws Garbage {
        JsonNode response;
        try {
            response = JSON.readTree(line);
        } catch (IOException e) {
            throw new Garbage("a line that is not JSON");
        }
        if (response == null || !response.isObject() || !"2.0".equals(text(response.get("jsonrpc")))) {
            throw new Garbage("a line that is not a JSON-RPC 2.0 response");
        }
        JsonNode answered = response.get("id");
        JsonNode error = response.get("error");
        if (answered == null || !answered.isIntegralNumber() || answered.longValue() != id) {
            if (error != null && answered != null && answered.isNull()) {
                throw new Garbage("an error without an id (the request could not be read): " + error);
            }
            throw new Garbage("a response to request " + answered + " instead of #" + id);
        }
        JsonNode result = response.get("result");
        if ((result == null) == (error == null)) {
            throw new Garbage("a response with " + (result == null ? "neither" : "both") + " result and error");
        }
        if (error != null) {
            JsonNode code = error.get("code");
            if (!error.isObject() || code == null || !code.canConvertToInt()) {
                throw new Garbage("an error that is not a JSON-RPC error object: " + error);
            }
            throw new ProtocolClient.ErrorResponse(code.intValue(), text(error.get("message")), error.get("data"));
        }
        return result;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
