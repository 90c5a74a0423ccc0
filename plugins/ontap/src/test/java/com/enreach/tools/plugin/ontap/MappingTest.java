package com.enreach.tools.plugin.ontap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.enreach.tools.source.support.JsonValues;
import com.enreach.tools.testkit.CollectingSink;
import com.enreach.tools.testkit.FixtureServer;
import com.enreach.tools.testkit.TestContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class MappingTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String s) throws Exception {
        return MAPPER.readTree(s);
    }

    @Test
    void wholeNumbersStayExactBeyondDoublePrecision() throws Exception {
        JsonNode n = json("{\"a\":9223372036854775807,\"b\":18446744073709551615,\"c\":1.0E3,\"d\":\"4096\",\"e\":\"n/a\",\"f\":9007199254740993}");
        assertEquals(Long.MAX_VALUE, JsonValues.whole(n, "a"));
        assertNull(JsonValues.whole(n, "b"), "beyond a long: unknown rather than wrong");
        assertEquals(1000L, JsonValues.whole(n, "c"));
        assertEquals(4096L, JsonValues.whole(n, "d"));
        assertNull(JsonValues.whole(n, "e"));
        assertEquals(9007199254740993L, JsonValues.whole(n, "f"));
        assertNull(JsonValues.whole(n, "missing.path"));
        assertNull(JsonValues.whole(json("{\"g\":1.9}"), "g"), "a fraction is no whole number: not cut to 1");
    }

    @Test
    void fillLevelsAreVolatileAndEverythingElseCountsForChangeDetection() throws Exception {
        DeviceMapper.Cluster cluster = new DeviceMapper.Cluster("cl", "ocean-cl01", "9.13.1", 9, 13);
        com.enreach.tools.api.spi.DeviceRecord a = DeviceMapper.aggregate(json("{\"uuid\":\"u\",\"name\":\"aggr1\","
                + "\"state\":\"online\",\"space\":{\"block_storage\":{\"size\":100,\"used\":40,\"available\":60}}}"), cluster);
        assertEquals(java.util.Set.of("used_bytes", "available_bytes"), a.volatileKeys());
        assertEquals(40L, a.metadata().get("used_bytes"), "stored all the same");
        assertEquals(100L, a.metadata().get("capacity_bytes"));
        com.enreach.tools.api.spi.DeviceRecord node = DeviceMapper.node(json("{\"uuid\":\"n\",\"name\":\"n1\",\"state\":\"up\"}"), cluster);
        assertTrue(node.volatileKeys().isEmpty(), "nodes carry nothing that moves on every read");
        assertTrue(DeviceMapper.svm(json("{\"uuid\":\"s\",\"name\":\"s1\"}"), cluster).volatileKeys().isEmpty());
    }

    @Test
    void snapshotReserveFromPercentDoesNotOverflow() {
        assertEquals(5368709120L, VolumeMapper.percentOf(107374182400L, 5));
        long huge = Long.MAX_VALUE - 7;
        assertEquals(new java.math.BigInteger(Long.toString(huge)).multiply(java.math.BigInteger.valueOf(90))
                .divide(java.math.BigInteger.valueOf(100)).longValueExact(), VolumeMapper.percentOf(huge, 90));
        assertNull(VolumeMapper.percentOf(null, 5));
        assertNull(VolumeMapper.percentOf(100L, null));
    }

    @Test
    void guaranteeAndStateMapToThinnessAndHealth() {
        assertEquals(Boolean.TRUE, VolumeMapper.thin("none"));
        assertEquals(Boolean.FALSE, VolumeMapper.thin("volume"));
        assertNull(VolumeMapper.thin(null));
        assertEquals("ok", VolumeMapper.health("online"));
        assertEquals("warning", VolumeMapper.health("mixed"));
        assertEquals("error", VolumeMapper.health("error"));
        assertNull(VolumeMapper.health(null));
    }

    @Test
    void releaseComesFromTheFullVersionOrItsParts() throws Exception {
        assertEquals("9.10.1X12", DeviceMapper.release(json("{\"full\":\"NetApp Release 9.10.1X12: Wed Oct 13 10:38:21 UTC 2021\"}")));
        assertEquals("9.8.0", DeviceMapper.release(json("{\"generation\":9,\"major\":8,\"minor\":0}")));
        assertNull(DeviceMapper.release(json("{}")));
    }

    @Test
    void qtreesAndQuotasOutOfOrderAreReportedOnceNotMismatched() throws Exception {
        try (FixtureServer server = new FixtureServer()) {
            server.json("/q", "{\"records\":["
                    + "{\"id\":1,\"name\":\"b1\",\"volume\":{\"uuid\":\"b\",\"name\":\"vb\"}},"
                    + "{\"id\":1,\"name\":\"a1\",\"volume\":{\"uuid\":\"a\",\"name\":\"va\"}}],\"num_records\":2}");
            server.json("/r", "{\"records\":["
                    + "{\"qtree\":{\"id\":1},\"volume\":{\"uuid\":\"a\"},\"space\":{\"hard_limit\":10}},"
                    + "{\"qtree\":{\"id\":1},\"volume\":{\"uuid\":\"b\"},\"space\":{\"hard_limit\":20}}],\"num_records\":2}");
            CollectingSink sink = new CollectingSink();
            TestContext ctx = new TestContext("t");
            OntapClient client = new OntapClient(com.enreach.tools.source.support.SourceHttp.builder("ONTAP", server.uri()).build(), 10);
            VolumeMapper.Context vc = new VolumeMapper.Context("cl", Map.of(), new ExportPolicies());
            new QtreeReader(new RecordCursor(client, ctx, sink, "qtrees", "/q"), new RecordCursor(client, ctx, sink, "quotas", "/r"), vc, sink).run();
            assertEquals(20L, sink.volumes.get("b/1").quotaLimitBytes());
            assertNull(sink.volumes.get("a/1").quotaLimitBytes(), "a1's report was passed before a1 came");
            assertEquals(1, sink.warnings.size());
            assertTrue(sink.warnings.get(0).contains("out of the requested order"), sink.warnings.get(0));
        }
    }
}
