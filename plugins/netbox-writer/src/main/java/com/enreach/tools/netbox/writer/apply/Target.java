package com.enreach.tools.netbox.writer.apply;

import java.util.Objects;
import java.util.function.Supplier;

import com.enreach.tools.api.netbox.NetBoxTarget;
import com.enreach.tools.netbox.client.NetBoxClient;

/**
 * One configured NetBox target as the pipeline uses it: its policy and a client (made on first use).
 *
 * @param writeEnabled false: dry run, apply sends nothing
 * @param selfApproval whoever built a change set may approve it
 * @param source       the NetBox source instance reading the same NetBox, or null
 * @param netboxUser   the NetBox user the token belongs to (its changelog entries are the platform's own writes), or
 *                     null: then the user who created the {@code enreach} tag
 */
public record Target(String name, String url, boolean writeEnabled, boolean selfApproval, String source,
                     String netboxUser, Supplier<NetBoxClient> clients) {
    public Target {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(clients, "clients is null");
    }

    public NetBoxClient client() {
        return clients.get();
    }

    public NetBoxTarget describe(String netboxVersion, String state, String message) {
        return new NetBoxTarget(name, url, writeEnabled, selfApproval, source, netboxVersion, state, message);
    }
}
