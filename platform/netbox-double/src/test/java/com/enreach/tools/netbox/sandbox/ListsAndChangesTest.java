package com.enreach.tools.netbox.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListsAndChangesTest {
    private final Nb nb = new Nb();

    @Test
    void oneRequestIdForAllObjectsOfABulkRequest() {
        nb.post("/api/dcim/sites/", List.of(Map.of("name", "a", "slug", "a"), Map.of("name", "b", "slug", "b")));
        nb.post("/api/dcim/sites/", Map.of("name", "c", "slug", "c"));
        JsonNode changes = nb.get("/api/core/object-changes/").json().get("results");
        assertEquals(3, changes.size());
        assertEquals(changes.get(1).get("request_id"), changes.get(2).get("request_id"));
        assertNotEquals(changes.get(0).get("request_id"), changes.get(1).get("request_id"));
        assertEquals(1, nb.get("/api/core/object-changes/?request_id=" + changes.get(0).get("request_id").asText()).json().get("count").asInt());
    }

    @Test
    void deletesAreLoggedWithTheirBeforeImage() {
        long s = nb.create("dcim/sites", Map.of("name", "a", "slug", "a", "description", "gone soon"));
        nb.delete("/api/dcim/sites/" + s + "/", null);
        JsonNode del = nb.get("/api/core/object-changes/?action=delete").json().at("/results/0");
        assertEquals("gone soon", del.at("/prechange_data/description").asText());
        assertTrue(del.get("postchange_data").isNull());
        assertTrue(del.get("changed_object").isNull());
        assertEquals(s, del.get("changed_object_id").asLong());
    }

    @Test
    void lastUpdatedFiltersFindWhatChangedSince() {
        long a = nb.create("dcim/sites", Map.of("name", "a", "slug", "a"));
        long b = nb.create("dcim/sites", Map.of("name", "b", "slug", "b"));
        String mark = nb.get("/api/dcim/sites/" + b + "/").json().get("last_updated").asText();
        nb.patch("/api/dcim/sites/" + a + "/", Map.of("description", "changed"));
        JsonNode since = nb.get("/api/dcim/sites/?last_updated__gt=" + mark).json();
        assertEquals(1, since.get("count").asInt());
        assertEquals(a, since.at("/results/0/id").asLong());
    }

    @Test
    void orderingUnknownFiltersAndLimits() {
        nb.create("dcim/sites", Map.of("name", "b", "slug", "b"));
        nb.create("dcim/sites", Map.of("name", "a", "slug", "a"));
        assertEquals("a", nb.get("/api/dcim/sites/?ordering=name").json().at("/results/0/name").asText());
        assertEquals("b", nb.get("/api/dcim/sites/?ordering=-name").json().at("/results/0/name").asText());
        assertEquals(2, nb.get("/api/dcim/sites/?no_such_filter=1").json().get("count").asInt());
        assertEquals(1, nb.get("/api/dcim/sites/?name__ic=A").json().get("count").asInt());
        assertEquals(1, nb.get("/api/dcim/sites/?name__n=a").json().get("count").asInt());
        assertEquals(2, nb.get("/api/dcim/sites/?q=").json().get("count").asInt());
        assertEquals(404, nb.get("/api/dcim/racks/").status());
        assertEquals(404, nb.get("/api/dcim/sites/abc/").status());
    }

    @Test
    void vmInterfacesCarryTheVmsPrimaryIp() {
        long ct = nb.create("virtualization/cluster-types", Map.of("name", "vSphere", "slug", "vsphere"));
        long c = nb.create("virtualization/clusters", Map.of("name", "c1", "type", Map.of("slug", "vsphere")));
        long vm = nb.create("virtualization/virtual-machines", Map.of("name", "vm1", "cluster", c, "memory", 4096, "vcpus", 2, "disk", 40));
        long vi = nb.create("virtualization/interfaces", Map.of("virtual_machine", vm, "name", "eth0"));
        long ip = nb.create("ipam/ip-addresses", Map.of("address", "2001:db8::5/64", "assigned_object_type", "virtualization.vminterface", "assigned_object_id", vi));
        Nb.Answer wrongFamily = nb.patch("/api/virtualization/virtual-machines/" + vm + "/", Map.of("primary_ip4", ip));
        assertEquals("2001:db8::5/64 is not an IPv4 address.", wrongFamily.json().at("/primary_ip4/0").asText());
        JsonNode v = nb.patch("/api/virtualization/virtual-machines/" + vm + "/", Map.of("primary_ip6", ip)).json();
        assertEquals("2001:db8::5/64", v.at("/primary_ip/address").asText());
        assertEquals(1, v.get("interface_count").asInt());
        assertEquals(1, nb.get("/api/ipam/ip-addresses/?virtual_machine_id=" + vm).json().get("count").asInt());
        assertEquals(1, nb.get("/api/virtualization/virtual-machines/?cluster_id=" + c).json().get("count").asInt());
        assertEquals(ct, nb.get("/api/virtualization/clusters/" + c + "/").json().at("/type/id").asLong());
        assertEquals(400, nb.post("/api/virtualization/virtual-machines/", Map.of("name", "nowhere")).status());
    }

    @Test
    void writeListenersRunAfterChangesOnly() {
        AtomicInteger writes = new AtomicInteger();
        nb.netbox.addWriteListener(writes::incrementAndGet);
        nb.create("dcim/sites", Map.of("name", "a", "slug", "a"));
        nb.post("/api/dcim/sites/", Map.of("name", "a"));
        nb.get("/api/dcim/sites/");
        assertEquals(1, writes.get());
    }
}
