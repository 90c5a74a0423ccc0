package com.enreach.tools.core.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.enreach.tools.api.Backup;
import com.enreach.tools.api.BackupQuery;
import com.enreach.tools.api.Device;
import com.enreach.tools.api.DeviceDetail;
import com.enreach.tools.api.DeviceQuery;
import com.enreach.tools.api.SyncStatus;
import com.enreach.tools.api.spi.BackupRecord;
import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.InterfaceRecord;
import com.enreach.tools.api.spi.IpAddressRecord;
import com.enreach.tools.core.internal.query.DeviceQueries;

/** Backups and device details follow resolved entities, through real sync runs. */
class BackupLinksTest {
    @TempDir
    Path dir;
    Fixtures.Env env;
    DeviceQueries queries;

    @BeforeEach
    void setUp() {
        env = new Fixtures.Env(dir);
        queries = new DeviceQueries(env.db);
        // web01 in three datacenters of one vCenter (three VMs), db01 in two domains
        env.add("vcenter", "prod", (ctx, sink) -> {
            for (int i = 0; i < 3; i++) {
                sink.device(DeviceRecord.of("vm-" + i, "web01", "vm").put("system_uuid", "4237a1b2-c3d4-e5f6-0718-00000000000" + i)
                        .addInterface(new InterfaceRecord("Network adapter 1", "00:50:56:00:00:0" + i, null, null, null, null))
                        .addIpAddress(new IpAddressRecord("10.0." + i + ".10", "Network adapter 1", null)));
            }
            sink.device(DeviceRecord.of("vm-10", "db01.a.example.com", "vm"));
            sink.device(DeviceRecord.of("vm-11", "db01.b.example.com", "vm"));
        });
        env.add("puppetdb", "main", (ctx, sink) -> sink.device(DeviceRecord.of("web01.dc1.example.com", "web01.dc1.example.com", "server")
                // the guest reports its SMBIOS UUID: the same machine as vm-1, in the other byte order
                .put("system_uuid", "b2a13742-d4c3-f6e5-0718-000000000001")));
        env.add("commvault", "main", (ctx, sink) -> {
            sink.backup(BackupRecord.of("vm:1", "web01").vm("web01", "B2A13742-D4C3-F6E5-0718-000000000001"));
            sink.backup(BackupRecord.of("client:2", "web01").hostName("web01"));
            sink.backup(BackupRecord.of("client:3", "db01").hostName("db01.b.example.com"));
            sink.backup(BackupRecord.of("client:4", "db01").hostName("db01"));
        });
        for (String instance : List.of("vcenter-prod", "puppetdb-main", "commvault-main")) {
            assertEquals(SyncStatus.SUCCEEDED, env.runToEnd(instance, false).status(), instance);
        }
    }

    @AfterEach
    void tearDown() {
        env.close();
    }

    private Device vm(String sourceId) {
        return queries.find(new DeviceQuery(null, "vcenter-prod", null, null, null, 100, 0)).results().stream()
                .filter(d -> d.sourceId().equals(sourceId)).findFirst().orElseThrow();
    }

    private Map<String, Long> backups() {
        return queries.backups(new BackupQuery(null, "commvault-main", null, null, null, 100, 0)).results().stream()
                .collect(Collectors.toMap(Backup::sourceId, b -> b.deviceId() == null ? -1L : b.deviceId()));
    }

    @Test
    void backupsLinkThroughIdentifiersAndNeverToOneOfSeveralMachines() {
        Map<String, Long> links = backups();
        assertEquals(vm("vm-1").id(), links.get("vm:1"), "VM GUID against the system UUID, either byte order");
        assertEquals(-1L, links.get("client:2"), "web01 names three machines: unlinked rather than the wrong one");
        assertEquals(vm("vm-11").id(), links.get("client:3"), "the FQDN picks its own domain");
        assertEquals(-1L, links.get("client:4"), "db01 names two machines");
    }

    @Test
    void aDeviceDetailShowsItsOwnEntityOnlyNotEveryMachineWithItsName() {
        DeviceDetail d = queries.get(vm("vm-1").id()).orElseThrow();
        assertEquals(List.of("puppetdb-main"), d.sameHost().stream().map(Device::sourceInstance).toList());
        assertEquals(List.of("10.0.1.10"), d.ipAddresses().stream().map(a -> a.address()).toList());
        DeviceDetail other = queries.get(vm("vm-2").id()).orElseThrow();
        assertTrue(other.sameHost().isEmpty());
        assertEquals(List.of("00:50:56:00:00:02"), other.interfaces().stream().map(n -> n.mac()).toList());
        assertTrue(other.backups().isEmpty(), "the backup that names web01 only is linked to no machine");
    }
}
