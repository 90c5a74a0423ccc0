package com.enreach.tools.netbox.writer.preview;

import com.enreach.tools.api.inventory.AttributeRule;
import com.enreach.tools.api.inventory.ConflictService;
import com.enreach.tools.api.inventory.ResolutionRules;
import com.enreach.tools.api.netbox.ChangeItem;
import com.enreach.tools.api.netbox.ChangeSet;
import com.enreach.tools.api.netbox.FieldChange;
import com.enreach.tools.api.netbox.NetBoxConflict;
import com.enreach.tools.api.netbox.NetBoxKinds;
import com.enreach.tools.api.netbox.PreviewRequest;
import com.enreach.tools.netbox.writer.mapping.MappingException;
import com.enreach.tools.netbox.writer.testing.FakeEntities;
import com.enreach.tools.netbox.writer.testing.Estate;
import com.enreach.tools.netbox.writer.testing.Golden;
import com.enreach.tools.netbox.writer.testing.MemoryNetBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreviewerTest {
    @TempDir
    Path dir;

    final FakeEntities entities = new FakeEntities();
    final MemoryNetBox netbox = new MemoryNetBox("4.2.2");

    static Golden web01() {
        return Estate.web01();
    }

    void estate() {
        Estate.put(entities);
    }

    PreviewOutcome preview(PreviewRequest request, List<NetBoxConflict> resolved, ConflictService rules) {
        Previewer p = new Previewer(entities, rules, null, Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));
        return p.preview(new PreviewInput("nb", netbox, request, "op", "enreach", false, null, resolved, dir.resolve("netbox-mapping.json")));
    }

    PreviewOutcome preview() {
        return preview(new PreviewRequest(null, List.of(), List.of(), true), List.of(), null);
    }

    static ChangeItem item(ChangeSet cs, String ref) {
        return cs.items().stream().filter(i -> i.ref().equals(ref)).findFirst().orElse(null);
    }

    @Test
    void emptyNetBoxGetsEveryObjectCreatedInDependencyOrder() {
        estate();
        ChangeSet cs = preview().changeSet();
        assertEquals(0, cs.id());
        assertEquals("pending", cs.status());
        assertEquals(cs.counts().total(), cs.counts().creates() + 2, "all creates but the two primary-IP updates");
        List<String> kinds = cs.items().stream().map(ChangeItem::objectType).distinct().toList();
        assertEquals(List.of(NetBoxKinds.TAG, NetBoxKinds.CUSTOM_FIELD, NetBoxKinds.MANUFACTURER, NetBoxKinds.DEVICE_TYPE,
                NetBoxKinds.SITE, NetBoxKinds.DEVICE_ROLE, NetBoxKinds.PLATFORM, NetBoxKinds.CLUSTER_TYPE, NetBoxKinds.CLUSTER,
                NetBoxKinds.DEVICE, NetBoxKinds.VIRTUAL_MACHINE, NetBoxKinds.INTERFACE, NetBoxKinds.VM_INTERFACE,
                NetBoxKinds.MAC_ADDRESS, NetBoxKinds.IP_ADDRESS), kinds.subList(0, 15));
        for (int i = 0; i < cs.items().size(); i++) {
            assertEquals(i + 1, cs.items().get(i).seq());
        }
        ChangeItem device = item(cs, "dcim.device:entity:1");
        assertEquals(Map.of("$ref", "dcim.site:slug:ams1"), device.body().get("site"));
        assertEquals(List.of(Map.of("$ref", "extras.tag:slug:enreach")), device.body().get("tags"));
        assertEquals(Map.of("enreach_entity_id", 1L), device.body().get("custom_fields"));
        assertTrue(device.dependsOn().contains("dcim.site:slug:ams1"));
        FieldChange site = device.fields().stream().filter(f -> f.field().equals("site")).findFirst().orElseThrow();
        assertEquals("AMS1", site.proposed());
        assertNull(site.current());
        ChangeItem primary = item(cs, "dcim.device:entity:1:primary_ip");
        assertEquals(ChangeItem.UPDATE, primary.action());
        assertEquals(Map.of("$ref", "dcim.device:entity:1"), primary.body().get("id"));
        assertEquals(Map.of("$ref", "ipam.ipaddress:entity:1:10.0.0.5"), primary.body().get("primary_ip4"));
        assertTrue(primary.seq() > item(cs, "ipam.ipaddress:entity:1:10.0.0.5").seq());
        assertEquals(64, cs.hash().length());
    }

    @Test
    void afterApplyingARepreviewIsEmptyAndTheHashIsStable() {
        estate();
        ChangeSet first = preview().changeSet();
        assertEquals(first.hash(), preview().changeSet().hash(), "the same state gives the same hash");
        netbox.apply(first);
        ChangeSet again = preview().changeSet();
        assertEquals(List.of(), again.items(), () -> again.items().toString());
        assertEquals(List.of(), again.held());
    }

    @Test
    void aChangedGoldenValueIsOneUpdateOfThatField() {
        estate();
        netbox.apply(preview().changeSet());
        entities.put(web01().attr("serial", "SN2").build());
        ChangeSet cs = preview().changeSet();
        assertEquals(1, cs.items().size(), cs.items().toString());
        ChangeItem u = cs.items().get(0);
        assertEquals(ChangeItem.UPDATE, u.action());
        assertEquals(List.of(new FieldChange("serial", "SN1", "SN2", "serial", false)), u.fields());
        assertEquals(Map.of("id", u.netboxId(), "serial", "SN2"), u.body());
        assertEquals(Hashes.beforeHash(NetBoxKinds.DEVICE, u.before()), u.beforeHash());
        assertEquals(u.beforeHash(), Hashes.beforeHash(u, netbox.get("dcim/devices", u.netboxId()).orElseThrow()));
    }

    @Test
    void aHandEditByAnotherUserIsAConflictAndNotOverwritten() {
        estate();
        netbox.apply(preview().changeSet());
        long id = netbox.all("dcim/devices").get(0).get("id") instanceof Number n ? n.longValue() : 0;
        netbox.handEdit("dcim/devices", id, "serial", "HAND-1", "alice");
        PreviewOutcome out = preview();
        assertEquals(1, out.conflicts().size());
        NetBoxConflict c = out.conflicts().get(0);
        assertEquals("serial", c.field());
        assertEquals("HAND-1", c.netboxValue());
        assertEquals("SN1", c.goldenValue());
        assertEquals("alice", c.changedBy());
        assertEquals("open", c.status());
        assertEquals(NetBoxConflict.USE_GOLDEN, c.suggestion());
        assertEquals(List.of(), out.changeSet().items(), "the only differing field is in conflict: nothing to write");
        assertEquals(1, out.changeSet().counts().conflicts());
        assertEquals("conflict", out.changeSet().held().get(0).rule());

        // with another field changing too, the item carries the conflict flagged and leaves it out of the body
        entities.put(web01().attr("os", "Ubuntu 24.04").build());
        ChangeItem u = preview().changeSet().items().stream().filter(i -> i.objectType().equals(NetBoxKinds.DEVICE)).findFirst().orElseThrow();
        assertTrue(u.fields().stream().anyMatch(f -> f.field().equals("serial") && f.conflict()));
        assertFalse(u.body().containsKey("serial"));
        assertTrue(u.body().containsKey("platform"));

        // resolved use_golden for that edit: written, not raised again
        NetBoxConflict resolved = new NetBoxConflict(5, "nb", c.objectType(), c.netboxId(), c.entityId(), c.object(), "serial",
                "serial", "HAND-1", "SN1", "alice", c.changedAt(), c.rule(), c.suggestion(), "resolved", NetBoxConflict.USE_GOLDEN,
                "bob", Instant.now(), null, c.detectedAt());
        PreviewOutcome after = preview(new PreviewRequest(null, List.of(), List.of(), true), List.of(resolved), null);
        assertEquals(List.of(), after.conflicts());
        ChangeItem w = after.changeSet().items().stream().filter(i -> i.objectType().equals(NetBoxKinds.DEVICE)).findFirst().orElseThrow();
        assertEquals("SN1", w.body().get("serial"));
    }

    @Test
    void newestRuleSuggestsKeepingANewerNetBoxEdit() {
        estate();
        netbox.apply(preview().changeSet());
        long id = ((Number) netbox.all("dcim/devices").get(0).get("id")).longValue();
        netbox.handEdit("dcim/devices", id, "serial", "HAND-1", "alice");
        ConflictService rules = (ConflictService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ConflictService.class},
                (p, m, a) -> m.getName().equals("rules") ? new ResolutionRules("x", Instant.EPOCH,
                        List.of(new AttributeRule("serial", "newest", List.of(), "exact")), List.of()) : null);
        NetBoxConflict c = preview(new PreviewRequest(null, List.of(), List.of(), true), List.of(), rules).conflicts().get(0);
        assertEquals("newest", c.rule());
        assertEquals(NetBoxConflict.KEEP_NETBOX, c.suggestion(), "NetBox's edit is newer than the source's last sighting");
    }

    @Test
    void withoutAChangelogLastUpdatedAfterThePlatformsLastApplyIsAConflict() {
        estate();
        netbox.apply(preview().changeSet());
        Instant applied = netbox.now();
        netbox.changelogFails = true;
        entities.put(web01().attr("serial", "SN2").build());
        PreviewInput in = new PreviewInput("nb", netbox, new PreviewRequest(null, List.of(), List.of(), true), "op", "enreach",
                false, applied, List.of(), dir.resolve("netbox-mapping.json"));
        Previewer p = new Previewer(entities, null, null, null);
        assertEquals(List.of(), p.preview(in).conflicts(), "nothing changed in NetBox since the platform's apply");
        long id = ((Number) netbox.all("dcim/devices").get(0).get("id")).longValue();
        netbox.handEdit("dcim/devices", id, "serial", "HAND", "alice");
        PreviewOutcome out = p.preview(in);
        assertEquals(1, out.conflicts().size());
        assertNull(out.conflicts().get(0).changedBy(), "who is unknown without the changelog");
        assertEquals(netbox.now(), out.conflicts().get(0).changedAt());
    }

    @Test
    void onlyTheRequestedKindsAndWhatTheyNeed() {
        estate();
        ChangeSet cs = preview(new PreviewRequest(null, List.of(), List.of(NetBoxKinds.INTERFACE), true), List.of(), null).changeSet();
        List<String> kinds = cs.items().stream().map(ChangeItem::objectType).distinct().toList();
        assertTrue(kinds.contains(NetBoxKinds.INTERFACE));
        assertTrue(kinds.contains(NetBoxKinds.DEVICE), "the interfaces' device is created first");
        assertFalse(kinds.contains(NetBoxKinds.VIRTUAL_MACHINE));
        assertFalse(kinds.contains(NetBoxKinds.IP_ADDRESS));
        assertFalse(kinds.contains(NetBoxKinds.VM_INTERFACE));
    }

    @Test
    void anUnmanagedMatchingDeviceIsHeldNotDuplicated() {
        estate();
        long site = netbox.handMade("dcim/sites", Map.of("name", "AMS1", "slug", "ams1"));
        long mf = netbox.handMade("dcim/manufacturers", Map.of("name", "Other", "slug", "other"));
        long type = netbox.handMade("dcim/device-types", Map.of("manufacturer", mf, "model", "X", "slug", "x"));
        long role = netbox.handMade("dcim/device-roles", Map.of("name", "Server", "slug", "server"));
        netbox.handMade("dcim/devices", Map.of("name", "WEB01", "site", site, "device_type", type, "role", role, "status", "active"));
        ChangeSet cs = preview().changeSet();
        assertNull(item(cs, "dcim.device:entity:1"), "not created again");
        assertNull(item(cs, "dcim.interface:entity:1:eth0"), "its interfaces wait with it");
        assertNull(item(cs, NetBoxKinds.SITE + ":slug:ams1"), "the existing site is used, not created");
        assertTrue(cs.held().stream().anyMatch(f -> f.rule().equals("unmanaged-match") && f.severity().equals("warning")
                && f.entityId() == 1L && f.message().contains("adopt")));
        assertNotNull(item(cs, "virtualization.virtualmachine:entity:3"));
        assertEquals(1, netbox.all("dcim/devices").size());
    }

    @Test
    void anUnmanagedDeviceInASiteWhoseSlugIsNotItsSlugifiedNameStillMatches() {
        estate(); // web01's golden site is "AMS1"; this NetBox calls the same site AMS1 with the slug "amsterdam"
        long site = netbox.handMade("dcim/sites", Map.of("name", "AMS1", "slug", "amsterdam"));
        long mf = netbox.handMade("dcim/manufacturers", Map.of("name", "Other", "slug", "other"));
        long type = netbox.handMade("dcim/device-types", Map.of("manufacturer", mf, "model", "X", "slug", "x"));
        long role = netbox.handMade("dcim/device-roles", Map.of("name", "Server", "slug", "server"));
        netbox.handMade("dcim/devices", Map.of("name", "web01", "site", site, "device_type", type, "role", role, "status", "active"));
        ChangeSet cs = preview().changeSet();
        assertNull(item(cs, "dcim.device:entity:1"), "not created again in the same site (NetBox would refuse the name)");
        assertTrue(cs.held().stream().anyMatch(f -> f.rule().equals("unmanaged-match") && f.entityId() == 1L));
    }

    @Test
    void aHandMadeClusterIsLeftAloneButItsVmsAreCreatedInIt() {
        estate(); // cluster entity prod-cl (2) with VM app01 (3)
        long type = netbox.handMade("virtualization/cluster-types", Map.of("name", "VMware vSphere", "slug", "vmware-vsphere"));
        long cluster = netbox.handMade("virtualization/clusters", Map.of("name", "prod-cl", "type", type, "status", "active"));
        ChangeSet cs = preview().changeSet();
        assertNull(item(cs, "virtualization.cluster:entity:2"), "the hand-made cluster is neither created again nor updated");
        assertTrue(cs.held().stream().anyMatch(f -> f.rule().equals("unmanaged-match") && f.entityId() == 2L));
        ChangeItem vm = item(cs, "virtualization.virtualmachine:entity:3");
        assertNotNull(vm, "the VM is not held behind its hand-made cluster");
        assertEquals(cluster, ((Number) vm.body().get("cluster")).longValue(), "created in the cluster NetBox already has");
        netbox.apply(cs);
        assertEquals(1, netbox.all("virtualization/clusters").size());
        assertTrue(netbox.all("virtualization/clusters").get(0).get("tags") == null
                || ((List<?>) netbox.all("virtualization/clusters").get(0).get("tags")).isEmpty(), "the cluster stays unmanaged");
    }

    @Test
    void anEntityOnlyANetBoxSourceKnowsIsNotWrittenBackToNetBox() {
        estate();
        entities.put(Golden.entity(40, "vm", "tmp-test-01").attr("cluster", "prod-cl").observedBy("netbox", "netbox-prod").build());
        entities.put(Golden.entity(41, "vm", "app99").attr("cluster", "prod-cl").observedBy("netbox", "netbox-prod")
                .observedBy("vcenter", "vcenter-prod").build());
        ChangeSet cs = preview().changeSet();
        assertNull(item(cs, "virtualization.virtualmachine:entity:40"), "NetBox's own object read back is not created again");
        assertNotNull(item(cs, "virtualization.virtualmachine:entity:41"), "a machine a real source also sees is written");
    }

    @Test
    void aHandMadeInterfaceOnAManagedDeviceIsHeldNotDuplicated() {
        estate();
        netbox.apply(preview().changeSet());
        long device = ((Number) netbox.all("dcim/devices").get(0).get("id")).longValue();
        netbox.handMade("dcim/interfaces", Map.of("device", device, "name", "eth9", "type", "other"));
        entities.put(web01().iface("eth9", null).build());
        ChangeSet cs = preview().changeSet();
        assertNull(item(cs, "dcim.interface:entity:1:eth9"));
        assertTrue(cs.held().stream().anyMatch(f -> f.rule().equals("unmanaged-match") && f.object().equals("web01 eth9")
                && f.message().contains("same device")), cs.held().toString());
        assertEquals(List.of(), cs.items(), "nothing else changes; hand-made interfaces are never deleted");
    }

    @Test
    void anInvalidIpIsHeldWithItsFindingAndTheRestGoesOn() {
        entities.put(web01().ip("10.0.0.999", 24, "eth0").build());
        PreviewOutcome out = preview();
        ChangeSet cs = out.changeSet();
        assertNotNull(item(cs, "dcim.device:entity:1"));
        assertNotNull(item(cs, "ipam.ipaddress:entity:1:10.0.0.5"));
        assertTrue(cs.items().stream().noneMatch(i -> i.ref().contains("10.0.0.999")));
        assertTrue(cs.held().stream().anyMatch(f -> f.rule().equals("ip-valid") && f.message().contains("10.0.0.999")));
        assertEquals(cs.held().size(), cs.counts().held());
        assertTrue(out.validation().byRule().containsKey("ip-valid"));
    }

    @Test
    void heldCountsObjectsAndAddressesAreComparedInNetBoxSpelling() {
        entities.put(Golden.entity(9, "network_device", "n".repeat(70)).build()); // two errors, one object
        entities.put(web01().ip("2001:DB8:0:0:0:0:0:9", 64, "eth1").build());
        ChangeSet cs = preview().changeSet();
        assertEquals(2, cs.held().size());
        assertEquals(1, cs.counts().held());
        netbox.apply(cs);
        assertEquals(List.of(), preview().changeSet().items(), "an uncompressed IPv6 address is not rewritten at every preview");
    }

    @Test
    void goneEntitiesAreDeletedOnlyWhenAskedAndLast() {
        estate();
        netbox.apply(preview().changeSet());
        entities.remove(3);
        assertEquals(List.of(), preview(new PreviewRequest(null, List.of(), List.of(), false), List.of(), null).changeSet().items());
        ChangeSet cs = preview().changeSet();
        assertTrue(cs.items().stream().allMatch(i -> i.action().equals(ChangeItem.DELETE)), cs.items().toString());
        assertEquals(List.of(NetBoxKinds.IP_ADDRESS, NetBoxKinds.MAC_ADDRESS, NetBoxKinds.VM_INTERFACE, NetBoxKinds.VIRTUAL_MACHINE),
                cs.items().stream().map(ChangeItem::objectType).toList());
        ChangeItem vm = cs.items().get(3);
        assertEquals(3L, vm.entityId());
        assertNotNull(vm.before());
        assertNotNull(vm.beforeHash());
        assertEquals(4, cs.counts().deletes());
    }

    @Test
    void handMadeObjectsAreNeverDeleted() {
        estate();
        netbox.apply(preview().changeSet());
        long site = ((Number) netbox.all("dcim/sites").get(0).get("id")).longValue();
        long type = ((Number) netbox.all("dcim/device-types").get(0).get("id")).longValue();
        long role = ((Number) netbox.all("dcim/device-roles").get(0).get("id")).longValue();
        netbox.handMade("dcim/devices", Map.of("name", "by-hand", "site", site, "device_type", type, "role", role, "status", "active"));
        assertEquals(List.of(), preview().changeSet().items());
    }

    @Test
    void onlyTheRequestedEntitiesAndWhatTheyNeed() {
        estate();
        ChangeSet cs = preview(new PreviewRequest(null, List.of(1L), List.of(), true), List.of(), null).changeSet();
        assertTrue(cs.items().stream().allMatch(i -> i.entityId() == null || i.entityId() == 1L));
        assertNotNull(item(cs, "dcim.site:slug:ams1"));
        assertEquals(1, entities.gets, "only the requested entity was read");
    }

    @Test
    void aBrokenMappingFileFailsThePreview() throws Exception {
        estate();
        Files.writeString(dir.resolve("netbox-mapping.json"), "{\"object_types\": {\"server\": \"box\"}}");
        MappingException e = assertThrows(MappingException.class, this::preview);
        assertEquals("object_types.server", e.errors().get(0).field());
    }

    @Test
    void mappingFileEditsApplyAtTheNextPreview() throws Exception {
        estate();
        netbox.apply(preview().changeSet());
        Files.writeString(dir.resolve("netbox-mapping.json"), Files.readString(Path.of("../../config/etc/netbox-mapping.json"))
                .replace("\"descriptions\": {}", "\"descriptions\": {\"dcim.device\": \"serial ${serial}\"}"));
        ChangeSet cs = preview().changeSet();
        assertEquals(1, cs.items().size());
        assertEquals("serial SN1", cs.items().get(0).body().get("description"));
        assertNotEquals(null, cs.items().get(0).beforeHash());
    }
}
