package com.enreach.tools.core.internal.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;


/**
 * Links backups to the observations of the machine they protect, through the identity keys resolution keeps: the VM
 * GUID against instance UUIDs (then system UUIDs), then the host name against FQDNs, then against short host names,
 * then the client (or VM) name the same way. A key that leads to more than one entity links nothing: an unlinked
 * backup is a gap a report shows, a backup on the wrong machine is a lie. Stale observations are not candidates.
 * Run by identity resolution when a feed range regrouped observations, changed backups or devices' status.
 */
final class BackupLinks {
    private static final String CANDIDATES = "SELECT k.device_id, coalesce(l.entity_id, -k.device_id), d.type FROM identity_keys k"
            + " JOIN devices d ON d.id = k.device_id LEFT JOIN entity_links l ON l.device_id = k.device_id"
            + " WHERE k.kind = ? AND k.value = ? AND d.status <> 'stale' ORDER BY k.device_id";

    private BackupLinks() {
    }

    /** Relinks every active backup; returns how many links changed. */
    static int relink(Connection c) throws SQLException {
        List<Object[]> changes = new ArrayList<>();
        try (PreparedStatement backups = c.prepareStatement("SELECT id, vm_guid, host_name, coalesce(vm_name, client_name), device_id FROM backups"
                + " WHERE status = 'active'");
             PreparedStatement candidates = c.prepareStatement(CANDIDATES);
             ResultSet rs = backups.executeQuery()) {
            Map<String, Match> cache = new HashMap<>();
            while (rs.next()) {
                Long current = rs.getObject(5) == null ? null : rs.getLong(5);
                Long target = target(candidates, cache, rs.getString(2), rs.getString(3), rs.getString(4));
                if (!Objects.equals(current, target)) {
                    changes.add(new Object[] {target, rs.getLong(1)});
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE backups SET device_id = ? WHERE id = ?")) {
            for (Object[] ch : changes) {
                if (ch[0] == null) {
                    ps.setNull(1, java.sql.Types.INTEGER);
                } else {
                    ps.setLong(1, (Long) ch[0]);
                }
                ps.setLong(2, (Long) ch[1]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return changes.size();
    }

    private static Long target(PreparedStatement ps, Map<String, Match> cache, String vmGuid, String hostName, String clientName) throws SQLException {
        String uuid = Keys.uuid(vmGuid);
        if (uuid != null) {
            Match m = match(ps, cache, Keys.INSTANCE_UUID, uuid);
            if (m.none()) {
                m = match(ps, cache, Keys.SYSTEM_UUID, Keys.systemUuid(uuid));
            }
            if (!m.none()) {
                return m.device();
            }
        }
        for (String name : new String[] {hostName, clientName}) {
            Match m = match(ps, cache, Keys.FQDN, Keys.fqdn(name));
            if (m.none()) {
                m = match(ps, cache, Keys.HOSTNAME, Keys.hostname(name));
            }
            if (!m.none()) {
                return m.device();
            }
        }
        return null;
    }

    /**
     * The observations holding a key: none, one entity's (its device: a VM or server first, then the lowest id) or
     * several entities' (ambiguous: device null, but not none, so the search stops there).
     */
    private record Match(int entities, Long device) {
        boolean none() {
            return entities == 0;
        }
    }

    private static Match match(PreparedStatement ps, Map<String, Match> cache, String kind, String value) throws SQLException {
        if (value == null) {
            return new Match(0, null);
        }
        String key = kind + '\0' + value;
        Match cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        ps.setString(1, kind);
        ps.setString(2, value);
        Long entity = null;
        Long best = null;
        int bestRank = Integer.MAX_VALUE;
        boolean several = false;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long e = rs.getLong(2);
                if (entity != null && entity != e) {
                    several = true;
                }
                entity = e;
                int rank = switch (rs.getString(3)) {
                    case "vm" -> 0;
                    case "server" -> 1;
                    default -> 2;
                };
                if (rank < bestRank) {
                    bestRank = rank;
                    best = rs.getLong(1);
                }
            }
        }
        Match m = entity == null ? new Match(0, null) : several ? new Match(2, null) : new Match(1, best);
        cache.put(key, m);
        return m;
    }
}
