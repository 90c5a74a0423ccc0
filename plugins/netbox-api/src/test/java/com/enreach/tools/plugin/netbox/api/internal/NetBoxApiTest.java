package com.enreach.tools.plugin.netbox.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class NetBoxApiTest {
    static final String BASE = "http://nb.example:8080/netbox";
    private FakeEntities entities;
    private NetBoxApi api;

    @BeforeEach
    void estate() {
        entities = new FakeEntities();
        entities.add(1, "Cluster A", "cluster", "DC West", "active");
        entities.add(2, "Cluster B", "cluster", "DC West", "active");
        for (int i = 0; i < 5; i++) {
            entities.add(10 + i, "esx-0" + i, "hypervisor", "DC West", "active", "vendor", "Dell Inc.", "model", "PowerEdge R640",
                    "cluster", "Cluster A");
        }
        for (int i = 0; i < 120; i++) {
            entities.add(100 + i, String.format("srv-%03d", i), "server", i % 2 == 0 ? "DC West" : "DC East", i == 7 ? "stale" : "active",
                    "role", i % 3 == 0 ? "DB" : "Web", "os", "Ubuntu 22.04", "serial", "SN" + i, "vendor", "Hewlett Packard Enterprise",
                    "model", "DL380 Gen10", "power_state", i == 9 ? "poweredOff" : "poweredOn");
        }
        for (int i = 0; i < 30; i++) {
            long id = entities.add(300 + i, String.format("vm-%02d", i), "vm", "DC West", "active", "cluster", i % 2 == 0 ? "Cluster A" : "cluster b",
                    "memory_bytes", 4L * 1024 * 1024 * 1024, "disk_bytes", 40L * 1024 * 1024 * 1024, "cpu_count", 2, "primary_ip", "10.0.0." + i);
            entities.nic(id, 5000 + i, "eth0", "00:50:56:aa:bb:" + String.format("%02x", i), "10.0.0." + i, 24);
            entities.nic(id, 6000 + i, "eth0", "00:50:56:aa:bb:" + String.format("%02x", i), "10.0.0." + i, 24); // a second source's view
        }
        api = new NetBoxApi(new Inventory(entities, Clock.systemUTC(), Duration.ofMinutes(5)));
    }

    private JsonNode get(String pathAndQuery) {
        Response r = call("GET", pathAndQuery);
        assertEquals(200, r.status(), pathAndQuery + " -> " + r.body());
        return r.body();
    }

    private Response call(String method, String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        return api.handle(new Request(method, path, Request.parse(q < 0 ? null : pathAndQuery.substring(q + 1)), BASE));
    }

    @Test
    void pagingWalksEveryDeviceOnceWithAbsoluteLinks() {
        Set<Long> seen = new HashSet<>();
        String next = BASE + "/api/dcim/devices/?limit=40";
        int pages = 0;
        while (next != null) {
            assertTrue(next.startsWith(BASE + "/api/dcim/devices/?"), next);
            JsonNode page = get(next.substring(BASE.length()));
            assertEquals(125, page.path("count").asLong());
            page.path("results").forEach(d -> assertTrue(seen.add(d.path("id").asLong()), "twice: " + d.path("id")));
            next = page.path("next").isNull() ? null : page.path("next").asText();
            if (pages > 0) {
                assertTrue(page.path("previous").asText().startsWith(BASE + "/api/dcim/devices/?"));
            }
            pages++;
        }
        assertEquals(4, pages);
        assertEquals(125, seen.size());
        assertFalse(seen.contains(1L) || seen.contains(300L), "clusters and VMs are not devices");
    }

    @Test
    void aPageReadsTheDetailsOfItsOwnEntitiesOnly() {
        get("/api/dcim/devices/?limit=10&offset=20");
        assertEquals(10, entities.gets.get());
        get("/api/dcim/devices/?limit=0");
        assertTrue(entities.gets.get() <= 135, "limit=0 is one page of at most 1000: " + entities.gets.get());
    }

    @Test
    void limitZeroIsTheMaximumPageAndBadLimitsAreRefused() {
        JsonNode all = get("/api/dcim/devices/?limit=0");
        assertEquals(125, all.path("results").size());
        assertTrue(all.path("next").isNull());
        Response bad = call("GET", "/api/dcim/devices/?limit=ten");
        assertEquals(400, bad.status());
        assertTrue(bad.body().path("detail").asText().contains("limit"));
    }

    @Test
    void filtersNarrow() {
        assertEquals(60 + 5, get("/api/dcim/devices/?site=dc-west").path("count").asLong());
        assertEquals(60, get("/api/dcim/devices/?site=dc-east").path("count").asLong());
        assertEquals(40, get("/api/dcim/devices/?role=db").path("count").asLong());
        assertEquals(20, get("/api/dcim/devices/?role=db&site=dc-west").path("count").asLong());
        assertEquals(5, get("/api/dcim/devices/?role=hypervisor").path("count").asLong());
        assertEquals(2, get("/api/dcim/devices/?status=offline").path("count").asLong(), "one stale, one powered off");
        assertEquals(1, get("/api/dcim/devices/?name=srv-042").path("count").asLong());
        assertEquals(2, get("/api/dcim/devices/?id=100&id=101").path("count").asLong());
        entities.add(500, "odd,name", "server", null, "active");
        api = new NetBoxApi(new Inventory(entities, Clock.systemUTC(), Duration.ofMinutes(5)));
        assertEquals(1, get("/api/dcim/devices/?name=odd%2Cname").path("count").asLong(), "a comma is part of the value, as in NetBox");
        assertEquals(10, get("/api/dcim/devices/?q=srv-01").path("count").asLong());
        assertEquals(120, get("/api/dcim/devices/?tag=enreach&manufacturer=hpe").path("count").asLong());
        assertEquals(0, get("/api/dcim/devices/?tag=other").path("count").asLong());
        assertEquals(15, get("/api/virtualization/virtual-machines/?cluster_id=2").path("count").asLong());
        assertEquals(5, get("/api/dcim/devices/?cluster_id=1").path("count").asLong());
        long siteId = get("/api/dcim/sites/?slug=dc-east").path("results").get(0).path("id").asLong();
        assertEquals(60, get("/api/dcim/devices/?site_id=" + siteId).path("count").asLong());
    }

    @Test
    void deviceHasNetBoxShape() {
        JsonNode d = get("/api/dcim/devices/142/");
        assertEquals("srv-042", d.path("name").asText());
        assertEquals("srv-042", d.path("display").asText());
        assertEquals(BASE + "/api/dcim/devices/142/", d.path("url").asText());
        assertEquals("dc-west", d.at("/site/slug").asText());
        assertEquals("DC West", d.at("/site/name").asText());
        assertTrue(d.at("/site/url").asText().startsWith(BASE + "/api/dcim/sites/"));
        assertEquals("db", d.at("/role/slug").asText(), "42 is a multiple of 3");
        assertEquals("ubuntu-2204", d.at("/platform/slug").asText());
        assertEquals("dl380-gen10", d.at("/device_type/slug").asText());
        assertEquals("hpe", d.at("/device_type/manufacturer/slug").asText(), "vendor spellings unified as the writer's mapping does");
        assertEquals("active", d.at("/status/value").asText());
        assertEquals("Active", d.at("/status/label").asText());
        assertEquals("SN42", d.path("serial").asText());
        assertEquals(142, d.at("/custom_fields/enreach_entity_id").asLong());
        assertEquals("enreach", d.at("/tags/0/slug").asText());
        assertEquals(FakeEntities.T0.toString(), d.path("created").asText());
        assertTrue(d.has("primary_ip4") && d.path("primary_ip4").isNull());
    }

    @Test
    void virtualMachineInNetBoxUnitsWithItsClusterAndPrimaryIp() {
        JsonNode vm = get("/api/virtualization/virtual-machines/303/");
        assertEquals(4096, vm.path("memory").asLong());
        assertEquals(40 * 1024, vm.path("disk").asLong(), "MB, as NetBox 4 and the writer's mapping have it");
        assertEquals(2.0, vm.path("vcpus").asDouble());
        assertEquals(2, vm.at("/cluster/id").asLong(), "the golden cluster name names cluster entity 2, in any letter case");
        assertEquals("10.0.0.3/24", vm.at("/primary_ip4/address").asText());
        assertEquals(vm.at("/primary_ip4/id").asLong(), vm.at("/primary_ip/id").asLong());
        JsonNode ip = get("/api/ipam/ip-addresses/" + vm.at("/primary_ip4/id").asLong() + "/");
        assertEquals("virtualization.vminterface", ip.path("assigned_object_type").asText());
        assertEquals(303, ip.at("/assigned_object/virtual_machine/id").asLong());
    }

    @Test
    void briefIsTheNestedShape() {
        JsonNode d = get("/api/dcim/devices/?brief=true&limit=1").path("results").get(0);
        Set<String> fields = new HashSet<>();
        d.fieldNames().forEachRemaining(fields::add);
        assertEquals(Set.of("id", "url", "display", "name", "description"), fields);
        JsonNode s = get("/api/dcim/sites/?brief=1").path("results").get(0);
        Set<String> siteFields = new HashSet<>();
        s.fieldNames().forEachRemaining(siteFields::add);
        assertEquals(Set.of("id", "url", "display", "name", "slug", "description"), siteFields);
    }

    @Test
    void unknownIdsAnswerNetBoxs404() {
        Response r = call("GET", "/api/dcim/devices/300/");
        assertEquals(404, r.status(), "a VM is not a device");
        assertEquals("No Device matches the given query.", r.body().path("detail").asText());
        assertEquals("No VirtualMachine matches the given query.", call("GET", "/api/virtualization/virtual-machines/99999/").body().path("detail").asText());
        assertEquals(404, call("GET", "/api/dcim/cables/").status());
    }

    @Test
    void writesAre405() {
        for (String m : List.of("POST", "PUT", "PATCH", "DELETE")) {
            Response r = call(m, "/api/dcim/devices/");
            assertEquals(405, r.status());
            assertEquals("Method \"" + m + "\" not allowed.", r.body().path("detail").asText());
        }
    }

    @Test
    void interfacesAreOnePerNameAndIpsAreAssigned() {
        JsonNode nics = get("/api/virtualization/interfaces/?virtual_machine_id=305");
        assertEquals(1, nics.path("count").asLong(), "two sources seeing eth0 make one interface");
        JsonNode eth0 = nics.path("results").get(0);
        assertEquals("eth0", eth0.path("name").asText());
        assertEquals(1, eth0.path("count_ipaddresses").asLong());
        assertEquals(30, get("/api/virtualization/interfaces/?limit=0").path("count").asLong());
        assertEquals(0, get("/api/dcim/interfaces/?limit=0").path("count").asLong());
        JsonNode ips = get("/api/ipam/ip-addresses/?virtual_machine_id=305&virtual_machine_id=306&assigned_to_interface=true");
        assertEquals(2, ips.path("count").asLong());
        assertEquals(1, get("/api/ipam/ip-addresses/?address=10.0.0.5").path("count").asLong());
        assertEquals(eth0.path("id").asLong(), get("/api/ipam/ip-addresses/?address=10.0.0.5/24").path("results").get(0).path("assigned_object_id").asLong());
    }

    @Test
    void clusterFromRelationshipsWhenNoGoldenClusterNamesOne() {
        entities.add(20, "esx-b", "hypervisor", "DC West", "active");
        entities.relate(20, "member_of", 2);
        entities.add(400, "vm-on-esx-b", "vm", "DC West", "active");
        entities.relate(400, "runs_on", 20);
        assertEquals(2, get("/api/dcim/devices/20/").at("/cluster/id").asLong());
        assertEquals(2, get("/api/virtualization/virtual-machines/400/").at("/cluster/id").asLong());
        assertTrue(get("/api/virtualization/virtual-machines/?cluster_id=2&limit=0").toString().contains("vm-on-esx-b"));
    }

    @Test
    void interfaceTypesFollowTheMappingsNameRules() {
        entities.nic(100, 100, "GigabitEthernet1/0/1", null, null, null);
        entities.nic(100, 100, "Port-channel1", null, null, null);
        JsonNode nics = get("/api/dcim/interfaces/?device_id=100");
        assertEquals("1000base-t", nics.at("/results/0/type/value").asText());
        assertEquals("lag", nics.at("/results/1/type/value").asText());
        assertEquals(100, nics.at("/results/0/device/id").asLong());
    }

    @Test
    void derivedObjectsHaveStableIdsAndCounts() {
        JsonNode roles = get("/api/dcim/device-roles/?limit=0");
        Set<String> slugs = new HashSet<>();
        roles.path("results").forEach(r -> slugs.add(r.path("slug").asText()));
        assertEquals(Set.of("db", "web", "hypervisor"), slugs);
        JsonNode sites = get("/api/dcim/sites/");
        assertEquals(2, sites.path("count").asLong());
        JsonNode east = get("/api/dcim/sites/?slug=dc-east").path("results").get(0);
        assertEquals(60, east.path("device_count").asLong());
        assertEquals(east, get("/api/dcim/sites/" + east.path("id").asLong() + "/"));
        JsonNode clusters = get("/api/virtualization/clusters/");
        assertEquals(2, clusters.path("count").asLong());
        JsonNode a = get("/api/virtualization/clusters/1/");
        assertEquals(15, a.path("virtualmachine_count").asLong());
        assertEquals(5, a.path("device_count").asLong());
        assertEquals("vmware-vsphere", a.at("/type/slug").asText());
        assertEquals(1, get("/api/dcim/device-types/?slug=poweredge-r640").path("count").asLong());
        assertEquals(0, get("/api/dcim/regions/?limit=0").path("count").asLong());
    }

    @Test
    void rootStatusAndSchema() {
        Response root = call("GET", "/api/");
        assertEquals(BASE + "/api/dcim/", root.body().path("dcim").asText());
        assertEquals("4.2", root.headers().get("API-Version"));
        assertEquals("4.2.0", get("/api/status").path("netbox-version").asText());
        assertTrue(get("/api/schema/?format=json").at("/paths/~1api~1dcim~1devices~1/get/parameters").size() > 5);
    }

    @Test
    void changesShowAfterTheCacheTime() {
        Instant[] now = {Instant.parse("2026-03-01T00:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        NetBoxApi cached = new NetBoxApi(new Inventory(entities, clock, Duration.ofSeconds(15)));
        Request req = new Request("GET", "/api/dcim/devices/", Request.parse("limit=1"), BASE);
        assertEquals(125, cached.handle(req).body().path("count").asLong());
        entities.add(999, "new-one", "server", null, "active");
        assertEquals(125, cached.handle(req).body().path("count").asLong());
        now[0] = now[0].plusSeconds(16);
        assertEquals(126, cached.handle(req).body().path("count").asLong());
    }
}
