package com.enreach.tools.core.internal.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The resolution rules on observations built in memory. */
class ClustererTest {
    private long nextId = 1;

    private Obs obs(String instance, String sourceId, String type, String... keys) {
        Obs o = new Obs(nextId++, instance, sourceId, type, sourceId);
        for (int i = 0; i < keys.length; i += 2) {
            o.add(keys[i], keys[i + 1]);
        }
        return o;
    }

    private static Clusterer.Result resolve(List<Obs> obs) {
        return Clusterer.resolve(obs, Map.of(), Clusterer.Decisions.none());
    }

    /** The entities as sets of observation names, sorted, for comparing. */
    private static Set<String> groups(Clusterer.Result r) {
        return r.clusters().stream().map(c -> c.members().stream().map(Obs::ref).sorted().collect(Collectors.joining(",")))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String ruleOf(Clusterer.Result r, Obs o) {
        return r.clusters().stream().filter(c -> c.members().contains(o)).findFirst().orElseThrow().rules().get(o.id);
    }

    @Test
    void eachStrongIdentifierLinksAcrossSourcesWithItsRule() {
        for (String kind : Keys.STRONG) {
            Obs a = obs("vcenter-prod", "vm-1", "vm", kind, "x-" + kind);
            Obs b = obs("puppetdb-main", "node-1", "server", kind, "x-" + kind);
            Clusterer.Result r = resolve(List.of(a, b));
            assertEquals(1, r.clusters().size(), kind);
            // the observation with the smaller name anchors the entity; the other is linked by the identifier
            assertEquals(Clusterer.SOURCE_ID, ruleOf(r, b), kind);
            assertEquals(kind, ruleOf(r, a), kind);
            assertEquals("x-" + kind, r.clusters().get(0).evidence().get(a.id));
        }
    }

    @Test
    void twoObjectsOfOneInstanceAreNeverOneEntityWhateverTheyShare() {
        Obs a = obs("vcenter-prod", "vm-1", "vm", Keys.HOSTNAME, "web01", Keys.FQDN, "web01.example.com");
        Obs b = obs("vcenter-prod", "vm-2", "vm", Keys.HOSTNAME, "web01", Keys.FQDN, "web01.example.com");
        Clusterer.Result r = resolve(List.of(a, b));
        assertEquals(2, r.clusters().size());
        assertEquals("ambiguous-identifier", r.conflicts().get(0).kind());
        assertEquals(List.of(a.id, b.id), r.conflicts().get(0).deviceIds());
    }

    @Test
    void sameNameDifferentSerialIsTwoEntitiesAndAConflict() {
        Obs a = obs("vcenter-prod", "host-1", "hypervisor", Keys.HOSTNAME, "esx01", Keys.SERIAL, "AAA111");
        Obs b = obs("foreman-main", "7", "server", Keys.HOSTNAME, "esx01", Keys.SERIAL, "BBB222");
        Clusterer.Result r = resolve(List.of(a, b));
        assertEquals(2, r.clusters().size());
        assertEquals(1, r.conflicts().size());
        assertEquals("same-name-different-serial", r.conflicts().get(0).kind());
        assertEquals("esx01", r.conflicts().get(0).key());
    }

    @Test
    void sameNameDifferentUuidIsTwoEntitiesAndAConflict() {
        Obs a = obs("vcenter-prod", "vm-1", "vm", Keys.HOSTNAME, "db01", Keys.SYSTEM_UUID, "11111111-0000-0000-0000-000000000001");
        Obs b = obs("puppetdb-main", "db01", "server", Keys.HOSTNAME, "db01", Keys.SYSTEM_UUID, "22222222-0000-0000-0000-000000000002");
        Clusterer.Result r = resolve(List.of(a, b));
        assertEquals(2, r.clusters().size());
        assertEquals("same-name-different-uuid", r.conflicts().get(0).kind());
    }

    @Test
    void aShortNameLinksOnlyItsSingleCandidate() {
        Obs vm = obs("vcenter-prod", "vm-1", "vm", Keys.HOSTNAME, "app01");
        Obs node = obs("puppetdb-main", "app01.example.com", "server", Keys.HOSTNAME, "app01", Keys.FQDN, "app01.example.com");
        Clusterer.Result r = resolve(List.of(vm, node));
        assertEquals(1, r.clusters().size());
        assertEquals(Keys.HOSTNAME, ruleOf(r, vm));

        // a second candidate in another source: the name no longer says which one
        Obs other = obs("foreman-main", "app01", "server", Keys.HOSTNAME, "app01", Keys.SERIAL, "S-1");
        Obs node2 = obs("oxidized-main", "app01", "server", Keys.HOSTNAME, "app01", Keys.SERIAL, "S-2");
        assertEquals(4, resolve(List.of(vm, node, other, node2)).clusters().size());
    }

    @Test
    void webProdAndWebDevAreTwoEntitiesWithoutConflict() {
        Obs prod = obs("puppetdb-main", "web01.prod.example.com", "server", Keys.HOSTNAME, "web01", Keys.FQDN, "web01.prod.example.com");
        Obs dev = obs("foreman-main", "9", "server", Keys.HOSTNAME, "web01", Keys.FQDN, "web01.dev.example.com");
        Clusterer.Result r = resolve(List.of(prod, dev));
        assertEquals(2, r.clusters().size());
        assertTrue(r.conflicts().isEmpty());
    }

    @Test
    void anIpLinksOnlyWhenNamesDoNotDisagree() {
        Obs nameless = obs("oxidized-main", "10.1.2.3", "server", Keys.IP, "10.1.2.3");
        Obs node = obs("puppetdb-main", "app02", "server", Keys.HOSTNAME, "app02", Keys.IP, "10.1.2.3");
        Clusterer.Result r = resolve(List.of(nameless, node));
        assertEquals(1, r.clusters().size());
        assertEquals(0.4, Keys.confidence(ruleOf(r, node)), 1e-9);

        Obs otherSite = obs("vcenter-ams", "vm-9", "vm", Keys.HOSTNAME, "db07", Keys.IP, "10.1.2.3");
        assertEquals(2, resolve(List.of(otherSite, obs("vcenter-fra", "vm-3", "vm", Keys.HOSTNAME, "app01", Keys.IP, "10.1.2.3"))).clusters().size());
    }

    @Test
    void aStrongerIdentifierThatDiffersBlocksAWeakerOne() {
        Obs a = obs("vcenter-prod", "vm-1", "vm", Keys.MAC, "00:50:56:00:00:01", Keys.SERIAL, "AAA111");
        Obs b = obs("puppetdb-main", "n1", "server", Keys.MAC, "00:50:56:00:00:01", Keys.SERIAL, "BBB222");
        Clusterer.Result r = resolve(List.of(a, b));
        assertEquals(2, r.clusters().size());
        assertEquals("ambiguous-identifier", r.conflicts().get(0).kind());
        // a matching UUID wins over differing serials (one source may report the chassis serial)
        Obs c = obs("vcenter-prod", "vm-2", "vm", Keys.SYSTEM_UUID, "u-1", Keys.SERIAL, "AAA111");
        Obs d = obs("puppetdb-main", "n2", "server", Keys.SYSTEM_UUID, "u-1", Keys.SERIAL, "CCC333");
        assertEquals(1, resolve(List.of(c, d)).clusters().size());
    }

    @Test
    void networkAndStorageMatchOnlyTheirOwnType() {
        Obs sw = obs("oxidized-main", "core-sw1", "network_device", Keys.SERIAL, "FOC1234");
        Obs array = obs("dorado-ams", "sys-1", "storage", Keys.SERIAL, "FOC1234");
        assertEquals(2, resolve(List.of(sw, array)).clusters().size());
        Obs vm = obs("vcenter-prod", "vm-1", "vm", Keys.SERIAL, "VMWARE-42 01");
        Obs guest = obs("puppetdb-main", "g1", "server", Keys.SERIAL, "VMWARE-42 01");
        assertEquals(1, resolve(List.of(vm, guest)).clusters().size());
    }

    @Test
    void aStrongKeyWithSeveralCandidatesIsAmbiguousAndLinksNothing() {
        Obs x = obs("puppetdb-main", "n1", "server", Keys.MAC, "00:50:56:00:00:09");
        Obs y = obs("vcenter-a", "vm-1", "vm", Keys.MAC, "00:50:56:00:00:09", Keys.SERIAL, "S-A");
        Obs z = obs("vcenter-b", "vm-1", "vm", Keys.MAC, "00:50:56:00:00:09", Keys.SERIAL, "S-B");
        Clusterer.Result r = resolve(List.of(x, y, z));
        assertEquals(3, r.clusters().size());
        assertEquals("ambiguous-identifier", r.conflicts().get(0).kind());
    }

    @Test
    void theResultDoesNotDependOnTheOrderOfObservations() {
        List<Obs> estate = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String n = "host" + (i % 12);
            estate.add(obs("vcenter-" + (i % 3), "vm-" + i, "vm", Keys.HOSTNAME, n, Keys.SYSTEM_UUID, "u-" + (i % 7), Keys.IP, "10.0.0." + (i % 9)));
            estate.add(obs("puppetdb-main", "n-" + i, "server", Keys.HOSTNAME, n, Keys.SYSTEM_UUID, "u-" + (i % 11), Keys.MAC, "m-" + (i % 5)));
        }
        Set<String> first = groups(resolve(estate));
        Random rnd = new Random(42);
        for (int round = 0; round < 5; round++) {
            List<Obs> shuffled = new ArrayList<>(estate);
            Collections.shuffle(shuffled, rnd);
            assertEquals(first, groups(resolve(shuffled)));
        }
    }

    @Test
    void manualDecisionsOverrideTheRulesAndSettleConflicts() {
        Obs a = obs("vcenter-prod", "host-1", "hypervisor", Keys.HOSTNAME, "esx01", Keys.SERIAL, "AAA111");
        Obs b = obs("foreman-main", "7", "server", Keys.HOSTNAME, "esx01", Keys.SERIAL, "BBB222");
        Clusterer.Result merged = Clusterer.resolve(List.of(a, b), Map.of(), new Clusterer.Decisions(List.of(Set.of(a.id, b.id)), List.of()));
        assertEquals(1, merged.clusters().size());
        assertEquals(Clusterer.MANUAL, ruleOf(merged, a));
        assertTrue(merged.conflicts().isEmpty());

        Obs c = obs("vcenter-prod", "vm-1", "vm", Keys.SYSTEM_UUID, "u-9");
        Obs d = obs("puppetdb-main", "n9", "server", Keys.SYSTEM_UUID, "u-9");
        @SuppressWarnings("unchecked")
        Set<Long>[] apart = new Set[] {Set.of(d.id), Set.of(c.id)};
        Clusterer.Result split = Clusterer.resolve(List.of(c, d), Map.of(), new Clusterer.Decisions(List.of(Set.of(d.id)), List.<Set<Long>[]>of(apart)));
        assertEquals(2, split.clusters().size());
    }

    @Test
    void aValueHeldByTooManyObservationsIsNoIdentity() {
        Obs a = obs("vcenter-prod", "vm-1", "vm", Keys.SERIAL, "SHARED1");
        Obs b = obs("puppetdb-main", "n1", "server", Keys.SERIAL, "SHARED1");
        Clusterer.Result r = Clusterer.resolve(List.of(a, b), Map.of(Clusterer.holderKey(Keys.SERIAL, "SHARED1"), 500), Clusterer.Decisions.none());
        assertEquals(2, r.clusters().size());
    }
}
