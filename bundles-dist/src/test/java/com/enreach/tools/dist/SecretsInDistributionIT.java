package com.enreach.tools.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.enreach.tools.netbox.client.NetBoxConnection;
import com.enreach.tools.netbox.internal.HttpNetBoxClient;
import com.enreach.tools.netbox.sandbox.NetBoxDoubleServer;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Encrypted secrets in the running distribution: {@code bin/enreach secret encrypt} makes the key file and the
 * {@code ENC(...)} value of a NetBox double's token; a NetBox source configured with {@code password=ENC(...)} syncs
 * (so the platform decrypted the token and NetBox accepted it); a value encrypted with another key gives only that
 * instance a field error naming the key file; the token shows nowhere (REST, console, logs).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecretsInDistributionIT {
    private static final String GOOD = "netbox-enc";
    private static final String FOREIGN = "netbox-foreign";
    private static Distribution dist;
    private static NetBoxDoubleServer netbox;
    private static String encrypted;
    private static String foreign;

    @BeforeAll
    static void start() throws IOException {
        netbox = new NetBoxDoubleServer();
        HttpNetBoxClient c = new HttpNetBoxClient(new NetBoxConnection(netbox.url(), netbox.token(), 100, 50, Duration.ofSeconds(30), false, null));
        assertTrue(c.create("dcim/sites", List.of(Map.of("name", "ENC1", "slug", "enc1", "status", "active"))).allOk());
        dist = Distribution.copy("secrets");

        Distribution.Result r = dist.cliWithInput(Map.of(), netbox.token() + "\n", "secret", "encrypt");
        assertEquals(0, r.exit(), r.toString());
        Path key = dist.home().resolve("keys").resolve("secret.key");
        assertTrue(r.err().contains("Created the key file " + key), r.toString());
        encrypted = r.out().strip();

        Path other = dist.home().resolve("other-keys").resolve("secret.key");
        Distribution.Result o = dist.cliWithInput(Map.of("ENREACH_SECRET_KEYFILE", other.toString()), netbox.token(), "secret", "encrypt");
        assertEquals(0, o.exit(), o.toString());
        foreign = o.out().strip();

        dist.start();
        dist.writeConfig("source." + GOOD + ".cfg", "# written by SecretsInDistributionIT\nurl=" + netbox.url() + "\npassword=" + encrypted + "\n");
        dist.writeConfig("source." + FOREIGN + ".cfg", "# encrypted with another key\nurl=" + netbox.url() + "\npassword=" + foreign + "\n");
    }

    @AfterAll
    static void stop() throws Exception {
        if (dist != null) {
            dist.close();
        }
        if (netbox != null) {
            netbox.close();
        }
    }

    @Test
    @Order(1)
    void theKeyFileIsOwnerOnlyOutsideEtcAndDataAndTheValueHidesTheToken() throws IOException {
        Path key = dist.home().resolve("keys").resolve("secret.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent())));
        assertTrue(encrypted.startsWith("ENC(") && encrypted.endsWith(")"), encrypted);
        assertFalse(encrypted.contains(netbox.token()));
    }

    @Test
    @Order(2)
    void anEncryptedTokenIsDecryptedAndUsedByTheSync() {
        JsonNode s = dist.awaitSource(GOOD, n -> n.path("present").asBoolean() && n.path("config_errors").isArray());
        assertTrue(s.path("config_errors").isEmpty(), s.toString());
        Distribution.Result check = dist.cli("sources", "check", GOOD);
        assertEquals(0, check.exit(), check.toString());
        dist.syncAll(GOOD);
        assertEquals("succeeded", dist.get("/api/sources/" + GOOD).path("last_status").asText());
    }

    @Test
    @Order(3)
    void aValueEncryptedWithAnotherKeyIsAFieldErrorOfThatInstanceOnly() {
        JsonNode s = dist.awaitSource(FOREIGN, n -> n.path("present").asBoolean() && n.path("config_errors").size() > 0);
        JsonNode error = s.path("config_errors").get(0);
        assertEquals("password", error.path("field").asText(), s.toString());
        assertEquals("wrong_key", error.path("code").asText(), s.toString());
        assertEquals("cannot decrypt password: the key file " + dist.home().resolve("keys").resolve("secret.key")
                + " is not the one this value was encrypted with", error.path("message").asText());
        assertTrue(dist.get("/api/sources/" + GOOD).path("config_errors").isEmpty(), "the other instance keeps working");

        Distribution.Result check = dist.cli("secret", "check", dist.home().resolve("etc/source." + GOOD + ".cfg").toString(),
                dist.home().resolve("etc/source." + FOREIGN + ".cfg").toString());
        assertEquals(1, check.exit(), check.toString());
        assertTrue(check.out().contains("source." + GOOD + ".cfg: password: ok"), check.toString());
        assertTrue(check.out().contains("source." + FOREIGN + ".cfg: password: wrong_key"), check.toString());
    }

    @Test
    @Order(4)
    void theTokenShowsNeitherInRestNorInTheConsoleNorInTheLogs() throws Exception {
        String token = netbox.token();
        for (String path : List.of("/api/sources", "/api/sources/" + GOOD, "/api/sources/" + FOREIGN)) {
            assertFalse(dist.get(path).toString().contains(token), path);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + dist.adminToken()).getBytes(StandardCharsets.UTF_8));
        for (String page : List.of("/system/console/configMgr/source.netbox~enc.json", "/system/console/configMgr/source.netbox~foreign.json",
                "/system/console/components.json", "/system/console/services.json", "/system/console/status-Configurations.txt")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(dist.baseUrl() + page)).header("Authorization", basic)
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(200, r.statusCode(), page);
            assertFalse(r.body().contains(token), page + " shows the decrypted token");
        }
        try (Stream<Path> logs = Files.walk(dist.home().resolve("log"))) {
            for (Path p : logs.filter(Files::isRegularFile).toList()) {
                assertFalse(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1).contains(token), p + " holds the NetBox token");
            }
        }
        try (Stream<Path> data = Files.walk(dist.home().resolve("data"))) {
            for (Path p : data.filter(Files::isRegularFile).filter(f -> f.toString().contains("felix-cache")).toList()) {
                assertFalse(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1).contains(token), p + " holds the NetBox token");
            }
        }
    }
    @Test
    @Order(5)
    void rotatingTheKeyUnderTheRunningPlatformKeepsTheSourceWorkingAcrossARestart() throws Exception {
        Path good = dist.home().resolve("etc/source." + GOOD + ".cfg");
        Path key = dist.home().resolve("keys").resolve("secret.key");
        String keyBefore = Files.readString(key);

        // every etc/*.cfg by default: the foreign value does not decrypt, so nothing changes
        Distribution.Result refused = dist.cli("secret", "rotate");
        assertEquals(1, refused.exit(), refused.toString());
        assertTrue(refused.err().contains("nothing was changed"), refused.toString());
        assertEquals(keyBefore, Files.readString(key));

        Distribution.Result r = dist.cli("secret", "rotate", "--retire", good.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("1 value(s) in 1 file(s) now use the new key"), r.toString());
        assertFalse(r.toString().contains(netbox.token()));
        assertFalse(Files.readString(good).contains(encrypted), "the value was re-encrypted");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));

        Path old = dist.home().resolve("old-value.cfg");
        Files.writeString(old, "password=" + encrypted + "\n");
        Distribution.Result oldCheck = dist.cli("secret", "check", old.toString());
        assertTrue(oldCheck.out().contains("password: wrong_key"), "the retired key is gone: " + oldCheck);

        // a restart reads the rewritten file with the new key (a running platform reads it like any edit)
        dist.stop();
        dist.start();
        JsonNode s = dist.awaitSource(GOOD, n -> n.path("present").asBoolean() && n.path("config_errors").isArray());
        assertTrue(s.path("config_errors").isEmpty(), s.toString());
        dist.syncAll(GOOD);
        assertEquals("succeeded", dist.get("/api/sources/" + GOOD).path("last_status").asText());
    }
}
