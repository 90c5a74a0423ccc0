package com.enreach.tools.core.internal.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import com.enreach.tools.api.spi.StorageVolumeRecord;
import com.enreach.tools.core.internal.db.Json;

/** Turns volume records into rows of {@link RunLoader#VOLUMES}, resolving their array and pool devices. */
final class VolumeRows {
    private VolumeRows() {
    }

    static List<OwnedTable.Row> rows(Connection c, String instance, Collection<StorageVolumeRecord> volumes, BiConsumer<String, String> warn)
            throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        List<OwnedTable.Row> rows = new ArrayList<>(volumes.size());
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM devices WHERE source_instance = ? AND source_id = ?")) {
            for (StorageVolumeRecord v : volumes) {
                Long array = deviceId(ps, instance, v.arraySourceId(), ids);
                if (array == null) {
                    warn.accept(v.sourceId(), "volume " + v.name() + " names storage device '" + v.arraySourceId()
                            + "' that this instance did not emit; skipped");
                    continue;
                }
                Long pool = v.poolSourceId() == null ? null : deviceId(ps, instance, v.poolSourceId(), ids);
                Object[] values = {array, pool, v.name(), v.kind(), v.pool(), v.svm(), v.capacityBytes(), v.allocatedBytes(), v.usedBytes(),
                    v.thin(), v.protection(), v.owner(), v.wwn(), v.junctionPath(), v.exportPolicy(), v.health(), v.runningStatus(),
                    v.snapshotCount(), v.snapshotReserveBytes(), v.quotaLimitBytes(), v.quotaUsedBytes(), Json.write(v.metadata())};
                rows.add(new OwnedTable.Row(v.sourceId(), Json.hash(Json.write(java.util.Arrays.asList(values))), values));
            }
        }
        return rows;
    }

    private static Long deviceId(PreparedStatement ps, String instance, String sourceId, Map<String, Long> cache) throws SQLException {
        Long cached = cache.get(sourceId);
        if (cached != null) {
            return cached;
        }
        ps.setString(1, instance);
        ps.setString(2, sourceId);
        try (ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                cache.put(sourceId, rs.getLong(1));
                return rs.getLong(1);
            }
        }
        return null;
    }
}
