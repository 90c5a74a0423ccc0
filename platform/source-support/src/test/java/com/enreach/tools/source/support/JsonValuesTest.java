package com.enreach.tools.source.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class JsonValuesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String s) throws Exception {
        return MAPPER.readTree(s);
    }

    private static JsonNode v(String jsonValue) throws Exception {
        return json("{\"v\":" + jsonValue + "}").get("v");
    }

    @Test
    void wholeNumbersAreExactAndFractionsAreRejectedNotCutOrRounded() throws Exception {
        assertEquals(42L, JsonValues.whole(v("42")));
        assertEquals(-7L, JsonValues.whole(v("\" -7 \"")));
        assertEquals(2L, JsonValues.whole(v("2.0")), "a whole value written with a fraction part");
        assertEquals(2L, JsonValues.whole(v("\"2.00\"")));
        assertEquals(1000L, JsonValues.whole(v("1e3")));
        assertEquals(9007199254740993L, JsonValues.whole(v("9007199254740993")), "2^53+1 kept exact");
        assertEquals(9007199254740993L, JsonValues.whole(v("\"9007199254740993\"")));
        assertNull(JsonValues.whole(v("1.9")), "not cut to 1");
        assertNull(JsonValues.whole(v("1.5")), "not rounded to 2");
        assertNull(JsonValues.whole(v("\"1.9\"")));
        assertNull(JsonValues.whole(v("9223372036854775808")), "beyond a long");
        assertNull(JsonValues.whole(v("\"12abc\"")));
        assertNull(JsonValues.whole(v("\"NaN\"")));
        assertNull(JsonValues.whole(v("true")));
        assertNull(JsonValues.whole(v("null")));
        assertNull(JsonValues.whole(v("[1]")));
        assertNull(JsonValues.whole(null));
        assertEquals(Integer.MAX_VALUE, JsonValues.integer(v("2147483647")));
        assertNull(JsonValues.integer(v("2147483648")));
    }

    @Test
    void booleansAcceptJsonBooleansAndTheirTextOnly() throws Exception {
        assertEquals(Boolean.TRUE, JsonValues.bool(v("true")));
        assertEquals(Boolean.FALSE, JsonValues.bool(v("false")));
        assertEquals(Boolean.TRUE, JsonValues.bool(v("\"true\"")));
        assertEquals(Boolean.FALSE, JsonValues.bool(v("\" FALSE \"")));
        assertNull(JsonValues.bool(v("\"yes\"")));
        assertNull(JsonValues.bool(v("1")));
        assertNull(JsonValues.bool(v("null")));
    }

    @Test
    void textIsATrimmedScalarAndPathsNeverThrow() throws Exception {
        JsonNode n = json("{\"a\":{\"b\":{\"c\":\" x \"},\"n\":5,\"t\":true,\"blank\":\"  \",\"o\":{},\"arr\":[\"p\",\"\",{\"m\":\"q\"}]}}");
        assertEquals("x", JsonValues.text(n, "a.b.c"));
        assertEquals("x", JsonValues.text(JsonValues.at(n, "a", "b", "c")));
        assertEquals("5", JsonValues.text(n, "a.n"));
        assertEquals("true", JsonValues.text(n, "a.t"));
        assertNull(JsonValues.text(n, "a.blank"));
        assertNull(JsonValues.text(n, "a.o"));
        assertNull(JsonValues.text(n, "a.missing.deeper"));
        assertNull(JsonValues.text(n, "a.n.deeper"), "a step through a scalar is missing, not an error");
        assertTrue(JsonValues.path(null, "a").isMissingNode());
        assertEquals(List.of("p"), JsonValues.texts(JsonValues.path(n, "a.arr"), null));
        assertEquals(List.of("q"), JsonValues.texts(JsonValues.path(n, "a.arr"), "m"));
        assertEquals(List.of(), JsonValues.texts(JsonValues.path(n, "a.n"), null));
        assertEquals("5", JsonValues.firstText(JsonValues.path(n, "a.blank"), JsonValues.path(n, "a.n")));
    }
}
