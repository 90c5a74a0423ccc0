package com.enreach.tools.plugin.demo;

import com.enreach.tools.api.spi.ServerFacts;

/** The facts an agent (Facter) reports for the estate's machines, shared by the views that carry facts. */
final class ServerFactsOf {
    private ServerFactsOf() {
    }

    static ServerFacts server(Estate.Server s, long uptimeSeconds) {
        return new ServerFacts().os(s.osName(), s.osVersion()).kernel(s.kernel())
                .cpu("Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz", s.cpus()).memoryBytes(s.memoryBytes())
                .uptimeSeconds(uptimeSeconds).virtual(false, "physical")
                .hardware(s.vendor(), s.model(), s.serial())
                .addDisk(new ServerFacts.Disk("sda", 480L * 1_000_000_000L, "SSDSC2KG480G8"))
                .addDisk(new ServerFacts.Disk("sdb", 3_840L * 1_000_000_000L, "MZ7LH3T8HMLT"));
    }

    /** A guest's facts: the memory the guest sees, which lags behind a resize in vCenter until it reports again. */
    static ServerFacts guest(Estate.Vm vm, String serial, long uptimeSeconds) {
        return new ServerFacts().os(vm.osName(), vm.osVersion())
                .kernel(vm.osName().startsWith("Windows") ? "10.0.20348" : "6.1.0-" + (10 + vm.index() % 20) + "-amd64")
                .cpu("Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz", vm.vcpu()).memoryBytes((long) vm.guestMemoryMb() << 20)
                .uptimeSeconds(uptimeSeconds).virtual(true, "vmware")
                .hardware("VMware, Inc.", "VMware Virtual Platform", serial)
                .addDisk(new ServerFacts.Disk("sda", 40L << 30, "Virtual disk"));
    }
}
