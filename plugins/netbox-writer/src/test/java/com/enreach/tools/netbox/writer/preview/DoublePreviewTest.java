package com.enreach.tools.netbox.writer.preview;

import com.enreach.tools.api.netbox.ChangeItem;
import com.enreach.tools.api.netbox.ChangeSet;
import com.enreach.tools.api.netbox.FieldChange;
import com.enreach.tools.api.netbox.NetBoxConflict;
import com.enreach.tools.api.netbox.NetBoxKinds;
import com.enreach.tools.api.netbox.PreviewRequest;
import com.enreach.tools.netbox.client.NetBoxClient;
import com.enreach.tools.netbox.client.NetBoxConnection;
import com.enreach.tools.netbox.internal.HttpNetBoxClient;
import com.enreach.tools.netbox.sandbox.NetBoxDouble;
import com.enreach.tools.netbox.sandbox.NetBoxDoubleServer;
import com.enreach.tools.netbox.writer.testing.FakeEntities;
import com.enreach.tools.netbox.writer.testing.Estate;
import com.enreach.tools.netbox.writer.testing.Golden;
import com.enreach.tools.netbox.writer.testing.TestApply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The preview against the NetBox double (schema-validated NetBox 4.2) through the real HTTP client. */
class DoublePreviewTest {
    @TempDir
    Path dir;

    NetBoxDoubleServer server;
    NetBoxClient client;
    final FakeEntities entities = new FakeEntities();

    @BeforeEach
    void start() throws Exception {
        server = new NetBoxDoubleServer();
        client = new HttpNetBoxClient(new NetBoxConnection(server.url(), server.token(), 200, 50, Duration.ofSeconds(10), false, null));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    NetBoxDouble netbox() {
        return server.netbox();
    }

    static Golden web01() {
        return Estate.web01();
    }

    void estate() {
        Estate.put(entities);
        entities.put(Golden.entity(4, "network_device", "sw1").attr("site", "AMS1").attr("vendor", "Cisco Systems")
                .attr("model", "C9300-48P").iface("Gi1/0/1", null).iface("Po1", null).build());
    }

    PreviewOutcome preview() {
        Previewer p = new Previewer(entities, null, null, null);
        return p.preview(new PreviewInput("double", client, new PreviewRequest(null, List.of(), List.of(), true), "op",
                NetBoxDouble.ADMIN, false, null, List.of(), dir.resolve("netbox-mapping.json")));
    }

    @Test
    void firstSyncIntoAnEmptyNetBoxIsAcceptedByNetBoxAndThenNothingIsLeft() {
        estate();
        ChangeSet cs = preview().changeSet();
        assertTrue(cs.items().stream().allMatch(i -> i.action().equals(ChangeItem.CREATE) || i.ref().endsWith(":primary_ip")));
        assertEquals("4.2.2", cs.netboxVersion());
        TestApply.apply(client, cs); // the double validates every body against NetBox 4.2's schema and model rules
        assertEquals(2, netbox().count(NetBoxKinds.DEVICE));
        assertEquals(1, netbox().count(NetBoxKinds.VIRTUAL_MACHINE));
        assertEquals(2, netbox().count(NetBoxKinds.MAC_ADDRESS));
        assertEquals("GigabitEthernet1/0/1", client.list("dcim/interfaces", Map.of("name", "GigabitEthernet1/0/1"), false).get(0).get("name"));
        Map<String, Object> vm = client.list("virtualization/virtual-machines", Map.of(), false).get(0);
        assertEquals(4096, ((Number) vm.get("memory")).intValue());
        assertEquals(51200, ((Number) vm.get("disk")).intValue());
        assertNotNull(vm.get("primary_ip4"));
        ChangeSet again = preview().changeSet();
        assertEquals(List.of(), again.items(), () -> again.items().toString());
    }

    @Test
    void aChangedGoldenValueAndAHandEdit() {
        estate();
        TestApply.apply(client, preview().changeSet());
        entities.put(web01().attr("serial", "SN2").build());
        ChangeSet cs = preview().changeSet();
        assertEquals(1, cs.items().size(), cs.items().toString());
        assertEquals(List.of(new FieldChange("serial", "SN1", "SN2", "serial", false)), cs.items().get(0).fields());
        long id = cs.items().get(0).netboxId();
        assertEquals(cs.items().get(0).beforeHash(), Hashes.beforeHash(cs.items().get(0), client.get("dcim/devices", id).orElseThrow()));

        netbox().addUser("alice");
        netbox().handEdit("alice", NetBoxKinds.DEVICE, id, Map.of("serial", "HAND"));
        PreviewOutcome out = preview();
        assertEquals(1, out.conflicts().size());
        NetBoxConflict c = out.conflicts().get(0);
        assertEquals("alice", c.changedBy());
        assertEquals("HAND", c.netboxValue());
        assertEquals("SN2", c.goldenValue());
        assertEquals(List.of(), out.changeSet().items());
    }

    @Test
    void unmanagedMatchesAndInvalidIpsAreHeld() {
        estate();
        entities.put(Golden.entity(5, "server", "db01").attr("site", "AMS1").iface("eth0", null).ip("10.0.0.9", null, "eth0").build());
        long site = netbox().seed(NetBoxKinds.SITE, Map.of("name", "AMS1", "slug", "ams1"));
        long mf = netbox().seed(NetBoxKinds.MANUFACTURER, Map.of("name", "Acme", "slug", "acme"));
        long type = netbox().seed(NetBoxKinds.DEVICE_TYPE, Map.of("manufacturer", mf, "model", "Box", "slug", "box"));
        long role = netbox().seed(NetBoxKinds.DEVICE_ROLE, Map.of("name", "Old", "slug", "old"));
        netbox().seed(NetBoxKinds.DEVICE, Map.of("name", "web01", "site", site, "device_type", type, "role", role, "status", "active"));
        ChangeSet cs = preview().changeSet();
        assertNull(cs.items().stream().filter(i -> i.ref().equals("dcim.device:entity:1")).findFirst().orElse(null));
        assertTrue(cs.held().stream().anyMatch(f -> f.rule().equals("unmanaged-match") && f.entityId() == 1L));
        assertTrue(cs.held().stream().anyMatch(f -> f.rule().equals("ip-valid") && f.entityId() == 5L));
        assertTrue(cs.items().stream().noneMatch(i -> i.objectType().equals(NetBoxKinds.SITE)), "the existing site is reused");
        TestApply.apply(client, cs);
        assertEquals(3, netbox().count(NetBoxKinds.DEVICE), "web01 not duplicated; sw1 and db01 created");
    }
}
