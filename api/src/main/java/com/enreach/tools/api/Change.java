package com.enreach.tools.api;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the change feed: what a sync run did to one stored object.
 *
 * @param position  the entry's place in the feed; strictly increasing in commit order, never reused
 * @param runId     the sync run that made the change
 * @param instance  the source instance of that run
 * @param kind      what changed: an {@link com.enreach.tools.api.spi.EntityKinds} value ({@code device}, {@code interface},
 *                  {@code ip_address}, {@code server_facts}, {@code device_config}, {@code storage_volume}, {@code backup})
 * @param action    {@link #CREATED}, {@link #UPDATED}, {@link #STALE}, {@link #REACTIVATED} or {@link #DELETED}
 * @param entityId  the changed row's id (the device id for {@code server_facts}); null when not known
 * @param deviceId  the device the object belongs to (for devices: itself); null for objects without one
 * @param sourceId  the object's id in its source, for devices, volumes and backups
 * @param name      a readable name: the device name, interface name, IP address, config version...
 * @param fields    for {@code updated} and {@code reactivated}: the fields that changed ({@code metadata.<key>} for
 *                  metadata entries; {@code interfaces}, {@code ip_addresses}, {@code server_facts} on a device whose
 *                  children changed); empty otherwise
 * @param changedAt when the change was committed
 * @since 1.1
 */
public record Change(long position, long runId, String instance, String kind, String action, Long entityId, Long deviceId,
                     String sourceId, String name, List<String> fields, Instant changedAt) {
    /** A new object; a new device's interfaces, addresses and facts come with it and are not listed separately. */
    public static final String CREATED = "created";
    /** An existing object whose stored values changed (volatile values such as uptime never make an update). */
    public static final String UPDATED = "updated";
    /** A complete run of its source no longer saw the object. */
    public static final String STALE = "stale";
    /** A stale object that its source reports again. */
    public static final String REACTIVATED = "reactivated";
    /** A device's interface, address or facts that its source no longer reports (children are really removed). */
    public static final String DELETED = "deleted";

    public Change {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
