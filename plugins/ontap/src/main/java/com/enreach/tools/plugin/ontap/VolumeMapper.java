package com.enreach.tools.plugin.ontap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.StorageVolumeRecord;
import com.enreach.tools.source.support.JsonValues;
import com.fasterxml.jackson.databind.JsonNode;

/** Maps volumes and qtrees (with their tree quota report) to storage volume records. */
final class VolumeMapper {
    static final List<String> VOLUME_FIELDS = List.of("uuid", "name", "svm.name", "svm.uuid", "aggregates", "state",
            "style", "type", "is_svm_root", "guarantee.type", "space.size", "space.used", "space.available",
            "space.snapshot.reserve_percent", "nas.path", "nas.export_policy.name", "nas.security_style");
    /** Fields ONTAP only knows from 9.10 on; asking an older release for them fails the whole request. */
    static final List<String> VOLUME_FIELDS_9_10 = List.of("snapshot_count", "space.snapshot.reserve_size");

    static final List<String> QTREE_FIELDS = List.of("id", "name", "svm.name", "volume.name", "volume.uuid",
            "export_policy.name", "security_style", "path");
    static final List<String> QUOTA_FIELDS = List.of("volume.uuid", "qtree.id", "qtree.name", "space.hard_limit",
            "space.soft_limit", "space.used.total", "files.hard_limit", "files.used.total");

    /** What volume records refer to: the cluster, the node serving each aggregate, the export policies. */
    record Context(String clusterUuid, Map<String, String> aggregateNodes, ExportPolicies policies) {
    }

    private VolumeMapper() {
    }

    /** " (volume svm1:vol7)": which record broke, as far as it can be named; empty when it has no name. */
    private static String named(String kind, String svm, String name) {
        return name == null ? "" : " (" + kind + " " + (svm == null ? "" : svm + ":") + name + ")";
    }

    static StorageVolumeRecord volume(JsonNode v, Context c) throws PermanentSourceException {
        String svm = JsonValues.text(v, "svm.name");
        String where = "/api/storage/volumes" + named("volume", svm, JsonValues.text(v, "name"));
        StorageVolumeRecord r = StorageVolumeRecord.of(DeviceMapper.id(v, "uuid", where), c.clusterUuid(),
                DeviceMapper.id(v, "name", where), StorageVolumeRecord.VOLUME);
        r.svm(svm);
        placement(r, v.path("aggregates"), c);
        Long size = JsonValues.whole(v, "space.size");
        r.capacity(size, null, JsonValues.whole(v, "space.used"));
        r.thin(thin(JsonValues.text(v, "guarantee.type")));
        r.junctionPath(JsonValues.text(v, "nas.path"));
        String policy = JsonValues.text(v, "nas.export_policy.name");
        r.exportPolicy(policy);
        String state = JsonValues.text(v, "state");
        r.status(health(state), state);
        Integer reservePercent = JsonValues.integer(v, "space.snapshot.reserve_percent");
        Long reserve = JsonValues.whole(v, "space.snapshot.reserve_size");
        r.snapshots(JsonValues.integer(v, "snapshot_count"), reserve != null ? reserve : percentOf(size, reservePercent));
        r.put("available_bytes", JsonValues.whole(v, "space.available"))
                .put("snapshot_reserve_percent", reservePercent)
                .put("guarantee", JsonValues.text(v, "guarantee.type"))
                .put("style", JsonValues.text(v, "style"))
                .put("volume_type", JsonValues.text(v, "type"))
                .put("svm_root", JsonValues.bool(v, "is_svm_root"))
                .put("security_style", JsonValues.text(v, "nas.security_style"))
                .put("svm_uuid", JsonValues.text(v, "svm.uuid"))
                .put("export_rules", c.policies().rules(svm, policy));
        return r;
    }

    /**
     * A FlexVol lives in one aggregate, whose node owns it. A FlexGroup spreads over several: no single pool or
     * owner then, the aggregate names go to metadata.
     */
    private static void placement(StorageVolumeRecord r, JsonNode aggregates, Context c) {
        List<String> names = new ArrayList<>();
        String onlyUuid = null;
        for (JsonNode a : aggregates) {
            names.add(JsonValues.text(a, "name"));
            onlyUuid = JsonValues.text(a, "uuid");
        }
        if (names.size() == 1) {
            r.pool(names.get(0), onlyUuid);
            r.owner(onlyUuid == null ? null : c.aggregateNodes().get(onlyUuid));
        } else if (names.size() > 1) {
            r.put("aggregates", names.stream().filter(n -> n != null).toList());
        }
    }

    /** The qtree id 0 ONTAP lists in every volume is the volume itself, not a qtree. */
    static boolean isVolumeRoot(JsonNode q) {
        Long id = JsonValues.whole(q, "id");
        return (id != null && id == 0) || JsonValues.text(q, "name") == null;
    }

    /**
     * @param quota the tree quota report of this qtree, or null when it has none (quotas off or no rule)
     */
    static StorageVolumeRecord qtree(JsonNode q, JsonNode quota, Context c) throws PermanentSourceException {
        String where = "/api/storage/qtrees" + named("qtree", JsonValues.text(q, "svm.name"),
                JsonValues.text(q, "volume.name") == null ? null : JsonValues.text(q, "volume.name") + "/" + JsonValues.text(q, "name"));
        String volumeUuid = DeviceMapper.id(q, "volume.uuid", where);
        String id = DeviceMapper.id(q, "id", where);
        String volume = JsonValues.text(q, "volume.name");
        String name = JsonValues.text(q, "name");
        String svm = JsonValues.text(q, "svm.name");
        String policy = JsonValues.text(q, "export_policy.name");
        StorageVolumeRecord r = StorageVolumeRecord.of(volumeUuid + "/" + id, c.clusterUuid(),
                volume == null ? name : volume + "/" + name, StorageVolumeRecord.QTREE)
                .svm(svm)
                .junctionPath(JsonValues.text(q, "path"))
                .exportPolicy(policy)
                .put("volume", volume)
                .put("volume_uuid", volumeUuid)
                .put("qtree_id", JsonValues.whole(q, "id"))
                .put("security_style", JsonValues.text(q, "security_style"))
                .put("export_rules", c.policies().rules(svm, policy));
        if (quota != null) {
            r.quota(JsonValues.whole(quota, "space.hard_limit"), JsonValues.whole(quota, "space.used.total"))
                    .put("quota_soft_limit_bytes", JsonValues.whole(quota, "space.soft_limit"))
                    .put("files_used", JsonValues.whole(quota, "files.used.total"))
                    .put("files_hard_limit", JsonValues.whole(quota, "files.hard_limit"));
        }
        return r;
    }

    /** guarantee "none" is a thin volume, "volume" a thick one; anything else says nothing. */
    static Boolean thin(String guarantee) {
        if ("none".equals(guarantee)) {
            return true;
        }
        return "volume".equals(guarantee) ? false : null;
    }

    /** ok for online, warning for offline or a FlexGroup partly online (mixed), error for error. */
    static String health(String state) {
        if (state == null) {
            return null;
        }
        return switch (state) {
            case "online" -> "ok";
            case "offline", "mixed" -> "warning";
            case "error" -> "error";
            default -> "unknown";
        };
    }

    /** percent of a size in bytes without overflow, even for sizes near Long.MAX_VALUE. */
    static Long percentOf(Long size, Integer percent) {
        if (size == null || percent == null) {
            return null;
        }
        return size / 100 * percent + size % 100 * percent / 100;
    }
}
