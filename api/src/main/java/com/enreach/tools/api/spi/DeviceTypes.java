package com.enreach.tools.api.spi;

/** Common device types. Plugins may introduce others (lower-case words). */
public final class DeviceTypes {
    public static final String SERVER = "server";
    public static final String VM = "vm";
    public static final String HYPERVISOR = "hypervisor";
    public static final String CLUSTER = "cluster";
    public static final String NETWORK = "network";
    public static final String NETWORK_DEVICE = "network_device";
    public static final String STORAGE = "storage";
    public static final String STORAGE_CONTROLLER = "storage_controller";
    public static final String STORAGE_POOL = "storage_pool";

    private DeviceTypes() {
    }
}
