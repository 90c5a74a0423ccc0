package com.enreach.tools.plugin.jira;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.source.support.HttpFailures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns a non-2xx Jira answer into a {@link SourceException}. Jira explains refusals in its ErrorCollection
 * ({@code {"errorMessages":[...],"errors":{field: message}}}); for a search that is the JQL problem ("Field
 * 'projct' does not exist"), quoted with the JQL so the operator can fix the instance file. Credentials and
 * request headers never appear.
 */
final class JiraErrors {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_MESSAGE = 400;

    private JiraErrors() {
    }

    /**
     * @param where "POST /rest/api/3/search/jql page 2"
     * @param jql   the JQL of a search, or null for other requests
     */
    static SourceException of(Flavor flavor, String method, String path, String part, String jql, HttpResponse<byte[]> r) {
        int status = r.statusCode();
        String says = says(r);
        String where = method + " " + path + (part == null ? "" : " " + part);
        String remote = says == null ? "" : ": " + says;
        if (status == 400 && jql != null) {
            return new PermanentSourceException("bad_jql", "jql", "Jira refused the JQL \"" + jql + "\" (HTTP 400 on "
                    + where + ")" + remote, null, null);
        }
        if (status == 401) {
            String what = flavor == Flavor.CLOUD ? "email and api.token (an API token of that Atlassian account)"
                    : "api.token (a personal access token)";
            return new PermanentSourceException("auth", "api.token", flavor.label + " rejected the credentials (HTTP 401 on "
                    + where + "): check " + what + remote, null, null);
        }
        if (status == 403) {
            return new PermanentSourceException("auth", "api.token", flavor.label + " refused " + where
                    + " to this account (HTTP 403)" + remote + "; it needs the Browse projects permission"
                    + (flavor == Flavor.CLOUD ? " (or a CAPTCHA blocks it: log in once in a browser)" : ""), null, null);
        }
        return HttpFailures.of("Jira", method, path + (part == null ? "" : " " + part), status, r.headers(), says, null);
    }

    /** Jira's own messages from an ErrorCollection body, on one bounded line; null when the body has none. */
    static String says(HttpResponse<byte[]> r) {
        String ct = r.headers().firstValue("Content-Type").orElse("");
        if (r.body().length == 0 || !ct.contains("json")) {
            return null;
        }
        try {
            JsonNode body = MAPPER.readTree(r.body());
            List<String> messages = new ArrayList<>();
            for (JsonNode m : body.path("errorMessages")) {
                messages.add(m.asText());
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = body.path("errors").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                messages.add(e.getKey() + ": " + e.getValue().asText());
            }
            String one = String.join("; ", messages).replaceAll("\\p{Cntrl}+", " ").trim();
            if (one.isEmpty()) {
                return null;
            }
            return one.length() > MAX_MESSAGE ? one.substring(0, MAX_MESSAGE) + "..." : one;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }
}
