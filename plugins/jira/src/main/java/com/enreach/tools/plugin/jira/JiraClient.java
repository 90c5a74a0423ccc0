package com.enreach.tools.plugin.jira;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.source.support.HttpFailures;
import com.enreach.tools.source.support.SourceHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Single requests against one Jira: a search page, a comment page, the account. Cloud searches with
 * {@code POST /rest/api/3/search/jql} and a {@code nextPageToken}; Data Center with
 * {@code GET /rest/api/2/search} and {@code startAt}. Retries are the caller's ({@code SourceContext.call}).
 */
final class JiraClient {
    /** Most comments per comment request (Jira's own cap). */
    static final int COMMENT_PAGE = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One page of a search: its issues and where the next page starts (null when this was the last). */
    record Page(JsonNode issues, Cursor next, Long total) {
    }

    /** Where a page starts: a Cloud token or a Data Center offset. */
    record Cursor(String token, int startAt) {
        static final Cursor FIRST = new Cursor(null, 0);
    }

    private final SourceHttp http;
    private final Flavor flavor;

    JiraClient(SourceHttp http, Flavor flavor) {
        this.http = http;
        this.flavor = flavor;
    }

    Flavor flavor() {
        return flavor;
    }

    /** The search path of this flavor, for operation names. */
    String searchOperation() {
        return flavor == Flavor.CLOUD ? "POST " + flavor.api + "/search/jql" : "GET " + flavor.api + "/search";
    }

    /** One page of a search. */
    Page search(String jql, List<String> fields, int maxResults, Cursor cursor, String part) throws SourceException {
        HttpRequest request;
        if (flavor == Flavor.CLOUD) {
            ObjectNode body = JSON.createObjectNode().put("jql", jql).put("maxResults", maxResults);
            fields.forEach(body.putArray("fields")::add);
            if (cursor.token() != null) {
                body.put("nextPageToken", cursor.token());
            }
            request = http.request(flavor.api + "/search/jql").header("Accept", "application/json")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        } else {
            request = http.request(flavor.api + "/search?jql=" + SourceHttp.query(jql) + "&startAt=" + cursor.startAt()
                    + "&maxResults=" + maxResults + "&fields=" + SourceHttp.query(String.join(",", fields)))
                    .header("Accept", "application/json").GET().build();
        }
        JsonNode page = send(request, part, jql);
        JsonNode issues = page.path("issues");
        if (!issues.isArray()) {
            throw malformed(request, part, "no issues list in the search answer");
        }
        return flavor == Flavor.CLOUD ? cloudPage(request, part, page, issues) : dataCenterPage(request, part, page, issues, cursor);
    }

    private Page cloudPage(HttpRequest request, String part, JsonNode page, JsonNode issues) throws SourceException {
        String token = page.path("nextPageToken").isTextual() ? page.path("nextPageToken").asText() : null;
        boolean last = page.path("isLast").asBoolean(token == null);
        if (!last && token == null) {
            throw malformed(request, part, "isLast is false but no nextPageToken came");
        }
        return new Page(issues, last ? null : new Cursor(token, 0), null);
    }

    private Page dataCenterPage(HttpRequest request, String part, JsonNode page, JsonNode issues, Cursor cursor)
            throws SourceException {
        if (!page.path("total").canConvertToLong()) {
            throw malformed(request, part, "no total in the search answer");
        }
        long total = page.path("total").asLong();
        int next = cursor.startAt() + issues.size();
        // an empty page before the total would loop forever: Jira is done even if its total says otherwise
        return new Page(issues, issues.isEmpty() || next >= total ? null : new Cursor(null, next), total);
    }

    /** One page of an issue's comments, oldest first: {@code {startAt, maxResults, total, comments}}. */
    JsonNode comments(String issueId, int startAt, String part) throws SourceException {
        HttpRequest request = http.request(flavor.api + "/issue/" + SourceHttp.pathSegment(issueId) + "/comment?startAt="
                + startAt + "&maxResults=" + COMMENT_PAGE).header("Accept", "application/json").GET().build();
        JsonNode page = send(request, part, null);
        if (!page.path("comments").isArray()) {
            throw malformed(request, part, "no comments list in the comment answer");
        }
        return page;
    }

    /** The account the credentials belong to ({@code GET /myself}). */
    JsonNode myself() throws SourceException {
        return send(http.request(flavor.api + "/myself").header("Accept", "application/json").GET().build(), null, null);
    }

    private JsonNode send(HttpRequest request, String part, String jql) throws SourceException {
        HttpResponse<byte[]> r = http.sendRaw(request);
        if (!HttpFailures.success(r.statusCode())) {
            throw JiraErrors.of(flavor, request.method(), request.uri().getRawPath(), part, jql, r);
        }
        return http.parseJson(request, r, part);
    }

    private static SourceException malformed(HttpRequest request, String part, String what) {
        return PermanentSourceException.malformed("Jira " + request.method() + " " + request.uri().getRawPath()
                + (part == null ? "" : " " + part), what, null);
    }
}
