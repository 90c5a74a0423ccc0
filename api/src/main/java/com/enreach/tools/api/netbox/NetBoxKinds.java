package com.enreach.tools.api.netbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The NetBox object kinds the pipeline reads and writes, named as NetBox names them in its changelog
 * ({@code changed_object_type}), with their REST endpoints. {@link #APPLY_ORDER} is the dependency order in which
 * creates and updates are applied (deletes go in reverse).
 */
public final class NetBoxKinds {
    public static final String TAG = "extras.tag";
    public static final String CUSTOM_FIELD = "extras.customfield";
    public static final String MANUFACTURER = "dcim.manufacturer";
    public static final String DEVICE_TYPE = "dcim.devicetype";
    public static final String SITE = "dcim.site";
    public static final String DEVICE_ROLE = "dcim.devicerole";
    public static final String PLATFORM = "dcim.platform";
    public static final String CLUSTER_TYPE = "virtualization.clustertype";
    public static final String CLUSTER_GROUP = "virtualization.clustergroup";
    public static final String CLUSTER = "virtualization.cluster";
    public static final String DEVICE = "dcim.device";
    public static final String VIRTUAL_MACHINE = "virtualization.virtualmachine";
    public static final String INTERFACE = "dcim.interface";
    public static final String VM_INTERFACE = "virtualization.vminterface";
    public static final String MAC_ADDRESS = "dcim.macaddress";
    public static final String IP_ADDRESS = "ipam.ipaddress";

    /**
     * Creates and updates in this order; the primary IPs of devices and VMs are set by a second update of the device
     * or VM after the IPs exist (an item of kind {@link #DEVICE}/{@link #VIRTUAL_MACHINE} later in the change set).
     */
    public static final List<String> APPLY_ORDER = List.of(TAG, CUSTOM_FIELD, MANUFACTURER, DEVICE_TYPE, SITE,
            DEVICE_ROLE, PLATFORM, CLUSTER_TYPE, CLUSTER_GROUP, CLUSTER, DEVICE, VIRTUAL_MACHINE, INTERFACE,
            VM_INTERFACE, MAC_ADDRESS, IP_ADDRESS);

    private static final Map<String, String> ENDPOINTS = new LinkedHashMap<>();

    static {
        ENDPOINTS.put(TAG, "extras/tags");
        ENDPOINTS.put(CUSTOM_FIELD, "extras/custom-fields");
        ENDPOINTS.put(MANUFACTURER, "dcim/manufacturers");
        ENDPOINTS.put(DEVICE_TYPE, "dcim/device-types");
        ENDPOINTS.put(SITE, "dcim/sites");
        ENDPOINTS.put(DEVICE_ROLE, "dcim/device-roles");
        ENDPOINTS.put(PLATFORM, "dcim/platforms");
        ENDPOINTS.put(CLUSTER_TYPE, "virtualization/cluster-types");
        ENDPOINTS.put(CLUSTER_GROUP, "virtualization/cluster-groups");
        ENDPOINTS.put(CLUSTER, "virtualization/clusters");
        ENDPOINTS.put(DEVICE, "dcim/devices");
        ENDPOINTS.put(VIRTUAL_MACHINE, "virtualization/virtual-machines");
        ENDPOINTS.put(INTERFACE, "dcim/interfaces");
        ENDPOINTS.put(VM_INTERFACE, "virtualization/interfaces");
        ENDPOINTS.put(MAC_ADDRESS, "dcim/mac-addresses");
        ENDPOINTS.put(IP_ADDRESS, "ipam/ip-addresses");
    }

    private NetBoxKinds() {
    }

    /**
     * The REST endpoint below {@code /api/} (no slashes around), e.g. {@code dcim/devices} for {@link #DEVICE}.
     *
     * @throws IllegalArgumentException for a kind that is not one of these
     */
    public static String endpoint(String kind) {
        String e = ENDPOINTS.get(kind);
        if (e == null) {
            throw new IllegalArgumentException("unknown NetBox object kind '" + kind + "', expected one of " + ENDPOINTS.keySet());
        }
        return e;
    }

    /** Position in {@link #APPLY_ORDER}, or -1. */
    public static int order(String kind) {
        return APPLY_ORDER.indexOf(kind);
    }
}
