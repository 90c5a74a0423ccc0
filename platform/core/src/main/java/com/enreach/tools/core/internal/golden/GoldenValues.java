package com.enreach.tools.core.internal.golden;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.enreach.tools.api.inventory.GoldenValue;
import com.enreach.tools.api.inventory.Provenance;
import com.enreach.tools.core.internal.db.Json;

/** Maps stored entity_attributes rows to the API's golden values (also for the entity detail of identity resolution). */
public final class GoldenValues {
    /** The columns {@link #of(ResultSet, int)} reads, from its start column on. */
    public static final String COLUMNS = "ea.attribute, ea.value, ea.device_id, ea.source_system, ea.source_instance, ea.seen_at, ea.rule,"
            + " ea.alternatives, ea.conflict";

    private GoldenValues() {
    }

    public static GoldenValue of(ResultSet rs, int col) throws SQLException {
        long device = rs.getLong(col + 2);
        Long deviceId = rs.wasNull() ? null : device;
        Provenance source = new Provenance(deviceId, rs.getString(col + 3), rs.getString(col + 4), instant(rs.getString(col + 5)));
        return new GoldenValue(rs.getString(col), Json.read(rs.getString(col + 1), Object.class), source, rs.getString(col + 6),
                alternatives(rs.getString(col + 7)), rs.getInt(col + 8) != 0);
    }

    static List<GoldenValue.Alternative> alternatives(String json) {
        List<GoldenValue.Alternative> out = new ArrayList<>();
        for (Object o : Json.readList(json)) {
            if (o instanceof Map<?, ?> m) {
                Object device = m.get("device_id");
                out.add(new GoldenValue.Alternative(m.get("value"), new Provenance(device instanceof Number n ? n.longValue() : null,
                        (String) m.get("source_system"), (String) m.get("source_instance"), instant((String) m.get("seen_at")))));
            }
        }
        return out;
    }

    private static Instant instant(String s) {
        try {
            return s == null ? null : Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
