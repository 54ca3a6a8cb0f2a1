package org.gmck.kit.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What the kit accepts as the response to its request, and what it takes for garbage. */
class MessagesTest {

    @Test
    void aResultOrAnErrorOfTheRequestIsAccepted() throws Exception {
        assertEquals(
                "\"0x1\"",
                Messages.result("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":\"0x1\"}", 7)
                        .toString());
        ProtocolClient.ErrorResponse e = assertThrows(
                ProtocolClient.ErrorResponse.class,
                () -> Messages.result(
                        "{\"id\":7,\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32000,\"message\":\"no\","
                                + "\"data\":{\"domain\":\"GmmStatus\",\"status\":\"VERR_GMM_INSTANCE\"}}}",
                        7));
        assertEquals(-32000, e.code());
    }

    @Test
    void anythingElseIsGarbage() {
        for (String line : new String[] {
            "Segmentation fault",
            "",
            "[1,2]",
            "{\"id\":7,\"result\":null}",
            "{\"jsonrpc\":\"2.0\",\"id\":8,\"result\":null}",
            "{\"jsonrpc\":\"2.0\",\"id\":7}",
            "{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":1,\"error\":{\"code\":1,\"message\":\"x\"}}",
            "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"parse error\"}}"
        }) {
            assertThrows(Messages.Garbage.class, () -> Messages.result(line, 7), line);
        }
    }

    @Test
    void aRequestIsOneLine() {
        String line = Messages.request(
                3, "GlobalMemory.createVm", Codec.JSON.objectNode().put("this", 2));
        assertEquals(
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"GlobalMemory.createVm\",\"params\":{\"this\":2}}", line);
        assertTrue(!line.contains("\n"));
    }
}
