package com.enreach.tools.plugin.jira;

import java.util.Locale;

/** Which Jira REST API an instance speaks. */
enum Flavor {
    /** Jira Cloud: REST v3, {@code /rest/api/3/search/jql} with nextPageToken, bodies in ADF, email + API token. */
    CLOUD("Jira Cloud", "/rest/api/3"),
    /** Jira Data Center / Server: REST v2, {@code /rest/api/2/search} with startAt, wiki-markup bodies, PAT. */
    DATACENTER("Jira Data Center", "/rest/api/2");

    static final String CLOUD_NAME = "cloud";
    static final String DATACENTER_NAME = "datacenter";

    final String label;
    final String api;

    Flavor(String label, String api) {
        this.label = label;
        this.api = api;
    }

    /** The flavor a configuration value names, or null. */
    static Flavor of(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case CLOUD_NAME -> CLOUD;
            case DATACENTER_NAME, "data-center", "server", "dc" -> DATACENTER;
            default -> null;
        };
    }
}
