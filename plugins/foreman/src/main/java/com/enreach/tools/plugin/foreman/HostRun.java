package com.enreach.tools.plugin.foreman;

import java.util.Set;

import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.SourceContext;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.source.support.Checks;
import com.enreach.tools.source.support.SourceHttp;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One fetch: pages through GET /api/hosts and reads each host's details as it goes, so only one page is in
 * memory at a time. It returns only when every page was read; anything odd about a page throws, because a
 * normal return lets the core mark the hosts it did not see as stale.
 */
final class HostRun {
    /** Failures that concern the whole instance, not one host: they end the run. */
    private static final Set<String> FATAL = Set.of("auth", "tls", "unreachable", "config", "cancelled");

    private final SourceHttp http;
    private final int pageSize;
    private final SourceContext context;
    private final RecordSink sink;

    HostRun(SourceHttp http, int pageSize, SourceContext context, RecordSink sink) {
        this.http = http;
        this.pageSize = pageSize;
        this.context = context;
        this.sink = sink;
    }

    void run() throws SourceException {
        Long expected = null;
        long seen = 0;
        String previousFirstId = null;
        for (int page = 1; ; page++) {
            checkCancelled();
            sink.phase(expected == null ? "hosts page " + page : "hosts page " + page + "/" + Math.max(1, (expected + pageSize - 1) / pageSize));
            String where = "Foreman GET /api/hosts page " + page;
            final int p = page;
            JsonNode envelope = context.call("GET /api/hosts page " + page,
                    () -> http.getJson("/api/hosts?page=" + p + "&per_page=" + pageSize));
            JsonNode results = envelope.get("results");
            if (!envelope.isObject() || results == null || !results.isArray()) {
                throw PermanentSourceException.malformed(where, "no \"results\" list in the answer", null);
            }
            JsonNode echoedPage = envelope.get("page");
            if (echoedPage != null && echoedPage.canConvertToInt() && echoedPage.asInt() != page) {
                throw PermanentSourceException.malformed(where, "the server answered page " + echoedPage.asInt()
                        + " (it ignores the page parameter; a proxy may strip the query string)", null);
            }
            if (expected == null) {
                expected = count(envelope);
            }
            if (results.isEmpty()) {
                return; // the end, or hosts were deleted while we paged: what is gone is gone
            }
            String firstId = HostMapper.id(results.get(0));
            if (firstId != null && firstId.equals(previousFirstId)) {
                throw PermanentSourceException.malformed(where, "the same hosts as the previous page came back"
                        + " (the server ignores the page parameter)", null);
            }
            previousFirstId = firstId;
            for (JsonNode summary : results) {
                checkCancelled();
                host(summary, where);
            }
            seen += results.size();
            if (expected == null ? results.size() < pageSize : seen >= expected) {
                return;
            }
            // A page per host at worst; beyond that the server is not paging the way it says.
            if (expected != null && page > expected) {
                throw PermanentSourceException.malformed(where, "paging did not end after " + page + " pages for "
                        + expected + " hosts", null);
            }
        }
    }

    /** subtotal is the count after search and permission filters; older versions only give total. */
    private static Long count(JsonNode envelope) {
        for (String f : new String[] {"subtotal", "total"}) {
            JsonNode v = envelope.get(f);
            if (v != null && v.canConvertToLong()) {
                return v.asLong();
            }
        }
        return null;
    }

    private void host(JsonNode summary, String where) throws SourceException {
        String id = summary.isObject() ? HostMapper.id(summary) : null;
        if (id == null || HostMapper.text(summary, "name") == null) {
            throw PermanentSourceException.malformed(where, "a host without id or name", null);
        }
        String path = "/api/hosts/" + SourceHttp.pathSegment(id);
        JsonNode detail;
        try {
            detail = context.call("GET " + path, () -> http.getJson(path));
        } catch (PermanentSourceException e) {
            if (FATAL.contains(e.code())) {
                throw e;
            }
            if (e.code().equals("not_found")) {
                sink.warn(id, "host " + HostMapper.text(summary, "name") + " was listed but is gone (deleted during the run?); skipped");
                return;
            }
            // One unreadable host must not block the rest: keep what the list said, without interfaces.
            sink.warn(id, "details of host " + HostMapper.text(summary, "name") + " could not be read (" + e.userMessage()
                    + "); stored from the host list only, without interfaces");
            sink.device(HostMapper.device(summary, false));
            return;
        }
        if (!detail.isObject() || !id.equals(HostMapper.id(detail)) || HostMapper.text(detail, "name") == null) {
            sink.warn(id, "details of host " + HostMapper.text(summary, "name") + " are not a host object; stored from the host list only");
            sink.device(HostMapper.device(summary, false));
            return;
        }
        sink.device(HostMapper.device(detail, true));
    }

    private void checkCancelled() throws PermanentSourceException {
        Checks.notCancelled(context, "The Foreman run was cancelled");
    }
}
