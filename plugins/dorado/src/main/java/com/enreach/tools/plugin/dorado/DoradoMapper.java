package com.enreach.tools.plugin.dorado;

import static com.enreach.tools.plugin.dorado.DoradoValues.bool;
import static com.enreach.tools.plugin.dorado.DoradoValues.bytes;
import static com.enreach.tools.plugin.dorado.DoradoValues.number;
import static com.enreach.tools.plugin.dorado.DoradoValues.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.DeviceTypes;
import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.StorageVolumeRecord;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Maps DeviceManager objects of one array to records. Capacities are sector counts in the unit of the system's
 * SECTORSIZE (512 bytes): the SECTORSIZE a file system reports is its block size, not the unit of its capacities.
 */
final class DoradoMapper {
    private static final Pattern ELABEL_LINE = Pattern.compile("(?m)^\\s*(BarCode|BoardType)=(.*?)\\s*$");

    private final String systemId;
    private final String systemName;
    private final long unit;
    private final Warnings warnings;

    /** Where a mapper reports values it had to leave out. */
    interface Warnings {
        void warn(String sourceId, String message);
    }

    private DoradoMapper(String systemId, String systemName, long unit, Warnings warnings) {
        this.systemId = systemId;
        this.systemName = systemName;
        this.unit = unit;
        this.warnings = warnings;
    }

    /**
     * @param system         the /system/ object
     * @param loginDeviceId  the device id the login answered, used when the system object has no ID
     */
    static DoradoMapper forSystem(JsonNode system, String loginDeviceId, Warnings warnings) throws PermanentSourceException {
        String id = text(system, "ID");
        if (id == null) {
            id = loginDeviceId;
        }
        if (id == null) {
            throw PermanentSourceException.malformed("Dorado GET /system/", "the system has no ID (serial number)", null);
        }
        String name = text(system, "NAME");
        return new DoradoMapper(id, name == null ? id : name, DoradoValues.sectorSize(system, DoradoValues.DEFAULT_SECTOR_SIZE), warnings);
    }

    String systemId() {
        return systemId;
    }

    String systemName() {
        return systemName;
    }

    String controllerId(String id) {
        return systemId + ":controller:" + id;
    }

    String poolId(String id) {
        return systemId + ":pool:" + id;
    }

    /** @param hostname the array's DNS name from the configured URL, or null */
    DeviceRecord system(JsonNode s, String hostname) {
        String model = text(s, "productModeString");
        String mode = text(s, "PRODUCTMODE");
        return DeviceRecord.of(systemId, systemName, DeviceTypes.STORAGE).hostname(hostname)
                .put("vendor", "Huawei")
                .put("model", model != null ? model : mode == null ? null : "OceanStor (product mode " + mode + ")")
                .put("product_mode", mode)
                .put("serial", systemId)
                .put("version", text(s, "PRODUCTVERSION"))
                .put("point_release", text(s, "pointRelease"))
                .put("patch_version", text(s, "patchVersion"))
                .put("wwn", text(s, "wwn"))
                .put("location", text(s, "LOCATION"))
                .put("description", text(s, "DESCRIPTION"))
                .put("health", DoradoValues.health(s))
                .put("running_status", DoradoValues.running(s))
                .put("sector_size", unit)
                .put("capacity_bytes", bytes(s, "TOTALCAPACITY", unit, m -> warnings.warn(systemId, m)))
                // fill levels move with every write: stored, but no reason to count the array as changed
                .putVolatile("used_bytes", bytes(s, "USEDCAPACITY", unit, m -> warnings.warn(systemId, m)))
                .put("pool_capacity_bytes", bytes(s, "STORAGEPOOLCAPACITY", unit, m -> warnings.warn(systemId, m)))
                .putVolatile("pool_free_bytes", bytes(s, "STORAGEPOOLFREECAPACITY", unit, m -> warnings.warn(systemId, m)));
    }

    DeviceRecord controller(JsonNode c) throws PermanentSourceException {
        String id = required(c, "ID", "/controller");
        String name = text(c, "NAME");
        String elabel = text(c, "ELABEL");
        return DeviceRecord.of(controllerId(id), systemName + "/" + (name == null ? id : name), DeviceTypes.STORAGE_CONTROLLER)
                .put("vendor", "Huawei")
                .put("controller_id", id)
                .put("location", text(c, "LOCATION"))
                .put("health", DoradoValues.health(c))
                .put("running_status", DoradoValues.running(c))
                .put("software_version", text(c, "SOFTVER"))
                .put("cpu", text(c, "CPUINFO"))
                .put("memory_mb", number(c, "MEMORYSIZE"))
                .put("master", bool(c, "ISMASTER"))
                .put("serial", elabel(elabel, "BarCode"))
                .put("board_type", elabel(elabel, "BoardType"));
    }

    DeviceRecord pool(JsonNode p) throws PermanentSourceException {
        String id = required(p, "ID", "/storagepool");
        String name = text(p, "NAME");
        String sid = poolId(id);
        return DeviceRecord.of(sid, systemName + "/" + (name == null ? id : name), DeviceTypes.STORAGE_POOL)
                .put("vendor", "Huawei")
                .put("pool_id", id)
                .put("pool_name", name)
                .put("description", text(p, "DESCRIPTION"))
                .put("health", DoradoValues.health(p))
                .put("running_status", DoradoValues.running(p))
                .put("capacity_bytes", bytes(p, "USERTOTALCAPACITY", unit, m -> warnings.warn(sid, m)))
                .putVolatile("free_bytes", bytes(p, "USERFREECAPACITY", unit, m -> warnings.warn(sid, m)))
                .putVolatile("used_bytes", bytes(p, "USERCONSUMEDCAPACITY", unit, m -> warnings.warn(sid, m)))
                .putVolatile("used_percent", number(p, "USERCONSUMEDCAPACITYPERCENTAGE"));
    }

    StorageVolumeRecord lun(JsonNode l) throws PermanentSourceException {
        String id = required(l, "ID", "/lun");
        String sid = systemId + ":lun:" + id;
        DoradoValues.Problems problems = m -> warnings.warn(sid, m);
        return withPool(StorageVolumeRecord.of(sid, systemId, nameOf(l, id), StorageVolumeRecord.LUN), l)
                .capacity(bytes(l, "CAPACITY", unit, problems), bytes(l, "ALLOCCAPACITY", unit, problems), null)
                .thin(DoradoValues.thin(l))
                .wwn(text(l, "WWN"))
                .owner(text(l, "OWNINGCONTROLLER"))
                .status(DoradoValues.health(l), DoradoValues.running(l))
                .put("lun_id", id)
                .put("working_controller", text(l, "WORKINGCONTROLLER"))
                .put("description", text(l, "DESCRIPTION"))
                .put("mapped", bool(l, "ISADD2LUNGROUP"))
                .put("sector_size", number(l, "SECTORSIZE"));
    }

    StorageVolumeRecord filesystem(JsonNode f) throws PermanentSourceException {
        String id = required(f, "ID", "/filesystem");
        String sid = systemId + ":fs:" + id;
        DoradoValues.Problems problems = m -> warnings.warn(sid, m);
        Long capacity = bytes(f, "CAPACITY", unit, problems);
        Long available = bytes(f, "AVAILABLECAPCITY", unit, problems); // sic: DeviceManager's spelling
        Long used = capacity != null && available != null && available <= capacity ? capacity - available : null;
        Long reservePercent = number(f, "SNAPSHOTRESERVEPER");
        Long reserve = capacity != null && reservePercent != null && reservePercent >= 0 && reservePercent <= 100
                ? capacity / 100 * reservePercent + capacity % 100 * reservePercent / 100 : null;
        return withPool(StorageVolumeRecord.of(sid, systemId, nameOf(f, id), StorageVolumeRecord.FILESYSTEM), f)
                .capacity(capacity, bytes(f, "ALLOCCAPACITY", unit, problems), used)
                .thin(DoradoValues.thin(f))
                .owner(text(f, "OWNINGCONTROLLER"))
                .svm(text(f, "vstoreName"))
                .status(DoradoValues.health(f), DoradoValues.running(f))
                .snapshots(null, reserve)
                .put("fs_id", id)
                .put("available_bytes", available)
                .put("snapshot_reserve_percent", reservePercent)
                .put("snapshot_used_bytes", bytes(f, "SNAPSHOTUSECAPACITY", unit, problems))
                .put("working_controller", text(f, "WORKINGCONTROLLER"))
                .put("description", text(f, "DESCRIPTION"))
                .put("block_size", number(f, "SECTORSIZE"))
                .put("vstore_id", text(f, "vstoreId"))
                .put("compression", bool(f, "ENABLECOMPRESSION"))
                .put("dedup", bool(f, "ENABLEDEDUP"));
    }

    private StorageVolumeRecord withPool(StorageVolumeRecord v, JsonNode o) {
        String parentId = text(o, "PARENTID");
        return v.pool(text(o, "PARENTNAME"), parentId == null ? null : poolId(parentId));
    }

    private static String nameOf(JsonNode o, String id) {
        String name = text(o, "NAME");
        return name == null ? id : name;
    }

    private static String required(JsonNode o, String field, String path) throws PermanentSourceException {
        String v = text(o, field);
        if (v == null) {
            String name = text(o, "NAME");
            throw PermanentSourceException.malformed("Dorado GET " + path, "an object" + (name == null ? "" : " named " + name)
                    + " has no " + field, null);
        }
        return v;
    }

    /** One "key=value" line of a controller's electronic label (ELABEL). */
    static String elabel(String elabel, String key) {
        if (elabel == null) {
            return null;
        }
        Matcher m = ELABEL_LINE.matcher(elabel);
        while (m.find()) {
            if (m.group(1).equals(key) && !m.group(2).isEmpty()) {
                return m.group(2);
            }
        }
        return null;
    }
}
