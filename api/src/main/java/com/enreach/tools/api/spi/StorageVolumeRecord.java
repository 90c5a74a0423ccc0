package com.enreach.tools.api.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A SAN or NAS volume: LUN, filesystem, volume or qtree. Capacities are bytes (convert sectors before emitting).
 * Every field but the ids, name and kind is optional.
 */
public final class StorageVolumeRecord {
    /** Volume kinds. */
    public static final String LUN = "lun";
    public static final String FILESYSTEM = "filesystem";
    public static final String VOLUME = "volume";
    public static final String QTREE = "qtree";

    private final String sourceId;
    private final String arraySourceId;
    private final String name;
    private final String kind;
    private String pool;
    private String poolSourceId;
    private String svm;
    private Long capacityBytes;
    private Long allocatedBytes;
    private Long usedBytes;
    private Boolean thin;
    private String protection;
    private String owner;
    private String wwn;
    private String junctionPath;
    private String exportPolicy;
    private String health;
    private String runningStatus;
    private Integer snapshotCount;
    private Long snapshotReserveBytes;
    private Long quotaLimitBytes;
    private Long quotaUsedBytes;
    private final Map<String, Object> metadata = new LinkedHashMap<>();

    private StorageVolumeRecord(String sourceId, String arraySourceId, String name, String kind) {
        this.sourceId = Objects.requireNonNull(sourceId, "sourceId is null");
        this.arraySourceId = Objects.requireNonNull(arraySourceId, "arraySourceId is null");
        this.name = Objects.requireNonNull(name, "name is null");
        this.kind = Objects.requireNonNull(kind, "kind is null");
    }

    /**
     * @param sourceId      the volume's id in the source
     * @param arraySourceId source id of the storage device (array or cluster) emitted by the same instance
     */
    public static StorageVolumeRecord of(String sourceId, String arraySourceId, String name, String kind) {
        return new StorageVolumeRecord(sourceId, arraySourceId, name, kind);
    }

    /** Pool or aggregate name, and the source id of its device when the plugin emits pools as devices. */
    public StorageVolumeRecord pool(String poolName, String poolDeviceSourceId) {
        this.pool = poolName;
        this.poolSourceId = poolDeviceSourceId;
        return this;
    }

    public StorageVolumeRecord svm(String value) { this.svm = value; return this; }

    public StorageVolumeRecord capacity(Long capacity, Long allocated, Long used) {
        this.capacityBytes = capacity;
        this.allocatedBytes = allocated;
        this.usedBytes = used;
        return this;
    }

    public StorageVolumeRecord thin(Boolean value) { this.thin = value; return this; }
    public StorageVolumeRecord protection(String value) { this.protection = value; return this; }
    public StorageVolumeRecord owner(String value) { this.owner = value; return this; }
    public StorageVolumeRecord wwn(String value) { this.wwn = value; return this; }
    public StorageVolumeRecord junctionPath(String value) { this.junctionPath = value; return this; }
    public StorageVolumeRecord exportPolicy(String value) { this.exportPolicy = value; return this; }

    public StorageVolumeRecord status(String healthStatus, String running) {
        this.health = healthStatus;
        this.runningStatus = running;
        return this;
    }

    public StorageVolumeRecord snapshots(Integer count, Long reserveBytes) {
        this.snapshotCount = count;
        this.snapshotReserveBytes = reserveBytes;
        return this;
    }

    public StorageVolumeRecord quota(Long limitBytes, Long usedQuotaBytes) {
        this.quotaLimitBytes = limitBytes;
        this.quotaUsedBytes = usedQuotaBytes;
        return this;
    }

    /** Anything else worth keeping (export rules, QoS policy...); JSON-friendly values; nulls left out. */
    public StorageVolumeRecord put(String key, Object value) {
        if (value != null) {
            metadata.put(key, value);
        }
        return this;
    }

    public String sourceId() { return sourceId; }
    public String arraySourceId() { return arraySourceId; }
    public String name() { return name; }
    public String kind() { return kind; }
    public String pool() { return pool; }
    public String poolSourceId() { return poolSourceId; }
    public String svm() { return svm; }
    public Long capacityBytes() { return capacityBytes; }
    public Long allocatedBytes() { return allocatedBytes; }
    public Long usedBytes() { return usedBytes; }
    public Boolean thin() { return thin; }
    public String protection() { return protection; }
    public String owner() { return owner; }
    public String wwn() { return wwn; }
    public String junctionPath() { return junctionPath; }
    public String exportPolicy() { return exportPolicy; }
    public String health() { return health; }
    public String runningStatus() { return runningStatus; }
    public Integer snapshotCount() { return snapshotCount; }
    public Long snapshotReserveBytes() { return snapshotReserveBytes; }
    public Long quotaLimitBytes() { return quotaLimitBytes; }
    public Long quotaUsedBytes() { return quotaUsedBytes; }
    public Map<String, Object> metadata() { return Collections.unmodifiableMap(metadata); }
}
