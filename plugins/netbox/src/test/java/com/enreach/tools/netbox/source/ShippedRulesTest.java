package com.enreach.tools.netbox.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The shipped golden rules rank a NetBox source below every real device source wherever NetBox only mirrors what the
 * writer wrote, and first only for site, rack and role.
 */
class ShippedRulesTest {
    private static final List<String> REAL = List.of("vcenter", "dorado", "ontap", "oxidized", "foreman", "puppetdb", "commvault");
    private static final Set<String> NETBOX_FIRST = Set.of("site", "rack", "role");
    /** NetBox never reports these, so their rules do not matter for it. */
    private static final Set<String> NOT_FROM_NETBOX = Set.of("system_uuid", "power_state");

    @Test
    void netBoxComesAfterEveryRealSourceWhereItMirrorsTheWriter() throws IOException {
        JsonNode attributes = new ObjectMapper().readTree(Path.of("../../config/etc/inventory-rules.json").toFile()).path("attributes");
        List<String> checked = new ArrayList<>();
        attributes.fields().forEachRemaining(e -> {
            String attribute = e.getKey();
            List<Pattern> patterns = new ArrayList<>();
            e.getValue().path("priority").forEach(p -> patterns.add(glob(p.asText())));
            if (NETBOX_FIRST.contains(attribute)) {
                assertEquals(1, rank(patterns, "netbox"), attribute);
            } else if (!NOT_FROM_NETBOX.contains(attribute)) {
                assertEquals(0, rank(patterns, "netbox") + rank(patterns, "demo-netbox"), attribute + " lists NetBox");
                for (String source : REAL) {
                    assertTrue(rank(patterns, source) > 0, attribute + " does not list " + source + ": NetBox could win over it");
                }
                checked.add(attribute);
            }
        });
        assertTrue(checked.containsAll(List.of("name", "serial", "memory_bytes", "disk_bytes", "primary_ip")), checked.toString());
    }

    private static int rank(List<Pattern> patterns, String source) {
        for (int i = 0; i < patterns.size(); i++) {
            if (patterns.get(i).matcher(source).matches()) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The rules' glob: only {@code *} is special, case-insensitive. */
    private static Pattern glob(String pattern) {
        List<String> parts = new ArrayList<>();
        for (String part : pattern.split("\\*", -1)) {
            parts.add(part.isEmpty() ? "" : Pattern.quote(part));
        }
        return Pattern.compile(String.join(".*", parts), Pattern.CASE_INSENSITIVE);
    }
}
