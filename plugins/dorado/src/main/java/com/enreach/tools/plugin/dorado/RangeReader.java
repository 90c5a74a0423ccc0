package com.enreach.tools.plugin.dorado;

import java.util.ArrayList;
import java.util.List;

import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.RetryableSourceException;
import com.enreach.tools.api.spi.SourceContext;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.source.support.Checks;
import com.enreach.tools.source.support.SourceHttp;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a DeviceManager list by {@code range=[from-to]} (end exclusive) until a short or empty page.
 *
 * <p>Ranges are positions, and DeviceManager offers no documented sort key to pin them, so an object deleted
 * mid-run shifts every later one back by one and the next range would skip an object, which the core would then
 * mark stale. Each range after the first therefore starts one position early, at the last object of the previous
 * range (the anchor): found where expected, or further down (objects were added before it; they wait for the next
 * run), the reading goes on after it; not found means objects before it were removed, so the run fails retryably
 * and nothing is marked stale.
 *
 * <p>A range wider than the array serves is refused with {@link DoradoSession#PARAMETER_INCORRECT}; the reader
 * then halves the range (down to two objects, the least the anchor check needs) and says so in the run's warnings.
 */
final class RangeReader {
    /** The least range with an anchor: the anchor itself and one new object. */
    static final int MIN_RANGE = 2;

    /** One object of the list, mapped and emitted as it arrives. */
    interface Emitter {
        void emit(JsonNode object) throws SourceException;
    }

    private final DoradoSession session;
    private final SourceContext context;
    private final RecordSink sink;
    private final String systemId;
    private final int rangeSize;

    RangeReader(DoradoSession session, SourceContext context, RecordSink sink, String systemId, int rangeSize) {
        this.session = session;
        this.context = context;
        this.sink = sink;
        this.systemId = systemId;
        this.rangeSize = Math.max(MIN_RANGE, rangeSize);
    }

    /**
     * @param path the list ({@code /lun})
     * @param what what the objects are called in messages ("LUNs")
     * @return the number of objects emitted
     */
    int read(String path, String what, Emitter emitter) throws SourceException {
        int size = rangeSize;
        int next = 0;          // position of the first object not read yet
        String anchor = null;  // ID of the last object read
        int emitted = 0;
        for (int page = 1; ; ) {
            Checks.notCancelled(context, "Dorado run cancelled before it completed");
            sink.phase(what + " page " + page);
            int from = anchor == null ? 0 : next - 1;
            List<JsonNode> objects;
            try {
                String range = SourceHttp.query("[" + from + "-" + (from + size) + "]");
                objects = list(session.get("GET " + path + " page " + page, path + "?range=" + range, "page " + page),
                        path + " page " + page);
            } catch (DoradoSession.ApiError e) {
                if (e.arrayCode() != DoradoSession.PARAMETER_INCORRECT) {
                    throw e;
                }
                if (size <= MIN_RANGE) {
                    throw new PermanentSourceException("api_error", null, "Dorado refused to list " + what + " even "
                            + size + " at a time: " + e.userMessage(), null, e);
                }
                int smaller = Math.max(MIN_RANGE, size / 2);
                sink.warn(systemId, "the array refused a range of " + size + " " + what + " (error "
                        + e.arrayCode() + ", range too large?); reading " + smaller + " at a time");
                size = smaller;
                continue;
            }
            int start = 0;
            if (anchor != null) {
                start = indexOf(objects, anchor) + 1;
                if (start == 0) {
                    throw new RetryableSourceException("list_changed", "Dorado " + what + " changed while they were read ("
                            + anchor + " was no longer at position " + from + " of " + path + ": objects before it were deleted);"
                            + " the run stopped so that none is wrongly marked stale, the next run reads them all", null);
                }
            }
            for (JsonNode o : objects.subList(start, objects.size())) {
                emitter.emit(o);
            }
            emitted += objects.size() - start;
            if (!objects.isEmpty()) {
                anchor = id(objects.get(objects.size() - 1), path + " page " + page);
                next = from + objects.size();
            }
            if (objects.size() < size) {
                return emitted;
            }
            page++;
        }
    }

    private static int indexOf(List<JsonNode> objects, String id) throws PermanentSourceException {
        for (int i = 0; i < objects.size(); i++) {
            if (id.equals(DoradoValues.text(objects.get(i), "ID"))) {
                return i;
            }
        }
        return -1;
    }

    private static String id(JsonNode o, String path) throws PermanentSourceException {
        String id = DoradoValues.text(o, "ID");
        if (id == null) {
            throw PermanentSourceException.malformed("Dorado GET " + path, "an object has no ID", null);
        }
        return id;
    }

    /** A list answer: absent data means empty (the array leaves it out), anything but an array is malformed. */
    static List<JsonNode> list(JsonNode data, String path) throws PermanentSourceException {
        if (data == null || data.isMissingNode() || data.isNull()) {
            return List.of();
        }
        if (!data.isArray()) {
            throw PermanentSourceException.malformed("Dorado GET " + path, "data is not a list", null);
        }
        List<JsonNode> out = new ArrayList<>(data.size());
        for (JsonNode o : data) {
            if (!o.isObject()) {
                throw PermanentSourceException.malformed("Dorado GET " + path, "a list entry is not an object", null);
            }
            out.add(o);
        }
        return out;
    }
}
