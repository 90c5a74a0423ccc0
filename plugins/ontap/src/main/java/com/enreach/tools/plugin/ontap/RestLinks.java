package com.enreach.tools.plugin.ontap;

import com.enreach.tools.api.spi.DeviceTypes;
import com.enreach.tools.api.spi.EntityKinds;
import com.enreach.tools.source.support.WebLinks;

/**
 * Links to ONTAP objects as REST API object URLs, the {@code _links.self.href} ONTAP gives each record (ONTAP REST
 * API reference: {@code GET /api/cluster}, {@code /api/cluster/nodes/{uuid}}, {@code /api/storage/aggregates/{uuid}},
 * {@code /api/svm/svms/{uuid}}, {@code /api/storage/volumes/{uuid}}, {@code /api/storage/qtrees/{volume.uuid}/{id}}).
 * System Manager has no documented deep links (its routes change between releases), while these URLs are stable
 * since ONTAP 9.6 and a browser opens them after a basic-authentication prompt.
 */
final class RestLinks {
    private RestLinks() {
    }

    /** The REST URL of the object, or null for a kind this plugin does not emit. */
    static String of(String base, String kind, String sourceId) {
        if (base == null || kind == null || sourceId == null || sourceId.isBlank()) {
            return null;
        }
        return switch (kind) {
            case DeviceTypes.STORAGE -> base + "/api/cluster";
            case DeviceTypes.STORAGE_CONTROLLER -> base + "/api/cluster/nodes/" + WebLinks.segment(sourceId);
            case DeviceTypes.STORAGE_POOL -> base + "/api/storage/aggregates/" + WebLinks.segment(sourceId);
            case DeviceMapper.STORAGE_VM -> base + "/api/svm/svms/" + WebLinks.segment(sourceId);
            case EntityKinds.STORAGE_VOLUME -> volume(base, sourceId);
            default -> null;
        };
    }

    /** A qtree's source id is {@code <volume uuid>/<qtree id>} (see {@link VolumeMapper#qtree}); a volume's its UUID. */
    private static String volume(String base, String sourceId) {
        int slash = sourceId.indexOf('/');
        if (slash < 0) {
            return base + "/api/storage/volumes/" + WebLinks.segment(sourceId);
        }
        return base + "/api/storage/qtrees/" + WebLinks.segment(sourceId.substring(0, slash)) + "/" + WebLinks.segment(sourceId.substring(slash + 1));
    }
}
