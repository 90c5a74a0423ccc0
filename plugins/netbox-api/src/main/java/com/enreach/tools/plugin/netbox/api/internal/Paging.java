package com.enreach.tools.plugin.netbox.api.internal;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** NetBox's limit/offset paging: 50 by default, at most 1,000 a page, {@code limit=0} meaning that maximum. */
final class Paging {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;

    /** Bad input: answered 400 with NetBox's {@code {"detail": ...}}. */
    static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message);
        }
    }

    record Window(int limit, int offset) {
        <T> List<T> of(List<T> all) {
            if (offset >= all.size()) {
                return List.of();
            }
            return all.subList(offset, Math.min(all.size(), offset + limit));
        }
    }

    private Paging() {
    }

    static Window window(Request r) {
        int limit = number(r, "limit", DEFAULT_LIMIT);
        int offset = number(r, "offset", 0);
        return new Window(limit == 0 || limit > MAX_LIMIT ? MAX_LIMIT : limit, offset);
    }

    private static int number(Request r, String name, int fallback) {
        String v = r.first(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequest("Query parameter '" + name + "' must be a whole number of 0 or more, got '" + v + "'");
    }

    /** {@code {count, next, previous, results}} with absolute next/previous links. */
    static ObjectNode page(Request r, Window w, long count, List<? extends JsonNode> results) {
        ObjectNode n = Render.JSON.createObjectNode();
        n.put("count", count);
        if (w.offset() + w.limit() < count) {
            n.put("next", r.pageUrl(w.limit(), w.offset() + w.limit()));
        } else {
            n.putNull("next");
        }
        if (w.offset() > 0) {
            n.put("previous", r.pageUrl(w.limit(), Math.max(0, w.offset() - w.limit())));
        } else {
            n.putNull("previous");
        }
        n.putArray("results").addAll(results);
        return n;
    }
}
