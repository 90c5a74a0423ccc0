package com.enreach.tools.netbox.source;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.DeviceTypes;
import com.enreach.tools.api.spi.IdentityKeys;

/**
 * NetBox objects as device records. Source ids are {@code device/<id>}, {@code vm/<id>} and {@code cluster/<id>}
 * (NetBox ids are unique per model only). Metadata uses the keys golden records and identity resolution read
 * ({@code serial}, {@code vendor}, {@code model}, {@code site}, {@code rack}, {@code role}, {@code os},
 * {@code cpu_count}, {@code memory_bytes}, {@code disk_bytes}, {@code cluster}, {@code primary_ip}, {@code fqdn}),
 * plus NetBox's own: ids, status, platform, tags, custom fields and {@code enreach_entity_id} of managed objects.
 */
final class RecordMapper {
    static final String DEVICE = "device/";
    static final String VM = "vm/";
    static final String CLUSTER = "cluster/";
    /** The custom field the writer puts on the objects it manages. */
    static final String ENTITY_ID_FIELD = "enreach_entity_id";
    static final String MANAGED_TAG = "enreach";
    private static final long MIB = 1024L * 1024L;

    private static final Pattern HYPERVISOR = Pattern.compile("hypervisor|esx|kvm|proxmox|hyper-?v|virtuali[sz]ation");
    private static final Pattern NETWORK = Pattern.compile("switch|router|firewall|network|load-?balancer|gateway"
            + "|access-?point|spine|leaf|\\bwlc\\b");
    private static final Pattern STORAGE = Pattern.compile("storage|\\bsan\\b|\\bnas\\b|array|filer");

    /** The lookups read once per run: device types by id (manufacturer and model), manufacturer and site names by id. */
    record Lookups(Map<Long, Map<String, Object>> deviceTypes, Map<Long, String> manufacturers, Map<Long, String> sites) {
    }

    private RecordMapper() {
    }

    /** The device type from the NetBox role (its slug and name), else a clustered device is a hypervisor. */
    static String deviceType(Map<String, Object> device) {
        String role = (String.valueOf(Json.text(device, "role", "slug")) + " " + Json.name(device, "role")).toLowerCase(Locale.ROOT);
        if (HYPERVISOR.matcher(role).find()) {
            return DeviceTypes.HYPERVISOR;
        }
        if (NETWORK.matcher(role).find()) {
            return DeviceTypes.NETWORK_DEVICE;
        }
        if (STORAGE.matcher(role).find()) {
            return DeviceTypes.STORAGE;
        }
        return Json.id(device, "cluster") != null ? DeviceTypes.HYPERVISOR : DeviceTypes.SERVER;
    }

    static DeviceRecord device(Map<String, Object> d, Lookups lookups) {
        long id = Json.whole(d, "id");
        DeviceRecord r = DeviceRecord.of(DEVICE + id, name(d, "device", id), deviceType(d));
        common(r, d, "dcim.device");
        r.put(IdentityKeys.SERIAL, Json.text(d, "serial"));
        r.put("asset_tag", Json.text(d, "asset_tag"));
        r.put("rack", Json.name(d, "rack"));
        r.put("location", Json.name(d, "location"));
        Long typeId = Json.id(d, "device_type");
        Map<String, Object> type = typeId == null ? null : lookups.deviceTypes().get(typeId);
        String model = Json.text(d, "device_type", "model");
        String vendor = Json.text(d, "device_type", "manufacturer", "name");
        if (type != null) {
            model = model == null ? Json.text(type, "model") : model;
            if (vendor == null) {
                vendor = Json.text(type, "manufacturer", "name");
                Long mid = Json.id(type, "manufacturer");
                vendor = vendor == null && mid != null ? lookups.manufacturers().get(mid) : vendor;
            }
        }
        r.put("vendor", vendor);
        r.put("model", model);
        r.put("device_type", Json.text(d, "device_type", "slug"));
        return r;
    }

    static DeviceRecord virtualMachine(Map<String, Object> v) {
        long id = Json.whole(v, "id");
        DeviceRecord r = DeviceRecord.of(VM + id, name(v, "vm", id), DeviceTypes.VM);
        common(r, v, "virtualization.virtualmachine");
        r.put(IdentityKeys.SERIAL, Json.text(v, "serial"));
        Object vcpus = v.get("vcpus");
        Long whole = Json.whole(v, "vcpus");
        r.put("cpu_count", whole != null ? whole : vcpus instanceof Number n ? n.doubleValue() : null);
        // NetBox 4.2 keeps VM memory and disk in MB (MiB; disk since 4.1): both become bytes
        Long memory = Json.whole(v, "memory");
        Long disk = Json.whole(v, "disk");
        r.put("memory_bytes", memory == null ? null : memory * MIB);
        r.put("disk_bytes", disk == null ? null : disk * MIB);
        r.put("host_device", Json.name(v, "device"));
        return r;
    }

    static DeviceRecord cluster(Map<String, Object> c, Lookups lookups) {
        long id = Json.whole(c, "id");
        DeviceRecord r = DeviceRecord.of(CLUSTER + id, name(c, "cluster", id), DeviceTypes.CLUSTER);
        r.put("netbox_id", id);
        r.put("netbox_type", "virtualization.cluster");
        r.put("status", Json.text(c, "status", "value"));
        r.put("cluster_type", Json.name(c, "type"));
        r.put("cluster_group", Json.name(c, "group"));
        // NetBox 4.2 scopes a cluster to a region, site group, site or location; only a site is a site
        if ("dcim.site".equals(Json.text(c, "scope_type"))) {
            String site = Json.name(c, "scope");
            Long siteId = Json.whole(c, "scope_id");
            r.put("site", site == null && siteId != null ? lookups.sites().get(siteId) : site);
        } else if (c.get("site") instanceof Map) {
            r.put("site", Json.name(c, "site"));
        }
        tagsAndFields(r, c);
        return r;
    }

    /** What devices and VMs share: NetBox id, status, site, role, platform, cluster, primary IP, tags, custom fields. */
    private static void common(DeviceRecord r, Map<String, Object> o, String type) {
        r.put("netbox_id", Json.whole(o, "id"));
        r.put("netbox_type", type);
        r.put("status", Json.text(o, "status", "value"));
        r.put("site", Json.name(o, "site"));
        r.put("role", Json.name(o, "role"));
        String platform = Json.name(o, "platform");
        r.put("platform", platform);
        r.put("os", platform);
        r.put("cluster", Json.name(o, "cluster"));
        String primary = Json.text(o, "primary_ip", "address");
        if (primary == null) {
            primary = Json.text(o, "primary_ip4", "address");
        }
        r.put("primary_ip", Json.hostAddress(primary));
        r.put("description", Json.text(o, "description"));
        r.put("last_updated", Json.text(o, "last_updated"));
        tagsAndFields(r, o);
    }

    private static void tagsAndFields(DeviceRecord r, Map<String, Object> o) {
        List<String> tags = Json.tags(o);
        if (!tags.isEmpty()) {
            r.put("tags", tags);
        }
        r.put("managed", tags.contains(MANAGED_TAG));
        Map<String, Object> fields = Json.customFields(o);
        if (!fields.isEmpty()) {
            r.put("custom_fields", fields);
        }
        Object entity = fields.get(ENTITY_ID_FIELD);
        r.put(ENTITY_ID_FIELD, entity instanceof Number n ? (Object) n.longValue() : entity);
    }

    /** NetBox allows unnamed devices; they still need a name here. */
    private static String name(Map<String, Object> o, String kind, long id) {
        String n = Json.text(o, "name");
        return n != null ? n : kind + "-" + id;
    }
}
