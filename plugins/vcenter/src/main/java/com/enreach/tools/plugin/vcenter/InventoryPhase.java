package com.enreach.tools.plugin.vcenter;

import java.util.List;

/**
 * The object types read, in the order read: datacenters, folders, compute resources, clusters, networks and hosts
 * first, so that hosts and VMs can name their datacenter, folder, host, cluster and port groups from small lookups
 * while VMs themselves are streamed.
 * Only long-standing property paths are used: an unknown path fails the whole request on a real vCenter.
 */
enum InventoryPhase {
    // the tree above hosts and VMs, for their datacenter and folder; ComputeResource includes clusters (a subtype)
    DATACENTERS("datacenters", "Datacenter", List.of("name", "parent")),
    FOLDERS("folders", "Folder", List.of("name", "parent")),
    COMPUTE_RESOURCES("compute resources", "ComputeResource", List.of("name", "parent")),
    CLUSTERS("clusters", "ClusterComputeResource", List.of("name", "parent")),
    NETWORKS("networks", "Network", List.of("name")),
    HOSTS("hosts", "HostSystem", List.of("name", "parent", "hardware.systemInfo", "summary.hardware", "summary.config.product",
            "runtime.connectionState", "runtime.powerState", "runtime.inMaintenanceMode")),
    VMS("virtual machines", "VirtualMachine", List.of("name", "config.instanceUuid", "config.uuid", "config.template",
            "config.guestFullName", "config.hardware.numCPU", "config.hardware.memoryMB", "config.hardware.device",
            "runtime.powerState", "runtime.connectionState", "runtime.host", "parent", "guest.toolsStatus", "guest.toolsRunningStatus", "guest.hostName",
            "guest.net", "network"));

    final String label;
    final String type;
    final List<String> paths;

    InventoryPhase(String label, String type, List<String> paths) {
        this.label = label;
        this.type = type;
        this.paths = paths;
    }
}
