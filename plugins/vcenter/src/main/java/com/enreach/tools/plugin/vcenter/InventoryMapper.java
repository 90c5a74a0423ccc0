package com.enreach.tools.plugin.vcenter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.DeviceTypes;
import com.enreach.tools.api.spi.IdentityKeys;
import com.enreach.tools.api.spi.IpAddressRecord;
import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.RelationshipRecord;
import com.enreach.tools.api.spi.RelationshipTypes;
import com.enreach.tools.api.spi.ServerFacts;

/**
 * Maps vim25 objects to master records as they arrive. Clusters, networks and hosts are remembered by moref (a few
 * thousand small entries at most) so VMs, which are never kept, can name their host, cluster and port groups.
 * Source ids: managed object references for clusters, networks and hosts; the instance UUID for VMs (moref if none).
 */
final class InventoryMapper {
    /** Serial number sources in otherIdentifyingInfo, best first (Dell puts the serial in the service tag). */
    private static final List<String> SERIAL_KEYS = List.of("SerialNumberTag", "EnclosureSerialNumberTag", "ServiceTag");

    private final RecordSink sink;
    private final String vcenterUuid;
    private final Folders folders;
    private final Map<String, String> clusterNames = new HashMap<>();
    private final Map<String, String> networkNames = new HashMap<>();
    private final Map<String, HostRef> hosts = new HashMap<>();
    private final VmMapper vms = new VmMapper(this);

    /** What a VM needs to know about its host. */
    record HostRef(String name, String clusterName) {
    }

    /**
     * @param vcenterUuid the vCenter's {@code about.instanceUuid} (null for ESXi)
     * @param rootFolder  the root folder's moref
     */
    InventoryMapper(RecordSink sink, String vcenterUuid, String rootFolder) {
        this.sink = sink;
        this.vcenterUuid = vcenterUuid;
        this.folders = new Folders(rootFolder);
    }

    void accept(InventoryPhase phase, VimObject o) {
        switch (phase) {
            case DATACENTERS, FOLDERS, COMPUTE_RESOURCES -> folders.add(o.type(), o.moref(), name(o), parentMoref(o));
            case CLUSTERS -> cluster(o);
            case NETWORKS -> network(o);
            case HOSTS -> host(o);
            case VMS -> vms.map(o, sink);
        }
    }

    HostRef host(String moref) {
        return moref == null ? null : hosts.get(moref);
    }

    /** A port group's name by its key (a DV port group's key is its moref), or null. */
    String networkName(String moref) {
        return moref == null ? null : networkNames.get(moref);
    }

    private void cluster(VimObject o) {
        String name = name(o);
        clusterNames.put(o.moref(), name);
        folders.add(o.type(), o.moref(), name, parentMoref(o));
        sink.device(located(link(DeviceRecord.of(o.moref(), name, DeviceTypes.CLUSTER), o), o.moref()));
        warnMissing(o.moref(), o);
    }

    private void network(VimObject o) {
        String name = name(o);
        networkNames.put(o.moref(), name);
        String kind = switch (o.type()) {
            case "DistributedVirtualPortgroup" -> "distributed_portgroup";
            case "OpaqueNetwork" -> "opaque";
            default -> "standard";
        };
        sink.device(link(DeviceRecord.of(o.moref(), name, DeviceTypes.NETWORK), o).put("network_type", kind));
        warnMissing(o.moref(), o);
    }

    private void host(VimObject o) {
        String name = name(o);
        XmlNode parent = o.property("parent");
        String clusterMoref = parent != null && "ClusterComputeResource".equals(parent.typeAttribute()) ? parent.text() : null;
        String clusterName = clusterMoref == null ? null : clusterNames.get(clusterMoref);
        hosts.put(o.moref(), new HostRef(name, clusterName));

        XmlNode system = o.property("hardware.systemInfo");
        XmlNode hw = o.property("summary.hardware");
        XmlNode product = o.property("summary.config.product");
        String vendor = first(system, hw, "vendor");
        String model = first(system, hw, "model");
        String serial = serial(system);
        Long memoryBytes = Numbers.parseLong(hw == null ? null : hw.text("memorySize"));
        Integer cores = Numbers.parseInt(hw == null ? null : hw.text("numCpuCores"));
        String cpuModel = hw == null ? null : hw.text("cpuModel");

        DeviceRecord d = located(link(DeviceRecord.of(o.moref(), name, DeviceTypes.HYPERVISOR), o), parentMoref(o))
                .put("vendor", vendor).put("model", model).put(IdentityKeys.SERIAL, serial)
                .put(IdentityKeys.SYSTEM_UUID, first(system, hw, "uuid")).put("uuid", first(system, hw, "uuid")).put("cpu_model", cpuModel).put("cpu_cores", cores)
                .put("cpu_threads", Numbers.parseInt(hw == null ? null : hw.text("numCpuThreads")))
                .put("memory_mb", memoryBytes == null ? null : memoryBytes / (1024 * 1024))
                .put("product", product == null ? null : product.text("fullName"))
                .put("connection_state", o.text("runtime.connectionState")).put("power_state", o.text("runtime.powerState"))
                .put("maintenance_mode", Numbers.parseBoolean(o.text("runtime.inMaintenanceMode")))
                .put("cluster", clusterName);
        if (Numbers.isIpLiteral(name)) {
            d.addIpAddress(new IpAddressRecord(name, null, null));
        } else {
            d.hostname(name);
            if (VmMapper.isFqdn(name)) {
                d.put(IdentityKeys.FQDN, name);
            }
        }
        d.facts(new ServerFacts().cpu(cpuModel, cores).memoryBytes(memoryBytes).hardware(vendor, model, serial)
                .os(product == null ? null : product.text("name"), product == null ? null : product.text("version")));
        sink.device(d);
        if (clusterMoref != null) {
            sink.relationship(new RelationshipRecord(o.moref(), RelationshipTypes.MEMBER_OF, clusterMoref));
        }
        warnMissing(o.moref(), o);
    }

    private static String first(XmlNode a, XmlNode b, String child) {
        String v = a == null ? null : a.text(child);
        return v != null || b == null ? v : b.text(child);
    }

    /** hardware.systemInfo.serialNumber (vSphere 6.7+), else the best tag of otherIdentifyingInfo. */
    private static String serial(XmlNode system) {
        if (system == null) {
            return null;
        }
        String serial = system.text("serialNumber");
        if (serial != null) {
            return serial;
        }
        for (String key : SERIAL_KEYS) {
            for (XmlNode info : system.children("otherIdentifyingInfo")) {
                String value = info.text("identifierValue");
                if (key.equals(info.text("identifierType", "key")) && value != null) {
                    return value;
                }
            }
        }
        return null;
    }

    /**
     * The vCenter-side link of an object, for the UI: its moref, the vCenter's instance UUID, and both as the
     * {@code urn:vmomi:<type>:<moref>:<uuid>} id that vSphere Client links use.
     */
    DeviceRecord link(DeviceRecord d, VimObject o) {
        d.put("moref", o.moref()).put("vcenter_uuid", vcenterUuid);
        if (vcenterUuid != null) {
            d.put("vcenter_urn", "urn:vmomi:" + o.type() + ":" + o.moref() + ":" + vcenterUuid);
        }
        return d;
    }

    /** Datacenter and folder of an object whose parent is {@code parent}. */
    DeviceRecord located(DeviceRecord d, String parent) {
        return d.put("datacenter", folders.datacenter(parent)).put("folder", folders.folderPath(parent));
    }

    static String parentMoref(VimObject o) {
        XmlNode parent = o.property("parent");
        return parent == null || parent.text().isEmpty() ? null : parent.text();
    }

    String name(VimObject o) {
        String name = o.text("name");
        return name == null ? o.moref() : name;
    }

    void warnMissing(String sourceId, VimObject o) {
        if (!o.missing().isEmpty()) {
            sink.warn(sourceId, "vCenter did not return " + String.join(", ", o.missing()) + " for " + o.type() + " " + o.moref());
        }
    }
}
