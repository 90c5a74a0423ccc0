package com.enreach.tools.netbox.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The shipped golden rules name NetBox only where people keep the truth there (site, rack, role): everywhere else
 * the core ranks a NetBox source after every other source because it mirrors what the writer wrote.
 */
class ShippedRulesTest {
    private static final Set<String> NETBOX_FIRST = Set.of("site", "rack", "role");

    @Test
    void netBoxIsNamedFirstForPlacementAndRoleAndNowhereElse() throws IOException {
        JsonNode attributes = new ObjectMapper().readTree(Path.of("../../config/etc/inventory-rules.json").toFile()).path("attributes");
        List<String> checked = new ArrayList<>();
        attributes.fields().forEachRemaining(e -> {
            List<String> priority = new ArrayList<>();
            e.getValue().path("priority").forEach(p -> priority.add(p.asText().toLowerCase()));
            boolean named = priority.stream().anyMatch(p -> p.contains("netbox"));
            if (NETBOX_FIRST.contains(e.getKey())) {
                assertEquals("*netbox*", priority.get(0), e.getKey());
            } else {
                assertTrue(!named, e.getKey() + " names NetBox: its mirror value could win over a real source");
            }
            checked.add(e.getKey());
        });
        assertTrue(checked.containsAll(List.of("name", "serial", "memory_bytes", "site", "role")), checked.toString());
    }
}
