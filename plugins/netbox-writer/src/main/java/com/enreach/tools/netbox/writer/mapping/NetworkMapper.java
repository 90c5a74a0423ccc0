package com.enreach.tools.netbox.writer.mapping;

import com.enreach.tools.api.IpAddress;
import com.enreach.tools.api.NetworkInterface;
import com.enreach.tools.api.inventory.Attributes;
import com.enreach.tools.api.inventory.EntityDetail;
import com.enreach.tools.api.netbox.NetBoxKinds;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Interfaces, MAC addresses, IP addresses and the primary IPs of one device or VM. Interfaces are keyed by their
 * (standardised) name, IPs by their host address, MACs by their NetBox spelling; duplicates from several sources are
 * sent once (the first one, preferring one with a MAC).
 */
final class NetworkMapper {
    private static final String PRIMARY = DesiredObject.PRIMARY_IP_KEY;

    private final MappingRules rules;
    private final boolean macObjects;
    private final Consumer<DesiredObject> sink;

    NetworkMapper(MappingRules rules, String netboxVersion, Consumer<DesiredObject> sink) {
        this.rules = rules;
        this.macObjects = "object".equals(rules.macAddresses())
                || ("auto".equals(rules.macAddresses()) && !Versions.before(netboxVersion, 4, 2));
        this.sink = sink;
    }

    void map(EntityDetail d, DesiredObject owner, Function<String, String> a) {
        long id = d.entity().id();
        boolean device = NetBoxKinds.DEVICE.equals(owner.kind());
        String kind = device ? NetBoxKinds.INTERFACE : NetBoxKinds.VM_INTERFACE;
        boolean standardise = rules.interfaceNames().entityTypes().contains(String.valueOf(d.entity().type()).toLowerCase(Locale.ROOT));
        String vendor = a.apply(Attributes.VENDOR);
        Map<String, NetworkInterface> byName = new LinkedHashMap<>();
        for (NetworkInterface i : d.interfaces() == null ? List.<NetworkInterface>of() : d.interfaces()) {
            if (i.name() == null || i.name().isBlank()) {
                continue;
            }
            String name = standardise ? InterfaceNames.standardise(i.name().trim(), vendor, rules.interfaceNames()) : i.name().trim();
            NetworkInterface seen = byName.get(name);
            if (seen == null || (seen.mac() == null && i.mac() != null)) {
                byName.put(name, i);
            }
        }
        Map<String, String> ifaceRefs = new HashMap<>();
        for (Map.Entry<String, NetworkInterface> e : byName.entrySet()) {
            ifaceRefs.put(e.getKey().toLowerCase(Locale.ROOT), iface(d, owner, kind, e.getKey(), e.getValue(), a));
            if (!e.getKey().equals(e.getValue().name().trim())) {
                ifaceRefs.putIfAbsent(e.getValue().name().trim().toLowerCase(Locale.ROOT), ifaceRefs.get(e.getKey().toLowerCase(Locale.ROOT)));
            }
        }
        Map<String, String> ipRefs = new LinkedHashMap<>();
        Map<String, Boolean> assigned = new HashMap<>();
        List<IpAddress> ips = d.ipAddresses() == null ? List.of() : d.ipAddresses();
        // Several sources report the same address, not all with its prefix length (Foreman often without): the
        // address is written from the first observation that has one, whichever source happened to sync first.
        Map<String, IpAddress> best = new HashMap<>();
        for (IpAddress ip : ips) {
            if (ip.address() != null && !ip.address().isBlank()) {
                best.merge(addressKey(withPrefix(ip)), ip, (first, other) -> hasPrefix(first) || !hasPrefix(other) ? first : other);
            }
        }
        for (IpAddress listed : ips) {
            if (listed.address() == null || listed.address().isBlank()) {
                continue;
            }
            IpAddress ip = best.get(addressKey(withPrefix(listed)));
            String address = withPrefix(ip);
            String host = Addresses.host(address);
            if (host != null && Addresses.problem(address) == null) {
                address = host + address.substring(address.indexOf('/')); // NetBox's spelling, or IPv6 would always differ
            }
            String key = addressKey(address);
            String ref = NetBoxKinds.IP_ADDRESS + ":entity:" + id + ":" + key;
            if (ipRefs.containsKey(key)) {
                continue;
            }
            Map<String, Object> f = new LinkedHashMap<>();
            Map<String, String> attrs = new HashMap<>();
            f.put("address", address);
            f.put("status", "active");
            String iref = ip.interfaceName() == null ? null : ifaceRefs.get(ip.interfaceName().trim().toLowerCase(Locale.ROOT));
            if (iref != null) {
                f.put("assigned_object_type", kind);
                f.put("assigned_object_id", Ref.to(iref, owner.name() + " " + iref.substring(iref.lastIndexOf(':') + 1)));
            }
            if (ip.dnsName() != null && !ip.dnsName().isBlank()) {
                f.put("dns_name", ip.dnsName().trim().toLowerCase(Locale.ROOT));
            }
            ipRefs.put(key, ref);
            assigned.put(key, iref != null);
            sink.accept(new DesiredObject(NetBoxKinds.IP_ADDRESS, ref, id, address + " (" + owner.name() + ")",
                    owner.site(), f, attrs, Marker.onCreate(id), true, owner.ref(), key));
        }
        primary(owner, a.apply(Attributes.PRIMARY_IP), ipRefs, assigned);
    }

    /** The address as written, with the prefix length the source gave apart when it has none of its own. */
    private static String withPrefix(IpAddress ip) {
        String address = ip.address().trim();
        return !address.contains("/") && ip.prefixLength() != null ? address + "/" + ip.prefixLength() : address;
    }

    private static boolean hasPrefix(IpAddress ip) {
        return withPrefix(ip).contains("/");
    }

    /** One address, however its sources write it: the host part (NetBox's spelling), else the text. */
    private static String addressKey(String address) {
        String host = Addresses.host(address);
        return host != null ? host : address;
    }

    private String iface(EntityDetail d, DesiredObject owner, String kind, String name, NetworkInterface i, Function<String, String> a) {
        long id = d.entity().id();
        String ref = kind + ":entity:" + id + ":" + name;
        Map<String, Object> f = new LinkedHashMap<>();
        f.put(NetBoxKinds.INTERFACE.equals(kind) ? "device" : "virtual_machine", Ref.to(owner.ref(), owner.name()));
        f.put("name", name);
        if (i.enabled() != null) {
            f.put("enabled", i.enabled());
        }
        if (i.mtu() != null && i.mtu() > 0) {
            f.put("mtu", i.mtu());
        }
        Map<String, Object> create = new LinkedHashMap<>(Marker.onCreate(id));
        if (NetBoxKinds.INTERFACE.equals(kind)) {
            Map<String, String> ia = new HashMap<>();
            ia.put("interface", name);
            ia.put("interface_type", i.type());
            String type = rules.derivation("interface_type").derive(k -> ia.containsKey(k) ? ia.get(k) : a.apply(k));
            create.put("type", type == null ? "other" : type);
        }
        String mac = i.mac() == null || i.mac().isBlank() ? null : i.mac().trim();
        if (mac != null && !macObjects) {
            String m = Addresses.mac(mac);
            f.put("mac_address", m != null ? m : mac);
        }
        sink.accept(new DesiredObject(kind, ref, id, owner.name() + " " + name, owner.site(), f, Map.of(), create,
                true, owner.ref(), name));
        if (mac != null && macObjects) {
            String m = Addresses.mac(mac);
            String key = m != null ? m : mac;
            Map<String, Object> mf = new LinkedHashMap<>();
            mf.put("mac_address", key);
            mf.put("assigned_object_type", kind);
            mf.put("assigned_object_id", Ref.to(ref, owner.name() + " " + name));
            sink.accept(new DesiredObject(NetBoxKinds.MAC_ADDRESS, NetBoxKinds.MAC_ADDRESS + ":entity:" + id + ":" + key, id,
                    key + " (" + owner.name() + " " + name + ")", owner.site(), mf, Map.of(), Marker.onCreate(id),
                    true, owner.ref(), key));
        }
        return ref;
    }

    private void primary(DesiredObject owner, String primaryIp, Map<String, String> ipRefs, Map<String, Boolean> assigned) {
        String host = Addresses.host(primaryIp);
        if (host == null || !ipRefs.containsKey(host) || !assigned.get(host)) {
            return; // NetBox only takes an IP assigned to one of the object's interfaces as primary
        }
        String field = host.contains(":") ? "primary_ip6" : "primary_ip4";
        Map<String, Object> f = new LinkedHashMap<>();
        f.put(field, Ref.to(ipRefs.get(host), host));
        sink.accept(new DesiredObject(owner.kind(), owner.ref() + ":" + PRIMARY, owner.entityId(),
                owner.name(), owner.site(), f, Map.of(field, Attributes.PRIMARY_IP), Map.of(), true, owner.ref(), PRIMARY));
    }
}
