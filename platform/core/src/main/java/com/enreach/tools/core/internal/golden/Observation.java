package com.enreach.tools.core.internal.golden;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One observation (device row) of an entity with what golden records read of it; filled by {@link ObservationLoader}. */
final class Observation {
    final long entityId;
    final long deviceId;
    final String name;
    final String type;
    final String sourceSystem;
    final String sourceInstance;
    final boolean active;
    final String lastSeen;
    final Map<String, Object> metadata;
    Facts facts;
    final List<Nic> nics = new ArrayList<>();
    final List<Address> addresses = new ArrayList<>();
    /** Golden (or device) name of what this observation runs on / is a member of, from relationships. */
    String runsOn;
    String memberOf;

    Observation(long entityId, long deviceId, String name, String type, String sourceSystem, String sourceInstance,
                boolean active, String lastSeen, Map<String, Object> metadata) {
        this.entityId = entityId;
        this.deviceId = deviceId;
        this.name = name;
        this.type = type;
        this.sourceSystem = sourceSystem;
        this.sourceInstance = sourceInstance;
        this.active = active;
        this.lastSeen = lastSeen;
        this.metadata = metadata;
    }

    /** The server_facts row. */
    record Facts(String osName, String osRelease, Long cpuCount, Long memoryBytes, Long diskBytes, Boolean virtual,
                 String serial, String manufacturer, String product) {
    }

    record Nic(String name, String mac) {
    }

    record Address(String address, int family, String interfaceName) {
    }
}
