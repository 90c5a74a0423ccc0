package com.enreach.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Text from sources and other users (device names, metadata, token names, error messages) never reaches the
 * operator's terminal as control characters: no escape sequences, no NUL, no bidi overrides. People see them escaped;
 * --json keeps the real characters, escaped the JSON way.
 */
class TerminalSafetyTest extends FakeApiTest {
    /** An OSC sequence that retitles the terminal, a bell and a NUL. */
    static final String EVIL = "evil\u001b]0;pwned\u0007\u0000x";
    static final String EVIL_SHOWN = "evil\\x1b]0;pwned\\x07\\x00x";
    static final String RED = "ci\u001b[31m-bot";
    static final String RED_SHOWN = "ci\\x1b[31m-bot";
    private static final ObjectMapper PLAIN = new ObjectMapper();

    @Test
    void devicesListShowsControlCharactersEscaped() {
        api.on("GET", "/api/devices", 200, Fixtures.page(1, false, Fixtures.device(1, js(EVIL), "server", "vcenter-prod")));

        Cli.Result r = cli.run("devices", "list");

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("1\\s+" + java.util.regex.Pattern.quote(EVIL_SHOWN) + "\\s+server\\s+vcenter-prod\\s+active")),
                r.out());
        assertTerminalSafe(r);
    }

    @Test
    void deviceShowEscapesEverySection() {
        String device = Fixtures.device(5, js(EVIL), "vm", "vcenter-prod").replace("\"model\": \"IOS\"",
                "\"model\": \"" + js("\u202eSOI") + "\", \"" + js("k\u001b[2J") + "\": \"" + js("line1\nline2\ttab") + "\"");
        api.on("GET", "/api/devices/web01", 200, """
                {"device": %s, "relationships": [], "same_host": [],
                 "interfaces": [{"id": 1, "device_id": 5, "name": "%s", "mac": null, "type": "vmxnet3", "enabled": true, "mtu": 1500, "network": "%s", "source_instance": "vcenter-prod"}],
                 "ip_addresses": [], "facts": [{"device_id": 5, "source_instance": "puppetdb-main", "os_name": "%s", "os_release": "12"}],
                 "configs": [], "volumes": [], "backups": []}
                """.formatted(device, js("eth0\u009b31m"), js("VLAN\u2066 10\u2069"), js("Debian\u007f")));

        Cli.Result r = cli.run("devices", "show", "web01");

        assertEquals(0, r.exit(), r.all());
        String o = r.out();
        assertTrue(o.startsWith(EVIL_SHOWN + "  (id 5, vm, active)"), o);
        for (String shown : new String[] {"\\u202eSOI", "k\\x1b[2J", "line1\\nline2\\ttab", "eth0\\x9b31m", "VLAN\\u2066 10\\u2069", "Debian\\x7f"}) {
            assertTrue(o.contains(shown), "missing '" + shown + "' in:\n" + o);
        }
        assertTerminalSafe(r);
    }

    @Test
    void tokenNamesAreEscapedInListAndRevoke() {
        api.on("GET", "/api/tokens", 200, "[{\"id\": 3, \"name\": \"" + js(RED) + "\", \"role\": \"viewer\", \"prefix\": \"x1y2\", "
                        + "\"created_at\": \"2025-03-01T10:00:00Z\", \"last_used_at\": null, \"revoked_at\": null}]")
                .on("DELETE", "/api/tokens/3", 200, "{\"id\": 3, \"name\": \"" + js(RED) + "\", \"role\": \"viewer\"}");

        Cli.Result list = cli.run("token", "list");
        Cli.Result revoke = cli.run("token", "revoke", "3");

        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("3   " + RED_SHOWN + "  viewer")), list.out());
        assertTerminalSafe(list);
        assertTrue(revoke.out().contains("Revoked token 3 '" + RED_SHOWN + "'"), revoke.out());
        assertTerminalSafe(revoke);
    }

    @Test
    void sourcesEscapeErrorMessages() {
        api.on("GET", "/api/sources", 200, "[" + Fixtures.source("ontap-fra", "ontap", true).replace("\"config_errors\": []",
                "\"config_errors\": [{\"field\": \"url\", \"code\": \"invalid\", \"message\": \"" + js("bad \u001b[2Jhost\r\u0000") + "\"}]") + "]");

        Cli.Result r = cli.run("sources");

        assertTrue(r.out().contains("ontap-fra: url: bad \\x1b[2Jhost\\r\\x00 (invalid)"), r.out());
        assertTerminalSafe(r);
    }

    @Test
    void historyEscapesRunErrors() {
        String hyperlink = "\u001b]8;;http://evil.example\u0007click\u001b]8;;\u0007 \u202e\u0085";
        api.on("GET", "/api/sync/runs", 200, Fixtures.page(1, false, Fixtures.run(4, "vcenter-prod", "failed", 10, js(hyperlink))));

        Cli.Result r = cli.run("history");

        assertTrue(r.out().contains("\\x1b]8;;http://evil.example\\x07click"), r.out());
        assertTerminalSafe(r);
    }

    @Test
    void errorMessagesFromTheServerAreEscaped() {
        api.on("GET", "/api/devices/ghost", 404, "{\"error\": {\"code\": \"not_found\", \"message\": \"" + js("no device " + EVIL) + "\"}}");

        Cli.Result r = cli.run("devices", "show", "ghost");

        assertEquals(6, r.exit(), r.all());
        assertTrue(r.err().contains("no device " + EVIL_SHOWN), r.err());
        assertTerminalSafe(r);
    }

    @Test
    void syncSummaryEscapesWarnings() {
        api.on("POST", "/api/sources/vcenter-prod/sync", 202, Fixtures.run(10, "vcenter-prod", "failed", 10, js("lost \u001b[5m"))
                .replace("\"warning_samples\": []", "\"warning_samples\": [\"" + js("vm " + EVIL) + "\"]"));

        Cli.Result r = cli.run("sync", "vcenter-prod");

        assertEquals(1, r.exit(), r.all());
        assertTrue(r.out().contains("warning: vm " + EVIL_SHOWN), r.out());
        assertTrue(r.err().contains("lost \\x1b[5m"), r.err());
        assertTerminalSafe(r);
    }

    @Test
    void configTextKeepsLinesAndTabsButNoEscapes() {
        api.on("GET", "/api/devices/sw1/configs/3", 200, "{\"id\": 3, \"version\": 3, \"text\": \"" + js("hostname sw1\r\n\tdescription \u001b[8mhidden\n") + "\"}");

        Cli.Result r = cli.run("devices", "config", "sw1", "3");

        assertEquals("hostname sw1\n\tdescription \\x1b[8mhidden\n", r.out());
    }

    @Test
    void jsonOutputKeepsTheRealCharactersEscapedTheJsonWay() throws IOException {
        String odd = EVIL + "\u009b\u007f\u202e";
        api.on("GET", "/api/devices", 200, Fixtures.page(1, false, Fixtures.device(1, js(odd), "server", "vcenter-prod")));

        Cli.Result r = cli.run("--json", "devices", "list");

        assertEquals(0, r.exit(), r.all());
        JsonNode page = PLAIN.readTree(r.out());
        assertEquals(odd, page.path("results").path(0).path("name").asText());
        assertTrue(r.out().toLowerCase(java.util.Locale.ROOT).contains("\\u009b\\u007f\\u202e"), r.out());
        assertTerminalSafe(r);
    }

    /** Only printable text and line breaks reach the terminal. */
    static void assertTerminalSafe(Cli.Result r) {
        String all = r.out() + r.err();
        for (int i = 0; i < all.length(); i++) {
            char c = all.charAt(i);
            boolean control = (c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
            if (control) {
                fail(String.format("U+%04X at %d reaches the terminal in:%n%s", (int) c, i, all));
            }
        }
    }

    /** The JSON string body (without quotes) that stands for s. */
    private static String js(String s) {
        try {
            String quoted = PLAIN.writeValueAsString(s);
            return quoted.substring(1, quoted.length() - 1);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
