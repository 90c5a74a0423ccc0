package com.enreach.tools.core.internal.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BiConsumer;

import com.enreach.tools.api.Change;
import com.enreach.tools.api.spi.ConfigRecord;
import com.enreach.tools.api.spi.EntityKinds;
import com.enreach.tools.core.internal.db.Times;

/** Stores device configurations as versions: a new version only when the text changed (by SHA-256). */
final class ConfigVersions {
    private ConfigVersions() {
    }

    /** @return how many new versions were stored */
    static int store(Connection c, String instance, List<ConfigRecord> configs, String now, BiConsumer<String, String> warn, ChangeLog log)
            throws SQLException {
        int added = 0;
        try (PreparedStatement dev = c.prepareStatement("SELECT id FROM devices WHERE source_instance = ? AND source_id = ?");
             PreparedStatement last = c.prepareStatement("SELECT version, content_hash FROM device_configs WHERE device_id = ? ORDER BY version DESC LIMIT 1");
             PreparedStatement ins = c.prepareStatement("INSERT INTO device_configs (device_id, version, config_text, content_hash, line_count,"
                     + " retrieved_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", java.sql.Statement.RETURN_GENERATED_KEYS)) {
            for (ConfigRecord cfg : configs) {
                dev.setString(1, instance);
                dev.setString(2, cfg.deviceSourceId());
                long deviceId;
                try (ResultSet rs = dev.executeQuery()) {
                    if (!rs.next()) {
                        warn.accept(cfg.deviceSourceId(), "configuration for a device this run did not emit; not stored");
                        continue;
                    }
                    deviceId = rs.getLong(1);
                }
                String hash = sha256(cfg.text());
                int version = 0;
                last.setLong(1, deviceId);
                try (ResultSet rs = last.executeQuery()) {
                    if (rs.next()) {
                        version = rs.getInt(1);
                        if (hash.equals(rs.getString(2))) {
                            continue;
                        }
                    }
                }
                Instant retrieved = cfg.retrievedAt();
                ins.setLong(1, deviceId);
                ins.setInt(2, version + 1);
                ins.setString(3, cfg.text());
                ins.setString(4, hash);
                ins.setInt(5, cfg.text().isEmpty() ? 0 : (int) cfg.text().lines().count());
                ins.setString(6, retrieved == null ? now : Times.format(retrieved));
                ins.setString(7, now);
                ins.executeUpdate();
                try (ResultSet rs = ins.getGeneratedKeys()) {
                    rs.next();
                    log.add(EntityKinds.DEVICE_CONFIG, Change.CREATED, rs.getLong(1), deviceId, cfg.deviceSourceId(), "version " + (version + 1), null);
                }
                added++;
            }
        }
        return added;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
