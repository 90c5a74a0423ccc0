package com.enreach.tools.rest.internal;

import static com.enreach.tools.rest.internal.RestMocks.caller;
import static com.enreach.tools.rest.internal.RestMocks.invalid;
import static com.enreach.tools.rest.internal.RestMocks.notFound;
import static com.enreach.tools.rest.internal.RestMocks.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.Role;
import com.enreach.tools.api.netbox.ApprovalRequest;
import com.enreach.tools.api.netbox.ChangeSet;
import com.enreach.tools.api.netbox.ChangeSetQuery;
import com.enreach.tools.api.netbox.ConflictQuery;
import com.enreach.tools.api.netbox.HistoryQuery;
import com.enreach.tools.api.netbox.ItemQuery;
import com.enreach.tools.api.netbox.PreviewRequest;
import com.enreach.tools.api.netbox.ValidationQuery;
import com.fasterxml.jackson.databind.JsonNode;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;

/** /api/netbox/* over a fake writer: parameters, bodies, the actor, roles, and 503 when the writer plugin is absent. */
class NetBoxRoutesTest {
    private final FakeNetBox fake = new FakeNetBox();
    private final NetBoxResource netbox = new NetBoxResource();
    private final NetBoxChangeSetResource changesets = new NetBoxChangeSetResource();

    @BeforeEach
    void wire() {
        netbox.netbox = fake;
        changesets.netbox = fake;
    }

    @Test
    void withoutTheWriterPluginEveryRouteIs503NamingItButBadParametersAreStill400() {
        netbox.netbox = null;
        changesets.netbox = null;
        for (Executable call : List.<Executable>of(netbox::targets,
                () -> netbox.validation(null, null, null, null, null, null, null, null),
                () -> netbox.history(null, null, null, null, null, null, null, null, null, null, null, null, null, uri("http://h/api/netbox/history")),
                () -> netbox.conflicts(null, null, null, null, null, null, uri("http://h/api/netbox/conflicts")),
                () -> changesets.list(null, null, null, null, null, null, uri("http://h/api/netbox/changesets")),
                () -> changesets.get("7", null, null, null, null, null),
                () -> changesets.preview(null, caller("op", Role.OPERATOR)),
                () -> changesets.approve("7", new NetBoxChangeSetResource.ApproveBody("h7", null, null, null), caller("ap", Role.APPROVER)),
                () -> changesets.apply("7", caller("ap", Role.APPROVER)),
                () -> changesets.rollback("7", caller("op", Role.OPERATOR)))) {
            ServiceUnavailable e = assertThrows(ServiceUnavailable.class, call);
            Response r = new ExceptionMappers().toResponse(e);
            assertEquals(503, r.getStatus());
            ErrorBody.Error error = ((ErrorBody) r.getEntity()).error();
            assertEquals("netbox_writer_missing", error.code());
            assertTrue(error.message().contains("com.enreach.tools.plugin.netbox.writer"), error.message());
        }
        invalid("limit", () -> changesets.list(null, null, null, null, "0", null, uri("http://h/x")));
        invalid("id", () -> changesets.apply("abc", caller("ap", Role.APPROVER)));
        invalid("hash", () -> changesets.approve("7", new NetBoxChangeSetResource.ApproveBody(" ", null, null, null), caller("ap", Role.APPROVER)));
    }

    @Test
    void netboxUnreachableIs503AndTheServicesRefusalsKeepTheirStatus() {
        fake.failure = new ApiException(ApiException.Reason.UNAVAILABLE, "netbox_unreachable", null, "NetBox at https://nb did not answer", null);
        Response r = new ExceptionMappers().toResponse(assertThrows(ServiceUnavailable.class, netbox::targets));
        assertEquals(503, r.getStatus());
        assertEquals("netbox_unreachable", ((ErrorBody) r.getEntity()).error().code());
        fake.failure = new ApiException(ApiException.Reason.CONFLICT, "hash_mismatch", "hash", "not the change set's hash", null);
        ApiException e = assertThrows(ApiException.class,
                () -> changesets.approve("7", new NetBoxChangeSetResource.ApproveBody("old", null, null, null), caller("ap", Role.APPROVER)));
        assertEquals(409, new ExceptionMappers().toResponse(e).getStatus());
    }

    @Test
    void previewIsA201RecordingTheTokenNameWithDeletesByDefault() {
        Response r = changesets.preview(new NetBoxChangeSetResource.PreviewBody("prod", List.of(4L, 2L), List.of("dcim.device"), null),
                caller("alice", Role.OPERATOR));
        assertEquals(201, r.getStatus());
        assertEquals(7, ((ChangeSet) r.getEntity()).id());
        assertEquals(List.of(new PreviewRequest("prod", List.of(4L, 2L), List.of("dcim.device"), true), "alice"), fake.last());
        changesets.preview(new NetBoxChangeSetResource.PreviewBody(null, null, null, false), caller("alice", Role.OPERATOR));
        assertEquals(List.of(new PreviewRequest(null, List.of(), List.of(), false), "alice"), fake.last());
        changesets.preview(null, caller("bob", Role.ADMIN));
        assertEquals(List.of(new PreviewRequest(null, List.of(), List.of(), true), "bob"), fake.last());

        invalid("kinds", () -> changesets.preview(new NetBoxChangeSetResource.PreviewBody(null, null, List.of("dcim.cable"), null), caller("a", Role.OPERATOR)));
        invalid("entity_ids", () -> changesets.preview(new NetBoxChangeSetResource.PreviewBody(null, List.of(0L), null, null), caller("a", Role.OPERATOR)));
    }

    @Test
    void approveBindsToTheHashAndPassesItemsDeletesCommentAndActor() {
        ChangeSet approved = changesets.approve("7", new NetBoxChangeSetResource.ApproveBody(" h7 ", List.of(11L, 12L), true, "ok"), caller("carol", Role.APPROVER));
        assertEquals("approved", approved.status());
        assertEquals(List.of(7L, new ApprovalRequest("h7", List.of(11L, 12L), true, "ok"), "carol"), fake.last());
        changesets.approve("7", new NetBoxChangeSetResource.ApproveBody("h7", null, null, null), caller("carol", Role.APPROVER));
        assertEquals(List.of(7L, new ApprovalRequest("h7", List.of(), false, null), "carol"), fake.last());

        assertTrue(invalid("hash", () -> changesets.approve("7", null, caller("c", Role.APPROVER))).contains("hash"));
        invalid("hash", () -> changesets.approve("7", new NetBoxChangeSetResource.ApproveBody(null, List.of(1L), null, null), caller("c", Role.APPROVER)));
        invalid("item_ids", () -> changesets.approve("7", new NetBoxChangeSetResource.ApproveBody("h7", List.of(3L, 3L), null, null), caller("c", Role.APPROVER)));
        invalid("id", () -> changesets.approve("x", new NetBoxChangeSetResource.ApproveBody("h7", null, null, null), caller("c", Role.APPROVER)));

        changesets.reject("7", new NetBoxChangeSetResource.RejectBody("h7", "no"), caller("carol", Role.APPROVER));
        assertEquals(Arrays.asList(7L, "h7", "no", "carol"), fake.last());
        invalid("hash", () -> changesets.reject("7", new NetBoxChangeSetResource.RejectBody(null, "no"), caller("c", Role.APPROVER)));

        assertEquals("applied", changesets.apply("7", caller("dave", Role.APPROVER)).status());
        assertEquals(List.of(7L, "dave"), fake.last());
        Response rb = changesets.rollback("7", caller("erin", Role.OPERATOR));
        assertEquals(201, rb.getStatus());
        assertEquals(List.of(7L, "erin"), fake.last());
    }

    @Test
    void listAndDetailFiltersAreCheckedAndPassed() {
        Envelope<ChangeSet> page = changesets.list("prod", "pending", "sync", "alice", "10", "0", uri("http://h/api/netbox/changesets?limit=10"));
        assertEquals(1, page.count());
        assertEquals(new ChangeSetQuery("prod", "pending", "sync", "alice", 10, 0), fake.last());
        invalid("status", () -> changesets.list(null, "done", null, null, null, null, uri("http://h/x")));
        invalid("kind", () -> changesets.list(null, null, "full", null, null, null, uri("http://h/x")));

        assertEquals("h7", changesets.get("7", "dcim.device", "update", "ams1", "pending", " web ").hash());
        assertEquals(List.of(7L, new ItemQuery("dcim.device", "update", "ams1", "pending", "web")), fake.last());
        notFound(() -> changesets.get("8", null, null, null, null, null));
        invalid("object_type", () -> changesets.get("7", "device", null, null, null, null));
        invalid("action", () -> changesets.get("7", null, "upsert", null, null, null));
        invalid("status", () -> changesets.get("7", null, null, null, "done", null));
        invalid("id", () -> changesets.get("0", null, null, null, null, null));
    }

    @Test
    void validationConflictsHistoryAndAdoption() {
        assertEquals(3, netbox.validation("prod", "error", "ip-unique", "ipam.ipaddress", "42", "ams1", "5", "10").objects());
        assertEquals(new ValidationQuery("prod", "error", "ip-unique", "ipam.ipaddress", 42L, "ams1", 5, 10), fake.last());
        invalid("severity", () -> netbox.validation(null, "fatal", null, null, null, null, null, null));
        invalid("entity", () -> netbox.validation(null, null, null, null, "x", null, null, null));

        netbox.conflicts(null, null, null, null, null, null, uri("http://h/api/netbox/conflicts"));
        assertEquals(new ConflictQuery(null, "open", null, null, Params.DEFAULT_LIMIT, 0), fake.last());
        invalid("status", () -> netbox.conflicts(null, "closed", null, null, null, null, uri("http://h/x")));
        assertEquals("resolved", netbox.resolve("3", new NetBoxResource.ResolveRequest("keep_netbox", "hand edit is right"), caller("op", Role.OPERATOR)).status());
        assertEquals(Arrays.asList(3L, "keep_netbox", "hand edit is right", "op"), fake.last());
        invalid("resolution", () -> netbox.resolve("3", new NetBoxResource.ResolveRequest("mine", null), caller("op", Role.OPERATOR)));
        invalid("resolution", () -> netbox.resolve("3", new NetBoxResource.ResolveRequest(null, null), caller("op", Role.OPERATOR)));

        netbox.history("prod", "vc", "42", "dcim.device", "5", "web", "alice", "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z", "failed", "7",
                null, null, uri("http://h/api/netbox/history"));
        assertEquals(new HistoryQuery("prod", "vc", 42L, "dcim.device", 5L, "web", "alice", Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-02-01T00:00:00Z"), "failed", 7L, Params.DEFAULT_LIMIT, 0), fake.last());
        invalid("from", () -> netbox.history(null, null, null, null, null, null, null, "yesterday", null, null, null, null, null, uri("http://h/x")));
        invalid("to", () -> netbox.history(null, null, null, null, null, null, null, "2026-02-01T00:00:00Z", "2026-01-01T00:00:00Z", null, null, null, null, uri("http://h/x")));
        invalid("changeset", () -> netbox.history(null, null, null, null, null, null, null, null, null, null, "-1", null, null, uri("http://h/x")));

        Response adopted = netbox.adopt(new NetBoxResource.AdoptRequest("prod", "dcim.device", 5L, 42L, null), caller("op", Role.OPERATOR));
        assertEquals(201, adopted.getStatus());
        assertEquals(Arrays.asList("prod", "dcim.device", 5L, 42L, "op"), fake.last());
        invalid("netbox_id", () -> netbox.adopt(new NetBoxResource.AdoptRequest("prod", "dcim.device", null, 42L, null), caller("op", Role.OPERATOR)));
        invalid("object_type", () -> netbox.adopt(new NetBoxResource.AdoptRequest("prod", "dcim.rack", 5L, 42L, null), caller("op", Role.OPERATOR)));
        Response all = netbox.adopt(new NetBoxResource.AdoptRequest("prod", null, null, null, true), caller("op", Role.OPERATOR));
        assertEquals(201, all.getStatus());
        assertEquals(Arrays.asList("adoptMatches", "prod", "op"), fake.last());
        invalid("all_matches", () -> netbox.adopt(new NetBoxResource.AdoptRequest("prod", "dcim.device", 5L, null, true), caller("op", Role.OPERATOR)));
    }

    @Test
    void rolesFollowTheContractAndApproverIsNotOperator() throws Exception {
        assertEquals(Role.APPROVER, role(NetBoxChangeSetResource.class, "approve"));
        assertEquals(Role.APPROVER, role(NetBoxChangeSetResource.class, "reject"));
        assertEquals(Role.APPROVER, role(NetBoxChangeSetResource.class, "apply"));
        assertEquals(Role.OPERATOR, role(NetBoxChangeSetResource.class, "preview"));
        assertEquals(Role.OPERATOR, role(NetBoxChangeSetResource.class, "rollback"));
        assertEquals(Role.VIEWER, role(NetBoxChangeSetResource.class, "list"));
        assertEquals(Role.VIEWER, role(NetBoxChangeSetResource.class, "get"));
        assertEquals(Role.OPERATOR, role(NetBoxResource.class, "validation"));
        assertEquals(Role.OPERATOR, role(NetBoxResource.class, "adopt"));
        assertEquals(Role.OPERATOR, role(NetBoxResource.class, "resolve"));
        assertEquals(Role.VIEWER, role(NetBoxResource.class, "history"));
        assertEquals(Role.VIEWER, role(NetBoxResource.class, "conflicts"));
        assertEquals(Role.VIEWER, role(NetBoxResource.class, "targets"));
        // What RoleFilter checks: the approver may approve but not preview, the operator the other way round.
        assertTrue(Role.APPROVER.includes(Role.APPROVER));
        assertFalse(Role.APPROVER.includes(Role.OPERATOR));
        assertFalse(Role.OPERATOR.includes(Role.APPROVER));
        assertTrue(Role.ADMIN.includes(Role.APPROVER));
        assertTrue(Role.APPROVER.includes(Role.VIEWER));
    }

    @Test
    void bodiesAreSnakeCaseAndRejectUnknownFields() throws Exception {
        Method approve = method(NetBoxChangeSetResource.class, "approve");
        assertEquals(new NetBoxChangeSetResource.ApproveBody("h", List.of(1L), true, "c"),
                read(approve, NetBoxChangeSetResource.ApproveBody.class, "{\"hash\": \"h\", \"item_ids\": [1], \"include_deletes\": true, \"comment\": \"c\"}"));
        Exception e = assertThrows(Exception.class, () -> read(approve, NetBoxChangeSetResource.ApproveBody.class, "{\"hash\": \"h\", \"itemIds\": [1]}"));
        assertEquals(400, new ExceptionMappers().toResponse(e).getStatus());
        Method preview = method(NetBoxChangeSetResource.class, "preview");
        assertEquals(new NetBoxChangeSetResource.PreviewBody("p", List.of(2L), List.of("dcim.device"), false),
                read(preview, NetBoxChangeSetResource.PreviewBody.class, "{\"target\": \"p\", \"entity_ids\": [2], \"kinds\": [\"dcim.device\"], \"deletes\": false}"));
        JsonNode cs = JsonProvider.MAPPER.valueToTree(FakeNetBox.changeSet("pending"));
        assertEquals("alice", cs.path("created_by").asText());
        assertEquals("OLD", cs.at("/items/0/fields/0/current").asText());
        assertEquals("dcim.device", cs.at("/items/0/object_type").asText());
    }

    private static Role role(Class<?> type, String name) {
        return AuthFilter.required(type, method(type, name));
    }

    private static Method method(Class<?> type, String name) {
        return Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
    }

    private static Object read(Method m, Class<?> bodyType, String json) throws Exception {
        @SuppressWarnings("unchecked")
        Class<Object> type = (Class<Object>) bodyType;
        return new JsonProvider().readFrom(type, type, m.getParameters()[1].getAnnotations(), MediaType.APPLICATION_JSON_TYPE,
                new MultivaluedHashMap<>(), new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
