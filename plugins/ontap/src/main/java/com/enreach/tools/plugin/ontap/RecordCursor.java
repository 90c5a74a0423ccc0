package com.enreach.tools.plugin.ontap;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.RetryableSourceException;
import com.enreach.tools.api.spi.SourceContext;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.source.support.Checks;
import com.enreach.tools.source.support.JsonValues;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads one ONTAP collection record by record, fetching the next page only when the current one is used up, so
 * only one page is in memory. Paging follows {@code _links.next.href} until it is absent, also from a page without
 * records: ONTAP returns an empty page with a next link when its return_timeout ran out before it found a record,
 * and the records after it are still to come. Anything that is not a well-formed, complete collection page fails
 * the run, so a cut-off answer never passes as complete: that includes an answer with records plus ONTAP's
 * {@code error} member (or a non-empty {@code errors} array), which ONTAP sends when it could not collect every
 * record (a node out of reach). Such a page is retried and, when it stays partial, fails the run retryably, so the
 * core marks nothing stale because of it.
 */
final class RecordCursor {
    private final OntapClient client;
    private final SourceContext context;
    private final RecordSink sink;
    private final String label;
    private final Set<String> visited = new HashSet<>();
    private String nextHref;
    private Iterator<JsonNode> page = java.util.Collections.emptyIterator();
    private int pageNo;

    RecordCursor(OntapClient client, SourceContext context, RecordSink sink, String label, String firstHref) {
        this.client = client;
        this.context = context;
        this.sink = sink;
        this.label = label;
        this.nextHref = firstHref;
    }

    /** The next record, or null at the end of the collection. */
    JsonNode next() throws SourceException {
        while (!page.hasNext()) {
            if (nextHref == null) {
                return null;
            }
            loadPage();
        }
        return page.next();
    }

    int pages() {
        return pageNo;
    }

    private void loadPage() throws SourceException {
        Checks.notCancelled(context, "Run cancelled while reading ONTAP " + label);
        String href = nextHref;
        if (!visited.add(href)) {
            throw PermanentSourceException.malformed("ONTAP " + label, "a next link repeats an earlier page ("
                    + path(href) + "); stopped to avoid an endless loop", null);
        }
        pageNo++;
        sink.phase(label + " page " + pageNo);
        String where = "ONTAP GET " + path(href) + " page " + pageNo;
        JsonNode body = context.call("GET " + path(href) + " page " + pageNo, () -> complete(client.get(href, "page " + pageNo), where));
        if (!body.isObject()) {
            throw PermanentSourceException.malformed(where, "expected a collection object", null);
        }
        JsonNode records = body.path("records");
        Long declared = JsonValues.whole(body, "num_records");
        if (records.isMissingNode() && declared != null && declared == 0) {
            records = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
        if (!records.isArray()) {
            throw PermanentSourceException.malformed(where, "no records array", null);
        }
        // num_records counts the records of this page; a mismatch means the answer was cut or mangled
        if (declared != null && declared != records.size()) {
            throw PermanentSourceException.malformed(where, "num_records says " + declared + " but "
                    + records.size() + " records came", null);
        }
        nextHref = JsonValues.text(body, "_links.next.href");
        page = records.elements();
    }

    /** The page when ONTAP says nothing is missing from it; a retryable {@code partial} failure otherwise. */
    private static JsonNode complete(JsonNode body, String where) throws RetryableSourceException {
        JsonNode error = body.path("error");
        JsonNode errors = body.path("errors");
        if (!error.isObject() && !(errors.isArray() && errors.size() > 0)) {
            return body;
        }
        OntapErrors.OntapError e = OntapErrors.of(error.isObject() ? error : errors.get(0));
        int records = body.path("records").size();
        throw new RetryableSourceException("partial", where + " answered only in part (" + records + " records and the error "
                + (e.message() == null ? "without a message" : "\"" + e.message() + "\"") + "); the run stops so that"
                + " what ONTAP could not list is not marked stale", OntapErrors.detail(e), null, null);
    }

    private static String path(String href) {
        int q = href.indexOf('?');
        return q < 0 ? href : href.substring(0, q);
    }
}
