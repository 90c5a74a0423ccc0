package com.enreach.tools.plugin.puppetdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.spi.ServerFacts;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Fact values read with the shared lenient rules (JsonValues): fractions are never rounded into whole numbers. */
class FactValuesTest {
    private static ServerFacts facts(String row) throws Exception {
        return InventoryMapper.map(new ObjectMapper().readTree(row), "test").device().facts();
    }

    @Test
    void aFractionalCountOrSizeIsAbsentNotRounded() throws Exception {
        ServerFacts f = facts("{\"certname\":\"n1\",\"facts.memory\":{\"system\":{\"total_bytes\":1024.5}},\"facts.processorcount\":2.7,"
                + "\"facts.uptime_seconds\":\"99.5\"}");
        assertNull(f.memoryBytes());
        assertNull(f.cpuCount());
        assertNull(f.uptimeSeconds());
    }

    @Test
    void wholeValuesWrittenAsTextOrDecimalStillCount() throws Exception {
        ServerFacts f = facts("{\"certname\":\"n1\",\"facts.memorysize_mb\":\"2.0\",\"facts.processorcount\":\"4\","
                + "\"facts.is_virtual\":\"TRUE\"}");
        assertEquals(2L * 1024 * 1024, f.memoryBytes());
        assertEquals(4, f.cpuCount());
        assertEquals(Boolean.TRUE, f.virtual());
    }

    @Test
    void legacyMemorySizeInMegabytesIsAMeasurementConvertedToBytes() throws Exception {
        assertEquals(1572864L, facts("{\"certname\":\"n1\",\"facts.memorysize_mb\":\"1.5\"}").memoryBytes());
        assertNull(facts("{\"certname\":\"n1\",\"facts.memorysize_mb\":\"-3\"}").memoryBytes());
    }
}
