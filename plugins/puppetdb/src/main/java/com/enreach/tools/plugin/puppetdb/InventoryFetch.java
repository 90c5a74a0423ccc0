package com.enreach.tools.plugin.puppetdb;

import java.util.List;
import java.util.Map;

import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.RetryableSourceException;
import com.enreach.tools.api.spi.SourceContext;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.source.support.Checks;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One run: pages through the inventory by limit/offset in certname order until a short page.
 *
 * <p>Offsets shift when nodes come or go during the run. Each page after the first therefore re-reads the last node
 * of the previous page (the anchor): found further down means nodes were added before it (the rows up to the anchor
 * are skipped; new nodes wait for the next run); not found means nodes were removed before it, so a node may have
 * slid past unseen, and the run fails rather than let the core mark a live node stale.
 */
final class InventoryFetch {
    private final PuppetDbClient client;
    private final int pageSize;
    private final SourceContext context;
    private final RecordSink sink;
    private boolean reportStatus;

    InventoryFetch(PuppetDbClient client, int pageSize, boolean reportStatus, SourceContext context, RecordSink sink) {
        this.client = client;
        this.pageSize = pageSize;
        this.reportStatus = reportStatus;
        this.context = context;
        this.sink = sink;
    }

    void run() throws SourceException {
        int next = 0;          // absolute position of the first node not read yet
        String anchor = null;  // certname of the last node read
        long emitted = 0;
        for (int page = 1; ; page++) {
            Checks.notCancelled(context, "PuppetDB run cancelled after " + emitted + " nodes");
            sink.phase("inventory page " + page + " (" + emitted + " nodes so far)");
            int offset = anchor == null ? 0 : next - 1;
            int limit = anchor == null ? pageSize : pageSize + 1;
            final int p = page;
            List<InventoryMapper.Mapped> rows = context.call("GET " + PuppetDbClient.INVENTORY + " page " + page + " (offset " + offset + ")",
                    () -> client.inventoryPage(p, offset, limit));
            int from = 0;
            if (anchor != null) {
                from = indexOf(rows, anchor) + 1;
                if (from == 0) {
                    throw new RetryableSourceException("inventory_changed", "PuppetDB nodes were removed while the inventory was read"
                            + " (node " + anchor + " moved); the run stopped so that no node is wrongly marked stale, the next run will read them all",
                            null);
                }
            }
            List<InventoryMapper.Mapped> fresh = rows.subList(from, rows.size());
            emit(fresh);
            emitted += fresh.size();
            if (!rows.isEmpty()) {
                anchor = rows.get(rows.size() - 1).certname();
                next = offset + rows.size();
            }
            if (rows.size() < limit) {
                return;
            }
        }
    }

    private void emit(List<InventoryMapper.Mapped> rows) throws SourceException {
        if (rows.isEmpty()) {
            return;
        }
        Map<String, JsonNode> status = reportStatus ? status(rows) : Map.of();
        completeFlatNetworks(rows);
        for (InventoryMapper.Mapped m : rows) {
            DeviceRecord d = m.device();
            JsonNode s = status.get(m.certname());
            if (s != null) {
                for (String field : PuppetDbClient.NODE_FIELDS) {
                    JsonNode v = s.get(field);
                    if (!field.equals("certname") && v != null && !v.isNull()) {
                        VolatileFacts.put(d, field, v.isBoolean() ? (Object) v.booleanValue() : v.asText());
                    }
                }
            }
            m.warnings().forEach(w -> sink.warn(m.certname(), w));
            sink.device(d);
        }
    }

    /**
     * Reads the per-interface facts of the page's nodes that have only legacy network facts, in one query, and
     * adds their interfaces. When the query fails the nodes keep their main address only, with a warning.
     */
    private void completeFlatNetworks(List<InventoryMapper.Mapped> rows) throws SourceException {
        List<InventoryMapper.Mapped> legacy = rows.stream().filter(m -> m.flat() != null).toList();
        if (legacy.isEmpty()) {
            return;
        }
        List<String> names = legacy.stream().map(InventoryMapper.Mapped::certname).toList();
        Map<String, Map<String, JsonNode>> facts;
        try {
            facts = context.call("POST " + PuppetDbClient.FACTS + " (interface facts of " + names.size() + " nodes)",
                    () -> client.interfaceFacts(names));
        } catch (SourceException e) {
            if ("interrupted".equals(e.code())) {
                throw e;
            }
            sink.warn(names.get(0), "per-interface facts of " + names.size() + " legacy nodes not read (" + e.userMessage()
                    + "); they keep their main address only this run");
            facts = Map.of();
        }
        for (InventoryMapper.Mapped m : legacy) {
            FlatNetwork.apply(m.flat(), facts.getOrDefault(m.certname(), Map.of()), m.device(), m.warnings());
        }
    }

    /** Report status is a secondary read: when it fails the nodes still count, without it, for the rest of the run. */
    private Map<String, JsonNode> status(List<InventoryMapper.Mapped> rows) throws SourceException {
        List<String> names = rows.stream().map(InventoryMapper.Mapped::certname).toList();
        try {
            return context.call("POST " + PuppetDbClient.NODES + " (" + names.size() + " nodes)", () -> client.nodeStatus(names));
        } catch (SourceException e) {
            if ("interrupted".equals(e.code())) {
                throw e;
            }
            reportStatus = false;
            sink.warn(names.get(0), "last report status not read for this and the following nodes of this run: " + e.userMessage());
            return Map.of();
        }
    }

    private static int indexOf(List<InventoryMapper.Mapped> rows, String certname) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).certname().equals(certname)) {
                return i;
            }
        }
        return -1;
    }
}
