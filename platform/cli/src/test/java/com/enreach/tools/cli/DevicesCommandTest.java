package com.enreach.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class DevicesCommandTest extends FakeApiTest {
    @Test
    void listPassesFiltersAndPrintsATableWithTheCount() {
        api.on("GET", "/api/devices", 200, Fixtures.page(3000, true, Fixtures.device(1, "esx01.example.com", "server", "vcenter-prod"),
                Fixtures.device(2, "Zürich-core-01", "switch", "oxidized-lab")));

        Cli.Result r = cli.run("devices", "list", "--type", "server", "--source-system", "vcenter", "--instance", "vcenter-prod",
                "--status", "active", "--q", "esx 0", "--limit", "2", "--offset", "0");

        assertEquals(0, r.exit(), r.all());
        assertEquals("GET /api/devices?type=server&source_system=vcenter&source_instance=vcenter-prod&status=active&q=esx+0&limit=2&offset=0",
                api.targets().get(0));
        List<String> lines = r.out().lines().toList();
        assertEquals("ID  NAME               TYPE    SOURCE INSTANCE  STATUS", lines.get(0));
        assertEquals("1   esx01.example.com  server  vcenter-prod     active", lines.get(1));
        assertEquals("2   Zürich-core-01     switch  oxidized-lab     active", lines.get(2));
        assertEquals("2 of 3000 devices (next page: --offset 2)", lines.get(3));
    }

    @Test
    void listAsJsonIsTheApiPage() throws IOException {
        api.on("GET", "/api/devices", 200, Fixtures.page(1, false, Fixtures.device(1, "a", "vm", "vcenter-prod")));

        Cli.Result r = cli.run("--json", "devices", "list");

        JsonNode page = Json.MAPPER.readTree(r.out());
        assertEquals(1, page.path("count").asInt());
        assertEquals("a", page.path("results").path(0).path("name").asText());
    }

    @Test
    void showPrintsEverySection() {
        api.on("GET", "/api/devices/web01", 200, """
                {"device": %s,
                 "relationships": [{"id": 1, "type": "runs_on", "from_id": 5, "from_name": "web01", "to_id": 9, "to_name": "esx01", "source_instance": "vcenter-prod"}],
                 "same_host": [%s],
                 "interfaces": [{"id": 1, "device_id": 5, "name": "eth0", "mac": "00:50:56:aa:bb:cc", "type": "vmxnet3", "enabled": true, "mtu": 1500, "network": "VLAN 10", "source_instance": "vcenter-prod"}],
                 "ip_addresses": [{"id": 1, "device_id": 5, "address": "10.0.0.5", "prefix_length": 24, "family": 4, "interface_name": "eth0", "dns_name": "web01.example.com", "source_instance": "vcenter-prod"}],
                 "facts": [{"device_id": 5, "source_instance": "puppetdb-main", "os_name": "Debian", "os_release": "12", "kernel": "6.1.0",
                            "cpu_model": "Xeon", "cpu_count": 4, "memory_bytes": 8589934592, "disks": [{"name": "sda", "size_bytes": 53687091200, "model": null}],
                            "uptime_seconds": 7200, "virtual": true, "virtual_type": "vmware", "serial_number": null, "manufacturer": null, "product": null, "updated_at": "2025-03-01T10:00:00Z"}],
                 "configs": [{"id": 1, "device_id": 5, "version": 2, "content_hash": "abc123", "retrieved_at": "2025-03-01T10:00:00Z", "lines": 120, "text": null}],
                 "volumes": [{"id": 1, "name": "vol_web", "kind": "volume", "pool": null, "svm": "svm1", "capacity_bytes": 1099511627776, "used_bytes": 549755813888, "health": "ok", "status": "active"}],
                 "backups": [{"id": 1, "client_name": "web01", "last_job": {"job_id": "77", "status": "Completed", "end": "2025-03-01T02:00:00Z"}, "last_success_at": "2025-03-01T02:00:00Z", "source_instance": "commvault-main"}]}
                """.formatted(Fixtures.device(5, "web01", "vm", "vcenter-prod"), Fixtures.device(6, "web01.example.com", "server", "puppetdb-main")));

        Cli.Result r = cli.run("devices", "show", "web01");

        assertEquals(0, r.exit(), r.all());
        String o = r.out();
        assertTrue(o.startsWith("web01  (id 5, vm, active)"), o);
        for (String expected : List.of("Metadata:", "192.0.2.5", "Relationships:", "web01 (5)  runs_on  esx01 (9)", "Same host in other sources:",
                "web01.example.com", "Interfaces:", "00:50:56:aa:bb:cc", "IP addresses:", "10.0.0.5/24", "Facts from puppetdb-main:", "Debian 12",
                "4 x Xeon", "8.0 GiB", "disk sda  50.0 GiB", "yes (vmware)", "2 h 0 min", "Configuration versions", "abc123", "Volumes:", "1.0 TiB",
                "svm1", "Backups:", "Completed")) {
            assertTrue(o.contains(expected), "missing '" + expected + "' in:\n" + o);
        }
        assertTrue(!o.contains("serial") && !o.contains("null"), "unknown facts are left out:\n" + o);
    }

    @Test
    void showOfAnUnknownDeviceExitsSix() {
        Cli.Result r = cli.run("devices", "show", "ghost");

        assertEquals(6, r.exit());
    }

    @Test
    void configPrintsTheStoredText() {
        api.on("GET", "/api/devices/sw%201/configs/3", 200, """
                {"id": 3, "device_id": 1, "version": 3, "content_hash": "h", "retrieved_at": "2025-03-01T10:00:00Z", "lines": 2,
                 "text": "hostname sw1\\ninterface Gi0/1"}
                """);

        Cli.Result r = cli.run("devices", "config", "sw 1", "3");

        assertEquals(0, r.exit(), r.all());
        assertEquals("hostname sw1\ninterface Gi0/1\n", r.out());
    }

    @Test
    void configsListsVersions() {
        api.on("GET", "/api/devices/7/configs", 200, """
                [{"id": 3, "device_id": 7, "version": 2, "content_hash": "h2", "retrieved_at": "2025-03-02T10:00:00Z", "lines": 20},
                 {"id": 2, "device_id": 7, "version": 1, "content_hash": "h1", "retrieved_at": "2025-03-01T10:00:00Z", "lines": 19}]
                """);

        Cli.Result r = cli.run("devices", "configs", "7");

        assertTrue(r.out().contains("2        2025-03-02 10:00:00Z  20     h2"), r.out());
    }

    @Test
    void diffPassesTheVersionsAndPrintsTheDiff() {
        api.on("GET", "/api/devices/sw1/configs/diff", 200,
                "{\"device_id\": 1, \"from\": 1, \"to\": 3, \"diff\": \"--- v1\\n+++ v3\\n-old\\n+new\\n\"}");

        Cli.Result r = cli.run("devices", "diff", "sw1", "--from", "1", "--to", "3");

        assertEquals(0, r.exit(), r.all());
        assertEquals("GET /api/devices/sw1/configs/diff?from=1&to=3", api.targets().get(0));
        assertEquals("--- v1\n+++ v3\n-old\n+new\n", r.out());
    }

    @Test
    void diffWithoutVersionsLetsTheServerChoose() {
        api.on("GET", "/api/devices/sw1/configs/diff", 200, "{\"device_id\": 1, \"from\": 2, \"to\": 3, \"diff\": \"\"}");

        Cli.Result r = cli.run("devices", "diff", "sw1");

        assertEquals("GET /api/devices/sw1/configs/diff", api.targets().get(0));
        assertTrue(r.err().contains("No differences between version 2 and 3"), r.err());
    }

    @Test
    void invalidFilterRefusedByTheServerExitsTwo() {
        api.on("GET", "/api/devices", 400, "{\"error\":{\"code\":\"invalid\",\"field\":\"status\",\"message\":\"status must be one of active, stale, quarantined\"}}");

        Cli.Result r = cli.run("devices", "list", "--status", "gone");

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("status must be one of"), r.err());
    }

    @Test
    void oxidizedListShowsIpModelAndLastStatus() {
        api.on("GET", "/api/devices", 200, Fixtures.page(1, false, Fixtures.device(3, "core-sw", "switch", "oxidized-lab")));

        Cli.Result r = cli.run("oxidized", "list");

        assertEquals("GET /api/devices?source_system=oxidized", api.targets().get(0));
        assertTrue(r.out().lines().anyMatch(l -> l.matches("core-sw\\s+192\\.0\\.2\\.3\\s+IOS\\s+success\\s+oxidized-lab\\s+active")), r.out());
    }
}
