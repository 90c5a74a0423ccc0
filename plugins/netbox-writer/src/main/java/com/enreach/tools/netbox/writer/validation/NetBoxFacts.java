package com.enreach.tools.netbox.writer.validation;

import java.util.List;
import java.util.Map;

/** What rules may ask about NetBox's current state. */
public interface NetBoxFacts {
    /** Nothing in NetBox (validation without reading NetBox). */
    NetBoxFacts NONE = new NetBoxFacts() {
        @Override
        public boolean exists(String ref) {
            return false;
        }

        @Override
        public List<Map<String, Object>> ipAddresses(String host) {
            return List.of();
        }
    };

    /** Whether NetBox already has the supporting object of this ref ({@code dcim.site:slug:ams1}). */
    boolean exists(String ref);

    /** NetBox's IP address objects with this host address (any prefix length). */
    List<Map<String, Object>> ipAddresses(String host);
}
