package com.enreach.tools.plugin.puppetdb;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.RetryableSourceException;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.source.support.JsonValues;
import com.enreach.tools.source.support.SourceHttp;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The three PuppetDB requests the plugin makes. One call = one HTTP request, so the core can retry each. */
final class PuppetDbClient {
    static final String VERSION = "/pdb/meta/v1/version";
    static final String INVENTORY = "/pdb/query/v4/inventory";
    static final String NODES = "/pdb/query/v4/nodes";
    static final String FACTS = "/pdb/query/v4/facts";
    static final List<String> NODE_FIELDS = List.of("certname", "report_timestamp", "latest_report_status",
            "latest_report_noop", "latest_report_corrective_change", "cached_catalog_status", "catalog_timestamp",
            "catalog_environment");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ORDER_BY = "[{\"field\":\"certname\",\"order\":\"asc\"}]";

    private final SourceHttp http;
    private final String inventoryQuery;

    PuppetDbClient(SourceHttp http) {
        this.http = http;
        this.inventoryQuery = extract(InventoryMapper.FIELDS).toString();
    }

    /** The server's version, e.g. "7.12.1". */
    String version() throws SourceException {
        JsonNode v = json(http.request(VERSION).header("Accept", "application/json").GET().build());
        String s = JsonValues.text(v.get("version"));
        if (s == null) {
            throw PermanentSourceException.malformed("PuppetDB GET " + VERSION, "no version in the answer", null);
        }
        return s;
    }

    /**
     * One page of the inventory in certname order, parsed entry by entry, so the raw page and the mapped devices
     * are held but never a tree of the whole page. A truncated or otherwise invalid answer throws: the run must not
     * look complete. (The page is read whole rather than streamed so that an error answer's body can be kept.)
     */
    List<InventoryMapper.Mapped> inventoryPage(int page, int offset, int limit) throws SourceException {
        String path = INVENTORY + "?query=" + SourceHttp.query(inventoryQuery) + "&order_by=" + SourceHttp.query(ORDER_BY)
                + "&limit=" + limit + "&offset=" + offset;
        String part = "page " + page + " (offset " + offset + ")";
        String where = "PuppetDB GET " + INVENTORY + " " + part;
        HttpRequest request = http.request(path).header("Accept", "application/json").GET().build();
        List<InventoryMapper.Mapped> rows = new ArrayList<>();
        byte[] body = ErrorBodies.send(http, request, part).body();
        try (JsonParser p = MAPPER.getFactory().createParser(body)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw PermanentSourceException.malformed(where, "expected a JSON array of nodes", null);
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t == null) {
                    throw PermanentSourceException.malformed(where, "the answer ends before the node list is closed", null);
                }
                rows.add(InventoryMapper.map(MAPPER.readTree(p), where));
            }
            if (p.nextToken() != null) {
                throw PermanentSourceException.malformed(where, "unexpected content after the node list", null);
            }
            return rows;
        } catch (JsonProcessingException e) {
            throw PermanentSourceException.malformed(where, SourceHttp.notJson(body, e), e);
        } catch (IOException e) {
            throw new RetryableSourceException("io", "Reading " + where + " failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Last report and catalog facts of the given nodes, by certname (POST, as the name list can be long). */
    Map<String, JsonNode> nodeStatus(List<String> certnames) throws SourceException {
        ArrayNode names = MAPPER.createArrayNode();
        certnames.forEach(names::add);
        ArrayNode in = MAPPER.createArrayNode().add("in").add("certname");
        in.addArray().add("array").add(names);
        ArrayNode query = extract(NODE_FIELDS).add(in);
        ObjectNode body = MAPPER.createObjectNode().set("query", query);
        HttpRequest request = http.request(NODES).header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        JsonNode answer = json(request);
        if (!answer.isArray()) {
            throw PermanentSourceException.malformed("PuppetDB POST " + NODES, "expected a JSON array of nodes", null);
        }
        Map<String, JsonNode> byName = new HashMap<>();
        for (JsonNode n : answer) {
            String name = JsonValues.text(n.get("certname"));
            if (name != null) {
                byName.put(name, n);
            }
        }
        return byName;
    }

    /** The per-interface legacy facts ({@link FlatNetwork#FACT_NAME_PATTERN}) of the given nodes: certname → name → value. */
    Map<String, Map<String, JsonNode>> interfaceFacts(List<String> certnames) throws SourceException {
        ArrayNode names = MAPPER.createArrayNode();
        certnames.forEach(names::add);
        ArrayNode query = MAPPER.createArrayNode().add("and");
        query.addArray().add("in").add("certname").addArray().add("array").add(names);
        query.addArray().add("~").add("name").add(FlatNetwork.FACT_NAME_PATTERN);
        HttpRequest request = http.request(FACTS).header("Accept", "application/json").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(MAPPER.createObjectNode().set("query", query).toString())).build();
        JsonNode answer = json(request);
        if (!answer.isArray()) {
            throw PermanentSourceException.malformed("PuppetDB POST " + FACTS, "expected a JSON array of facts", null);
        }
        Map<String, Map<String, JsonNode>> byNode = new HashMap<>();
        for (JsonNode f : answer) {
            String certname = JsonValues.text(f.get("certname"));
            String name = JsonValues.text(f.get("name"));
            if (certname != null && name != null && f.has("value")) {
                byNode.computeIfAbsent(certname, k -> new HashMap<>()).put(name, f.get("value"));
            }
        }
        return byNode;
    }

    private JsonNode json(HttpRequest request) throws SourceException {
        return http.parseJson(request, ErrorBodies.send(http, request));
    }

    private static ArrayNode extract(List<String> fields) {
        ArrayNode q = MAPPER.createArrayNode().add("extract");
        ArrayNode f = q.addArray();
        fields.forEach(f::add);
        return q;
    }
}
