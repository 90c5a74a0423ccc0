package com.enreach.tools.api;

import java.util.List;

/**
 * A device with everything known about it: its relationships, and what every source contributed about the same
 * machine (the other observations of its resolved entity are listed in {@code sameHost}; interfaces, IPs, facts,
 * configs, volumes and backups are gathered over the device and those).
 */
public record DeviceDetail(Device device, List<Relationship> relationships, List<Device> sameHost,
                           List<NetworkInterface> interfaces, List<IpAddress> ipAddresses,
                           List<ServerFactsView> facts, List<ConfigVersion> configs, List<StorageVolume> volumes,
                           List<Backup> backups) {
}
