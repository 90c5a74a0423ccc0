package com.enreach.tools.core.internal.query;

import java.util.List;

/** Plain rows MyBatis fills (columns map to fields by camel case); converted to API records by the query services. */
public final class Rows {
    private Rows() {
    }

    public static class DeviceRow {
        public long id;
        public String name;
        public String type;
        public String sourceSystem;
        public String sourceInstance;
        public String sourceId;
        public String hostKey;
        public String metadata;
        public String status;
        public String firstSeen;
        public String lastSeen;
        public String createdAt;
        public String updatedAt;
    }

    public static class RelationshipRow {
        public long id;
        public String type;
        public long fromId;
        public String fromName;
        public long toId;
        public String toName;
        public String sourceInstance;
    }

    public static class InterfaceRow {
        public long id;
        public long deviceId;
        public String name;
        public String mac;
        public String type;
        public Integer enabled;
        public Integer mtu;
        public String network;
        public String sourceInstance;
    }

    public static class IpRow {
        public long id;
        public long deviceId;
        public String address;
        public Integer prefixLength;
        public int family;
        public String interfaceName;
        public String dnsName;
        public String sourceInstance;
    }

    public static class FactsRow {
        public long deviceId;
        public String sourceInstance;
        public String osName;
        public String osRelease;
        public String kernel;
        public String cpuModel;
        public Integer cpuCount;
        public Long memoryBytes;
        public String disks;
        public Long uptimeSeconds;
        public Integer virtual;
        public String virtualType;
        public String serialNumber;
        public String manufacturer;
        public String product;
        public String updatedAt;
    }

    public static class ConfigRow {
        public long id;
        public long deviceId;
        public int version;
        public String contentHash;
        public String retrievedAt;
        public int lineCount;
        public String configText;
    }

    public static class VolumeRow {
        public long id;
        public long arrayDeviceId;
        public String arrayName;
        public String sourceSystem;
        public String sourceInstance;
        public String sourceId;
        public String name;
        public String kind;
        public String pool;
        public String svm;
        public Long capacityBytes;
        public Long allocatedBytes;
        public Long usedBytes;
        public Integer thin;
        public String protection;
        public String owner;
        public String wwn;
        public String junctionPath;
        public String exportPolicy;
        public String health;
        public String runningStatus;
        public Integer snapshotCount;
        public Long snapshotReserveBytes;
        public Long quotaLimitBytes;
        public Long quotaUsedBytes;
        public String metadata;
        public String status;
        public String lastSeen;
    }

    public static class BackupRow {
        public long id;
        public String sourceSystem;
        public String sourceInstance;
        public String sourceId;
        public String clientName;
        public String hostName;
        public String vmName;
        public String vmGuid;
        public Long deviceId;
        public String lastJob;
        public String lastSuccessAt;
        public String jobs;
        public String status;
        public String lastSeen;
    }

    public static class RunRow {
        public long id;
        public String sourceInstance;
        public String sourceSystem;
        public String trigger;
        public String status;
        public String phase;
        public String startedAt;
        public String finishedAt;
        public long fetched;
        public long added;
        public long updated;
        public long unchanged;
        public long stale;
        public long warnings;
        public String errorMessage;
        public String warningSamples;
    }

    public static class MetadataRow {
        public String sourceInstance;
        public String sourceSystem;
        public String lastAttemptAt;
        public String lastSuccessAt;
        public Long lastRunId;
        public String lastStatus;
    }

    public static class CountRow {
        public String sourceInstance;
        public String status;
        public long n;
    }

    /** Filters shared by the listing queries; null fields are ignored. */
    public static class Filter {
        public String sourceSystem;
        public String sourceInstance;
        public String type;
        public String status;
        public String kind;
        public String lastStatus;
        public Long deviceId;
        public String q;
        /** FTS5 MATCH expressions for device search, one per term, all must match (see SearchService). */
        public List<String> match;
        /** Read devices in name order and test each (many matches), rather than sort every match (few). */
        public boolean inNameOrder;
        public int limit;
        public int offset;
    }
}
