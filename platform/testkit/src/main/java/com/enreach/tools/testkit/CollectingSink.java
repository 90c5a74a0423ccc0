package com.enreach.tools.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.enreach.tools.api.spi.ArticleRecord;
import com.enreach.tools.api.spi.BackupRecord;
import com.enreach.tools.api.spi.ConfigRecord;
import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.RelationshipRecord;
import com.enreach.tools.api.spi.StorageVolumeRecord;
import com.enreach.tools.api.spi.TicketRecord;

/** A {@link RecordSink} that keeps everything in memory, for plugin unit tests. */
public class CollectingSink implements RecordSink {
    public final Map<String, DeviceRecord> devices = new LinkedHashMap<>();
    public final List<RelationshipRecord> relationships = new ArrayList<>();
    public final List<ConfigRecord> configs = new ArrayList<>();
    public final Map<String, StorageVolumeRecord> volumes = new LinkedHashMap<>();
    public final Map<String, BackupRecord> backups = new LinkedHashMap<>();
    public final Map<String, ArticleRecord> articles = new LinkedHashMap<>();
    public final Map<String, TicketRecord> tickets = new LinkedHashMap<>();
    /** "kind:sourceId" of every object reported with {@link #unchanged}. */
    public final List<String> unchanged = new ArrayList<>();
    public final List<String> warnings = new ArrayList<>();
    /** "kind:sourceId" of every object reported with {@link #notRefreshed}. */
    public final List<String> notRefreshed = new ArrayList<>();
    public final List<String> phases = new ArrayList<>();
    public String state;

    @Override
    public void device(DeviceRecord device) {
        devices.put(device.sourceId(), device);
    }

    @Override
    public void relationship(RelationshipRecord relationship) {
        relationships.add(relationship);
    }

    @Override
    public void notRefreshed(String entityKind, String sourceId, String reason) {
        notRefreshed.add(entityKind + ":" + sourceId);
        warnings.add(sourceId + ": not refreshed: " + reason);
    }

    @Override
    public void config(ConfigRecord config) {
        configs.add(config);
    }

    @Override
    public void volume(StorageVolumeRecord volume) {
        volumes.put(volume.sourceId(), volume);
    }

    @Override
    public void backup(BackupRecord backup) {
        backups.put(backup.sourceId(), backup);
    }

    @Override
    public void article(ArticleRecord article) {
        articles.put(article.sourceId(), article);
    }

    @Override
    public void ticket(TicketRecord ticket) {
        tickets.put(ticket.sourceId(), ticket);
    }

    @Override
    public void unchanged(String entityKind, String sourceId) {
        unchanged.add(entityKind + ":" + sourceId);
    }

    @Override
    public void warn(String sourceId, String message) {
        warnings.add(sourceId + ": " + message);
    }

    @Override
    public void phase(String phase) {
        phases.add(phase);
    }

    @Override
    public void state(String newState) {
        this.state = newState;
    }

    /** Devices of one type. */
    public List<DeviceRecord> devicesOfType(String type) {
        return devices.values().stream().filter(d -> d.type().equals(type)).toList();
    }
}
