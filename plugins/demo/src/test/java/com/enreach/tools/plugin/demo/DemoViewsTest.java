package com.enreach.tools.plugin.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.spi.BackupRecord;
import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.DeviceTypes;
import com.enreach.tools.api.spi.IdentityKeys;
import com.enreach.tools.testkit.CollectingSink;
import com.enreach.tools.testkit.TestContext;

/** The source views of one estate: each looks like its source, they overlap on identifiers, and disagree on purpose. */
class DemoViewsTest {
    private static final Instant NOW = Instant.parse("2026-03-02T12:34:56Z");
    private static final String SIZE = "2000";

    private static CollectingSink view(String view, String seed, Instant now) throws Exception {
        CollectingSink sink = new CollectingSink();
        new DemoConnector(Map.of("view", view, "size", SIZE, "seed", seed, "churn.percent", "0"), Clock.fixed(now, ZoneOffset.UTC))
                .fetch(new TestContext("demo-" + view), sink);
        return sink;
    }

    private static CollectingSink view(String view) throws Exception {
        return view(view, "42", NOW);
    }

    private static Object key(DeviceRecord d, String key) {
        return d.metadata().get(key);
    }

    /** UUID in one byte order (the first three fields as vCenter prints them), lower case: independent of the plugin's. */
    private static Set<String> bothOrders(String uuid) {
        String u = uuid.toLowerCase(Locale.ROOT);
        String[] p = u.split("-");
        String swapped = swapBytes(p[0]) + "-" + swapBytes(p[1]) + "-" + swapBytes(p[2]) + "-" + p[3] + "-" + p[4];
        return Set.of(u, swapped);
    }

    private static String swapBytes(String hex) {
        StringBuilder b = new StringBuilder();
        for (int i = hex.length(); i > 0; i -= 2) {
            b.append(hex, i - 2, i);
        }
        return b.toString();
    }

    @Test
    void vcenterViewHasClustersHostsAndVmsWithVmwareIdentifiers() throws Exception {
        CollectingSink vc = view("vcenter");
        Set<String> types = vc.devices.values().stream().map(DeviceRecord::type).collect(Collectors.toSet());
        assertEquals(Set.of(DeviceTypes.CLUSTER, DeviceTypes.HYPERVISOR, DeviceTypes.VM), types);
        for (DeviceRecord vm : vc.devicesOfType(DeviceTypes.VM)) {
            assertEquals(vm.sourceId(), key(vm, IdentityKeys.INSTANCE_UUID), "keyed by instance UUID like the vcenter plugin");
            assertTrue(((String) key(vm, IdentityKeys.SYSTEM_UUID)).startsWith("42"), "VMware BIOS UUID");
            assertEquals(key(vm, IdentityKeys.SYSTEM_UUID), key(vm, IdentityKeys.BIOS_UUID_ALIAS));
            assertTrue(((String) key(vm, IdentityKeys.FQDN)).contains("."));
            assertTrue(((String) key(vm, IdentityKeys.PRIMARY_MAC)).startsWith("00:50:56:"));
            assertNotNull(key(vm, "memory_mb"));
            assertNotNull(key(vm, "vcpu"));
            assertNotNull(key(vm, "power_state"));
            assertFalse(vm.interfaces().isEmpty());
            assertFalse(vm.ipAddresses().isEmpty());
        }
        for (DeviceRecord h : vc.devicesOfType(DeviceTypes.HYPERVISOR)) {
            assertNotNull(key(h, IdentityKeys.SERIAL));
            assertNotNull(key(h, IdentityKeys.SYSTEM_UUID));
            assertNotNull(key(h, "vendor"));
        }
        assertEquals(vc.devicesOfType(DeviceTypes.VM).size() + vc.devicesOfType(DeviceTypes.HYPERVISOR).size(), vc.relationships.size(),
                "each VM runs on a host, each host is in a cluster");
        vc.relationships.forEach(r -> {
            assertTrue(vc.devices.containsKey(r.fromSourceId()), r.toString());
            assertTrue(vc.devices.containsKey(r.toSourceId()), r.toString());
        });
    }

    @Test
    void puppetdbViewHasServersWithFactsAndAVolatileTimestamp() throws Exception {
        CollectingSink pdb = view("puppetdb");
        assertFalse(pdb.devices.isEmpty());
        for (DeviceRecord d : pdb.devices.values()) {
            assertEquals(DeviceTypes.SERVER, d.type(), "Puppet sees the OS, not where it runs");
            assertEquals(d.sourceId(), key(d, IdentityKeys.FQDN), "certname");
            assertNotNull(d.facts().memoryBytes());
            assertNotNull(d.facts().serialNumber());
            assertNotNull(key(d, IdentityKeys.SYSTEM_UUID));
            assertNotNull(key(d, IdentityKeys.PRIMARY_MAC));
            assertEquals(Set.of("facts_timestamp"), d.volatileKeys());
        }
        assertTrue(pdb.devices.values().stream().anyMatch(d -> Boolean.TRUE.equals(d.facts().virtual())));
        assertTrue(pdb.devices.values().stream().anyMatch(d -> Boolean.FALSE.equals(d.facts().virtual())));
    }

    @Test
    void foremanOxidizedCommvaultAndStorageViewsLookLikeTheirSources() throws Exception {
        CollectingSink fm = view("foreman");
        for (DeviceRecord d : fm.devices.values()) {
            assertTrue(d.sourceId().matches("\\d+"), "numeric Foreman id: " + d.sourceId());
            assertEquals(d.name(), key(d, IdentityKeys.FQDN));
            assertNotNull(key(d, IdentityKeys.PRIMARY_MAC));
            assertNotNull(key(d, "hostgroup"));
            assertNotNull(key(d, "location"));
        }
        CollectingSink ox = view("oxidized");
        int switches = view("all").devicesOfType(DeviceTypes.NETWORK_DEVICE).size();
        assertEquals(Set.of(DeviceTypes.NETWORK_DEVICE), ox.devices.values().stream().map(DeviceRecord::type).collect(Collectors.toSet()));
        assertEquals(switches, ox.devices.size(), "every switch is in Oxidized's node list");
        assertTrue(ox.configs.size() < switches && ox.configs.size() > switches / 2, "most but not all have a configuration: " + ox.configs.size());
        ox.devices.values().forEach(d -> assertEquals(ox.configs.stream().anyMatch(c -> c.deviceSourceId().equals(d.sourceId())), "success".equals(key(d, "last_status")),
                d.sourceId() + ": a node without a configuration never had a successful backup"));
        CollectingSink cv = view("commvault");
        assertTrue(cv.devices.isEmpty(), "backups only");
        assertTrue(cv.backups.values().stream().anyMatch(b -> b.vmGuid() != null));
        assertTrue(cv.backups.values().stream().anyMatch(b -> b.vmGuid() == null && b.hostName() != null));
        assertTrue(cv.backups.values().stream().anyMatch(b -> "Failed".equals(b.lastJob().status())));
        assertTrue(cv.backups.values().stream().anyMatch(b -> b.lastSuccessAt().isBefore(NOW.minus(Duration.ofDays(14)))));
        CollectingSink st = view("storage");
        assertEquals(Set.of(DeviceTypes.STORAGE), st.devices.values().stream().map(DeviceRecord::type).collect(Collectors.toSet()));
        st.devices.values().forEach(a -> assertNotNull(key(a, IdentityKeys.SERIAL)));
        assertEquals(st.devices.size() * StorageView.VOLUMES_PER_ARRAY, st.volumes.size());
        st.volumes.values().forEach(v -> assertTrue(st.devices.containsKey(v.arraySourceId())));
    }

    @Test
    void theViewsDescribeTheSameMachines() throws Exception {
        CollectingSink vc = view("vcenter");
        CollectingSink pdb = view("puppetdb");
        CollectingSink fm = view("foreman");
        CollectingSink all = view("all");
        Set<String> vmUuids = new HashSet<>();
        Set<String> vmInstanceUuids = new HashSet<>();
        Set<String> vmFqdns = new HashSet<>();
        for (DeviceRecord vm : vc.devicesOfType(DeviceTypes.VM)) {
            vmUuids.add((String) key(vm, IdentityKeys.SYSTEM_UUID));
            vmInstanceUuids.add(vm.sourceId());
            vmFqdns.add((String) key(vm, IdentityKeys.FQDN));
        }
        Set<String> hostSerials = vc.devicesOfType(DeviceTypes.HYPERVISOR).stream().map(h -> (String) key(h, IdentityKeys.SERIAL)).collect(Collectors.toSet());
        int guests = 0;
        for (DeviceRecord node : pdb.devices.values()) {
            if (Boolean.TRUE.equals(node.facts().virtual())) {
                guests++;
                assertTrue(bothOrders((String) key(node, IdentityKeys.SYSTEM_UUID)).stream().anyMatch(vmUuids::contains), node.sourceId());
                assertTrue(vmFqdns.contains(node.sourceId()), node.sourceId());
            }
        }
        assertTrue(guests > vmUuids.size() / 2, "most VMs have a Puppet node: " + guests);
        Set<String> bareMetalSerials = all.devicesOfType(DeviceTypes.SERVER).stream().map(d -> (String) key(d, IdentityKeys.SERIAL)).collect(Collectors.toSet());
        pdb.devices.values().stream().filter(d -> Boolean.FALSE.equals(d.facts().virtual()))
                .forEach(d -> assertTrue(bareMetalSerials.contains(key(d, IdentityKeys.SERIAL)), d.sourceId()));
        assertTrue(bareMetalSerials.containsAll(hostSerials), "the all view's servers include the ESXi hosts vCenter shows");
        for (DeviceRecord host : fm.devices.values()) {
            if (DeviceTypes.VM.equals(host.type())) {
                assertTrue(vmFqdns.contains(host.name()), host.name());
            }
        }
        for (BackupRecord b : view("commvault").backups.values()) {
            assertTrue(b.vmGuid() == null || vmInstanceUuids.contains(b.vmGuid()), b.sourceId());
        }
        Set<String> allSwitchNames = all.devicesOfType(DeviceTypes.NETWORK_DEVICE).stream().map(DeviceRecord::name).collect(Collectors.toSet());
        view("oxidized").devices.values().forEach(d -> assertTrue(allSwitchNames.contains(d.name()), d.name()));
        Set<Object> arraySerials = all.devicesOfType(DeviceTypes.STORAGE).stream().map(d -> key(d, IdentityKeys.SERIAL)).collect(Collectors.toSet());
        assertEquals(arraySerials, view("storage").devices.values().stream().map(d -> key(d, IdentityKeys.SERIAL)).collect(Collectors.toSet()));
        assertEquals(vmUuids, all.devicesOfType(DeviceTypes.VM).stream().map(d -> (String) key(d, IdentityKeys.SYSTEM_UUID)).collect(Collectors.toSet()),
                "the all view's VMs are vCenter's");
    }

    @Test
    void everyDocumentedDisagreementIsThere() throws Exception {
        CollectingSink vc = view("vcenter");
        CollectingSink pdb = view("puppetdb");
        CollectingSink fm = view("foreman");
        Map<String, DeviceRecord> nodeByFqdn = pdb.devices;
        int sameMemory = 0;
        int resized = 0;
        int renamed = 0;
        int swapped = 0;
        int withoutPuppet = 0;
        int upperCaseMacs = 0;
        Map<String, List<String>> vmsByIp = new HashMap<>();
        Map<String, Set<String>> domainsByShortName = new HashMap<>();
        for (DeviceRecord vm : vc.devicesOfType(DeviceTypes.VM)) {
            String fqdn = (String) key(vm, IdentityKeys.FQDN);
            String shortName = fqdn.substring(0, fqdn.indexOf('.'));
            domainsByShortName.computeIfAbsent(shortName, k -> new HashSet<>()).add(fqdn.substring(fqdn.indexOf('.') + 1));
            vm.ipAddresses().forEach(ip -> vmsByIp.computeIfAbsent(ip.address(), k -> new java.util.ArrayList<>()).add(vm.sourceId()));
            if (!vm.name().equals(shortName)) {
                renamed++;
            }
            DeviceRecord node = nodeByFqdn.get(fqdn);
            if (node == null) {
                withoutPuppet++;
                continue;
            }
            long vcenterBytes = ((Number) key(vm, "memory_mb")).longValue() << 20;
            if (vcenterBytes == node.facts().memoryBytes()) {
                sameMemory++;
            } else {
                resized++;
            }
            if (!((String) key(node, IdentityKeys.SYSTEM_UUID)).equalsIgnoreCase((String) key(vm, IdentityKeys.SYSTEM_UUID))) {
                swapped++;
            }
            String nodeMac = (String) key(node, IdentityKeys.PRIMARY_MAC);
            assertTrue(nodeMac.equalsIgnoreCase((String) key(vm, IdentityKeys.PRIMARY_MAC)), fqdn);
            upperCaseMacs += nodeMac.equals(key(vm, IdentityKeys.PRIMARY_MAC)) ? 0 : 1;
        }
        assertTrue(sameMemory > 10 * resized && resized > 0, "MiB and bytes agree except for a few resized VMs: " + sameMemory + "/" + resized);
        assertTrue(renamed > 0, "renamed VMs");
        assertTrue(swapped > 0, "byte-swapped system UUIDs");
        assertTrue(upperCaseMacs > 0, "MACs spelt in upper case by Windows guests");
        assertTrue(withoutPuppet > 0, "VMs without a Puppet node");
        assertTrue(vmsByIp.values().stream().anyMatch(ids -> ids.size() == 2), "two VMs claim one IP");
        assertEquals(Set.of("prod.example.com", "dev.example.com"), domainsByShortName.get("web01"));

        Instant twoWeeksAgo = NOW.minus(Duration.ofDays(14));
        assertTrue(pdb.devices.values().stream().anyMatch(d -> Instant.parse((String) key(d, "facts_timestamp")).isBefore(twoWeeksAgo)), "stale facts");
        assertTrue(pdb.devices.values().stream().filter(d -> Instant.parse((String) key(d, "facts_timestamp")).isAfter(NOW.minus(Duration.ofHours(1))))
                .count() > pdb.devices.size() / 2, "most facts are fresh");

        int foremanWithoutFacts = 0;
        int identityConflicts = 0;
        for (DeviceRecord host : fm.devices.values()) {
            DeviceRecord node = nodeByFqdn.get(host.name());
            if (node == null) {
                foremanWithoutFacts += key(host, "compute_resource") != null || key(host, IdentityKeys.SERIAL) != null ? 1 : 0;
            } else if (key(host, IdentityKeys.SERIAL) != null && !key(host, IdentityKeys.SERIAL).equals(key(node, IdentityKeys.SERIAL))) {
                identityConflicts++;
                assertNotEquals(key(host, IdentityKeys.PRIMARY_MAC), key(node, IdentityKeys.PRIMARY_MAC));
            }
        }
        assertTrue(foremanWithoutFacts > 0, "Foreman hosts without PuppetDB facts");
        assertTrue(identityConflicts > 0, "same host name, different serial numbers");
    }

    @Test
    void sameSeedAndSizeGiveTheSameViewsAtAnyTime() throws Exception {
        for (String v : new String[] {"vcenter", "puppetdb", "foreman", "oxidized", "storage"}) {
            CollectingSink a = view(v, "42", NOW);
            CollectingSink b = view(v, "42", NOW.plus(Duration.ofHours(5)));
            assertEquals(a.devices.keySet(), b.devices.keySet(), v);
            for (DeviceRecord d : a.devices.values()) {
                Map<String, Object> before = new HashMap<>(d.metadata());
                Map<String, Object> after = new HashMap<>(b.devices.get(d.sourceId()).metadata());
                before.keySet().removeAll(d.volatileKeys());
                after.keySet().removeAll(d.volatileKeys());
                assertEquals(before, after, v + " " + d.sourceId());
            }
            assertFalse(fingerprint(a).equals(fingerprint(view(v, "43", NOW))), v + ": another seed, another estate");
        }
        assertEquals(view("commvault").backups.keySet(), view("commvault").backups.keySet());
        BackupRecord one = view("commvault").backups.values().iterator().next();
        assertEquals(one.lastSuccessAt(), view("commvault", "42", NOW.plus(Duration.ofHours(5))).backups.get(one.sourceId()).lastSuccessAt(),
                "nightly jobs: every run of a day sees the same backups");
        assertEquals(one.lastSuccessAt().plus(Duration.ofDays(1)),
                view("commvault", "42", NOW.plus(Duration.ofDays(1))).backups.get(one.sourceId()).lastSuccessAt(), "and the next day the next night's");
    }

    @Test
    void withoutChurnARunChangesNothing() throws Exception {
        for (String v : new String[] {"vcenter", "puppetdb", "foreman", "oxidized", "commvault", "storage"}) {
            assertEquals(runFingerprint(v, "0", 1), runFingerprint(v, "0", 2), v);
        }
    }

    @Test
    void churnChangesSomeRecordsOfEveryViewBetweenRuns() throws Exception {
        for (String v : new String[] {"vcenter", "puppetdb", "oxidized", "storage"}) {
            Map<String, String> a = runFingerprint(v, "10", 1);
            Map<String, String> b = runFingerprint(v, "10", 2);
            long changed = a.keySet().stream().filter(k -> !a.get(k).equals(b.get(k))).count();
            assertTrue(changed > 0 && changed < a.size() / 3, v + ": " + changed + " of " + a.size() + " changed");
        }
    }

    /** Everything lasting a run of the given generation emits: devices, configurations, volumes, backups. */
    private static Map<String, String> runFingerprint(String view, String churn, long generation) throws Exception {
        CollectingSink sink = new CollectingSink();
        new DemoConnector(Map.of("view", view, "size", SIZE, "churn.percent", churn), Clock.fixed(NOW, ZoneOffset.UTC))
                .fetch(new TestContext("demo-" + view, "generation=" + generation, 1), sink);
        Map<String, String> m = fingerprint(sink);
        sink.configs.forEach(c -> m.merge(c.deviceSourceId(), c.text() + c.retrievedAt(), String::concat));
        sink.volumes.values().forEach(x -> m.put(x.sourceId(), String.valueOf(x.usedBytes())));
        sink.backups.values().forEach(b -> m.put(b.sourceId(), b.lastSuccessAt() + " " + b.lastJob()));
        return m;
    }

    /** Every device's id, name and lasting metadata. */
    private static Map<String, String> fingerprint(CollectingSink sink) {
        Map<String, String> m = new HashMap<>();
        for (DeviceRecord d : sink.devices.values()) {
            Map<String, Object> lasting = new HashMap<>(d.metadata());
            lasting.keySet().removeAll(d.volatileKeys());
            m.put(d.sourceId(), d.name() + " " + lasting);
        }
        return m;
    }

    @Test
    void anUnknownViewIsAFieldError() {
        DemoConnector c = new DemoConnector(Map.of("view", "netbox"));
        assertEquals(1, c.validate().size());
        assertEquals("view", c.validate().get(0).field());
        assertTrue(c.validate().get(0).message().contains("vcenter"), c.validate().get(0).message());
    }
}
