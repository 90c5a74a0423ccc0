package com.enreach.tools.api.spi;

import java.util.Objects;

/**
 * An IP address of a device.
 *
 * @param address       IPv4 or IPv6 literal, optionally with {@code /prefix}; validated and normalised by the core
 * @param interfaceName the interface it is assigned to, or null
 * @param dnsName       DNS name, or null
 */
public record IpAddressRecord(String address, String interfaceName, String dnsName) {
    public IpAddressRecord {
        Objects.requireNonNull(address, "address is null");
    }
}
