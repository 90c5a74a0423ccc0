package com.enreach.tools.plugin.confluence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.enreach.tools.testkit.FixtureServer;
import com.enreach.tools.testkit.FixtureServer.Request;
import com.enreach.tools.testkit.FixtureServer.Response;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Confluence double, Cloud (REST v2) or Data Center (REST v1), written from Atlassian's published specs: spaces,
 * pages listed with cursor links ({@code _links.next}, v2) or {@code start}/{@code limit} (v1) honouring
 * {@code expand}, storage-format bodies, labels, versions, ancestors, {@code users-bulk}. Cloud wants HTTP Basic
 * with e-mail and API token, Data Center a Bearer personal access token; anything else is 401.
 *
 * <p>Scriptable: {@link #edit}, {@link #move}, {@link #delete} change the site; {@link #hideOnFetch} makes a page
 * listed but refused (403) when read, as when a page restriction filters it for the account;
 * {@link #deleteOnFetch} makes it vanish between listing and reading (404; on Data Center also absent from a
 * listing that expands bodies, as is a hidden page); {@link #server()} queues one-shot
 * faults (429 with Retry-After, malformed bodies) and records requests. Reusable from other modules through this
 * module's test-jar.
 */
public final class ConfluenceDouble implements AutoCloseable {
    public static final String EMAIL = "kb-reader@example.com";
    public static final String API_TOKEN = "ATATT3x-d0uble-Tøken";
    public static final String PAT = "NjQ5MzE2ODc3NjI5OnPAT-double";
    public static final String V2_SPACES = "/wiki/api/v2/spaces";
    public static final String V2_PAGES = "/wiki/api/v2/pages";
    public static final String V2_USERS = "/wiki/api/v2/users-bulk";
    public static final String V1_SPACE = "/rest/api/space";
    public static final String V1_CONTENT = "/rest/api/content";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final boolean cloud;
    private final FixtureServer server = new FixtureServer();
    private final Map<String, SpaceData> spaces = new LinkedHashMap<>();
    private final Map<String, PageData> pages = new LinkedHashMap<>();
    private final Map<String, String> users = new LinkedHashMap<>();
    private final Set<String> hidden = new HashSet<>();
    private final Set<String> goneOnFetch = new HashSet<>();
    private int nextSpaceId = 98_300;

    private record SpaceData(String id, String key, String name) {
    }

    private static final class PageData {
        final String id;
        String space;
        String parentId;
        String title;
        String body;
        List<String> labels;
        int version = 1;
        String authorId;
        String updated = "2026-11-02T08:30:00.000Z";

        PageData(String id, String space, String parentId, String title, String body, List<String> labels, String authorId) {
            this.id = id;
            this.space = space;
            this.parentId = parentId;
            this.title = title;
            this.body = body;
            this.labels = labels;
            this.authorId = authorId;
        }
    }

    /** An empty site of one flavor; see {@link #standard} for the usual content. */
    public ConfluenceDouble(boolean cloud) {
        this.cloud = cloud;
        if (cloud) {
            server.route("GET", V2_SPACES, authenticated(this::v2Spaces));
            server.route("GET", V2_PAGES, authenticated(this::v2Pages));
            server.route("POST", V2_USERS, authenticated(this::v2Users));
        } else {
            server.route("GET", V1_CONTENT, authenticated(this::v1Content));
        }
    }

    /**
     * A site with space OPS (Operations: a runbook tree of 5 pages) and NET (Network: 2 pages), users Alice and
     * Bob. The pages mention hosts of the demo estate's naming.
     */
    public static ConfluenceDouble standard(boolean cloud) {
        ConfluenceDouble d = new ConfluenceDouble(cloud);
        d.user("5b10a2844c20165700ede21g", "Alice Operator");
        d.user("5b10ac8d82e05b22cc7d4ef5", "Bob Network");
        d.space("OPS", "Operations");
        d.space("NET", "Network");
        d.page("65601", "OPS", null, "Operations home", "<p>Runbooks of the operations team.</p>", List.of(), "5b10a2844c20165700ede21g");
        d.page("65602", "OPS", "65601", "Runbooks", "<p>All runbooks.</p><ac:structured-macro ac:name=\"children\" />", List.of(), "5b10a2844c20165700ede21g");
        d.page("65603", "OPS", "65602", "Restart the web tier", """
                <h2>Steps</h2><ol><li>Drain <strong>web01.prod.example.com</strong> in the pool</li><li>Restart nginx</li></ol>
                <ac:structured-macro ac:name="code"><ac:parameter ac:name="language">bash</ac:parameter>\
                <ac:plain-text-body><![CDATA[sudo systemctl restart nginx]]></ac:plain-text-body></ac:structured-macro>""",
                List.of("runbook", "web"), "5b10a2844c20165700ede21g");
        d.page("65604", "OPS", "65602", "Database failover", """
                <ac:structured-macro ac:name="warning"><ac:rich-text-body><p>Only with the DBA on call.</p></ac:rich-text-body></ac:structured-macro>
                <table><tr><th>Primary</th><th>Replica</th></tr><tr><td>db01</td><td>db02</td></tr></table>""",
                List.of("runbook", "database"), "5b10ac8d82e05b22cc7d4ef5");
        d.page("65605", "OPS", "65601", "On-call rota", "<p>See the <ac:link><ri:page ri:content-title=\"Runbooks\" /></ac:link>.</p>",
                List.of("oncall"), "5b10ac8d82e05b22cc7d4ef5");
        d.page("77801", "NET", null, "Network home", "<p>Core network.</p>", List.of(), "5b10ac8d82e05b22cc7d4ef5");
        d.page("77802", "NET", "77801", "VLAN plan", "<ul><li>VLAN 10: servers</li><li>VLAN 20: storage</li></ul>",
                List.of("network"), "5b10ac8d82e05b22cc7d4ef5");
        return d;
    }

    public boolean cloud() {
        return cloud;
    }

    public void user(String accountId, String displayName) {
        users.put(accountId, displayName);
    }

    public void space(String key, String name) {
        SpaceData s = new SpaceData(String.valueOf(nextSpaceId++), key, name);
        spaces.put(key, s);
        if (!cloud) {
            server.route("GET", V1_SPACE + "/" + key, authenticated(r -> v1Space(s)));
        }
    }

    /** Adds a page (version 1). */
    public void page(String id, String space, String parentId, String title, String storage, List<String> labels, String authorId) {
        pages.put(id, new PageData(id, space, parentId, title, storage, List.copyOf(labels), authorId));
        server.route("GET", pagePath(id), authenticated(r -> cloud ? v2Page(id, r) : v1Page(id, r)));
    }

    /** A new version of a page's body. */
    public void edit(String id, String storage) {
        PageData p = pages.get(id);
        p.body = storage;
        p.version++;
        p.updated = "2026-12-01T10:00:00.000Z";
    }

    /** Moves a page under another parent; as in Confluence, the version does not change. */
    public void move(String id, String newParentId) {
        pages.get(id).parentId = newParentId;
    }

    public void rename(String id, String title) {
        PageData p = pages.get(id);
        p.title = title;
        p.version++;
    }

    public void delete(String id) {
        pages.remove(id);
    }

    /** The page stays listed but reading it answers 403 (a restriction hides it from this account). */
    public void hideOnFetch(String id) {
        hidden.add(id);
    }

    /** The page stays listed but reading it answers 404 (deleted between listing and reading). */
    public void deleteOnFetch(String id) {
        goneOnFetch.add(id);
    }

    /** The path a page is read at. */
    public String pagePath(String id) {
        return (cloud ? V2_PAGES : V1_CONTENT) + "/" + id;
    }

    /** The path the first configured space (OPS) is read at: all spaces at once on Cloud, one by one on Data Center. */
    public String spacesPath() {
        return cloud ? V2_SPACES : V1_SPACE + "/OPS";
    }

    /** The path pages are listed at. */
    public String listPath() {
        return cloud ? V2_PAGES : V1_CONTENT;
    }

    /** How many single pages were read, over all pages. */
    public long pageReads() {
        synchronized (server.requests) {
            return server.requests.stream().filter(r -> r.path().startsWith(listPath() + "/")).count();
        }
    }

    /** Queues one 429 with Retry-After in front of {@code GET path}. */
    public void rateLimitOnce(String path, int retryAfterSeconds) {
        server.once("GET", path, Response.text(429, "application/json",
                "{\"errors\":[{\"status\":429,\"code\":\"TOO_MANY_REQUESTS\",\"title\":\"Rate limit exceeded\"}]}")
                .withHeader("Retry-After", String.valueOf(retryAfterSeconds)));
    }

    public FixtureServer server() {
        return server;
    }

    public String url() {
        return server.uri().toString();
    }

    /** The keys of etc/source.confluence-&lt;name&gt;.cfg for this double; page.size 3 makes the listings page. */
    public Map<String, String> cfg() {
        Map<String, String> cfg = new LinkedHashMap<>();
        cfg.put("url", url());
        cfg.put("flavor", cloud ? "cloud" : "datacenter");
        if (cloud) {
            cfg.put("email", EMAIL);
        }
        cfg.put(".api.token", cloud ? API_TOKEN : PAT);
        cfg.put("spaces", "OPS,NET");
        cfg.put("page.size", "3");
        return cfg;
    }

    // ---- Cloud REST v2

    private Response v2Spaces(Request r) {
        List<String> keys = r.param("keys") == null ? null : List.of(r.param("keys").split(","));
        List<JsonNode> found = new ArrayList<>();
        for (SpaceData s : spaces.values()) {
            if (keys == null || keys.contains(s.key())) {
                ObjectNode n = JSON.createObjectNode().put("id", s.id()).put("key", s.key()).put("name", s.name())
                        .put("type", "global").put("status", "current");
                n.putObject("_links").put("webui", "/spaces/" + s.key());
                found.add(n);
            }
        }
        return cursorPage(r, V2_SPACES, found, 25, 250);
    }

    private Response v2Pages(Request r) {
        List<String> spaceIds = r.param("space-id") == null ? null : List.of(r.param("space-id").split(","));
        boolean withBody = "storage".equals(r.param("body-format"));
        List<JsonNode> found = new ArrayList<>();
        for (PageData p : pages.values()) {
            if (spaceIds == null || spaceIds.contains(spaces.get(p.space).id())) {
                found.add(v2Page(p, withBody, false));
            }
        }
        return cursorPage(r, V2_PAGES, found, 25, 250);
    }

    private Response v2Page(String id, Request r) {
        PageData p = pages.get(id);
        if (p == null || goneOnFetch.contains(id)) {
            return error(404, "Not Found");
        }
        if (hidden.contains(id)) {
            return error(403, "Forbidden");
        }
        return json(v2Page(p, "storage".equals(r.param("body-format")), "true".equals(r.param("include-labels"))));
    }

    private ObjectNode v2Page(PageData p, boolean withBody, boolean withLabels) {
        ObjectNode n = JSON.createObjectNode().put("id", p.id).put("status", "current").put("title", p.title)
                .put("spaceId", spaces.get(p.space).id()).put("authorId", p.authorId).put("createdAt", "2026-10-01T12:00:00.000Z");
        if (p.parentId == null) {
            n.putNull("parentId");
        } else {
            n.put("parentId", p.parentId).put("parentType", "page");
        }
        n.putObject("version").put("number", p.version).put("createdAt", p.updated).put("authorId", p.authorId)
                .put("minorEdit", false).put("message", "");
        ObjectNode body = n.putObject("body");
        if (withBody) {
            body.putObject("storage").put("representation", "storage").put("value", p.body);
        }
        if (withLabels) {
            ObjectNode labels = n.putObject("labels");
            ArrayNode results = labels.putArray("results");
            int i = 1;
            for (String l : p.labels) {
                results.addObject().put("id", p.id + "0" + i++).put("name", l).put("prefix", "global");
            }
            labels.putObject("meta").put("hasMore", false);
        }
        n.putObject("_links").put("webui", "/spaces/" + p.space + "/pages/" + p.id + "/" + p.title.replace(' ', '+'))
                .put("tinyui", "/x/" + p.id);
        return n;
    }

    private Response v2Users(Request r) {
        ArrayNode results = JSON.createArrayNode();
        try {
            JsonNode ids = JSON.readTree(r.body()).path("accountIds");
            if (!ids.isArray() || ids.isEmpty() || ids.size() > 250) {
                return error(400, "Bad Request"); // the spec: 1 to 250 account ids
            }
            for (JsonNode id : ids) {
                String name = users.get(id.asText());
                if (name != null) {
                    results.addObject().put("accountId", id.asText()).put("displayName", name).put("accountStatus", "active");
                }
            }
        } catch (java.io.IOException e) {
            return error(400, "Bad Request");
        }
        ObjectNode out = JSON.createObjectNode();
        out.set("results", results);
        out.putObject("_links");
        return json(out);
    }

    /** A v2 listing page: {@code cursor} is an opaque token holding the offset, {@code _links.next} the next page. */
    private Response cursorPage(Request r, String path, List<JsonNode> all, int defaultLimit, int maxLimit) {
        int limit = Math.min(maxLimit, r.param("limit") == null ? defaultLimit : Integer.parseInt(r.param("limit")));
        int offset = 0;
        if (r.param("cursor") != null) {
            String decoded = new String(Base64.getUrlDecoder().decode(r.param("cursor")), StandardCharsets.UTF_8);
            offset = Integer.parseInt(decoded.substring(decoded.indexOf(':') + 1));
        }
        ObjectNode out = JSON.createObjectNode();
        ArrayNode results = out.putArray("results");
        all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size())).forEach(results::add);
        ObjectNode links = out.putObject("_links").put("base", url() + "/wiki");
        if (offset + limit < all.size()) {
            String cursor = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("offset:" + (offset + limit)).getBytes(StandardCharsets.UTF_8));
            String query = r.query() == null ? "" : r.query().replaceAll("(^|&)cursor=[^&]*", "");
            links.put("next", path + "?" + (query.isEmpty() ? "" : query.replaceFirst("^&", "") + "&") + "cursor=" + cursor);
        }
        return json(out);
    }

    // ---- Data Center REST v1

    private Response v1Space(SpaceData s) {
        ObjectNode n = JSON.createObjectNode().put("id", Long.parseLong(s.id())).put("key", s.key()).put("name", s.name())
                .put("type", "global").put("status", "current");
        n.putObject("_links").put("webui", "/display/" + s.key());
        return json(n);
    }

    private Response v1Content(Request r) {
        String key = r.param("spaceKey");
        Set<String> expand = expand(r);
        List<JsonNode> found = new ArrayList<>();
        for (PageData p : pages.values()) {
            // a page whose body this account cannot read (or that is gone when read) is not in a listing with bodies
            boolean unreadable = hidden.contains(p.id) || goneOnFetch.contains(p.id);
            if ((key == null || key.equals(p.space)) && !(unreadable && expand.contains("body.storage"))) {
                found.add(v1Page(p, expand));
            }
        }
        int start = r.param("start") == null ? 0 : Integer.parseInt(r.param("start"));
        // Data Center caps limit (lower with bodies expanded): the client must follow what it gets
        int limit = Math.min(expand.contains("body.storage") ? 50 : 200, r.param("limit") == null ? 25 : Integer.parseInt(r.param("limit")));
        ObjectNode out = JSON.createObjectNode();
        ArrayNode results = out.putArray("results");
        found.subList(Math.min(start, found.size()), Math.min(start + limit, found.size())).forEach(results::add);
        out.put("start", start).put("limit", limit).put("size", results.size());
        ObjectNode links = out.putObject("_links").put("base", url()).put("context", "").put("self", url() + V1_CONTENT);
        if (start + limit < found.size()) {
            links.put("next", V1_CONTENT + "?" + r.query().replaceAll("(^|&)start=[^&]*", "") + "&start=" + (start + limit));
        }
        return json(out);
    }

    private Response v1Page(String id, Request r) {
        PageData p = pages.get(id);
        if (p == null || goneOnFetch.contains(id)) {
            return text(404, "{\"statusCode\":404,\"message\":\"No content found with id: ContentId{id=" + id + "}\"}");
        }
        if (hidden.contains(id)) {
            return text(403, "{\"statusCode\":403,\"message\":\"User not permitted to view content\"}");
        }
        return json(v1Page(p, expand(r)));
    }

    private ObjectNode v1Page(PageData p, Set<String> expand) {
        ObjectNode n = JSON.createObjectNode().put("id", p.id).put("type", "page").put("status", "current").put("title", p.title);
        ArrayNode expandable = JSON.createArrayNode();
        if (expand.contains("version")) {
            ObjectNode v = n.putObject("version").put("number", p.version).put("when", p.updated.replace("Z", "+0000"))
                    .put("minorEdit", false);
            v.putObject("by").put("type", "known").put("username", p.authorId).put("userKey", p.authorId)
                    .put("displayName", users.getOrDefault(p.authorId, p.authorId));
        } else {
            expandable.add("version");
        }
        if (expand.contains("ancestors")) {
            ArrayNode a = n.putArray("ancestors");
            List<PageData> chain = new ArrayList<>();
            for (PageData q = p.parentId == null ? null : pages.get(p.parentId); q != null; q = q.parentId == null ? null : pages.get(q.parentId)) {
                chain.add(0, q);
            }
            chain.forEach(q -> a.addObject().put("id", q.id).put("type", "page").put("status", "current").put("title", q.title));
        } else {
            expandable.add("ancestors");
        }
        if (expand.contains("space")) {
            n.putObject("space").put("key", p.space).put("name", spaces.get(p.space).name()).put("type", "global");
        }
        if (expand.contains("body.storage")) {
            n.putObject("body").putObject("storage").put("value", p.body).put("representation", "storage");
        }
        if (expand.contains("metadata.labels")) {
            ObjectNode labels = n.putObject("metadata").putObject("labels");
            ArrayNode results = labels.putArray("results");
            p.labels.forEach(l -> results.addObject().put("prefix", "global").put("name", l).put("id", String.valueOf(l.hashCode())));
            labels.put("start", 0).put("limit", 200).put("size", p.labels.size());
        }
        ObjectNode ex = n.putObject("_expandable");
        expandable.forEach(e -> ex.put(e.asText(), ""));
        n.putObject("_links").put("webui", "/display/" + p.space + "/" + p.title.replace(' ', '+'))
                .put("tinyui", "/x/" + p.id).put("self", url() + V1_CONTENT + "/" + p.id);
        return n;
    }

    private static Set<String> expand(Request r) {
        return r.param("expand") == null ? Set.of() : Set.of(r.param("expand").split(","));
    }

    // ---- common

    private Function<Request, Response> authenticated(Function<Request, Response> handler) {
        String expected = cloud
                ? "Basic " + Base64.getEncoder().encodeToString((EMAIL + ":" + API_TOKEN).getBytes(StandardCharsets.UTF_8))
                : "Bearer " + PAT;
        return r -> expected.equals(r.header("Authorization")) ? handler.apply(r)
                : cloud ? error(401, "Unauthorized") : text(401, "{\"statusCode\":401,\"message\":\"This request requires authentication\"}");
    }

    private static Response json(JsonNode n) {
        return Response.json(n.toString());
    }

    private static Response text(int status, String body) {
        return Response.text(status, "application/json", body);
    }

    private static Response error(int status, String title) {
        return text(status, "{\"errors\":[{\"status\":" + status + ",\"code\":\"" + title.toUpperCase().replace(' ', '_')
                + "\",\"title\":\"" + title + "\",\"detail\":null}]}");
    }

    @Override
    public void close() {
        server.close();
    }
}
