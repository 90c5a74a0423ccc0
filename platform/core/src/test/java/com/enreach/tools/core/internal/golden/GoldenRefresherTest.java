package com.enreach.tools.core.internal.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.enreach.tools.api.inventory.Attributes;
import com.enreach.tools.api.inventory.GoldenValue;
import com.enreach.tools.core.internal.db.Times;

class GoldenRefresherTest {
    private static final long GIB = 1L << 30;

    @TempDir
    Path dir;
    private GoldenFixture f;

    @BeforeEach
    void setUp() {
        f = new GoldenFixture(dir);
    }

    @Test
    void sixtyFourGibibytesAndSixtyFiveThousandMebibytesAreOneValueWithItsProvenance() {
        long vc = f.device("vcenter", "vcenter-prod", "web01", "vm", "{\"memory_mb\": 65536, \"vcpu\": 4}", 5);
        long pdb = f.device("puppetdb", "puppet-main", "web01.example.com", "server", "{}", 10);
        f.facts(pdb, "Ubuntu", "22.04", 4, 64 * GIB, null);
        long e = f.entityOf(vc, pdb);

        f.refresh(e);

        GoldenValue memory = f.golden(e, Attributes.MEMORY_BYTES);
        assertEquals(64 * GIB, ((Number) memory.value()).longValue());
        assertEquals("priority:1", memory.rule(), "hardware comes from *vcenter* first");
        assertEquals(vc, memory.source().deviceId());
        assertEquals("vcenter", memory.source().sourceSystem());
        assertEquals("vcenter-prod", memory.source().sourceInstance());
        assertEquals(GoldenFixture.T0.plusSeconds(300), memory.source().seenAt(), "seen_at is the device's last_seen");
        assertEquals(List.of(), memory.alternatives(), "the same amount in other units is no alternative");
        assertFalse(memory.conflict());
        assertEquals(0, ((Number) f.entityRow(e).get("conflict_count")).intValue());
    }

    @Test
    void eightAndSixteenGibibytesConflictAndTheOtherValueIsListedWithItsSource() {
        long vc = f.device("vcenter", "vcenter-prod", "db01", "vm", "{\"memory_gb\": 8}", 5);
        long pdb = f.device("puppetdb", "puppet-main", "db01.example.com", "server", "{}", 10);
        f.facts(pdb, "Debian", "12", 2, 16 * GIB, null);
        long e = f.entityOf(vc, pdb);

        f.refresh(e);

        GoldenValue memory = f.golden(e, Attributes.MEMORY_BYTES);
        assertEquals(8 * GIB, ((Number) memory.value()).longValue());
        assertTrue(memory.conflict());
        assertEquals(1, memory.alternatives().size());
        GoldenValue.Alternative other = memory.alternatives().get(0);
        assertEquals(16 * GIB, ((Number) other.value()).longValue());
        assertEquals(pdb, other.source().deviceId());
        assertEquals("puppet-main", other.source().sourceInstance());
        assertEquals(GoldenFixture.T0.plusSeconds(600), other.source().seenAt());
        assertEquals(1, ((Number) f.entityRow(e).get("conflict_count")).intValue());
    }

    @Test
    void osComesFromPuppetDbFactsBeforeVcenterGuestOs() {
        long vc = f.device("vcenter", "vc", "app01", "vm", "{\"guest_os\": \"Ubuntu Linux (64-bit)\"}", 20);
        long pdb = f.device("puppetdb", "pdb", "app01.example.com", "server", "{}", 1);
        f.facts(pdb, "Ubuntu", "22.04", null, null, null);
        long e = f.entityOf(vc, pdb);

        f.refresh(e);

        GoldenValue os = f.golden(e, Attributes.OS);
        assertEquals("Ubuntu 22.04", os.value());
        assertEquals("priority:1", os.rule());
        assertEquals(pdb, os.source().deviceId());
        assertEquals(List.of("Ubuntu Linux (64-bit)"), os.alternatives().stream().map(a -> a.value()).toList(), "vCenter's spelling is listed");
        assertFalse(os.conflict(), "vCenter's guest OS names the same family without a version: no conflict");
        assertEquals("app01.example.com", f.golden(e, Attributes.FQDN).value());
        assertEquals("app01", f.golden(e, Attributes.NAME).value(), "name from *vcenter*");
        assertFalse(f.golden(e, Attributes.NAME).conflict(), "a short name agrees with its FQDN");
        assertEquals("vm", f.golden(e, Attributes.TYPE).value());
        assertFalse(f.golden(e, Attributes.TYPE).conflict(), "a generic server agrees with a vm");
    }

    @Test
    void unlistedSourcesFollowNewestFirstAndASingleSourceIsOnlySource() {
        long a = f.device("netbox", "nb", "sw01", "network_device", "{\"rack\": \"R1\"}", 1);
        long b = f.device("librenms", "lnms", "sw01", "network_device", "{\"rack\": \"R2\", \"vendor\": \"Cisco\"}", 9);
        long e = f.entityOf(a, b);

        f.refresh(e);

        assertEquals("R1", f.golden(e, Attributes.RACK).value(), "*netbox* is first for rack");
        assertEquals("priority:1", f.golden(e, Attributes.RACK).rule());
        assertEquals("Cisco", f.golden(e, Attributes.VENDOR).value());
        assertEquals("only-source", f.golden(e, Attributes.VENDOR).rule());
        GoldenValue name = f.golden(e, Attributes.NAME);
        assertEquals("newest", name.rule(), "neither matches *vcenter*: the newest wins");
        assertEquals(b, name.source().deviceId());
    }

    @Test
    void staleObservationsStopContributingAndAnAllStaleEntityIsStaleWithMarkedValues() {
        long live = f.device("vcenter", "vc", "old01", "vm", "{\"memory_mb\": 4096, \"site\": \"ams\"}", 5);
        long gone = f.device("puppetdb", "pdb", "old01", "server", "{\"memory_bytes\": 17179869184, \"site\": \"fra\"}", 50, "stale");
        long e = f.entityOf(live, gone);

        f.refresh(e);

        GoldenValue memory = f.golden(e, Attributes.MEMORY_BYTES);
        assertEquals(4096L << 20, ((Number) memory.value()).longValue());
        assertEquals(List.of(), memory.alternatives(), "a stale observation's value is no alternative");
        assertFalse(memory.conflict());
        assertEquals("only-source", memory.rule());
        var row = f.entityRow(e);
        assertEquals("active", row.get("status"));
        assertEquals("[\"vc\"]", row.get("sources"));
        assertEquals(2, ((Number) row.get("observation_count")).intValue());
        assertEquals(Times.format(GoldenFixture.T0.plusSeconds(3000)), row.get("last_seen"), "last_seen over every observation");

        f.sql("UPDATE devices SET status = 'stale' WHERE id = ?", live);
        f.refresh(e);

        row = f.entityRow(e);
        assertEquals("stale", row.get("status"));
        assertEquals("[\"pdb\",\"vc\"]", row.get("sources"), "a stale entity names the sources that knew it");
        GoldenValue site = f.golden(e, Attributes.SITE);
        assertEquals("stale:priority:3", site.rule(), "site from *vcenter* (third for site), marked stale");
        assertEquals("ams", site.value());
        assertTrue(site.conflict());
    }

    @Test
    void entityRowCarriesGoldenNameTypeSiteSourcesAndCountsIncludingIdentityConflicts() {
        long vc = f.device("demo", "demo-vcenter", "web01", "vm", "{\"site\": \"ams1\", \"memory_mb\": 2048}", 5);
        long pdb = f.device("demo", "demo-puppetdb", "web01.prod.example.com", "server", "{\"memory_bytes\": 4294967296}", 6);
        long fm = f.device("demo", "demo-foreman", "web01.prod.example.com", "server", "{}", 7);
        long e = f.entityOf(vc, pdb, fm);
        long other = f.entity("other", "server");
        f.sql("INSERT INTO identity_conflicts (kind, key, detail, entity_ids, created_at) VALUES ('serial', 'x', 'd', ?, ?)",
                "[" + e + ", " + other + "]", Times.format(GoldenFixture.T0));
        f.sql("INSERT INTO identity_conflicts (kind, key, detail, entity_ids, status, created_at) VALUES ('serial', 'y', 'd', ?, 'resolved', ?)",
                "[" + e + "]", Times.format(GoldenFixture.T0));

        f.refresh(e);

        var row = f.entityRow(e);
        assertEquals("web01", row.get("name"), "the demo's instances match *vcenter*");
        assertEquals("vm", row.get("type"));
        assertEquals("ams1", row.get("site"));
        assertEquals("[\"demo-foreman\",\"demo-puppetdb\",\"demo-vcenter\"]", row.get("sources"));
        assertEquals(3, ((Number) row.get("source_count")).intValue());
        assertEquals(3, ((Number) row.get("observation_count")).intValue());
        assertEquals(2, ((Number) row.get("conflict_count")).intValue(), "memory 2 vs 4 GiB + one open identity conflict");
        assertEquals(vc, f.golden(e, Attributes.MEMORY_BYTES).source().deviceId());
    }

    @Test
    void hostIsTheNameOfTheEntityAVmRunsOn() {
        long esx = f.device("vcenter", "vc", "esx01.example.com", "hypervisor", "{}", 1);
        long vm = f.device("vcenter", "vc", "vm01", "vm", "{\"host\": \"esx01\"}", 1);
        long hostEntity = f.entityOf(esx);
        long vmEntity = f.entityOf(vm);
        f.sql("UPDATE entities SET name = 'esx01' WHERE id = ?", hostEntity);
        f.sql("INSERT INTO device_relationships (from_device_id, to_device_id, type, source_instance, created_at) VALUES (?, ?, 'runs_on', 'vc', ?)",
                vm, esx, Times.format(GoldenFixture.T0));

        f.refresh(vmEntity);

        assertEquals("esx01", f.golden(vmEntity, Attributes.HOST).value(), "the host entity's name, not the device's");
    }

    @Test
    void primaryMacAndIpComeFromInterfacesWhenMetadataHasNone() {
        long d = f.device("foreman", "fm", "db02.example.com", "server", "{\"primary_interface\": \"eth1\"}", 1);
        f.sql("INSERT INTO network_interfaces (device_id, name, mac) VALUES (?, 'eth0', '00:50:56:00:00:01')", d);
        f.sql("INSERT INTO network_interfaces (device_id, name, mac) VALUES (?, 'eth1', '00-50-56-00-00-02')", d);
        f.sql("INSERT INTO ip_addresses (device_id, address, family, interface_name) VALUES (?, 'fe80::1', 6, 'eth1')", d);
        f.sql("INSERT INTO ip_addresses (device_id, address, family, interface_name) VALUES (?, '10.0.0.2', 4, 'eth1')", d);
        long e = f.entityOf(d);

        f.refresh(e);

        assertEquals("00:50:56:00:00:02", f.golden(e, Attributes.PRIMARY_MAC).value());
        assertEquals("10.0.0.2", f.golden(e, Attributes.PRIMARY_IP).value());
    }

    @Test
    void anUnchangedEntityIsNotWrittenAgainAndAChangedObservationIs() {
        long vc = f.device("vcenter", "vc", "x01", "vm", "{\"vcpu\": 2}", 1);
        long e = f.entityOf(vc);
        GoldenRefresher.Stats first = f.refresh(e);
        assertTrue(first.rowsWritten() > 0);
        assertEquals(1, first.entitiesWritten());

        GoldenRefresher.Stats again = f.refresh(e);
        assertEquals(0, again.rowsWritten());
        assertEquals(0, again.entitiesWritten());

        f.sql("UPDATE devices SET metadata = '{}' WHERE id = ?", vc);
        GoldenRefresher.Stats changed = f.refresh(e);
        assertEquals(1, changed.rowsWritten(), "cpu_count lost its only value: its row is deleted");
        assertNull(f.golden(e, Attributes.CPU_COUNT));
    }

    @Test
    void aRunThatOnlyTouchesObservationsMovesTheirEntitiesLastSeenForwardOnly() {
        long seen = f.device("vcenter", "vc", "t1", "vm", "{}", 1);
        long other = f.device("puppetdb", "pdb", "t1", "server", "{}", 500);
        long e = f.entityOf(seen, other);
        long quiet = f.entityOf(f.device("vcenter", "vc", "t2", "vm", "{}", 1));
        long newer = f.entityOf(f.device("vcenter", "vc", "t3", "vm", "{}", 1));
        f.refresh(e, quiet, newer);
        String before = (String) f.entityRow(quiet).get("last_seen");
        f.sql("UPDATE device_seen SET seen_run_id = 7, last_seen = ? WHERE device_id IN (SELECT id FROM devices WHERE source_instance = 'vc' AND name IN ('t1', 't3'))",
                Times.format(GoldenFixture.T0.plusSeconds(60_000)));
        f.sql("UPDATE entities SET last_seen = ? WHERE id = ?", Times.format(GoldenFixture.T0.plusSeconds(90_000)), newer);

        assertEquals(1, f.refresher.followLastSeen(7, "vc"));

        assertEquals(Times.format(GoldenFixture.T0.plusSeconds(60_000)), f.entityRow(e).get("last_seen"));
        assertEquals(before, f.entityRow(quiet).get("last_seen"), "not seen by the run");
        assertEquals(Times.format(GoldenFixture.T0.plusSeconds(90_000)), f.entityRow(newer).get("last_seen"), "never backwards");
        assertEquals(0, f.refresher.followLastSeen(7, "pdb"));
    }

    @Test
    void entitiesThatDoNotExistAreIgnored() {
        GoldenRefresher.Stats s = f.refresh(12345L);
        assertEquals(0, s.rowsWritten());
    }
}
