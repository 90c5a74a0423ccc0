package com.enreach.tools.plugin.netbox.api.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.enreach.tools.api.IpAddress;
import com.enreach.tools.api.NetworkInterface;
import com.enreach.tools.api.inventory.Entity;
import com.enreach.tools.api.inventory.EntityDetail;
import com.enreach.tools.api.inventory.EntityRelation;
import com.enreach.tools.api.inventory.GoldenValue;

/**
 * What the read API needs of one entity: its golden values, and its observations' interfaces and IPs with one row per
 * interface name and per address (several sources seeing the same NIC give one NetBox interface: the lowest row id).
 */
record Host(Entity entity, Map<String, Object> golden, List<NetworkInterface> interfaces, List<IpAddress> ips,
            Map<String, String> sourceOf, List<EntityRelation> relations) {

    static Host of(EntityDetail d) {
        Map<String, Object> golden = new LinkedHashMap<>();
        Map<String, String> sourceOf = new LinkedHashMap<>();
        for (GoldenValue v : d.attributes()) {
            if (v.value() != null) {
                golden.put(v.attribute(), v.value());
                if (v.source() != null) {
                    sourceOf.put(v.attribute(), v.source().sourceSystem());
                }
            }
        }
        Map<String, NetworkInterface> ifaces = new LinkedHashMap<>();
        d.interfaces().stream().sorted(Comparator.comparingLong(NetworkInterface::id)).forEach(i -> {
            if (i.name() != null && !i.name().isBlank()) {
                ifaces.putIfAbsent(i.name(), i);
            }
        });
        Map<String, IpAddress> ips = new LinkedHashMap<>();
        d.ipAddresses().stream().sorted(Comparator.comparingLong(IpAddress::id)).forEach(ip -> {
            if (ip.address() != null) {
                ips.putIfAbsent(ip.address(), ip);
            }
        });
        return new Host(d.entity(), golden, new ArrayList<>(ifaces.values()), new ArrayList<>(ips.values()), sourceOf,
                d.relationships() == null ? List.of() : List.copyOf(d.relationships()));
    }

    long id() {
        return entity.id();
    }

    String text(String attribute) {
        Object v = golden.get(attribute);
        return v == null || String.valueOf(v).isBlank() ? null : String.valueOf(v).trim();
    }

    Long number(String attribute) {
        Object v = golden.get(attribute);
        if (v instanceof Number n) {
            return n.longValue();
        }
        try {
            return v == null ? null : Long.parseLong(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The entity ids this one has an outgoing relationship of a type with (e.g. {@code member_of}, {@code runs_on}). */
    List<Long> related(String type, String entityType) {
        return relations.stream().filter(r -> type.equals(r.type()) && "out".equals(r.direction())
                && (entityType == null || entityType.equals(r.entityType()))).map(EntityRelation::entityId).distinct().sorted().toList();
    }

    /** The interface an IP is on (by the IP's interface name), or null. */
    NetworkInterface interfaceOf(IpAddress ip) {
        if (ip.interfaceName() == null) {
            return null;
        }
        for (NetworkInterface i : interfaces) {
            if (i.name().equals(ip.interfaceName())) {
                return i;
            }
        }
        return null;
    }

    /** The IP row of the golden primary IP, else the first IP of that family; null when none. */
    IpAddress primary(int family) {
        String golden = text(com.enreach.tools.api.inventory.Attributes.PRIMARY_IP);
        if (golden != null) {
            String bare = golden.contains("/") ? golden.substring(0, golden.indexOf('/')) : golden;
            for (IpAddress ip : ips) {
                if (ip.family() == family && ip.address().equalsIgnoreCase(bare)) {
                    return ip;
                }
            }
        }
        return null;
    }
}
