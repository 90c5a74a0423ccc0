package com.enreach.tools.netbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.enreach.tools.netbox.client.BulkResult;
import com.enreach.tools.netbox.client.ItemResult;
import com.enreach.tools.netbox.client.NetBoxConnection;
import com.enreach.tools.netbox.client.NetBoxException;
import com.enreach.tools.netbox.sandbox.NetBoxDoubleServer;

/** The client against the NetBox double (4.2 schemas, paging, bulk semantics, faults). */
class HttpNetBoxClientDoubleTest {
    private NetBoxDoubleServer netbox;

    @BeforeEach
    void start() throws IOException {
        netbox = new NetBoxDoubleServer();
    }

    @AfterEach
    void stop() {
        netbox.close();
    }

    private HttpNetBoxClient client(String token, int pageSize, int batchSize) {
        return new HttpNetBoxClient(new NetBoxConnection(netbox.url() + "/", token, pageSize, batchSize, Duration.ofSeconds(10), false, null));
    }

    private List<Map<String, Object>> sites(int n) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Map.of("name", "Site " + i, "slug", "site-" + i, "status", "active"));
        }
        return out;
    }

    @Test
    void pagesBriefAndFiltersOverSeveralPages() {
        HttpNetBoxClient c = client(netbox.token(), 3, 100);
        assertTrue(c.create("dcim/sites", sites(7)).allOk());
        long before = c.requestCount();

        List<Map<String, Object>> all = c.list("dcim/sites", Map.of(), false);
        assertEquals(7, all.size());
        assertEquals(3, c.requestCount() - before, "7 sites by 3 a page");
        assertEquals("active", ((Map<?, ?>) all.get(6).get("status")).get("value"));

        List<Map<String, Object>> brief = c.list("dcim/sites", Map.of(), true);
        assertEquals(7, brief.size());
        assertNull(brief.get(0).get("status"), "the brief form has no status");
        assertEquals("Site 0", brief.get(0).get("name"));

        List<Map<String, Object>> one = c.list("dcim/sites", Map.of("slug", "site-4"), false);
        assertEquals(1, one.size());
        assertEquals("Site 4", one.get(0).get("name"));
        assertEquals("4.2.2", c.status().get("netbox-version"));
    }

    @Test
    void bulkCreateWithOneInvalidObjectCreatesTheOthers() {
        HttpNetBoxClient c = client(netbox.token(), 50, 100);
        List<Map<String, Object>> bodies = new ArrayList<>(sites(3));
        bodies.add(1, Map.of("slug", "no-name"));

        BulkResult r = c.create("dcim/sites", bodies);

        assertEquals(4, r.items().size());
        ItemResult bad = r.items().get(1);
        assertFalse(bad.ok());
        assertEquals(400, bad.status());
        assertTrue(bad.errors().containsKey("name"), bad.errors().toString());
        assertTrue(r.items().get(0).ok() && r.items().get(2).ok() && r.items().get(3).ok());
        assertEquals(3, netbox.netbox().count("dcim.site"));
        assertEquals("Site 2", r.items().get(3).object().get("name"));
    }

    @Test
    void aRejectedObjectGetsNetBoxsMessage() {
        netbox.netbox().rejectWhen("dcim.site", o -> o.path("slug").asText().equals("site-1"), "slug", "Site with this slug already exists.");
        BulkResult r = client(netbox.token(), 50, 100).create("dcim/sites", sites(3));
        assertEquals("slug: Site with this slug already exists.", r.items().get(1).message());
        assertTrue(r.items().get(0).ok() && r.items().get(2).ok());
        assertEquals(2, netbox.netbox().count("dcim.site"));
    }

    @Test
    void bulkUpdateAndDelete() {
        HttpNetBoxClient c = client(netbox.token(), 50, 2);
        List<Long> ids = c.create("dcim/sites", sites(3)).items().stream().map(ItemResult::id).toList();

        BulkResult updated = c.update("dcim/sites", List.of(Map.of("id", ids.get(0), "description", "one"),
                Map.of("id", ids.get(2), "description", "three")));
        assertTrue(updated.allOk());
        assertEquals(1, updated.requests());
        assertEquals("three", c.get("dcim/sites", ids.get(2)).orElseThrow().get("description"));

        BulkResult deleted = c.delete("dcim/sites", ids);
        assertTrue(deleted.allOk(), deleted.toString());
        assertEquals(2, deleted.requests(), "3 ids in batches of 2");
        assertEquals(0, netbox.netbox().count("dcim.site"));
        assertTrue(c.get("dcim/sites", ids.get(0)).isEmpty());
    }

    @Test
    void throttlingAndServerErrorsAreRetryable() {
        HttpNetBoxClient c = client(netbox.token(), 50, 100);
        netbox.netbox().throttleNext(1, 9);
        NetBoxException t = assertThrows(NetBoxException.class, () -> c.list("dcim/sites", Map.of(), false));
        assertTrue(t.retryable());
        assertEquals(9, t.retryAfterSeconds());

        netbox.netbox().failNext(1, 503, 0);
        NetBoxException u = assertThrows(NetBoxException.class, () -> c.create("dcim/sites", sites(1)));
        assertTrue(u.retryable());
        assertEquals(503, u.status());
        assertEquals(0, netbox.netbox().count("dcim.site"));
        assertTrue(c.create("dcim/sites", sites(1)).allOk(), "the next attempt goes through");
    }

    @Test
    void aBadTokenIsRefusedWithoutQuotingIt() {
        String wrong = "ffffffffffffffffffffffffffffffffffffffff";
        NetBoxException e = assertThrows(NetBoxException.class, () -> client(wrong, 50, 100).status());
        assertFalse(e.retryable());
        assertEquals(403, e.status());
        assertTrue(e.getMessage().contains("NetBox refused the token"), e.getMessage());
        assertFalse(e.getMessage().contains(wrong));
    }

    @Test
    void aV2TokenIsAccepted() {
        netbox.netbox().addToken("ops", "nbt_k3y.s3cr3t");
        assertTrue(client("nbt_k3y.s3cr3t", 50, 100).create("dcim/sites", sites(1)).allOk());
    }

    @Test
    void theChangelogComesOldestFirstAndFiltered() {
        HttpNetBoxClient c = client(netbox.token(), 2, 100);
        c.create("dcim/sites", sites(3));
        c.create("dcim/manufacturers", List.of(Map.of("name", "Dell", "slug", "dell")));
        List<Map<String, Object>> changes = c.objectChanges(null, "dcim.site");
        assertEquals(3, changes.size());
        assertTrue(changes.stream().allMatch(m -> "create".equals(((Map<?, ?>) m.get("action")).get("value"))), changes.toString());
        assertEquals(4, c.objectChanges(null, null).size());
    }
}
