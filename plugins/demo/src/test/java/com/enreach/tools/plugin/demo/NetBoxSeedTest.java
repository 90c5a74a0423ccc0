package com.enreach.tools.plugin.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.netbox.NetBoxKinds;
import com.enreach.tools.plugin.demo.NetBoxSeed.Item;

/** The demo NetBox's seed: the estate's machines as a hand-filled NetBox holds them, deterministically. */
class NetBoxSeedTest {
    private static final DemoSettings SETTINGS = new DemoSettings(3000, 42, 1);
    private final List<Item> plan = NetBoxSeed.plan(SETTINGS);
    private final Estate estate = new Estate(SETTINGS, 1);

    private List<Item> of(String kind) {
        return plan.stream().filter(i -> i.kind().equals(kind)).toList();
    }

    private Set<String> names(String kind) {
        return of(kind).stream().map(i -> (String) i.body().get("name")).collect(Collectors.toSet());
    }

    @Test
    void theSameSettingsGiveTheSameNetBoxAndAnotherSeedAnother() {
        assertEquals(plan, NetBoxSeed.plan(SETTINGS));
        assertNotEquals(plan, NetBoxSeed.plan(new DemoSettings(3000, 43, 1)));
    }

    @Test
    void everyReferenceIsResolvedToAnIdNetBoxAssignedBefore() {
        List<String> created = new ArrayList<>();
        Map<String, Long> ids = NetBoxSeed.load(plan, (endpoint, body) -> {
            body.values().forEach(v -> assertFalse(v instanceof NetBoxSeed.Ref, "unresolved " + v + " in " + body));
            created.add(endpoint);
            return created.size();
        });
        assertEquals(plan.size(), ids.size(), "plan keys are unique");
        Item device = of(NetBoxKinds.DEVICE).get(0);
        assertTrue(device.body().get("site") instanceof NetBoxSeed.Ref);
        assertThrows(IllegalStateException.class, () -> NetBoxSeed.load(List.of(device), (e, b) -> 1L),
                "a reference to an object not created before is an error, not a null");
    }

    @Test
    void theCatalogCoversTheEstate() {
        assertEquals(Set.of("Amsterdam", "Frankfurt", "London", "Dublin", "Rotterdam"), names(NetBoxKinds.SITE));
        Set<String> models = of(NetBoxKinds.DEVICE_TYPE).stream().map(i -> (String) i.body().get("model")).collect(Collectors.toSet());
        assertTrue(models.containsAll(List.of(Estate.MODELS)) && models.containsAll(List.of(Estate.NET_MODELS)), models.toString());
        assertEquals(estate.clusters, of(NetBoxKinds.CLUSTER).size());
        assertTrue(names(NetBoxKinds.PLATFORM).containsAll(Set.of("VMware ESXi 8.0.2", "Ubuntu 22.04", "Windows Server 2022")));
    }

    @Test
    void partOfTheEstateIsThereSomeByNameAndSerialTheRestIsMissing() {
        Set<String> devices = names(NetBoxKinds.DEVICE);
        Map<String, String> serialByName = new HashMap<>();
        of(NetBoxKinds.DEVICE).forEach(i -> serialByName.put((String) i.body().get("name"), (String) i.body().get("serial")));
        int hostsIn = 0;
        for (int i = 0; i < estate.hosts; i++) {
            Estate.Server h = estate.host(i);
            if (devices.contains(h.name())) {
                hostsIn++;
            }
        }
        assertTrue(hostsIn > estate.hosts / 3 && hostsIn < estate.hosts, "a good part of the hosts, not all: " + hostsIn);
        Estate.Server matching = estate.host(0);
        assertEquals(matching.serial(), serialByName.get(matching.name()), "an adopt candidate: same name and serial");
        Estate.Server byFqdn = estate.host(1);
        assertEquals(byFqdn.serial(), serialByName.get(byFqdn.fqdn()), "entered under its FQDN: same serial, other name");
        assertEquals("", serialByName.get(estate.host(6).name()), "entered without serial");
        Set<String> vms = names(NetBoxKinds.VIRTUAL_MACHINE);
        long vmsIn = java.util.stream.IntStream.range(0, estate.vms).filter(i -> vms.contains(estate.vm(i).vcenterName())).count();
        assertTrue(vmsIn > estate.vms / 10 && vmsIn < estate.vms / 2, "some VMs, most missing: " + vmsIn);
    }

    @Test
    void someValuesDriftedFromTheEstate() {
        Map<String, Map<String, Object>> vms = new HashMap<>();
        of(NetBoxKinds.VIRTUAL_MACHINE).forEach(i -> vms.put((String) i.body().get("name"), i.body()));
        Estate.Vm resized = estate.vm(5);
        assertEquals(resized.guestMemoryMb() / 2 < 512 ? 512 : resized.guestMemoryMb() / 2, vms.get(resized.vcenterName()).get("memory"));
        Estate.Vm same = estate.vm(1);
        assertEquals(same.guestMemoryMb(), vms.get(same.vcenterName()).get("memory"));
        Map<String, Object> host4 = of(NetBoxKinds.DEVICE).stream().filter(i -> estate.host(4).name().equals(i.body().get("name")))
                .findFirst().orElseThrow().body();
        assertEquals("planned", host4.get("status"), "a running host still planned in NetBox");
    }

    @Test
    void objectsNoSourceKnowsAndBadDataForValidation() {
        assertTrue(names(NetBoxKinds.DEVICE).stream().anyMatch(n -> n.startsWith("srv-ams-old-")));
        assertTrue(names(NetBoxKinds.VIRTUAL_MACHINE).stream().anyMatch(n -> n.startsWith("tmp-")));
        Map<String, Long> addresses = of(NetBoxKinds.IP_ADDRESS).stream()
                .collect(Collectors.groupingBy(i -> (String) i.body().get("address"), Collectors.counting()));
        assertTrue(addresses.values().stream().allMatch(n -> n == 1), "NetBox refuses an address twice in its global table");
        assertTrue(addresses.containsKey(estate.vm(2).ip() + "/16"), "a VM not in NetBox finds its address taken");
        assertFalse(names(NetBoxKinds.DEVICE).contains(estate.host(2).name()));
        assertTrue(addresses.containsKey(estate.host(2).ip() + "/24"), "so does a host not in NetBox: a server holds its address");
        assertTrue(of(NetBoxKinds.INTERFACE).stream().anyMatch(i -> ((String) i.body().get("name")).startsWith("Gi1/0/")),
                "abbreviated interface names");
        Set<String> keys = new HashSet<>();
        plan.forEach(i -> assertTrue(keys.add(i.key()), "duplicate key " + i.key()));
    }

    @Test
    void aTinyEstateStillHasEveryKindOfObject() {
        List<Item> tiny = NetBoxSeed.plan(new DemoSettings(40, 7, 0));
        Set<String> endpoints = tiny.stream().map(Item::kind).collect(Collectors.toSet());
        assertTrue(endpoints.containsAll(Set.of(NetBoxKinds.SITE, NetBoxKinds.DEVICE, NetBoxKinds.INTERFACE, NetBoxKinds.VIRTUAL_MACHINE,
                NetBoxKinds.VM_INTERFACE, NetBoxKinds.IP_ADDRESS, NetBoxKinds.CLUSTER)), endpoints.toString());
        NetBoxSeed.load(tiny, (e, b) -> 1L);
    }
}
