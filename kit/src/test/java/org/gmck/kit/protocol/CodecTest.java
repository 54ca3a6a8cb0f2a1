package org.gmck.kit.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gmck.spi.gmm.AllocatedPage;
import org.gmck.spi.gmm.GmmPageFields;
import org.gmck.spi.x86.AccessOutcome;
import org.gmck.spi.x86.CpuFeature;
import org.gmck.spi.x86.CpuModel;
import org.gmck.spi.x86.PageFault;
import org.junit.jupiter.api.Test;

/** The protocol's encoding of values: exact 64-bit values, records, sealed types, optionals, and strict decoding. */
class CodecTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void everySixtyFourBitValueIsAHexStringOfItsBits() {
        for (long v : new long[] {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0x8000_0000_0000_0001L, 1L << 53 | 1}) {
            JsonNode encoded = Codec.encode(v, long.class, null);
            assertTrue(encoded.isTextual(), encoded.toString());
            assertEquals(v, Codec.decode(encoded, long.class, null, "v"));
        }
        assertEquals("0xffffffffffffffff", Codec.hex(-1));
        assertEquals(0x1000L, Codec.parseHex("0x0000000000001000"));
        assertEquals(0xabcL, Codec.parseHex("0xABC"));
    }

    @Test
    void aSixtyFourBitValueWrittenAnyOtherWayIsRefused() throws Exception {
        for (String bad : List.of("16", "\"16\"", "\"0x\"", "\"0x10000000000000000\"", "\"-0x1\"", "null", "1.5")) {
            assertThrows(Codec.BadValue.class, () -> Codec.decode(json(bad), long.class, null, "v"), bad);
        }
    }

    @Test
    void recordsAreObjectsOfTheirComponentsExactly() throws Exception {
        AllocatedPage page = new AllocatedPage(0x200, 0x100200);
        assertEquals(
                "{\"pageId\":\"0x200\",\"hostPfn\":\"0x100200\"}",
                Codec.encode(page, AllocatedPage.class, null).toString());
        assertEquals(
                page,
                Codec.decode(json("{\"hostPfn\":\"0x100200\",\"pageId\":\"0x200\"}"), AllocatedPage.class, null, "p"));
        assertThrows(
                Codec.BadValue.class,
                () -> Codec.decode(json("{\"pageId\":\"0x200\"}"), AllocatedPage.class, null, "p"));
        assertThrows(
                Codec.BadValue.class,
                () -> Codec.decode(
                        json("{\"pageId\":\"0x200\",\"hostPfn\":\"0x1\",\"extra\":1}"),
                        AllocatedPage.class,
                        null,
                        "p"));
    }

    @Test
    void aSealedTypeNamesItsRecord() throws Exception {
        AccessOutcome fault = new PageFault(2, 0x1000);
        JsonNode encoded = Codec.encode(fault, AccessOutcome.class, null);
        assertEquals("PageFault", encoded.get("type").asText());
        assertEquals(fault, Codec.decode(encoded, AccessOutcome.class, null, "o"));
        GmmPageFields shared = new GmmPageFields.Shared(1, 0x1234, 3);
        assertEquals(
                shared, Codec.decode(Codec.encode(shared, GmmPageFields.class, null), GmmPageFields.class, null, "f"));
        assertThrows(
                Codec.BadValue.class,
                () -> Codec.decode(json("{\"type\":\"Nope\",\"errorCode\":2}"), AccessOutcome.class, null, "o"));
    }

    @Test
    void setsEnumsAndOptionals() throws Exception {
        CpuModel model = new CpuModel(52, Set.of(CpuFeature.values()[0]));
        assertEquals(model, Codec.decode(Codec.encode(model, CpuModel.class, null), CpuModel.class, null, "m"));
        java.lang.reflect.Type optional =
                CodecTest.class.getDeclaredMethod("optional").getGenericReturnType();
        assertEquals(Optional.empty(), Codec.decode(json("null"), optional, null, "o"));
        assertEquals(Optional.of(5L), Codec.decode(json("\"0x5\""), optional, null, "o"));
        assertThrows(Codec.BadValue.class, () -> Codec.decode(json("\"NOT_A_FEATURE\""), CpuFeature.class, null, "e"));
    }

    static Optional<Long> optional() {
        return Optional.empty();
    }
}
