package com.enreach.tools.netbox.writer.testing;

/** A small estate for preview tests: a server (entity 1), a cluster (2) and a VM in it (3). */
public final class Estate {
    private Estate() {
    }

    public static Golden web01() {
        return Golden.entity(1, "server", "web01").attr("site", "AMS1").attr("vendor", "Dell Inc.").attr("model", "R740")
                .attr("serial", "SN1").attr("os", "Ubuntu 22.04").attr("primary_ip", "10.0.0.5").attr("rack", "R1")
                .iface("eth0", "aa:bb:cc:00:11:22").iface("eth1", null).ip("10.0.0.5", 24, "eth0").ip("2001:db8::5", 64, "eth1");
    }

    public static void put(FakeEntities entities) {
        entities.put(web01().build());
        entities.put(Golden.entity(2, "cluster", "prod-cl").build());
        entities.put(Golden.entity(3, "vm", "app01").attr("cluster", "prod-cl").attr("cpu_count", 2)
                .attr("memory_bytes", 4L << 30).attr("disk_bytes", 50L << 30).attr("primary_ip", "10.1.0.7")
                .iface("ens192", "00:50:56:00:00:01").ip("10.1.0.7", 24, "ens192").build());
    }
}
