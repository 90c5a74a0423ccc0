package com.enreach.tools.api.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A device as a source sees it. Metadata values must be JSON-friendly: strings, numbers, booleans, lists and maps
 * of those. Interfaces, IP addresses and facts emitted with a device replace what this instance said about the
 * device last time.
 */
public final class DeviceRecord {
    private final String sourceId;
    private final String name;
    private final String type;
    private final Map<String, Object> metadata = new LinkedHashMap<>();
    private final Set<String> volatileKeys = new LinkedHashSet<>();
    private final List<InterfaceRecord> interfaces = new ArrayList<>();
    private final List<IpAddressRecord> ipAddresses = new ArrayList<>();
    private ServerFacts facts;
    private String hostname;

    private DeviceRecord(String sourceId, String name, String type) {
        this.sourceId = Objects.requireNonNull(sourceId, "sourceId is null");
        this.name = Objects.requireNonNull(name, "name is null");
        this.type = Objects.requireNonNull(type, "type is null");
    }

    /**
     * @param sourceId the id the object has in its source system; stable across runs
     * @param name     display name
     * @param type     {@link DeviceTypes} constant or a new type a plugin introduces (lower case)
     */
    public static DeviceRecord of(String sourceId, String name, String type) {
        return new DeviceRecord(sourceId, name, type);
    }

    /** Adds a metadata entry; {@code null} values are left out. */
    public DeviceRecord put(String key, Object value) {
        if (value != null) {
            metadata.put(key, value);
        }
        return this;
    }

    /**
     * Adds a volatile metadata entry: stored and shown like any other, but left out of change detection, so a
     * record that differs from the last run only in volatile values counts as unchanged (and is not rewritten).
     * Use it for values that move on every read without the object changing: fact timestamps, uptime,
     * "last seen by the source" times, counters. {@code null} values are left out.
     *
     * @since 1.1
     */
    public DeviceRecord putVolatile(String key, Object value) {
        if (value != null) {
            metadata.put(key, value);
            volatileKeys.add(key);
        }
        return this;
    }

    public DeviceRecord addInterface(InterfaceRecord iface) {
        interfaces.add(Objects.requireNonNull(iface, "iface is null"));
        return this;
    }

    public DeviceRecord addIpAddress(IpAddressRecord ip) {
        ipAddresses.add(Objects.requireNonNull(ip, "ip is null"));
        return this;
    }

    public DeviceRecord facts(ServerFacts serverFacts) {
        this.facts = serverFacts;
        return this;
    }

    /** The host name (FQDN or short) used to match this device with the same machine seen by other sources. */
    public DeviceRecord hostname(String value) {
        this.hostname = value;
        return this;
    }

    public String sourceId() {
        return sourceId;
    }

    public String name() {
        return name;
    }

    public String type() {
        return type;
    }

    public Map<String, Object> metadata() {
        return Collections.unmodifiableMap(metadata);
    }

    /**
     * The metadata keys declared volatile with {@link #putVolatile}.
     *
     * @since 1.1
     */
    public Set<String> volatileKeys() {
        return Collections.unmodifiableSet(volatileKeys);
    }

    public List<InterfaceRecord> interfaces() {
        return Collections.unmodifiableList(interfaces);
    }

    public List<IpAddressRecord> ipAddresses() {
        return Collections.unmodifiableList(ipAddresses);
    }

    public ServerFacts facts() {
        return facts;
    }

    /** The explicit host name, or {@code null} to match by {@link #name()}. */
    public String hostname() {
        return hostname;
    }
}
