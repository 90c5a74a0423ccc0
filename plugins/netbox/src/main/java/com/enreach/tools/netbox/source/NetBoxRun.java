package com.enreach.tools.netbox.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.IdentityKeys;
import com.enreach.tools.api.spi.InterfaceRecord;
import com.enreach.tools.api.spi.IpAddressRecord;
import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.RelationshipRecord;
import com.enreach.tools.api.spi.RelationshipTypes;
import com.enreach.tools.api.spi.SourceContext;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.netbox.client.NetBoxClient;
import com.enreach.tools.netbox.client.NetBoxException;
import com.enreach.tools.source.support.Checks;

/**
 * One fetch: lookups (manufacturers, device types), clusters, interfaces with their MACs, IP addresses, then the
 * devices and virtual machines with their interfaces and addresses as children. Sites, roles, platforms, tags and
 * custom fields come nested in each object. Every list is read whole (all pages) before anything that needs it is
 * emitted; any failure ends the run before it returns, so nothing is marked stale on a partial read.
 */
final class NetBoxRun {
    static final String DCIM_INTERFACE = "dcim.interface";
    static final String VM_INTERFACE = "virtualization.vminterface";

    private final NetBoxClient client;
    private final SourceContext context;
    private final RecordSink sink;
    /** Interfaces by owner key ({@code device/<id>}, {@code vm/<id>}). */
    private final Map<String, List<Map<String, Object>>> interfaces = new HashMap<>();
    /** MAC addresses by assigned interface ({@code dcim.interface/<id>}). */
    private final Map<String, List<String>> macs = new HashMap<>();
    /** IP addresses by assigned interface. */
    private final Map<String, List<Map<String, Object>>> ips = new HashMap<>();
    private int emitted;

    NetBoxRun(NetBoxClient client, SourceContext context, RecordSink sink) {
        this.client = client;
        this.context = context;
        this.sink = sink;
    }

    /** @return how many devices, VMs and clusters were emitted */
    int run() throws SourceException {
        RecordMapper.Lookups lookups = lookups();
        for (Map<String, Object> c : read("virtualization/clusters", "clusters")) {
            emit(RecordMapper.cluster(c, lookups));
        }
        for (Map<String, Object> i : read("dcim/interfaces", "device interfaces")) {
            group(interfaces, owner(i, "device", RecordMapper.DEVICE), i);
        }
        for (Map<String, Object> i : read("virtualization/interfaces", "VM interfaces")) {
            group(interfaces, owner(i, "virtual_machine", RecordMapper.VM), i);
        }
        readMacs();
        for (Map<String, Object> ip : read("ipam/ip-addresses", "IP addresses")) {
            String to = assigned(ip);
            if (to != null) {
                group(ips, to, ip);
            }
        }
        for (Map<String, Object> d : read("dcim/devices", "devices")) {
            DeviceRecord r = RecordMapper.device(d, lookups);
            children(r, d, DCIM_INTERFACE);
            relate(r, d);
            emit(r);
        }
        for (Map<String, Object> v : read("virtualization/virtual-machines", "virtual machines")) {
            DeviceRecord r = RecordMapper.virtualMachine(v);
            children(r, v, VM_INTERFACE);
            relate(r, v);
            emit(r);
        }
        return emitted;
    }

    private RecordMapper.Lookups lookups() throws SourceException {
        Map<Long, String> manufacturers = names(read("dcim/manufacturers", "manufacturers", true));
        Map<Long, Map<String, Object>> types = new HashMap<>();
        for (Map<String, Object> t : read("dcim/device-types", "device types")) {
            Long id = Json.whole(t, "id");
            if (id != null) {
                types.put(id, t);
            }
        }
        return new RecordMapper.Lookups(types, manufacturers, names(read("dcim/sites", "sites", true)));
    }

    /** Names by id of brief objects. */
    private static Map<Long, String> names(List<Map<String, Object>> objects) {
        Map<Long, String> out = new HashMap<>();
        for (Map<String, Object> o : objects) {
            Long id = Json.whole(o, "id");
            String name = Json.text(o, "name");
            if (id != null && name != null) {
                out.put(id, name);
            }
        }
        return out;
    }

    /** The dcim/mac-addresses objects of NetBox 4.2+; older NetBox (404) has only the interfaces' mac_address. */
    private void readMacs() throws SourceException {
        List<Map<String, Object>> all;
        try {
            all = read("dcim/mac-addresses", "MAC addresses");
        } catch (SourceException e) {
            if ("not_found".equals(e.code())) {
                sink.warn("dcim/mac-addresses", "NetBox has no dcim/mac-addresses (before 4.2): MACs come from the interfaces only");
                return;
            }
            throw e;
        }
        for (Map<String, Object> m : all) {
            String to = assigned(m);
            String mac = Json.text(m, "mac_address");
            if (to != null && mac != null) {
                macs.computeIfAbsent(to, k -> new ArrayList<>()).add(mac);
            }
        }
    }

    private List<Map<String, Object>> read(String endpoint, String what) throws SourceException {
        return read(endpoint, what, false);
    }

    private List<Map<String, Object>> read(String endpoint, String what, boolean brief) throws SourceException {
        Checks.notCancelled(context, "NetBox run cancelled before " + what);
        sink.phase(what);
        return context.call("GET /api/" + endpoint + "/", () -> {
            try {
                return client.list(endpoint, Map.of(), brief);
            } catch (NetBoxException e) {
                throw SourceFailures.of(e);
            }
        });
    }

    /** Interfaces (with their MACs) and IP addresses of a device or VM; its primary MAC is that of the primary IP's interface. */
    private void children(DeviceRecord r, Map<String, Object> o, String interfaceType) {
        Long primaryIpId = Json.id(o, "primary_ip") != null ? Json.id(o, "primary_ip") : Json.id(o, "primary_ip4");
        String primaryMac = null;
        String first = null;
        String fqdn = null;
        for (Map<String, Object> i : interfaces.getOrDefault(r.sourceId(), List.of())) {
            Long id = Json.whole(i, "id");
            String name = Json.text(i, "name");
            if (id == null || name == null) {
                continue;
            }
            String key = interfaceType + "/" + id;
            String mac = mac(i, key);
            String type = DCIM_INTERFACE.equals(interfaceType) ? Json.text(i, "type", "value") : "virtual";
            Long mtu = Json.whole(i, "mtu");
            r.addInterface(new InterfaceRecord(name, mac, type, Json.bool(i, "enabled"),
                    mtu == null ? null : mtu.intValue(), Json.name(i, "untagged_vlan")));
            first = first == null ? mac : first;
            for (Map<String, Object> ip : ips.getOrDefault(key, List.of())) {
                String address = Json.text(ip, "address");
                if (address == null) {
                    continue;
                }
                String dns = Json.text(ip, "dns_name");
                r.addIpAddress(new IpAddressRecord(address, name, dns));
                if (primaryIpId != null && primaryIpId.equals(Json.whole(ip, "id"))) {
                    primaryMac = mac;
                    fqdn = dns != null && dns.contains(".") ? dns : null;
                }
            }
        }
        r.put(IdentityKeys.PRIMARY_MAC, primaryMac);
        r.put(IdentityKeys.FQDN, fqdn != null ? fqdn : r.name().contains(".") ? r.name() : null);
    }

    /** The interface's primary MAC (4.2: primary_mac_address; before: mac_address), else its first assigned MAC. */
    private String mac(Map<String, Object> i, String key) {
        String mac = Json.text(i, "primary_mac_address", "mac_address");
        if (mac == null) {
            mac = Json.text(i, "mac_address");
        }
        List<String> assigned = macs.get(key);
        return mac == null && assigned != null && !assigned.isEmpty() ? assigned.get(0) : mac;
    }

    /** A device or VM belongs to its cluster; a VM pinned to a device runs on it. */
    private void relate(DeviceRecord r, Map<String, Object> o) {
        Long cluster = Json.id(o, "cluster");
        if (cluster != null) {
            sink.relationship(new RelationshipRecord(r.sourceId(), RelationshipTypes.MEMBER_OF, RecordMapper.CLUSTER + cluster));
        }
        Long device = r.sourceId().startsWith(RecordMapper.VM) ? Json.id(o, "device") : null;
        if (device != null) {
            sink.relationship(new RelationshipRecord(r.sourceId(), RelationshipTypes.RUNS_ON, RecordMapper.DEVICE + device));
        }
    }

    private void emit(DeviceRecord r) {
        sink.device(r);
        emitted++;
    }

    private static String owner(Map<String, Object> i, String key, String prefix) {
        Long id = Json.id(i, key);
        return id == null ? null : prefix + id;
    }

    /** {@code dcim.interface/<id>} for an object assigned to an interface, else null. */
    private static String assigned(Map<String, Object> o) {
        String type = Json.text(o, "assigned_object_type");
        Long id = Json.whole(o, "assigned_object_id");
        return type == null || id == null ? null : type + "/" + id;
    }

    private static void group(Map<String, List<Map<String, Object>>> by, String key, Map<String, Object> o) {
        if (key != null) {
            by.computeIfAbsent(key, k -> new ArrayList<>()).add(o);
        }
    }
}
