package com.enreach.tools.netbox.writer.mapping;

import com.enreach.tools.api.inventory.Attributes;
import com.enreach.tools.api.inventory.EntityDetail;
import com.enreach.tools.api.inventory.GoldenValue;
import com.enreach.tools.api.netbox.NetBoxKinds;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Golden entities → the NetBox objects they should be ({@link DesiredState}). Pure: no I/O. Devices, VMs and
 * clusters here; interfaces, MACs and IPs in {@link NetworkMapper}.
 */
public final class Mapper {
    private static final long MIB = 1024L * 1024L;
    private static final long GIB = MIB * 1024L;

    private final MappingRules rules;
    private final String netboxVersion;
    private final Map<String, DesiredObject> out = new LinkedHashMap<>();
    private final Map<String, String> clusterRefs = new HashMap<>();
    private final Map<String, String> slugs = new HashMap<>();
    private final boolean diskInGb;

    public Mapper(MappingRules rules, String netboxVersion) {
        this.rules = rules;
        this.netboxVersion = netboxVersion;
        this.diskInGb = "GB".equals(rules.vmDiskUnit())
                || ("auto".equals(rules.vmDiskUnit()) && Versions.before(netboxVersion, 4, 0));
    }

    /** Names repeat across thousands of objects (sites, roles, models): slugify each once. */
    private String slug(String name) {
        return slugs.computeIfAbsent(name, Slugs::slugify);
    }

    /** Maps the entities (those whose type the rules send; stale ones only when the rules include them). */
    public static DesiredState map(List<EntityDetail> entities, MappingRules rules, String netboxVersion) {
        return new Mapper(rules, netboxVersion).run(entities);
    }

    /** What a golden type becomes: {@code device}, {@code virtual_machine}, {@code cluster}, or null. */
    public static String target(MappingRules rules, String entityType) {
        return entityType == null ? null : rules.objectTypes().get(entityType.toLowerCase(Locale.ROOT));
    }

    private DesiredState run(List<EntityDetail> entities) {
        put(Marker.tag());
        put(Marker.customField());
        int mapped = 0;
        for (EntityDetail d : entities) {
            if (MappingRules.CLUSTER.equals(target(rules, d.entity().type())) && d.entity().name() != null) {
                clusterRefs.put(d.entity().name().toLowerCase(Locale.ROOT), ref(NetBoxKinds.CLUSTER, d.entity().id()));
            }
        }
        NetworkMapper net = new NetworkMapper(rules, netboxVersion, this::put);
        for (EntityDetail d : entities) {
            String target = target(rules, d.entity().type());
            if (target == null || ("stale".equals(d.entity().status()) && !rules.includeStale())) {
                continue;
            }
            mapped++;
            Function<String, String> a = attributes(d);
            DesiredObject obj = switch (target) {
                case MappingRules.DEVICE -> device(d, a);
                case MappingRules.VIRTUAL_MACHINE -> vm(d, a);
                default -> cluster(d, a);
            };
            put(obj);
            if (!MappingRules.CLUSTER.equals(target)) {
                net.map(d, obj, a);
            }
        }
        return new DesiredState(out, mapped, netboxVersion);
    }

    /** The ref of the managed object of an entity. */
    public static String ref(String kind, long entityId) {
        return kind + ":entity:" + entityId;
    }

    private DesiredObject device(EntityDetail d, Function<String, String> a) {
        long id = d.entity().id();
        Map<String, Object> f = new LinkedHashMap<>();
        Map<String, String> attrs = new HashMap<>();
        set(f, attrs, "name", d.entity().name(), Attributes.NAME);
        String manufacturer = rules.derivation("manufacturer").derive(a);
        String model = rules.derivation("device_type").derive(a);
        if (manufacturer != null && model != null) {
            f.put("device_type", Ref.to(deviceType(manufacturer, model), model));
        }
        String role = rules.derivation("device_role").derive(a);
        if (role != null) {
            f.put("role", Ref.to(supporting(NetBoxKinds.DEVICE_ROLE, role, () -> {
                Map<String, Object> rf = new LinkedHashMap<>();
                rf.put("name", role);
                rf.put("slug", slug(role));
                rf.put("color", rules.roleColor());
                return rf;
            }), role));
        }
        String site = rules.derivation("site").derive(a);
        if (site != null) {
            f.put("site", Ref.to(site(site), site));
            String rack = a.apply(Attributes.RACK);
            if (rack != null && !rack.isBlank()) {
                f.put("rack", new Ref("dcim.rack:name:" + slug(site) + "/" + rack.trim().toLowerCase(Locale.ROOT), rack.trim(), true));
                attrs.put("rack", Attributes.RACK);
            }
        }
        platform(f, a);
        set(f, attrs, "serial", a.apply(Attributes.SERIAL), Attributes.SERIAL);
        set(f, attrs, "status", rules.derivation("device_status").derive(a), null);
        describe(f, NetBoxKinds.DEVICE, a);
        return new DesiredObject(NetBoxKinds.DEVICE, ref(NetBoxKinds.DEVICE, id), id, d.entity().name(),
                d.entity().site(), f, attrs, Marker.onCreate(id), true, null, d.entity().name());
    }

    private DesiredObject vm(EntityDetail d, Function<String, String> a) {
        long id = d.entity().id();
        Map<String, Object> f = new LinkedHashMap<>();
        Map<String, String> attrs = new HashMap<>();
        set(f, attrs, "name", d.entity().name(), Attributes.NAME);
        String cluster = a.apply(Attributes.CLUSTER);
        if (cluster != null && !cluster.isBlank()) {
            String cref = clusterRefs.get(cluster.trim().toLowerCase(Locale.ROOT));
            f.put("cluster", cref != null ? Ref.to(cref, cluster.trim())
                    : new Ref(NetBoxKinds.CLUSTER + ":name:" + cluster.trim().toLowerCase(Locale.ROOT), cluster.trim(), true));
            attrs.put("cluster", Attributes.CLUSTER);
        }
        Number cpu = number(a.apply(Attributes.CPU_COUNT));
        if (cpu != null && cpu.doubleValue() > 0) {
            set(f, attrs, "vcpus", cpu.intValue(), Attributes.CPU_COUNT);
        }
        Number mem = number(a.apply(Attributes.MEMORY_BYTES));
        if (mem != null) {
            set(f, attrs, "memory", Math.round(mem.doubleValue() / MIB), Attributes.MEMORY_BYTES);
        }
        Number disk = number(a.apply(Attributes.DISK_BYTES));
        if (disk != null) {
            set(f, attrs, "disk", Math.round(disk.doubleValue() / (diskInGb ? GIB : MIB)), Attributes.DISK_BYTES);
        }
        platform(f, a);
        set(f, attrs, "status", rules.derivation("vm_status").derive(a), null);
        describe(f, NetBoxKinds.VIRTUAL_MACHINE, a);
        return new DesiredObject(NetBoxKinds.VIRTUAL_MACHINE, ref(NetBoxKinds.VIRTUAL_MACHINE, id), id, d.entity().name(),
                d.entity().site(), f, attrs, Marker.onCreate(id), true, null, d.entity().name());
    }

    private DesiredObject cluster(EntityDetail d, Function<String, String> a) {
        long id = d.entity().id();
        Map<String, Object> f = new LinkedHashMap<>();
        Map<String, String> attrs = new HashMap<>();
        set(f, attrs, "name", d.entity().name(), Attributes.NAME);
        String type = rules.derivation("cluster_type").derive(a);
        if (type != null) {
            f.put("type", Ref.to(supporting(NetBoxKinds.CLUSTER_TYPE, type, null), type));
        }
        String group = rules.derivation("cluster_group").derive(a);
        if (group != null) {
            f.put("group", Ref.to(supporting(NetBoxKinds.CLUSTER_GROUP, group, null), group));
        }
        set(f, attrs, "status", rules.derivation("cluster_status").derive(a), null);
        describe(f, NetBoxKinds.CLUSTER, a);
        return new DesiredObject(NetBoxKinds.CLUSTER, ref(NetBoxKinds.CLUSTER, id), id, d.entity().name(),
                d.entity().site(), f, attrs, Marker.onCreate(id), true, null, d.entity().name());
    }

    private void platform(Map<String, Object> f, Function<String, String> a) {
        String platform = rules.derivation("platform").derive(a);
        if (platform != null) {
            f.put("platform", Ref.to(supporting(NetBoxKinds.PLATFORM, platform, null), platform));
        }
    }

    private void describe(Map<String, Object> f, String kind, Function<String, String> a) {
        String template = rules.descriptions().get(kind);
        if (template != null) {
            String v = Derivation.fill(template, a);
            f.put("description", v == null ? "" : v.length() > 200 ? v.substring(0, 200) : v);
        }
    }

    private String site(String name) {
        return supporting(NetBoxKinds.SITE, name, () -> {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("name", name);
            f.put("slug", slug(name));
            f.put("status", "active");
            return f;
        });
    }

    private String deviceType(String manufacturer, String model) {
        String mref = supporting(NetBoxKinds.MANUFACTURER, manufacturer, null);
        String slug = slug(model);
        String ref = NetBoxKinds.DEVICE_TYPE + ":slug:" + slug(manufacturer) + "/" + slug;
        if (!out.containsKey(ref)) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("manufacturer", Ref.to(mref, manufacturer));
            f.put("model", model);
            f.put("slug", slug);
            put(new DesiredObject(NetBoxKinds.DEVICE_TYPE, ref, null, manufacturer + " " + model, null, Map.of(), Map.of(),
                    f, false, null, slug(manufacturer) + "/" + slug));
        }
        return ref;
    }

    /** Adds a supporting object (once) and answers its ref. */
    private String supporting(String kind, String name, java.util.function.Supplier<Map<String, Object>> fields) {
        String slug = slug(name);
        String ref = kind + ":slug:" + slug;
        if (!out.containsKey(ref)) {
            Map<String, Object> f = fields != null ? fields.get() : new LinkedHashMap<>(Map.of("name", name, "slug", slug));
            put(new DesiredObject(kind, ref, null, name, null, Map.of(), Map.of(), f, false, null, slug));
        }
        return ref;
    }

    private void put(DesiredObject o) {
        out.putIfAbsent(o.ref(), o);
    }

    private static void set(Map<String, Object> f, Map<String, String> attrs, String field, Object value, String attribute) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            f.put(field, value instanceof String s ? s.trim() : value);
            if (attribute != null) {
                attrs.put(field, attribute);
            }
        }
    }

    static Number number(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The golden attributes as text, plus {@code type}, {@code name}, {@code status} of the entity. */
    public static Function<String, String> attributes(EntityDetail d) {
        Map<String, String> m = new HashMap<>();
        for (GoldenValue g : d.attributes() == null ? List.<GoldenValue>of() : d.attributes()) {
            if (g.value() != null) {
                m.put(g.attribute(), g.value() instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                        ? String.valueOf(n.longValue()) : String.valueOf(g.value()));
            }
        }
        m.putIfAbsent(Attributes.NAME, d.entity().name());
        m.putIfAbsent(Attributes.TYPE, d.entity().type());
        if (d.entity().site() != null) {
            m.putIfAbsent(Attributes.SITE, d.entity().site());
        }
        m.put("entity_status", d.entity().status());
        m.put("sources", String.join(",", d.entity().sources()));
        return m::get;
    }
}
