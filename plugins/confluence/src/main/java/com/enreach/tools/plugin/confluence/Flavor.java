package com.enreach.tools.plugin.confluence;

import java.util.Locale;

/** Which Confluence and therefore which REST dialect and authentication an instance uses. */
enum Flavor {
    /** Confluence Cloud: REST v2 under /wiki/api/v2, e-mail + API token as HTTP Basic. */
    CLOUD("Confluence Cloud"),
    /** Confluence Data Center / Server: REST v1 under /rest/api, personal access token as Bearer. */
    DATACENTER("Confluence Data Center");

    final String label;

    Flavor(String label) {
        this.label = label;
    }

    /** The flavor named in the configuration; null when unknown. */
    static Flavor parse(String value) {
        return switch (value == null ? "cloud" : value.trim().toLowerCase(Locale.ROOT)) {
            case "cloud" -> CLOUD;
            case "datacenter", "data-center", "dc", "server" -> DATACENTER;
            default -> null;
        };
    }
}
