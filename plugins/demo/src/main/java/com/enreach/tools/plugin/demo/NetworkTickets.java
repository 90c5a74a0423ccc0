package com.enreach.tools.plugin.demo;

import java.util.List;

import com.enreach.tools.plugin.demo.TicketTemplate.Draft;
import com.enreach.tools.plugin.demo.TicketTemplate.Draw;

/** Tickets about the network: port flaps, Oxidized backups, firmware, duplicated addresses, DNS and NTP. */
final class NetworkTickets {
    private NetworkTickets() {
    }

    static List<TicketTemplate> all() {
        return List.of(
                TicketTemplate.of("NET", "Incident", 6, NetworkTickets::portFlap).runbook(RunbookPages.PORT_FLAP),
                TicketTemplate.of("NET", "Incident", 4, NetworkTickets::oxidizedFailure).runbook(RunbookPages.OXIDIZED),
                TicketTemplate.of("NET", "Change", 3, NetworkTickets::firmwareUpgrade),
                TicketTemplate.withVms("NET", "Incident", 3, NetworkTickets::duplicateIp).runbook(RunbookPages.DUPLICATE_IP),
                TicketTemplate.withVms("OPS", "Incident", 4, NetworkTickets::dns),
                TicketTemplate.of("OPS", "Incident", 4, NetworkTickets::ntpDrift).runbook(RunbookPages.NTP));
    }

    static Draft portFlap(Draw d) {
        Estate.Server esx = d.s.esx(d.r);
        Estate.Switch sw = d.s.switchOf(esx);
        String port = d.s.portOf(esx);
        int flaps = d.between(12, 240);
        String description = """
                %s (%s, %s) logs link up/down on %s, %d times in the last hour:
                  %%ETHPORT-5-IF_DOWN_LINK_FAILURE: Interface %s is down (Link failure)
                  %%ETHPORT-5-IF_UP: Interface %s is up in mode access
                Connected: %s vmnic1 (%s). vCenter shows "Network uplink redundancy lost" on %s.
                """.formatted(sw.name(), sw.model(), sw.mgmtIp(), port, flaps, port, port, esx.name(), esx.fqdn(), esx.name());
        String[][] causes = {
            {"a damaged DAC cable", "Replaced the DAC cable"},
            {"a faulty SFP28 transceiver (rx power -14.2 dBm)", "Replaced the SFP28 transceiver"},
            {"the NIC firmware of " + esx.name() + " (known issue with auto-negotiation at 25G)",
                "Updated the NIC firmware of " + esx.name() + " in a maintenance window and fixed the speed to 25G on both ends of"},
            {"a loose cable after rack work in " + esx.rack(), "Reseated the cable"}};
        String[] c = causes[d.r.nextInt(causes.length)];
        String cause = c[0];
        String diagnosis = """
                show interface %s: %d CRC errors, %d input errors since the last clear; show interface %s transceiver details: rx power at the low
                warning threshold. On the host: esxcli network nic stats get -n vmnic1 shows receive errors.
                """.formatted(port, d.between(300, 90000), d.between(300, 90000), port);
        String fix = c[1] + " on " + sw.name() + " " + port + " / " + esx.name() + " vmnic1 (remote hands, rack " + esx.rack()
                + "). Cleared counters: clear counters interface " + port + ".";
        return new Draft("Port " + port + " flapping on " + sw.name() + " (" + esx.name() + " vmnic1)", d.priority(0, 5, 4, 1),
                description, List.of(diagnosis, fix, "No flaps and no CRC errors for 48 h. Cause: " + cause + "."), "Fixed",
                List.of("port-flap", "crc", "cabling", sw.site()), List.of("Network"));
    }

    static Draft oxidizedFailure(Draw d) {
        Estate.Switch sw = d.s.unreachableSwitch(d.r);
        Subjects.Node ox = d.s.oxidized();
        String description = """
                Oxidized on %s has no configuration backup of %s (%s): last status no_connection, every run since it was added.
                  W, [2024-03-11T02:00:14] WARN -- : /%s status no_connection, retry attempt 3
                The inventory report "network devices without an Oxidized config" lists it.
                """.formatted(ox.fqdn(), sw.name(), sw.mgmtIp(), sw.name());
        String[][] causes = {
            {"the oxidized user is not in the switch's local AAA fallback and TACACS+ rejects it",
                "Added the oxidized role to TACACS+ for the device group of " + sw.site() + " and retried: config fetched."},
            {"SSH on " + sw.name() + " only offers ssh-rsa host keys, which the Oxidized SSH library no longer accepts",
                "Generated an ecdsa host key on " + sw.name() + " (ssh key ecdsa 521 force) and reloaded Oxidized's node list."},
            {"an ACL on the management VRF only allows the old Oxidized address",
                "Updated the management ACL (permit " + ox.ip() + ") on " + sw.name() + "; next run succeeded."},
            {"the device is in the router.db with the wrong model (ios instead of nxos)",
                "Corrected the model in the source and triggered a run: curl -s http://localhost:8888/node/next/" + sw.name()}};
        String[] c = causes[d.r.nextInt(causes.length)];
        String cause = c[0];
        String fix = c[1];
        return new Draft("Oxidized cannot back up " + sw.name() + " (no_connection)", d.priority(0, 1, 4, 5), description,
                List.of("Reproduced from " + ox.name() + ": ssh oxidized@" + sw.mgmtIp() + " fails. Cause: " + cause + ".", fix,
                        "Backups of " + sw.name() + " succeed again."),
                d.chance(80) ? "Fixed" : "Won't Fix", List.of("oxidized", "config-backup", sw.site()), List.of("Network"));
    }

    static Draft firmwareUpgrade(Draw d) {
        Estate.Switch sw = d.s.sw(d.r);
        boolean cisco = sw.model().startsWith("Cisco");
        String target = cisco ? "NX-OS 10.3(4a)" : sw.model().startsWith("Arista") ? "EOS 4.31.2F" : "Junos 23.2R1";
        String description = """
                Upgrade %s (%s, %s) from firmware %s to %s: fixes a memory leak in the LLDP process.
                Plan:
                1. save the configuration and check that Oxidized has a current backup
                2. install the image (%s)
                3. reload; the servers are dual-homed, so traffic moves to the peer switch
                4. verify LLDP neighbours, port-channels and VLANs
                """.formatted(sw.name(), sw.model(), sw.mgmtIp(), sw.firmware(), target,
                cisco ? "install all nxos bootflash:nxos64-cs.10.3.4a.M.bin" : "copy and boot the new image");
        return new Draft("Upgrade " + sw.name() + " to " + target, d.priority(0, 2, 7, 1), description,
                List.of("CAB approved, window Thursday 22:00.", "Upgrade done; reload took " + d.between(4, 11) + " minutes. All port-channels up.",
                        "Running " + target + ". Oxidized stored the new configuration version."),
                "Done", List.of("firmware", "change", sw.site()), List.of("Network"));
    }

    static Draft duplicateIp(Draw d) {
        Estate.Vm vm = d.s.duplicateIpVm(d.r);
        Estate.Vm other = vm.index() > 0 ? d.s.e.vm(vm.index() - 1) : vm;
        String description = """
                Intermittent connection resets to %s: the address is answered by two MACs.
                  arping -I ens192 %s -> replies from %s and %s
                %s (%s) and %s (%s) both claim %s. The inventory report "IP addresses claimed by two entities" shows the pair.
                """.formatted(other.ip(), vm.ip(), other.mac(), vm.mac(), other.shortName(), other.fqdn(), vm.shortName(), vm.fqdn(), vm.ip());
        return new Draft("Duplicate IP " + vm.ip() + ": " + vm.shortName() + " and " + other.shortName(), d.priority(1, 5, 3, 0), description,
                List.of(vm.shortName() + " is a clone of " + other.shortName() + " brought up for a test, with the address from its cloned netplan.",
                        "Gave " + vm.shortName() + " a new address from IPAM and fixed its netplan; ARP caches cleared on the gateway.",
                        "Only one MAC answers for " + vm.ip() + " now."),
                "Fixed", List.of("ip-conflict", "arp", "clone"), List.of("Network", "VMware"));
    }

    static Draft dns(Draw d) {
        Estate.Vm vm = d.s.vm(d.r);
        String kind = d.oneOf("ptr", "servfail", "stale");
        String summary;
        String description;
        String fix;
        switch (kind) {
            case "ptr" -> {
                summary = "Missing reverse DNS for " + vm.ip() + " (" + vm.shortName() + ")";
                description = "SSH logins to " + vm.fqdn() + " take 10 s and the mail relay rejects it: no PTR record.\n  dig -x " + vm.ip()
                        + " +short  -> (empty)\n";
                fix = "Added the PTR record " + vm.ip() + " -> " + vm.fqdn() + ". in the reverse zone; IPAM sync job fixed to create PTRs for new VMs.";
            }
            case "servfail" -> {
                summary = "SERVFAIL resolving " + vm.fqdn();
                description = "Clients get SERVFAIL for " + vm.fqdn() + " (" + vm.ip() + ") from one of the two resolvers.\n"
                        + "  dig @10.0.0.53 " + vm.fqdn() + " -> SERVFAIL\n  dig @10.0.0.54 " + vm.fqdn() + " -> NOERROR\n";
                fix = "The secondary's zone transfer had failed since the TSIG key rotation; updated the key on 10.0.0.53 and forced a retransfer (rndc retransfer "
                        + Estate.DOMAIN + ").";
            }
            default -> {
                summary = "Stale A record for " + vm.shortName() + " after migration";
                description = vm.fqdn() + " still resolves to an old address after its move to " + vm.site().toUpperCase(java.util.Locale.ROOT)
                        + "; the new address is " + vm.ip() + ".\n";
                fix = "Updated the A record to " + vm.ip() + " and lowered the TTL to 300 for the remaining migrations.";
            }
        }
        return new Draft(summary, d.priority(0, 2, 6, 2), description,
                List.of("Confirmed from two clients and from the resolvers directly.", fix, "Resolution is consistent on both resolvers."),
                "Fixed", List.of("dns", kind), List.of("DNS"));
    }

    static Draft ntpDrift(Draw d) {
        Estate.Server esx = d.s.esx(d.r);
        double drift = d.between(21, 480) / 10.0;
        String description = """
                Clock of %s (%s) is %.1f s off. Symptoms: Kerberos authentication of the vCenter SSO fails for this host, and
                log timestamps do not line up.
                  esxcli system ntp get -> Enabled: true, Servers: 10.0.0.1
                  ntpq -p -> 10.0.0.1 .INIT. 16 u - 1024 0 0.000 0.000 0.000
                """.formatted(esx.name(), esx.fqdn(), drift);
        String cause = d.oneOf("the firewall rule for UDP 123 from the ESXi management network was removed in a cleanup",
                "the host had NTP pointing at a decommissioned server after its rebuild", "ntpd was stopped after a host profile remediation");
        return new Draft("NTP drift of " + drift + " s on " + esx.name(), d.priority(0, 3, 6, 1), description,
                List.of("Cause: " + cause + ".", """
                        Fixed and resynchronised:
                          esxcli system ntp set --server=10.0.0.1 --server=10.0.0.2 --enabled=true
                          esxcli system ntp test
                        Offset now below 5 ms.""", "Added NTP offset to the host checks in monitoring."),
                "Fixed", List.of("ntp", "time", esx.site()), List.of("VMware", "Network"));
    }
}
