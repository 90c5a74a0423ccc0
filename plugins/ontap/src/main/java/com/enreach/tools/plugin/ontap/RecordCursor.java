package com.enreach.tools.plugin.ontap;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.SourceContext;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.source.support.Checks;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads one ONTAP collection record by record, fetching the next page only when the current one is used up, so
 * only one page is in memory. Paging follows {@code _links.next.href} until it is absent. A page without records
 * ends the collection even when it carries a next link (ONTAP sends one when its return_timeout ran out).
 * Anything that is not a well-formed collection page fails the run, so a cut-off answer never passes as complete.
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
        JsonNode body = context.call("GET " + path(href) + " page " + pageNo, () -> client.get(href));
        String where = "ONTAP " + path(href) + " page " + pageNo;
        if (!body.isObject()) {
            throw PermanentSourceException.malformed(where, "expected a collection object", null);
        }
        JsonNode records = body.path("records");
        Long declared = Json.longValue(body, "num_records");
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
        String next = Json.text(body, "_links.next.href");
        nextHref = records.isEmpty() ? null : next;
        page = records.elements();
    }

    private static String path(String href) {
        int q = href.indexOf('?');
        return q < 0 ? href : href.substring(0, q);
    }
}
