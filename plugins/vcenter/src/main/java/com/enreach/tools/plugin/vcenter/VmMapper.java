package com.enreach.tools.plugin.vcenter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.DeviceTypes;
import com.enreach.tools.api.spi.IdentityKeys;
import com.enreach.tools.api.spi.InterfaceRecord;
import com.enreach.tools.api.spi.IpAddressRecord;
import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.RelationshipRecord;
import com.enreach.tools.api.spi.RelationshipTypes;

/**
 * Maps one VirtualMachine: its virtual NICs from config.hardware.device, joined with what VMware Tools reports in
 * guest.net (by device key) for addresses and any NIC the configuration does not show.
 */
final class VmMapper {
    private static final Map<String, String> NIC_TYPES = Map.of(
            "VirtualVmxnet3", "vmxnet3", "VirtualVmxnet3Vrdma", "vmxnet3_vrdma", "VirtualVmxnet2", "vmxnet2",
            "VirtualVmxnet", "vmxnet", "VirtualE1000", "e1000", "VirtualE1000e", "e1000e",
            "VirtualPCNet32", "pcnet32", "VirtualSriovEthernetCard", "sriov");

    private final InventoryMapper inventory;

    VmMapper(InventoryMapper inventory) {
        this.inventory = inventory;
    }

    /** A virtual NIC being assembled. */
    private static final class Nic {
        final String name;
        final String mac;
        final String type;
        final Boolean connected;
        String network;

        Nic(String name, String mac, String type, Boolean connected, String network) {
            this.name = name;
            this.mac = mac;
            this.type = type;
            this.connected = connected;
            this.network = network;
        }
    }

    void map(VimObject o, RecordSink sink) {
        String instanceUuid = o.text("config.instanceUuid");
        String sourceId = instanceUuid != null ? instanceUuid : o.moref();
        XmlNode hostRef = o.property("runtime.host");
        String hostMoref = hostRef == null ? null : hostRef.text();
        InventoryMapper.HostRef host = inventory.host(hostMoref);
        String tools = o.text("guest.toolsStatus");

        String guestHost = o.text("guest.hostName");
        DeviceRecord d = inventory.located(inventory.link(DeviceRecord.of(sourceId, inventory.name(o), DeviceTypes.VM), o),
                        InventoryMapper.parentMoref(o))
                .put(IdentityKeys.INSTANCE_UUID, instanceUuid)
                // config.uuid is the BIOS (SMBIOS) UUID the guest sees; bios_uuid is kept for readers of earlier versions
                .put(IdentityKeys.SYSTEM_UUID, o.text("config.uuid")).put(IdentityKeys.BIOS_UUID_ALIAS, o.text("config.uuid"))
                .put("power_state", o.text("runtime.powerState")).put("connection_state", o.text("runtime.connectionState"))
                .put("guest_hostname", guestHost)
                .put("vcpu", Numbers.parseInt(o.text("config.hardware.numCPU")))
                .put("memory_mb", Numbers.parseInt(o.text("config.hardware.memoryMB")))
                .put("guest_os", o.text("config.guestFullName"))
                .put("tools_status", tools != null ? tools : o.text("guest.toolsRunningStatus"))
                .put("host", host == null ? null : host.name()).put("cluster", host == null ? null : host.clusterName());
        if (Boolean.TRUE.equals(Numbers.parseBoolean(o.text("config.template")))) {
            d.put("template", true);
        }
        if (guestHost != null) {
            d.hostname(guestHost);
            if (isFqdn(guestHost)) {
                d.put(IdentityKeys.FQDN, guestHost);
            }
        }
        addNics(o, d);
        sink.device(d);

        if (hostMoref != null) {
            sink.relationship(new RelationshipRecord(sourceId, RelationshipTypes.RUNS_ON, hostMoref));
        }
        XmlNode networks = o.property("network");
        if (networks != null) {
            for (XmlNode n : networks.children()) {
                if (!n.text().isEmpty()) {
                    sink.relationship(new RelationshipRecord(sourceId, RelationshipTypes.CONNECTED_TO, n.text()));
                }
            }
        }
        inventory.warnMissing(sourceId, o);
    }

    private void addNics(VimObject o, DeviceRecord d) {
        Map<String, Nic> byKey = new LinkedHashMap<>();
        XmlNode devices = o.property("config.hardware.device");
        if (devices != null) {
            for (XmlNode dev : devices.children()) {
                String type = nicType(dev);
                if (type == null) {
                    continue;
                }
                String label = dev.text("deviceInfo", "label");
                byKey.put(dev.text("key"), new Nic(label != null ? label : "nic" + byKey.size(), dev.text("macAddress"), type,
                        Numbers.parseBoolean(dev.text("connectable", "connected")), backingNetwork(dev.child("backing"))));
            }
        }
        List<Nic> guestOnly = new ArrayList<>();
        List<IpAddressRecord> ips = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        XmlNode guestNet = o.property("guest.net");
        List<XmlNode> guestNics = guestNet == null ? List.of() : guestNet.children();
        for (int i = 0; i < guestNics.size(); i++) {
            XmlNode g = guestNics.get(i);
            Nic nic = byKey.get(g.text("deviceConfigId"));
            if (nic == null) {
                // a NIC the guest sees but the configuration does not list (deviceConfigId -1: vmk, container bridges)
                nic = new Nic("nic" + i, g.text("macAddress"), null, Numbers.parseBoolean(g.text("connected")), g.text("network"));
                guestOnly.add(nic);
            } else if (nic.network == null) {
                nic.network = g.text("network");
            }
            addAddresses(g, nic.name, seen, ips);
        }
        for (Nic n : byKey.values()) {
            d.addInterface(new InterfaceRecord(n.name, n.mac, n.type, n.connected, null, n.network));
        }
        // the first virtual NIC of the configuration (Network adapter 1); a NIC only the guest reports if there is none
        byKey.values().stream().map(n -> n.mac).filter(m -> m != null).findFirst()
                .or(() -> guestOnly.stream().map(n -> n.mac).filter(m -> m != null).findFirst())
                .ifPresent(mac -> d.put(IdentityKeys.PRIMARY_MAC, mac));
        for (Nic n : guestOnly) {
            d.addInterface(new InterfaceRecord(n.name, n.mac, n.type, n.connected, null, n.network));
        }
        ips.forEach(d::addIpAddress);
    }

    /** A dotted DNS name (not an address): Tools report the short name when the guest has no domain. */
    static boolean isFqdn(String name) {
        return name.indexOf('.') > 0 && !name.endsWith(".") && !Numbers.isIpLiteral(name);
    }

    /** ipConfig.ipAddress carries prefixes; older Tools only fill the plain ipAddress list. Link-local is left out. */
    private static void addAddresses(XmlNode guestNic, String nicName, Set<String> seen, List<IpAddressRecord> out) {
        XmlNode ipConfig = guestNic.child("ipConfig");
        List<XmlNode> withPrefix = ipConfig == null ? List.of() : ipConfig.children("ipAddress");
        if (!withPrefix.isEmpty()) {
            for (XmlNode a : withPrefix) {
                String address = a.text("ipAddress");
                String prefix = a.text("prefixLength");
                add(address, address == null || prefix == null ? address : address + "/" + prefix, nicName, seen, out);
            }
            return;
        }
        for (XmlNode a : guestNic.children("ipAddress")) {
            add(a.text(), a.text(), nicName, seen, out);
        }
    }

    private static void add(String address, String withPrefix, String nicName, Set<String> seen, List<IpAddressRecord> out) {
        if (address == null || address.isEmpty() || isLinkLocal(address) || !seen.add(address)) {
            return;
        }
        out.add(new IpAddressRecord(withPrefix, nicName, null));
    }

    private static boolean isLinkLocal(String address) {
        String a = address.toLowerCase(Locale.ROOT);
        return a.startsWith("fe80:") || a.startsWith("169.254.");
    }

    /** vmxnet3, e1000...; null for devices that are not virtual NICs. */
    private static String nicType(XmlNode dev) {
        String xsi = dev.xsiType();
        if (xsi != null && NIC_TYPES.containsKey(xsi)) {
            return NIC_TYPES.get(xsi);
        }
        if (dev.child("macAddress") != null && dev.child("addressType") != null) {
            // a NIC type newer than this list
            return xsi == null ? "virtual" : xsi.replaceFirst("^Virtual", "").toLowerCase(Locale.ROOT);
        }
        return null;
    }

    /** Standard port group: its name; distributed port group: the name of the port group with that key. */
    private String backingNetwork(XmlNode backing) {
        if (backing == null) {
            return null;
        }
        String deviceName = backing.text("deviceName");
        if (deviceName != null) {
            return deviceName;
        }
        String key = backing.text("port", "portgroupKey");
        String name = inventory.networkName(key);
        return name != null ? name : key;
    }
}
