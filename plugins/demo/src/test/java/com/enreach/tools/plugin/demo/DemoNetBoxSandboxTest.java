package com.enreach.tools.plugin.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.enreach.tools.api.netbox.NetBoxKinds;
import com.enreach.tools.netbox.sandbox.NetBoxDouble;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The demo NetBox sandbox: seeded through NetBox's own validation, labelled, and keeping its state across restarts. */
class DemoNetBoxSandboxTest {
    private static final String TOKEN = "abcdefabcdefabcdefabcdefabcdefabcdefabcd";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theDefaultSeedPassesNetBoxsValidationAndIsHandMade() throws Exception {
        DemoSettings estate = new DemoSettings(3000, 42, 1);
        NetBoxDouble netbox = DemoNetBoxSandbox.open(TOKEN, null, estate, dir.resolve("netbox.json"));

        Map<String, Long> planned = NetBoxSeed.plan(estate).stream().collect(Collectors.groupingBy(NetBoxSeed.Item::kind, Collectors.counting()));
        for (Map.Entry<String, Long> kind : planned.entrySet()) {
            assertEquals(kind.getValue().intValue(), netbox.count(kind.getKey()), kind.getKey());
        }
        assertEquals(0, netbox.count(NetBoxKinds.TAG), "no enreach tag: nothing is managed yet");
        List<JsonNode> changes = netbox.changes();
        assertEquals(planned.values().stream().mapToLong(Long::longValue).sum(), changes.size());
        assertTrue(changes.stream().allMatch(c -> DemoNetBoxSandbox.HAND_USER.equals(c.path("user_name").asText())), changes.get(0).toString());
        assertTrue(Files.isRegularFile(dir.resolve("netbox.json")), "the seeded state is saved at once");
    }

    @Test
    void aRestartKeepsWhatWasWrittenAndDoesNotSeedAgain() throws Exception {
        DemoSettings estate = new DemoSettings(40, 7, 0);
        Path snapshot = dir.resolve("data").resolve("netbox.json");
        SandboxServlet servlet = SandboxServlet.open(TOKEN, null, estate, snapshot);
        int sites = servlet.netbox().count(NetBoxKinds.SITE);

        Exchange created = Exchange.call(servlet, "POST", "/api/dcim/sites/", "{\"name\":\"Utrecht\",\"slug\":\"utr\"}");
        assertEquals(201, created.status, created.body());
        assertEquals(SandboxServlet.LABEL, created.headers.get(SandboxServlet.LABEL_HEADER));

        // a new start of the platform: the sandbox comes back from the snapshot written after the POST
        SandboxServlet restarted = SandboxServlet.open(TOKEN, null, estate, snapshot);
        assertEquals(sites + 1, restarted.netbox().count(NetBoxKinds.SITE));
        Exchange listed = Exchange.call(restarted, "GET", "/api/dcim/sites/", null);
        assertEquals(200, listed.status, listed.body());
        assertTrue(listed.body().contains("\"Utrecht\""), listed.body());
    }

    @Test
    void theHandEditorsTokenWritesAsTheUserWhoFilledNetBoxByHand() throws Exception {
        String hand = "fedcba9876543210fedcba9876543210fedcba98";
        SandboxServlet servlet = SandboxServlet.open(TOKEN, hand, new DemoSettings(40, 7, 0), dir.resolve("netbox.json"));
        Exchange created = Exchange.call(servlet, "POST", "/api/dcim/sites/", "{\"name\":\"Utrecht\",\"slug\":\"utr\"}", "Token " + hand);
        assertEquals(201, created.status, created.body());
        List<JsonNode> changes = servlet.netbox().changes();
        assertEquals(DemoNetBoxSandbox.HAND_USER, changes.get(changes.size() - 1).path("user_name").asText(),
                "the writer tells its own writes from this user's hand edits by the change log's user");
        SandboxServlet without = SandboxServlet.open(TOKEN, null, new DemoSettings(40, 7, 0), dir.resolve("other.json"));
        assertEquals(403, Exchange.call(without, "GET", "/api/dcim/sites/", null, "Token " + hand).status);
    }

    @Test
    void itSaysItIsASandboxAndAcceptsOnlyItsToken() throws Exception {
        SandboxServlet servlet = SandboxServlet.open(TOKEN, null, new DemoSettings(40, 7, 0), dir.resolve("netbox.json"));

        JsonNode status = JSON.readTree(Exchange.call(servlet, "GET", "/api/status/", null).body());
        assertTrue(status.path("sandbox").asBoolean(), status.toString());
        Exchange root = Exchange.call(servlet, "GET", "/", null);
        assertEquals(200, root.status);
        assertTrue(root.body().contains("not a real NetBox") && root.body().contains("/demo-netbox/api/"), root.body());
        Exchange other = Exchange.call(servlet, "GET", "/api/dcim/devices/", null, "Token 1111111111111111111111111111111111111111");
        assertEquals(403, other.status, other.body());
    }

    @Test
    void aBrokenSnapshotIsAClear503NotAnEmptyNetBox() throws Exception {
        Path snapshot = dir.resolve("netbox.json");
        Files.writeString(snapshot, "{not json");

        Exchange answer = Exchange.call(SandboxServlet.open(TOKEN, null, new DemoSettings(40, 7, 0), snapshot), "GET", "/api/dcim/devices/", null);

        assertEquals(503, answer.status, answer.body());
        assertTrue(answer.body().contains("netbox.json") && answer.body().contains("delete it"), answer.body());
        assertFalse(answer.body().contains(dir.toString()), "the public answer does not say where the home is: " + answer.body());
        assertEquals("{not json", Files.readString(snapshot), "the broken snapshot is left for the user to look at");
    }

    @Test
    void aWrongConfigurationNamesTheFileAndKey() {
        DemoNetBoxSandbox sandbox = new DemoNetBoxSandbox();
        Map<String, Object> props = new HashMap<>(Map.of("enabled", "true", ".password", "short", "size", "40"));
        SandboxServlet[] registered = new SandboxServlet[1];
        sandbox.activate(null, props, s -> registered[0] = (SandboxServlet) s);

        Exchange answer = Exchange.call(registered[0], "GET", "/api/status/", null);
        assertEquals(503, answer.status);
        assertTrue(answer.body().contains("etc/enreach.demo.netbox.cfg") && answer.body().contains("40 hexadecimal"), answer.body());

        DemoNetBoxSandbox disabled = new DemoNetBoxSandbox();
        registered[0] = null;
        disabled.activate(null, Map.of("enabled", "false", ".password", TOKEN), s -> registered[0] = (SandboxServlet) s);
        assertEquals(null, registered[0], "not served unless enabled");
        assertFalse(Files.exists(dir.resolve("data")));
    }

    /** One request through the servlet, with plain stand-ins for the container's request and response. */
    record Exchange(int status, Map<String, String> headers, ByteArrayOutputStream out) {
        String body() {
            return out.toString(StandardCharsets.UTF_8);
        }

        static Exchange call(SandboxServlet servlet, String method, String path, String body) {
            return call(servlet, method, path, body, "Token " + TOKEN);
        }

        static Exchange call(SandboxServlet servlet, String method, String path, String body, String auth) {
            Map<String, String> reqHeaders = new HashMap<>(Map.of("Authorization", auth, "Host", "127.0.0.1:8080", "Content-Type", "application/json"));
            ByteArrayInputStream in = new ByteArrayInputStream(body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
            HttpServletRequest req = (HttpServletRequest) Proxy.newProxyInstance(Exchange.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                    (p, m, a) -> switch (m.getName()) {
                        case "getMethod" -> method;
                        case "getPathInfo" -> path;
                        case "getQueryString" -> null;
                        case "getHeaderNames" -> Collections.enumeration(reqHeaders.keySet());
                        case "getHeader" -> reqHeaders.get((String) a[0]);
                        case "getScheme" -> "http";
                        case "getServerName" -> "127.0.0.1";
                        case "getServerPort" -> 8080;
                        case "getContextPath" -> "";
                        case "getServletPath" -> "/demo-netbox";
                        case "getInputStream" -> new ServletInputStream() {
                            public int read() {
                                return in.read();
                            }

                            public boolean isFinished() {
                                return in.available() == 0;
                            }

                            public boolean isReady() {
                                return true;
                            }

                            public void setReadListener(ReadListener l) {
                            }
                        };
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Map<String, String> headers = new HashMap<>();
            int[] status = {200};
            HttpServletResponse resp = (HttpServletResponse) Proxy.newProxyInstance(Exchange.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                    (p, m, a) -> switch (m.getName()) {
                        case "setStatus" -> {
                            status[0] = (Integer) a[0];
                            yield null;
                        }
                        case "getStatus" -> status[0];
                        case "setHeader" -> headers.put((String) a[0], (String) a[1]);
                        case "setCharacterEncoding", "setContentType" -> null;
                        case "getOutputStream" -> new ServletOutputStream() {
                            public void write(int b) {
                                out.write(b);
                            }

                            public boolean isReady() {
                                return true;
                            }

                            public void setWriteListener(WriteListener l) {
                            }
                        };
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
            try {
                servlet.service(req, resp);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return new Exchange(status[0], headers, out);
        }
    }
}
