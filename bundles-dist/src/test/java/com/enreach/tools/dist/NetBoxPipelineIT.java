package com.enreach.tools.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.enreach.tools.netbox.sandbox.NetBoxDouble;
import com.enreach.tools.netbox.sandbox.NetBoxDoubleServer;
import com.enreach.tools.netbox.sandbox.WriteLatch;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The issue's NetBox scenarios in the real distribution: a small demo estate (as vCenter sees it: clusters, ESXi
 * hosts, VMs with their cluster, NICs and addresses) synced into the platform, the writer
 * plugin pointed at a NetBox double running in this JVM (so a kill -9 of the platform leaves NetBox's state), driven
 * through /api/netbox/*. What NetBox holds is read through NetBox's own API.
 */
class NetBoxPipelineIT {
    private static final String TARGET = "it";
    private static final String VMS = "virtualization/virtual-machines";
    private static final String DEVICES = "dcim/devices";
    private static final String REJECTED = "Rejected by the test: reserved name";

    private Distribution dist;
    private NetBoxDoubleServer server;

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (dist != null) {
            dist.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** The platform with a demo estate of {@code size} synced and the target "it" writing to the double. */
    private NetBoxRest platformWithEstate(String name) throws Exception {
        server = new NetBoxDoubleServer();
        dist = Distribution.copy(name);
        dist.start();
        dist.writeConfig("source.demo-x.cfg", "view=vcenter\nsize=60\nseed=5\nchurn.percent=0\n");
        dist.awaitSource("demo-x", s -> s.path("present").asBoolean());
        Distribution.Result sync = dist.cli("sync", "demo-x");
        assertEquals(0, sync.exit(), sync.toString());
        dist.writeConfig("enreach.netbox.target-" + TARGET + ".cfg", "url=" + server.url() + "\n.password=" + server.token()
                + "\nwrite.enabled=true\nself.approval=true\nbatch.size=10\n");
        NetBoxRest rest = new NetBoxRest(dist, TARGET);
        awaitTarget(rest);
        return rest;
    }

    /** The writer plugin (deploy/) is up a moment after /api/health answers. */
    private static void awaitTarget(NetBoxRest rest) {
        Distribution.await("target " + TARGET + " in /api/netbox/targets", Duration.ofSeconds(60), () -> rest.call("GET", "/api/netbox/targets", null),
                r -> r.statusCode() == 200 && r.body().contains("\"" + TARGET + "\""));
    }

    private List<JsonNode> netbox(String endpoint) {
        return NetBoxRest.netbox(server.url(), server.token(), endpoint);
    }

    private JsonNode vmNamed(String name) {
        return netbox(VMS).stream().filter(v -> name.equals(v.path("name").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no VM " + name + " in NetBox"));
    }

    private static long entityOf(JsonNode netboxObject) {
        long id = netboxObject.path("custom_fields").path("enreach_entity_id").asLong();
        assertTrue(id > 0, "managed objects carry their entity id: " + netboxObject);
        return id;
    }

    /** A manual override of the golden memory, as an operator sets one: the next preview proposes it to NetBox. */
    private void overrideMemory(NetBoxRest rest, JsonNode vm, long mib) {
        rest.expect(200, "PUT", "/api/entities/" + entityOf(vm) + "/overrides/memory_bytes",
                Map.of("value", mib * 1024 * 1024, "reason", "resized by the test"));
    }

    /** No object twice: what a repeated or resumed create would leave. */
    private void assertNoDuplicates() {
        assertUnique(DEVICES, d -> d.path("name").asText());
        assertUnique(VMS, v -> v.path("name").asText() + "@" + v.path("cluster").path("id").asText());
        assertUnique("dcim/interfaces", i -> i.path("device").path("id").asText() + "/" + i.path("name").asText());
        assertUnique("virtualization/interfaces", i -> i.path("virtual_machine").path("id").asText() + "/" + i.path("name").asText());
        assertUnique("ipam/ip-addresses", i -> i.path("address").asText());
        assertUnique("dcim/sites", s -> s.path("slug").asText());
        assertUnique("extras/tags", t -> t.path("slug").asText());
    }

    private void assertUnique(String endpoint, Function<JsonNode, String> key) {
        List<String> keys = netbox(endpoint).stream().map(key).toList();
        assertEquals(new HashSet<>(keys).size(), keys.size(), endpoint + " holds duplicates: " + keys);
    }

    @Test
    void fullSyncRejectsIncrementalConflictDriftAndRollback() throws Exception {
        NetBoxRest rest = platformWithEstate("netbox-pipeline");
        NetBoxDouble netbox = server.netbox();

        // 1. First full sync into an empty NetBox; NetBox refuses two VMs: per-item failures, the rest applied.
        netbox.rejectWhen("virtualization.virtualmachine", o -> o.path("name").asText().matches(".*-0000[34]$"), "name", REJECTED);
        JsonNode first = rest.preview();
        assertFalse(first.path("items").isEmpty(), first.toString());
        assertEquals(List.of(), NetBoxRest.items(first, "update", null).stream().filter(i -> !i.path("netbox_id").isNull()).toList(),
                "an empty NetBox: nothing existing is updated (only the primary IPs of objects created here)");
        assertEquals(List.of(), NetBoxRest.items(first, "delete", null), "an empty NetBox: creates only");
        int vmCreates = NetBoxRest.items(first, "create", "virtualization.virtualmachine").size();
        int deviceCreates = NetBoxRest.items(first, "create", "dcim.device").size();
        assertTrue(vmCreates > 10, "the estate's VMs: " + first.path("counts"));

        JsonNode applied = rest.approveAndApply(first);
        assertEquals("partially_applied", applied.path("status").asText(), applied.toString());
        List<JsonNode> failed = stream(applied.path("problems")).filter(p -> "failed".equals(p.path("status").asText())).toList();
        assertEquals(2, failed.size(), applied.toString());
        failed.forEach(f -> assertTrue(f.path("message").asText().contains(REJECTED), f.toString()));
        assertEquals(vmCreates - 2, netbox(VMS).size());
        assertEquals(deviceCreates, netbox(DEVICES).size());
        netbox(VMS).forEach(v -> assertTrue(stream(v.path("tags")).anyMatch(t -> "enreach".equals(t.path("slug").asText())), v.toString()));
        assertNoDuplicates();

        // 2. Incremental sync after a change: NetBox accepts the two VMs now, and one VM's memory was changed.
        netbox.resetFaults();
        JsonNode resized = netbox(VMS).get(0);
        long memoryBefore = resized.path("memory").asLong();
        overrideMemory(rest, resized, memoryBefore + 1024);
        JsonNode incremental = rest.preview();
        assertEquals(2, NetBoxRest.items(incremental, "create", "virtualization.virtualmachine").size(), incremental.toString());
        assertTrue(NetBoxRest.items(incremental, "update", "virtualization.virtualmachine").stream()
                .anyMatch(i -> i.path("netbox_id").asLong() == resized.path("id").asLong()), incremental.toString());
        assertEquals(List.of(), NetBoxRest.items(incremental, "create", "dcim.device"), "nothing applied before is created again");
        JsonNode second = rest.approveAndApply(incremental);
        assertEquals("applied", second.path("status").asText(), second.toString());
        assertEquals(vmCreates, netbox(VMS).size());
        assertEquals(memoryBefore + 1024, vmNamed(resized.path("name").asText()).path("memory").asLong());
        assertNoDuplicates();

        // 3. A hand edit in NetBox becomes a conflict: listed, and not overwritten by the next change set.
        JsonNode edited = netbox(VMS).get(1);
        netbox.handEdit("jane", "virtualization.virtualmachine", edited.path("id").asLong(), Map.of("memory", 1234));
        JsonNode afterEdit = rest.preview();
        assertTrue(NetBoxRest.items(afterEdit, null, null).stream().noneMatch(i -> i.path("netbox_id").asLong() == edited.path("id").asLong()),
                "the hand-edited object is held, not written back: " + afterEdit);
        JsonNode conflicts = rest.expect(200, "GET", "/api/netbox/conflicts?target=" + TARGET + "&status=open", null);
        assertTrue(stream(conflicts.path("results")).anyMatch(c -> c.path("netbox_id").asLong() == edited.path("id").asLong()
                && "jane".equals(c.path("changed_by").asText())), conflicts.toString());
        assertEquals(1234, vmNamed(edited.path("name").asText()).path("memory").asLong());

        // 4. Drift between preview and apply: only the object NetBox changed meanwhile is held back.
        JsonNode kept = netbox(VMS).get(2);
        JsonNode drifting = netbox(VMS).get(3);
        overrideMemory(rest, kept, kept.path("memory").asLong() + 2048);
        overrideMemory(rest, drifting, drifting.path("memory").asLong() + 2048);
        JsonNode toApply = rest.preview();
        rest.approve(toApply);
        netbox.handEdit("jane", "virtualization.virtualmachine", drifting.path("id").asLong(), Map.of("memory", 4321));
        JsonNode withDrift = rest.apply(toApply.path("id").asLong());
        assertEquals("partially_applied", withDrift.path("status").asText(), withDrift.toString());
        assertEquals(1, withDrift.path("drifted").asInt(), withDrift.toString());
        assertEquals(kept.path("memory").asLong() + 2048, vmNamed(kept.path("name").asText()).path("memory").asLong());
        assertEquals(4321, vmNamed(drifting.path("name").asText()).path("memory").asLong());

        // 5. Rollback of an apply (the one just made): a reverse change set through the same approval restores the
        //    memory it changed; the item that drifted was not applied, so it is not reversed either.
        JsonNode reverse = rest.expect(201, "POST", "/api/netbox/changesets/" + toApply.path("id").asLong() + "/rollback", null);
        assertEquals("rollback", reverse.path("kind").asText(), reverse.toString());
        JsonNode back = rest.approveAndApply(rest.changeSet(reverse.path("id").asLong()));
        assertEquals("applied", back.path("status").asText(), back.toString());
        assertEquals(kept.path("memory").asLong(), vmNamed(kept.path("name").asText()).path("memory").asLong());
        assertEquals(4321, vmNamed(drifting.path("name").asText()).path("memory").asLong(), "NetBox's own edit is left alone");
        JsonNode history = rest.expect(200, "GET", "/api/netbox/history?target=" + TARGET + "&changeset=" + reverse.path("id").asLong(), null);
        assertTrue(history.path("count").asInt() >= 1, "the rollback's change is in the history: " + history);
        assertNoDuplicates();
    }

    @Test
    void killedDuringApplyThenAppliedAgainWithoutDuplicates() throws Exception {
        NetBoxRest rest = platformWithEstate("netbox-kill");
        NetBoxDouble netbox = server.netbox();
        JsonNode changeSet = rest.preview();
        rest.approve(changeSet);
        long id = changeSet.path("id").asLong();

        // The 4th write is held inside NetBox; the platform is killed while it waits for the answer, then NetBox
        // applies that write: the platform never learns of it.
        WriteLatch latch = netbox.blockWrite(4);
        CompletableFuture<HttpResponse<String>> applying = CompletableFuture.supplyAsync(() -> rest.call("POST", "/api/netbox/changesets/" + id + "/apply", null));
        assertTrue(latch.awaitBlocked(Duration.ofMinutes(3)), "the apply reached the held write");
        int changesBefore = netbox.changes().size();
        dist.kill();
        latch.release();
        Distribution.await("NetBox to apply the held write", Duration.ofSeconds(60), () -> netbox.changes().size(), n -> n > changesBefore);
        applying.handle((r, e) -> r).get(60, TimeUnit.SECONDS);

        dist.start();
        awaitTarget(rest);
        assertNotEquals("applied", rest.changeSet(id).path("status").asText(), "the killed apply did not finish");
        JsonNode resumed = rest.apply(id);
        assertEquals("applied", resumed.path("status").asText(), resumed.toString());
        assertEquals(0, resumed.path("failed").asInt(), resumed.toString());

        assertNoDuplicates();
        Map<String, Long> creates = stream(changeSet.path("items")).filter(i -> "create".equals(i.path("action").asText()))
                .collect(Collectors.groupingBy(i -> i.path("object_type").asText(), Collectors.counting()));
        assertEquals(creates.getOrDefault("virtualization.virtualmachine", 0L).intValue(), netbox.count("virtualization.virtualmachine"), creates.toString());
        assertEquals(creates.getOrDefault("dcim.device", 0L).intValue(), netbox.count("dcim.device"), creates.toString());
        assertEquals(creates.getOrDefault("ipam.ipaddress", 0L).intValue(), netbox.count("ipam.ipaddress"), creates.toString());
        JsonNode again = rest.preview();
        Set<String> actions = stream(again.path("items")).map(i -> i.path("action").asText()).collect(Collectors.toSet());
        assertFalse(actions.contains("create"), "everything was applied once: nothing left to create " + again);
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }
}
