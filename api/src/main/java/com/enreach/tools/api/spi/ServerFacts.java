package com.enreach.tools.api.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** The facts an engineer looks up about a server. Every field is optional. */
public final class ServerFacts {
    private String osName;
    private String osRelease;
    private String kernel;
    private String cpuModel;
    private Integer cpuCount;
    private Long memoryBytes;
    private Long uptimeSeconds;
    private Boolean virtual;
    private String virtualType;
    private String serialNumber;
    private String manufacturer;
    private String product;
    private final List<Disk> disks = new ArrayList<>();

    /** A disk: {@code sizeBytes} and {@code model} may be null. */
    public record Disk(String name, Long sizeBytes, String model) {
        public Disk {
            Objects.requireNonNull(name, "name is null");
        }
    }

    public ServerFacts os(String name, String release) {
        this.osName = name;
        this.osRelease = release;
        return this;
    }

    public ServerFacts kernel(String value) {
        this.kernel = value;
        return this;
    }

    public ServerFacts cpu(String model, Integer count) {
        this.cpuModel = model;
        this.cpuCount = count;
        return this;
    }

    public ServerFacts memoryBytes(Long value) {
        this.memoryBytes = value;
        return this;
    }

    /** Uptime is volatile by nature: stored and shown, never a reason to count a device as changed. */
    public ServerFacts uptimeSeconds(Long value) {
        this.uptimeSeconds = value;
        return this;
    }

    public ServerFacts virtual(Boolean isVirtual, String type) {
        this.virtual = isVirtual;
        this.virtualType = type;
        return this;
    }

    public ServerFacts hardware(String manufacturerName, String productName, String serial) {
        this.manufacturer = manufacturerName;
        this.product = productName;
        this.serialNumber = serial;
        return this;
    }

    public ServerFacts addDisk(Disk disk) {
        disks.add(Objects.requireNonNull(disk, "disk is null"));
        return this;
    }

    public String osName() { return osName; }
    public String osRelease() { return osRelease; }
    public String kernel() { return kernel; }
    public String cpuModel() { return cpuModel; }
    public Integer cpuCount() { return cpuCount; }
    public Long memoryBytes() { return memoryBytes; }
    public Long uptimeSeconds() { return uptimeSeconds; }
    public Boolean virtual() { return virtual; }
    public String virtualType() { return virtualType; }
    public String serialNumber() { return serialNumber; }
    public String manufacturer() { return manufacturer; }
    public String product() { return product; }
    public List<Disk> disks() { return Collections.unmodifiableList(disks); }
}
