package com.enreach.tools.core.internal.identity;

import java.util.Set;

import com.enreach.tools.api.spi.DeviceTypes;

/** Which device types can describe the same real thing. */
final class Types {
    /**
     * A VM's guest is a "server" to PuppetDB and Foreman; a hypervisor is a physical server to Foreman. Everything
     * else (network devices, storage, pools, clusters, plugin types) only matches its own type.
     */
    private static final Set<Set<String>> SAME_THING = Set.of(Set.of(DeviceTypes.VM, DeviceTypes.SERVER),
            Set.of(DeviceTypes.HYPERVISOR, DeviceTypes.SERVER));

    private Types() {
    }

    static boolean compatible(String a, String b) {
        return a.equals(b) || SAME_THING.contains(Set.of(a, b));
    }
}
