package org.gmck.kit.protocol;

/**
 * The error codes of the adapter protocol: JSON-RPC 2.0's own, and the codes the protocol adds for the SPI's
 * refusals ({@link #REFUSED}, whose {@code data} names the status), for a profile the implementation does not
 * implement, and for an optional capability it does not offer.
 */
public enum RpcError {
    /** The line is not JSON. */
    PARSE_ERROR(-32700, "parse error"),
    /** The JSON is not a JSON-RPC 2.0 request. */
    INVALID_REQUEST(-32600, "invalid request"),
    /** No such method; for an optional method, the kit then does what the SPI does by default. */
    METHOD_NOT_FOUND(-32601, "method not found"),
    /** The parameters do not have the shape the method's schema requires, or a handle is unknown. */
    INVALID_PARAMS(-32602, "invalid params"),
    /** The implementation failed in a way that is not a refusal; the scenario fails. */
    INTERNAL_ERROR(-32603, "internal error"),
    /** The call is refused for bad input; {@code data} is {@code {"domain": ..., "status": ...}}. */
    REFUSED(-32000, "refused"),
    /** A profile the implementation does not implement; {@code data} is {@code {"profile": ...}}. */
    PROFILE_NOT_IMPLEMENTED(-32001, "profile not implemented"),
    /** An optional capability the implementation does not offer. */
    UNSUPPORTED(-32002, "unsupported");

    private final int code;
    private final String meaning;

    RpcError(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** The JSON-RPC error code. */
    public int code() {
        return code;
    }

    /** What the code means, in a few words. */
    public String meaning() {
        return meaning;
    }

    /** The error of a code, if the protocol defines it. */
    public static java.util.Optional<RpcError> of(int code) {
        for (RpcError e : values()) {
            if (e.code == code) {
                return java.util.Optional.of(e);
            }
        }
        return java.util.Optional.empty();
    }
}
