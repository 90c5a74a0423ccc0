package com.enreach.tools.plugin.puppetdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.ServerFacts;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** An agent run re-sends the same facts with a new timestamp and uptime: the mapped node must not look changed. */
class VolatileFactsTest {

    private static ObjectNode row(String timestamp, long uptimeSeconds) {
        ObjectNode row = FactSets.MAPPER.createObjectNode().put("certname", "web01.example.com").put("environment", "production")
                .put("timestamp", timestamp).put("facts.fqdn", "web01.example.com").put("facts.puppetversion", "7.30.0")
                .put("facts.uptime_seconds", String.valueOf(uptimeSeconds));
        row.putObject("facts.system_uptime").put("seconds", uptimeSeconds).put("uptime", uptimeSeconds / 86400 + " days");
        row.putObject("facts.os").put("name", "Debian").put("family", "Debian").putObject("release").put("full", "12.5");
        row.putObject("facts.memory").putObject("system").put("total_bytes", 8L << 30).put("available_bytes", uptimeSeconds * 7);
        ObjectNode eth0 = row.putObject("facts.networking").put("ip", "10.0.0.5").putObject("interfaces").putObject("eth0")
                .put("mac", "52:54:00:00:00:05").put("operational_state", "up");
        eth0.putArray("bindings").addObject().put("address", "10.0.0.5").put("netmask", "255.255.255.0");
        return row;
    }

    private static Map<String, Object> nonVolatile(DeviceRecord d) {
        Map<String, Object> m = new LinkedHashMap<>(d.metadata());
        m.keySet().removeAll(d.volatileKeys());
        return m;
    }

    /** Every fact but uptime, which ServerFacts keeps out of change detection by contract. */
    private static List<Object> factsButUptime(ServerFacts f) {
        return java.util.Arrays.asList(f.osName(), f.osRelease(), f.kernel(), f.cpuModel(), f.cpuCount(), f.memoryBytes(),
                f.virtual(), f.virtualType(), f.serialNumber(), f.manufacturer(), f.product(), f.disks());
    }

    @Test
    void twoFactSetsDifferingOnlyInVolatileFactsMapToTheSameNonVolatileRecord() throws Exception {
        DeviceRecord first = InventoryMapper.map(row("2024-05-01T10:00:00.000Z", 3600), "test").device();
        DeviceRecord again = InventoryMapper.map(row("2024-05-01T10:30:00.000Z", 5400), "test").device();

        assertNotEquals(first.metadata(), again.metadata(), "the volatile values themselves are stored");
        assertEquals("2024-05-01T10:30:00.000Z", again.metadata().get("facts_timestamp"));
        assertTrue(again.volatileKeys().contains("facts_timestamp"));
        assertEquals(nonVolatile(first), nonVolatile(again));
        assertFalse(nonVolatile(first).isEmpty());
        assertEquals(factsButUptime(first.facts()), factsButUptime(again.facts()));
        assertEquals(5400L, again.facts().uptimeSeconds());
        assertEquals(first.interfaces(), again.interfaces());
        assertEquals(first.ipAddresses(), again.ipAddresses());
        assertEquals(first.hostname(), again.hostname());
    }

    @Test
    void whichNamesAreVolatile() {
        for (String v : List.of("timestamp", "facts_timestamp", "producer_timestamp", "report_timestamp", "catalog_timestamp",
                "uptime", "uptime_seconds", "uptime_days", "uptime_hours", "system_uptime", "memoryfree", "memoryfree_mb",
                "swapfree", "swapfree_mb", "memory_available", "load_averages")) {
            assertTrue(VolatileFacts.isVolatile(v), v);
        }
        for (String stable : List.of("environment", "puppet_version", "latest_report_status", "os_family", "memorysize_mb",
                "primary_ip", "timestamps_enabled", "trusted_extensions")) {
            assertFalse(VolatileFacts.isVolatile(stable), stable);
        }
    }
}
