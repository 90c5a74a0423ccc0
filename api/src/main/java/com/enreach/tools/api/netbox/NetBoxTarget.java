package com.enreach.tools.api.netbox;

/**
 * One configured NetBox to write to ({@code etc/enreach.netbox.target-<name>.cfg}).
 *
 * @param url                  base URL (the API is below {@code <url>/api/})
 * @param writeEnabled         false (the default): dry run, apply sends nothing
 * @param selfApproval         true when whoever built a change set may also approve it (default false)
 * @param source               the NetBox source instance that reads the same NetBox into the master database, or null
 * @param netboxVersion        as NetBox last answered on {@code /api/status/}, null when not reached yet
 * @param state                {@code ok}, or {@code error} with {@code message}
 */
public record NetBoxTarget(String name, String url, boolean writeEnabled, boolean selfApproval, String source,
                           String netboxVersion, String state, String message) {
}
