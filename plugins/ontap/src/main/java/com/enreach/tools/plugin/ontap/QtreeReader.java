package com.enreach.tools.plugin.ontap;

import java.util.Comparator;

import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.source.support.JsonValues;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Streams qtrees with the figures of their tree quota report. Both collections are requested in the same order
 * (volume uuid, then qtree id) and walked side by side like a merge join, so neither is ever held in memory
 * whatever the number of qtrees.
 */
final class QtreeReader {
    static final String QTREE_ORDER = "order_by=volume.uuid,id";
    static final String QUOTA_FILTER = "type=tree&order_by=volume.uuid,qtree.id";

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::volume).thenComparingLong(Key::id);

    private final RecordCursor qtrees;
    private final RecordCursor quotas;
    private final VolumeMapper.Context context;
    private final RecordSink sink;
    private JsonNode quota;
    private Key quotaKey;
    private boolean quotasStarted;
    private boolean disorderReported;
    private int emitted;

    /** A qtree's place: ids are unique within a volume only. */
    record Key(String volume, long id) {
        static Key of(String volume, Long id) {
            return volume == null || id == null ? null : new Key(volume, id);
        }
    }

    QtreeReader(RecordCursor qtrees, RecordCursor quotas, VolumeMapper.Context context, RecordSink sink) {
        this.qtrees = qtrees;
        this.quotas = quotas;
        this.context = context;
        this.sink = sink;
    }

    /** @return the number of qtrees emitted */
    int run() throws SourceException {
        Key previous = null;
        for (JsonNode q; (q = qtrees.next()) != null; ) {
            if (VolumeMapper.isVolumeRoot(q)) {
                continue;
            }
            Key key = Key.of(JsonValues.text(q, "volume.uuid"), JsonValues.whole(q, "id"));
            JsonNode match = null;
            if (key != null) {
                checkOrder(previous, key, "qtrees");
                previous = key;
                match = quotaFor(key);
            }
            sink.volume(VolumeMapper.qtree(q, match, context));
            emitted++;
        }
        return emitted;
    }

    /** Advances the quota stream up to this qtree; the quota collection is only requested once a qtree exists. */
    private JsonNode quotaFor(Key key) throws SourceException {
        if (!quotasStarted) {
            quotasStarted = true;
            advanceQuota();
        }
        while (quotaKey != null && ORDER.compare(quotaKey, key) < 0) {
            advanceQuota();
        }
        return quotaKey != null && quotaKey.equals(key) ? quota : null;
    }

    private void advanceQuota() throws SourceException {
        Key previous = quotaKey;
        do {
            quota = quotas.next();
            // a report without a qtree id (default rule) matches no qtree
            quotaKey = quota == null ? null : Key.of(JsonValues.text(quota, "volume.uuid"), JsonValues.whole(quota, "qtree.id"));
        } while (quota != null && quotaKey == null);
        if (quotaKey != null) {
            checkOrder(previous, quotaKey, "quota reports");
        }
    }

    /** The join relies on ONTAP honouring order_by; if it does not, say so once rather than guess. */
    private void checkOrder(Key previous, Key current, String what) {
        if (previous != null && ORDER.compare(previous, current) > 0 && !disorderReported) {
            disorderReported = true;
            sink.warn(context.clusterUuid(), "ONTAP returned " + what + " out of the requested order (volume.uuid, "
                    + "qtree id); quota figures of some qtrees may be missing in this run");
        }
    }
}
