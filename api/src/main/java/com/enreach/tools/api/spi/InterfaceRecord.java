package com.enreach.tools.api.spi;

import java.util.Objects;

/**
 * A network interface of a device.
 *
 * @param name    interface name as the source shows it ({@code eth0}, {@code Network adapter 1})
 * @param mac     MAC address in any common notation; normalised by the core; may be null
 * @param type    physical, virtual, bond, vlan, loopback... ; may be null
 * @param enabled may be null when unknown
 * @param mtu     may be null when unknown
 * @param network connected network or port group name; may be null
 */
public record InterfaceRecord(String name, String mac, String type, Boolean enabled, Integer mtu, String network) {
    public InterfaceRecord {
        Objects.requireNonNull(name, "name is null");
    }
}
