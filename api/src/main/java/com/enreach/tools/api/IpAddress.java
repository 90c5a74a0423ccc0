package com.enreach.tools.api;

/** An IP address with its prefix length, normalised. */
public record IpAddress(long id, long deviceId, String address, Integer prefixLength, int family,
                        String interfaceName, String dnsName, String sourceInstance) {
}
