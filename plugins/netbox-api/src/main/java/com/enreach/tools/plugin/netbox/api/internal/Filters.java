package com.enreach.tools.plugin.netbox.api.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import com.enreach.tools.api.inventory.Attributes;
import com.enreach.tools.api.inventory.Entity;

/**
 * NetBox's common filters of devices, VMs and clusters. Those on the entity row (id, name, q, site) need no
 * details; the others (status, role, platform, cluster, tag, type...) are checked on the details of the candidates.
 * A filter repeated matches any of its values; different filters must all match.
 */
final class Filters {
    /** Filters answered from the details (golden values) of each candidate. */
    static final Set<String> DETAIL_FILTERS = Set.of("role", "role_id", "device_role", "device_role_id", "platform", "platform_id",
            "cluster_id", "cluster", "tag", "manufacturer", "manufacturer_id", "device_type", "device_type_id", "model", "serial",
            "has_primary_ip", "type", "type_id", "status");

    private Filters() {
    }

    static boolean needsDetails(Request r) {
        return r.params().keySet().stream().anyMatch(DETAIL_FILTERS::contains);
    }

    static Predicate<Entity> entity(Request r) {
        Predicate<Entity> p = e -> true;
        p = p.and(anyOf(r.values("id"), e -> Long.toString(e.id())));
        p = p.and(anyOf(r.values("name"), Entity::name));
        List<String> ie = lower(r.values("name__ie"));
        if (!ie.isEmpty()) {
            p = p.and(e -> e.name() != null && ie.contains(e.name().toLowerCase(Locale.ROOT)));
        }
        for (String contains : List.of("q", "name__ic")) {
            List<String> words = lower(r.values(contains));
            if (!words.isEmpty()) {
                p = p.and(e -> e.name() != null && words.stream().anyMatch(w -> e.name().toLowerCase(Locale.ROOT).contains(w)));
            }
        }
        p = p.and(anyOf(r.values("site"), e -> slug(Derived.site(e))));
        p = p.and(anyOf(r.values("site_id"), e -> id(Derived.site(e))));
        return p;
    }

    static Predicate<Host> host(Request r, Render render) {
        Predicate<Host> p = h -> true;
        p = p.and(anyOf(union(r, "role", "device_role"), h -> slug(Derived.role(h))));
        p = p.and(anyOf(union(r, "role_id", "device_role_id"), h -> id(Derived.role(h))));
        p = p.and(anyOf(r.values("platform"), h -> slug(Derived.platform(h))));
        p = p.and(anyOf(r.values("platform_id"), h -> id(Derived.platform(h))));
        p = p.and(anyOf(r.values("manufacturer"), h -> slug(Derived.manufacturer(h))));
        p = p.and(anyOf(r.values("manufacturer_id"), h -> id(Derived.manufacturer(h))));
        p = p.and(anyOf(union(r, "device_type", "model"), h -> Derived.deviceType(h).slug()));
        p = p.and(anyOf(r.values("device_type_id"), h -> Long.toString(Derived.deviceType(h).id())));
        p = p.and(anyOf(r.values("serial"), h -> h.text(Attributes.SERIAL)));
        p = p.and(anyOf(r.values("status"), h -> Derived.CLUSTER_TYPES.contains(h.entity().type()) ? Derived.status(h.entity()) : Derived.status(h)));
        p = p.and(anyOf(r.values("type"), h -> slug(Derived.clusterType(h))));
        p = p.and(anyOf(r.values("type_id"), h -> id(Derived.clusterType(h))));
        p = p.and(anyOf(r.values("cluster_id"), h -> {
            Entity c = render.clusterEntity(h);
            return c == null ? null : Long.toString(c.id());
        }));
        p = p.and(anyOf(r.values("cluster"), h -> {
            Entity c = render.clusterEntity(h);
            return c == null ? null : c.name();
        }));
        List<String> tags = r.values("tag");
        if (!tags.isEmpty() && !tags.stream().allMatch(Render.TAG_SLUG::equals)) {
            return h -> false; // every tag given must be on the object; ours carry only the managed tag
        }
        String primary = r.first("has_primary_ip");
        if (primary != null && !primary.isBlank()) {
            boolean want = r.flag("has_primary_ip");
            p = p.and(h -> (h.primary(4) != null || h.primary(6) != null) == want);
        }
        return p;
    }

    /** True when no value is given, else when the object's value is one of them. */
    static <T> Predicate<T> anyOf(List<String> values, Function<T, String> of) {
        if (values.isEmpty()) {
            return t -> true;
        }
        Set<String> set = new HashSet<>(values);
        return t -> {
            String v = of.apply(t);
            return v != null && set.contains(v);
        };
    }

    static List<String> union(Request r, String a, String b) {
        List<String> out = new java.util.ArrayList<>(r.values(a));
        out.addAll(r.values(b));
        return out;
    }

    private static List<String> lower(List<String> values) {
        return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
    }

    private static String slug(Derived.Named n) {
        return n == null ? null : n.slug();
    }

    private static String id(Derived.Named n) {
        return n == null ? null : Long.toString(n.id());
    }
}
