package com.enreach.tools.core.internal.sync;

import java.util.Map;
import java.util.Set;

import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.core.internal.db.Json;

/** Turns device records into rows of {@link RunLoader#DEVICES}. */
final class DeviceRows {
    /** Types whose name is a host name; others (pools, SVMs, clusters) match across sources only by an explicit host name. */
    static final Set<String> HOST_TYPES = Set.of("server", "vm", "hypervisor", "network_device");

    private DeviceRows() {
    }

    /**
     * A device's row. Its hash covers what the source says about the device except volatile values: the values of
     * its volatile metadata keys (their names do count, so a key that disappears is a change) and the uptime.
     */
    static OwnedTable.Row row(DeviceRecord d) {
        String hostKey = d.hostname() != null ? Normalize.hostKey(d.hostname()) : HOST_TYPES.contains(d.type()) ? Normalize.hostKey(d.name()) : null;
        Set<String> volatileKeys = d.volatileKeys();
        // the hashed text: name, type, host key and the metadata without the volatile values, then the volatile keys
        Json.Fnv hash = new Json.Fnv().add(String.valueOf(d.name())).add('\u0000').add(String.valueOf(d.type())).add('\u0000').add(String.valueOf(hostKey)).add('\u0000');
        String meta;
        try {
            meta = Json.writeHashing(d.metadata(), volatileKeys, hash);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("device " + d.sourceId() + " (" + d.name() + "): metadata " + e.getMessage(), e);
        }
        if (!volatileKeys.isEmpty()) {
            hash.add('\u0000').add(Json.write(new java.util.TreeSet<>(volatileKeys)));
        }
        long h = hash.value();
        String children = DeviceChildren.canonical(d);
        if (children != null) {
            h = h * 31 + Json.hash(children);
        }
        return new OwnedTable.Row(d.sourceId(), h, new Object[] {d.name(), d.type(), hostKey, meta}, volatileKeys);
    }
}
