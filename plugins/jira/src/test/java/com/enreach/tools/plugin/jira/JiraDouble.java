package com.enreach.tools.plugin.jira;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.enreach.tools.testkit.FixtureServer;
import com.enreach.tools.testkit.FixtureServer.Request;
import com.enreach.tools.testkit.FixtureServer.Response;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Jira double that serves both REST flavors from one set of issues: Cloud v3 ({@code POST}/{@code GET
 * /rest/api/3/search/jql} with {@code nextPageToken}/{@code isLast}, ADF bodies, HTTP basic with e-mail and API
 * token) and Data Center v2 ({@code GET /rest/api/2/search} with {@code startAt}/{@code maxResults}/{@code total},
 * wiki-markup bodies, Bearer personal access token). It filters with a JQL subset ({@link DoubleJql}; bad JQL is a
 * 400 with Jira's {@code errorMessages}), returns only the fields asked for, carries at most
 * {@value #COMMENTS_IN_SEARCH} comments in a search answer (with the true {@code total}) and pages the comment
 * resource by at most {@value #COMMENT_PAGE_CAP}. Issues under a security level are invisible to the account, as
 * Jira hides what a user may not browse. Tests change the data ({@link #edit}, {@link #delete}, {@link #comment})
 * and script faults through {@link #server()}.
 *
 * <p>Reusable from other modules through this module's test-jar.
 */
public final class JiraDouble implements AutoCloseable {
    public static final String EMAIL = "svc-enreach@example.com";
    public static final String API_TOKEN = "ATATT3x-cloud-Tök3n";
    public static final String PAT = "NjQ5MjE3-dc-pat-S3cr3t";
    public static final String SEARCH_V3 = "/rest/api/3/search/jql";
    public static final String SEARCH_V2 = "/rest/api/2/search";
    static final int COMMENTS_IN_SEARCH = 2;
    static final int COMMENT_PAGE_CAP = 2;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One issue of the double; both body forms are held, each flavor serves its own. */
    public static final class Issue {
        final String id;
        final String key;
        String type;
        String summary;
        JsonNode adf;
        String wiki;
        String status;
        String category;
        String resolution;
        Instant resolved;
        String assignee;
        String reporter = "Nora Admin";
        String priority = "Medium";
        List<String> labels = List.of();
        List<String> components = List.of();
        Instant created;
        Instant updated;
        String securityLevel;
        final List<Comment> comments = new ArrayList<>();

        Issue(String id, String key, String type, String summary) {
            this.id = id;
            this.key = key;
            this.type = type;
            this.summary = summary;
        }
    }

    record Comment(String id, String author, Instant created, JsonNode adf, String wiki) {
    }

    private final FixtureServer server = new FixtureServer();
    private final Map<String, Issue> issues = new LinkedHashMap<>();
    private int fullPageCap = 100;
    private volatile java.util.function.Consumer<Request> beforeSearch = r -> { };
    private int nextCommentId = 20_000;

    public JiraDouble() {
        DoubleData.seed(this);
        server.route("POST", SEARCH_V3, cloud(r -> searchV3(hooked(r, body(r)))));
        server.route("GET", SEARCH_V3, cloud(r -> searchV3(hooked(r, queryAsBody(r)))));
        server.route("GET", SEARCH_V2, dataCenter(r -> searchV2(hooked(r, r))));
        server.route("GET", "/rest/api/3/myself", cloud(r -> Response.json("{\"accountId\":\"5b10ac8d82e05b22cc7d4ef5\","
                + "\"emailAddress\":\"" + EMAIL + "\",\"displayName\":\"Enreach Sync\",\"active\":true}")));
        server.route("GET", "/rest/api/2/myself", dataCenter(r -> Response.json("{\"name\":\"svc-enreach\",\"key\":\"JIRAUSER10100\","
                + "\"displayName\":\"Enreach Sync\",\"active\":true}")));
    }

    synchronized void add(Issue i) {
        issues.put(i.key, i);
        server.route("GET", "/rest/api/3/issue/" + i.id + "/comment", cloud(r -> comments(i.id, r, true)));
        server.route("GET", "/rest/api/2/issue/" + i.id + "/comment", dataCenter(r -> comments(i.id, r, false)));
    }

    synchronized Comment newComment(String author, Instant created, String text) {
        return new Comment(String.valueOf(nextCommentId++), author, created, DoubleData.paragraphs(text), text);
    }

    /** Changes an issue's summary now (its {@code updated} moves on). */
    public synchronized void edit(String key, String summary) {
        Issue i = issue(key);
        i.summary = summary;
        touch(i);
    }

    /** Adds a comment to an issue now. */
    public synchronized void comment(String key, String author, String text) {
        Issue i = issue(key);
        touch(i);
        i.comments.add(newComment(author, i.updated, text));
    }

    /** Deletes an issue: searches no longer return it and its comment resource answers 404. */
    public synchronized void delete(String key) {
        issues.remove(key);
    }

    /** The id of an issue by key. */
    public synchronized String id(String key) {
        return issue(key).id;
    }

    /** The keys a search of everything the account may see returns. */
    public synchronized List<String> visibleKeys() {
        return issues.values().stream().filter(i -> i.securityLevel == null).map(i -> i.key).toList();
    }

    /** Most issues per search page when fields beyond id/key/updated are asked (Jira returns fewer on big fields). */
    public synchronized void fullPageCap(int cap) {
        this.fullPageCap = cap;
    }

    /** Runs before every search is answered (to change the data while a listing is paged). */
    public void beforeSearch(java.util.function.Consumer<Request> hook) {
        this.beforeSearch = hook;
    }

    private <T> T hooked(Request r, T value) {
        beforeSearch.accept(r);
        return value;
    }

    private Issue issue(String key) {
        Issue i = issues.get(key);
        if (i == null) {
            throw new IllegalArgumentException("no issue " + key + " in the double");
        }
        return i;
    }

    private static void touch(Issue i) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        i.updated = now.isAfter(i.updated) ? now : i.updated.plusSeconds(1);
    }

    // --- search -------------------------------------------------------------------------------------------------

    private synchronized Response searchV3(JsonNode body) {
        if (body == null) {
            return error(400, "Invalid request payload. Refer to the REST API documentation and try again.");
        }
        List<String> fields = new ArrayList<>();
        body.path("fields").forEach(f -> fields.add(f.asText()));
        int offset = 0;
        if (body.hasNonNull("nextPageToken")) {
            try {
                offset = Integer.parseInt(new String(Base64.getUrlDecoder().decode(body.path("nextPageToken").asText()),
                        StandardCharsets.UTF_8).substring(2));
            } catch (RuntimeException e) {
                return error(400, "The provided next page token is invalid or expired.");
            }
        }
        List<Issue> found;
        try {
            found = find(body.path("jql").asText(""));
        } catch (DoubleJql.Invalid e) {
            return error(400, e.getMessage());
        }
        int max = Math.min(body.path("maxResults").asInt(50), cap(fields, 5000));
        int end = Math.min(found.size(), offset + max);
        ObjectNode out = JSON.createObjectNode();
        ArrayNode list = out.putArray("issues");
        for (Issue i : found.subList(Math.min(offset, end), end)) {
            list.add(DoubleData.issueJson(i, fields, true, server.uri().toString()));
        }
        if (end < found.size()) {
            out.put("nextPageToken", Base64.getUrlEncoder().encodeToString(("o=" + end).getBytes(StandardCharsets.UTF_8)));
        }
        out.put("isLast", end >= found.size());
        return Response.json(out.toString());
    }

    private synchronized Response searchV2(Request r) {
        List<String> fields = r.param("fields") == null ? List.of("*navigable") : List.of(r.param("fields").split(","));
        List<Issue> found;
        try {
            found = find(r.param("jql") == null ? "" : r.param("jql"));
        } catch (DoubleJql.Invalid e) {
            return error(400, e.getMessage());
        }
        int startAt = intParam(r, "startAt", 0);
        int max = Math.min(intParam(r, "maxResults", 50), Math.min(1000, cap(fields, 1000)));
        int end = Math.min(found.size(), startAt + max);
        ObjectNode out = JSON.createObjectNode().put("expand", "schema,names").put("startAt", startAt)
                .put("maxResults", max).put("total", found.size());
        ArrayNode list = out.putArray("issues");
        for (Issue i : found.subList(Math.min(startAt, end), end)) {
            list.add(DoubleData.issueJson(i, fields, false, server.uri().toString()));
        }
        return Response.json(out.toString());
    }

    private int cap(List<String> fields, int idOnly) {
        return fields.stream().allMatch(f -> f.equals("id") || f.equals("key") || f.equals("updated")) ? idOnly : fullPageCap;
    }

    /** What a search of this JQL returns to the account: matching, visible issues in the query's order. */
    private List<Issue> find(String jql) {
        if (jql.isBlank()) {
            throw new DoubleJql.Invalid("Unbounded JQL queries are not allowed here. Please add a search restriction to your query.");
        }
        DoubleJql q = new DoubleJql(jql);
        return issues.values().stream().filter(i -> i.securityLevel == null).filter(q.filter).sorted(q.order).toList();
    }

    private synchronized Response comments(String id, Request r, boolean cloud) {
        Issue issue = issues.values().stream().filter(i -> i.id.equals(id) && i.securityLevel == null).findFirst().orElse(null);
        if (issue == null) {
            return error(404, "Issue does not exist or you do not have permission to see it.");
        }
        int startAt = intParam(r, "startAt", 0);
        int max = Math.min(intParam(r, "maxResults", 100), COMMENT_PAGE_CAP);
        int end = Math.min(issue.comments.size(), startAt + max);
        ObjectNode out = JSON.createObjectNode().put("startAt", startAt).put("maxResults", max).put("total", issue.comments.size());
        ArrayNode list = out.putArray("comments");
        for (Comment c : issue.comments.subList(Math.min(startAt, end), end)) {
            list.add(DoubleData.commentJson(issue, c, cloud, server.uri().toString()));
        }
        return Response.json(out.toString());
    }

    // --- plumbing -----------------------------------------------------------------------------------------------

    static String time(Instant t) {
        return t == null ? null : TIME.format(t);
    }

    private static int intParam(Request r, String name, int dflt) {
        try {
            return r.param(name) == null ? dflt : Math.max(0, Integer.parseInt(r.param(name)));
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    private static JsonNode body(Request r) {
        try {
            return JSON.readTree(r.body());
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static JsonNode queryAsBody(Request r) {
        ObjectNode b = JSON.createObjectNode().put("jql", r.param("jql"));
        if (r.param("maxResults") != null) {
            b.put("maxResults", intParam(r, "maxResults", 50));
        }
        if (r.param("nextPageToken") != null) {
            b.put("nextPageToken", r.param("nextPageToken"));
        }
        ArrayNode f = b.putArray("fields");
        if (r.param("fields") != null) {
            for (String s : r.param("fields").split(",")) {
                f.add(s);
            }
        }
        return b;
    }

    static Response error(int status, String message) {
        ObjectNode e = JSON.createObjectNode();
        e.putArray("errorMessages").add(message);
        e.putObject("errors");
        return new Response(status, "application/json;charset=UTF-8", e.toString().getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private static Function<Request, Response> cloud(Function<Request, Response> handler) {
        String expected = "Basic " + Base64.getEncoder().encodeToString((EMAIL + ":" + API_TOKEN).getBytes(StandardCharsets.UTF_8));
        return r -> expected.equals(r.header("Authorization")) ? handler.apply(r)
                : Response.text(401, "text/plain;charset=UTF-8", "Client must be authenticated to access this resource.");
    }

    private static Function<Request, Response> dataCenter(Function<Request, Response> handler) {
        return r -> ("Bearer " + PAT).equals(r.header("Authorization")) ? handler.apply(r)
                : error(401, "You are not authenticated. Authentication required to perform this operation.");
    }

    /** The underlying server, to script faults or count requests. */
    public FixtureServer server() {
        return server;
    }

    public String url() {
        return server.uri().toString();
    }

    /** The keys of etc/source.jira-&lt;name&gt;.cfg for this double, Cloud flavor, projects OPS and INFRA. */
    public Map<String, String> cloudCfg() {
        Map<String, String> cfg = new LinkedHashMap<>();
        cfg.put("url", url());
        cfg.put("flavor", "cloud");
        cfg.put("email", EMAIL);
        cfg.put(".api.token", API_TOKEN);
        cfg.put("projects", "OPS,INFRA");
        cfg.put("page.size", "2");
        return cfg;
    }

    /** The keys for this double as a Data Center server. */
    public Map<String, String> dataCenterCfg() {
        Map<String, String> cfg = cloudCfg();
        cfg.remove("email");
        cfg.put("flavor", "datacenter");
        cfg.put(".api.token", PAT);
        return cfg;
    }

    @Override
    public void close() {
        server.close();
    }
}
