package com.enreach.tools.api.inventory;

import java.util.List;

/** The golden attribute names. Memory in bytes, disk sizes in bytes, CPU as a count. */
public final class Attributes {
    public static final String NAME = "name";
    public static final String TYPE = "type";
    public static final String SERIAL = "serial";
    public static final String SYSTEM_UUID = "system_uuid";
    public static final String FQDN = "fqdn";
    public static final String VENDOR = "vendor";
    public static final String MODEL = "model";
    public static final String OS = "os";
    public static final String CPU_COUNT = "cpu_count";
    public static final String MEMORY_BYTES = "memory_bytes";
    public static final String DISK_BYTES = "disk_bytes";
    public static final String SITE = "site";
    public static final String RACK = "rack";
    public static final String ROLE = "role";
    public static final String CLUSTER = "cluster";
    public static final String HOST = "host";
    public static final String PRIMARY_IP = "primary_ip";
    public static final String PRIMARY_MAC = "primary_mac";
    public static final String POWER_STATE = "power_state";

    /** Every attribute, in display order. */
    public static final List<String> ALL = List.of(NAME, TYPE, SERIAL, SYSTEM_UUID, FQDN, VENDOR, MODEL, OS, CPU_COUNT,
            MEMORY_BYTES, DISK_BYTES, SITE, RACK, ROLE, CLUSTER, HOST, PRIMARY_IP, PRIMARY_MAC, POWER_STATE);

    private Attributes() {
    }
}
