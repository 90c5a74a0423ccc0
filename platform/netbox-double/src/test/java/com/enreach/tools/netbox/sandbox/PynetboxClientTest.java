package com.enreach.tools.netbox.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real pynetbox (Debian's python3-pynetbox, installed by .ci/setup) against the double over HTTP: version and
 * status, bulk create, paging through all, filters and counts, Record.save() PATCHes, bulk update and delete, a 400
 * turned into pynetbox's RequestError, the change log.
 */
class PynetboxClientTest {
    @Test
    void pynetboxWorksAgainstTheDouble(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("client_session.py");
        try (InputStream in = getClass().getResourceAsStream("/pynetbox/client_session.py")) {
            Files.copy(in, script);
        }
        try (NetBoxDoubleServer server = new NetBoxDoubleServer()) {
            Process p = new ProcessBuilder(python(), script.toString(), server.url(), server.token())
                    .redirectError(dir.resolve("stderr.txt").toFile()).start();
            String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "pynetbox session did not finish");
            assertEquals(0, p.exitValue(), () -> "pynetbox session failed: " + read(dir.resolve("stderr.txt")));
            JsonNode out = Nb.JSON.readTree(stdout.lines().reduce((a, b) -> b).orElse("{}"));
            assertEquals("4.2", out.get("version").asText());
            assertEquals("4.2.2", out.get("status").asText());
            assertEquals(120, out.get("bulk_created").asInt());
            assertEquals(120, out.get("all").asInt());
            assertEquals(120, out.get("count").asInt());
            assertEquals("dc-one", out.get("web07_site").asText());
            assertEquals("active", out.get("web07_status").asText());
            assertEquals(7, out.get("web07_cf").asInt());
            assertEquals("enreach", out.get("web07_tag").asText());
            assertEquals("SN-7", out.get("web07_serial").asText());
            assertEquals("10.0.0.7/24", out.get("primary").asText());
            assertEquals(1, out.get("ips_of_device").asInt());
            assertEquals(10, out.get("planned").asInt());
            assertTrue(out.get("duplicate").toString().contains("Device name must be unique per site."), out.get("duplicate")::toString);
            assertEquals(100, out.get("after_delete").asInt());
            assertEquals(20, out.get("delete_changes").asInt());
        }
    }

    /** Debian's interpreter, where python3-pynetbox installs (a python3 earlier on the PATH may not see it). */
    private static String python() {
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return "(no stderr)";
        }
    }
}
