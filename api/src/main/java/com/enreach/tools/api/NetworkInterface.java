package com.enreach.tools.api;

/** A network interface of a device. */
public record NetworkInterface(long id, long deviceId, String name, String mac, String type, Boolean enabled,
                               Integer mtu, String network, String sourceInstance) {
}
