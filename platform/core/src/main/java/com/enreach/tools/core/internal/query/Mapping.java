package com.enreach.tools.core.internal.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.enreach.tools.api.Backup;
import com.enreach.tools.api.ConfigVersion;
import com.enreach.tools.api.Device;
import com.enreach.tools.api.IpAddress;
import com.enreach.tools.api.NetworkInterface;
import com.enreach.tools.api.Relationship;
import com.enreach.tools.api.ServerFactsView;
import com.enreach.tools.api.StorageVolume;
import com.enreach.tools.core.internal.db.Json;
import com.enreach.tools.core.internal.db.Times;
import com.enreach.tools.core.internal.query.Rows.BackupRow;
import com.enreach.tools.core.internal.query.Rows.ConfigRow;
import com.enreach.tools.core.internal.query.Rows.DeviceRow;
import com.enreach.tools.core.internal.query.Rows.FactsRow;
import com.enreach.tools.core.internal.query.Rows.InterfaceRow;
import com.enreach.tools.core.internal.query.Rows.IpRow;
import com.enreach.tools.core.internal.query.Rows.RelationshipRow;
import com.enreach.tools.core.internal.query.Rows.VolumeRow;

/** Rows to API records (also used by the entity reads of identity resolution). */
public final class Mapping {
    private Mapping() {
    }

    public static Device device(DeviceRow r) {
        return new Device(r.id, r.name, r.type, r.sourceSystem, r.sourceInstance, r.sourceId, Json.readMap(r.metadata), r.status,
                Times.parse(r.firstSeen), Times.parse(r.lastSeen), Times.parse(r.createdAt), Times.parse(r.updatedAt));
    }

    public static Relationship relationship(RelationshipRow r) {
        return new Relationship(r.id, r.type, r.fromId, r.fromName, r.toId, r.toName, r.sourceInstance);
    }

    public static NetworkInterface iface(InterfaceRow r) {
        return new NetworkInterface(r.id, r.deviceId, r.name, r.mac, r.type, r.enabled == null ? null : r.enabled != 0, r.mtu, r.network, r.sourceInstance);
    }

    public static IpAddress ip(IpRow r) {
        return new IpAddress(r.id, r.deviceId, r.address, r.prefixLength, r.family, r.interfaceName, r.dnsName, r.sourceInstance);
    }

    public static ServerFactsView facts(FactsRow r) {
        List<ServerFactsView.Disk> disks = new ArrayList<>();
        for (Object o : Json.readList(r.disks)) {
            if (o instanceof Map<?, ?> m) {
                Object size = m.get("size_bytes");
                disks.add(new ServerFactsView.Disk(String.valueOf(m.get("name")), size instanceof Number n ? n.longValue() : null,
                        m.get("model") == null ? null : String.valueOf(m.get("model"))));
            }
        }
        return new ServerFactsView(r.deviceId, r.sourceInstance, r.osName, r.osRelease, r.kernel, r.cpuModel, r.cpuCount, r.memoryBytes, disks,
                r.uptimeSeconds, r.virtual == null ? null : r.virtual != 0, r.virtualType, r.serialNumber, r.manufacturer, r.product,
                Times.parse(r.updatedAt));
    }

    public static ConfigVersion config(ConfigRow r) {
        return new ConfigVersion(r.id, r.deviceId, r.version, r.contentHash, Times.parse(r.retrievedAt), r.lineCount, r.configText);
    }

    public static StorageVolume volume(VolumeRow r) {
        return new StorageVolume(r.id, r.arrayDeviceId, r.arrayName, r.sourceSystem, r.sourceInstance, r.sourceId, r.name, r.kind, r.pool, r.svm,
                r.capacityBytes, r.allocatedBytes, r.usedBytes, r.thin == null ? null : r.thin != 0, r.protection, r.owner, r.wwn, r.junctionPath,
                r.exportPolicy, r.health, r.runningStatus, r.snapshotCount, r.snapshotReserveBytes, r.quotaLimitBytes, r.quotaUsedBytes,
                Json.readMap(r.metadata), r.status, Times.parse(r.lastSeen));
    }

    public static Backup backup(BackupRow r) {
        List<Backup.Job> jobs = new ArrayList<>();
        for (Object o : Json.readList(r.jobs)) {
            if (o instanceof Map<?, ?> m) {
                jobs.add(job(m));
            }
        }
        Backup.Job last = r.lastJob == null ? null : job(Json.readMap(r.lastJob));
        return new Backup(r.id, r.sourceSystem, r.sourceInstance, r.sourceId, r.clientName, r.hostName, r.vmName, r.vmGuid, r.deviceId, last,
                Times.parse(r.lastSuccessAt), jobs, r.status, Times.parse(r.lastSeen));
    }

    private static Backup.Job job(Map<?, ?> m) {
        Object size = m.get("size_bytes");
        return new Backup.Job(String.valueOf(m.get("job_id")), str(m.get("level")), str(m.get("status")), Times.parse(str(m.get("start"))),
                Times.parse(str(m.get("end"))), size instanceof Number n ? n.longValue() : null);
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
