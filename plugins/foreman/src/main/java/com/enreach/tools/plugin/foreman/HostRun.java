package com.enreach.tools.plugin.foreman;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.enreach.tools.api.spi.EntityKinds;
import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.SourceContext;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.source.support.Checks;
import com.enreach.tools.source.support.JsonValues;
import com.enreach.tools.source.support.SourceHttp;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One fetch: pages through GET /api/hosts in name order (unique, and a field Foreman can sort by) and reads each
 * host's details as it goes, so only one page is in memory at a time. It returns only when every page was read;
 * anything odd about a page throws, because a normal return lets the core mark the hosts it did not see as stale.
 *
 * <p>Foreman pages by page number, so a host deleted before the cursor moves every later host one place up and the
 * first host of the next page slides, unseen, onto the page already read. After a run of more than one page the
 * whole list is therefore read once more, thin (id and name only, one request), and every listed host the pages
 * missed is read then: a host live at the end of the run is never left out (and so never marked stale).
 */
final class HostRun {
    /** Failures that concern the whole instance, not one host: they end the run. */
    private static final Set<String> FATAL = Set.of("auth", "tls", "unreachable", "config", "cancelled");
    /** Name is unique per Foreman and Foreman's own default sort field for hosts (id is not a search field). */
    static final String ORDER = "name";

    private final SourceHttp http;
    private final int pageSize;
    private final SourceContext context;
    private final RecordSink sink;
    /** Ids of the hosts read (or found gone) in this run. */
    private final Set<String> seen = new HashSet<>();
    private IdentityFacts facts = IdentityFacts.none();

    HostRun(SourceHttp http, int pageSize, SourceContext context, RecordSink sink) {
        this.http = http;
        this.pageSize = pageSize;
        this.context = context;
        this.sink = sink;
    }

    void run() throws SourceException {
        checkCancelled();
        facts = IdentityFacts.read(http, pageSize, context, sink);
        int pages = readPages();
        if (pages > 1) {
            readMissed();
        }
    }

    /** @return the number of pages read */
    private int readPages() throws SourceException {
        Long expected = null;
        String previousFirstId = null;
        for (int page = 1; ; page++) {
            checkCancelled();
            String part = expected == null ? "page " + page : "page " + page + " of " + Math.max(1, (expected + pageSize - 1) / pageSize);
            sink.phase("hosts " + part);
            String where = "Foreman GET /api/hosts " + part;
            final int p = page;
            JsonNode envelope = context.call("GET /api/hosts " + part,
                    () -> http.getJson("/api/hosts?order=" + ORDER + "&page=" + p + "&per_page=" + pageSize, part));
            JsonNode results = results(envelope, where);
            Long echoedPage = JsonValues.whole(JsonValues.at(envelope, "page"));
            if (echoedPage != null && echoedPage != page) {
                throw PermanentSourceException.malformed(where, "the server answered page " + echoedPage
                        + " (it ignores the page parameter; a proxy may strip the query string)", null);
            }
            Long count = count(envelope);
            if (count != null) {
                expected = count; // the latest count: hosts may come and go while we page
            }
            if (results.isEmpty()) {
                return page; // the end, or hosts were deleted while we paged: the thin re-read finds any left out
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
            if (results.size() < pageSize || expected != null && (long) page * pageSize >= expected) {
                return page;
            }
            // A page per host at worst; beyond that the server is not paging the way it says.
            if (expected != null && page > expected) {
                throw PermanentSourceException.malformed(where, "paging did not end after " + page + " pages for "
                        + expected + " hosts", null);
            }
        }
    }

    /** Reads the whole list thin, in one request, and every host in it that the pages did not show. */
    private void readMissed() throws SourceException {
        checkCancelled();
        sink.phase("hosts: checking the list for hosts the pages missed");
        String where = "Foreman GET /api/hosts (thin, all hosts)";
        JsonNode envelope = context.call("GET /api/hosts thin, all hosts",
                () -> http.getJson("/api/hosts?thin=true&order=" + ORDER + "&per_page=all", "(thin, all hosts)"));
        JsonNode results = results(envelope, where);
        Long count = count(envelope);
        if (count != null && results.size() < count) {
            throw PermanentSourceException.malformed(where, "listed " + results.size() + " of " + count
                    + " hosts although all were asked for (per_page=all); cannot tell which hosts exist", null);
        }
        List<JsonNode> missed = new ArrayList<>();
        for (JsonNode h : results) {
            String id = h.isObject() ? HostMapper.id(h) : null;
            if (id == null || HostMapper.text(h, "name") == null) {
                throw PermanentSourceException.malformed(where, "a host without id or name", null);
            }
            if (!seen.contains(id)) {
                missed.add(h);
            }
        }
        if (missed.isEmpty()) {
            return;
        }
        sink.phase("hosts: reading " + missed.size() + (missed.size() == 1 ? " host" : " hosts")
                + " the pages missed (the list changed during the run)");
        for (JsonNode h : missed) {
            checkCancelled();
            host(h, where);
        }
    }

    private static JsonNode results(JsonNode envelope, String where) throws PermanentSourceException {
        JsonNode results = envelope.get("results");
        if (!envelope.isObject() || results == null || !results.isArray()) {
            throw PermanentSourceException.malformed(where, "no \"results\" list in the answer", null);
        }
        return results;
    }

    /**
     * subtotal is the count after search and permission filters; older versions only give total. A count that is
     * not a whole number is no count (1.9 is not cut to 1, which would end the paging early).
     */
    static Long count(JsonNode envelope) {
        for (String f : new String[] {"subtotal", "total"}) {
            Long v = JsonValues.whole(JsonValues.at(envelope, f));
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private void host(JsonNode summary, String where) throws SourceException {
        String id = summary.isObject() ? HostMapper.id(summary) : null;
        if (id == null || HostMapper.text(summary, "name") == null) {
            throw PermanentSourceException.malformed(where, "a host without id or name", null);
        }
        if (!seen.add(id)) {
            return; // shown again on a later page because a host was added before it: read once is enough
        }
        String path = "/api/hosts/" + SourceHttp.pathSegment(id);
        String part = "(host " + HostMapper.text(summary, "name") + ")";
        JsonNode detail;
        try {
            detail = context.call("GET " + path + " " + part, () -> http.getJson(path, part));
        } catch (PermanentSourceException e) {
            if (FATAL.contains(e.code())) {
                throw e;
            }
            if (e.code().equals("not_found")) {
                sink.warn(id, "host " + HostMapper.text(summary, "name") + " was listed but is gone (deleted during the run?); skipped");
                return;
            }
            // One unreadable host must not block the rest.
            detailsMissing(summary, "could not be read (" + e.userMessage() + ")");
            return;
        }
        if (!detail.isObject() || !id.equals(HostMapper.id(detail)) || HostMapper.text(detail, "name") == null) {
            detailsMissing(summary, "are not a host object");
            return;
        }
        sink.device(HostMapper.device(detail, facts.of(HostMapper.text(detail, "name"))));
    }

    /**
     * A host whose details cannot be read keeps what an earlier run stored: a record made from its list entry
     * would lose its interfaces and addresses until the next run. A host never stored before is only warned about
     * by the core and appears on the next run that can read its details.
     */
    private void detailsMissing(JsonNode summary, String why) {
        String id = HostMapper.id(summary);
        String name = HostMapper.text(summary, "name");
        sink.notRefreshed(EntityKinds.DEVICE, id, "details of host " + name + " " + why + "; what an earlier run stored is kept");
    }

    private void checkCancelled() throws PermanentSourceException {
        Checks.notCancelled(context, "The Foreman run was cancelled");
    }
}
