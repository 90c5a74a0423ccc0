package com.enreach.tools.source.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.enreach.tools.api.plugin.ConfigFields;
import com.enreach.tools.api.plugin.FieldError;
import com.enreach.tools.api.spi.SourceException;

class HttpSettingsTest {

    private static List<String> errors(ConfigFields f) {
        return f.errors().stream().map(e -> e.field() + ":" + e.code()).toList();
    }

    @Test
    void readsTheUrlAndDropsTheFirstMatchingApiSuffix() {
        assertEquals(URI.create("https://foreman.example.com"),
                HttpSettings.readUrl(new ConfigFields(Map.of("url", "https://foreman.example.com/api/v2/")), "/api/v2", "/api"));
        assertEquals(URI.create("https://foreman.example.com"),
                HttpSettings.readUrl(new ConfigFields(Map.of("url", "https://foreman.example.com/api")), "/api/v2", "/api"));
        assertEquals(URI.create("https://vc.example.com/sdk"),
                HttpSettings.readUrl(new ConfigFields(Map.of("url", "https://vc.example.com/sdk")), "/api"));
        assertEquals(URI.create("http://pdb:8080"), HttpSettings.readUrl(new ConfigFields(Map.of("url", "http://pdb:8080"))));

        ConfigFields bad = new ConfigFields(Map.of("url", "ftp://x"));
        assertNull(HttpSettings.readUrl(bad, "/api"));
        assertEquals(List.of("url:invalid"), errors(bad));
    }

    @Test
    void defaultsNeedNoKeys() {
        ConfigFields f = new ConfigFields(Map.of());
        HttpSettings s = HttpSettings.read(f, URI.create("https://h"), "invalid");
        assertEquals(List.of(), f.errors());
        assertEquals(URI.create("https://h"), s.url());
        assertFalse(s.insecure());
        assertNull(s.caFile());
        assertEquals(0, s.pageSize());
        assertNull(s.requestTimeout());
    }

    @Test
    void readsOptionalKeysAndChecksTheCaFileLastWithThePluginsCode(@TempDir Path dir) throws Exception {
        ConfigFields f = new ConfigFields(Map.of("insecure", "maybe", "ca.file", "/nonexistent/ca.pem",
                "page.size", "0", "timeout.seconds", "soon"));
        HttpSettings.reader("not_found").pageSize(500, 10_000).timeoutSeconds(120, 5, 3600).read(f, null);
        assertEquals(List.of("insecure:invalid", "page.size:out_of_range", "timeout.seconds:invalid", "ca.file:not_found"), errors(f));
        FieldError ca = f.errors().get(3);
        assertEquals("ca.file /nonexistent/ca.pem does not exist or cannot be read", ca.message());

        Path pem = Files.writeString(dir.resolve("ca.pem"), "not read before the client is built");
        ConfigFields ok = new ConfigFields(Map.of("insecure", "true", "ca.file", pem.toString(), "page.size", "7", "timeout.seconds", "30"));
        HttpSettings s = HttpSettings.reader("invalid").pageSize(500, 10_000).timeoutSeconds(120, 5, 3600).read(ok, URI.create("https://h"));
        assertEquals(List.of(), ok.errors());
        assertTrue(s.insecure());
        assertEquals(pem.toString(), s.caFile());
        assertEquals(7, s.pageSize());
        assertEquals(Duration.ofSeconds(30), s.requestTimeout());
    }

    @Test
    void builderAppliesTheSettings(@TempDir Path dir) throws Exception {
        HttpSettings insecure = HttpSettings.read(new ConfigFields(Map.of("insecure", "true")), URI.create("https://h"), "invalid");
        assertEquals(URI.create("https://h"), insecure.builder("Test").build().base());
        assertEquals(URI.create("https://h/rest"), insecure.builder("Test", URI.create("https://h/rest")).build().base());

        Path notPem = Files.writeString(dir.resolve("ca.pem"), "no certificate here");
        HttpSettings badCa = HttpSettings.read(new ConfigFields(Map.of("ca.file", notPem.toString())), URI.create("https://h"), "invalid");
        SourceException e = assertThrows(SourceException.class, () -> badCa.builder("Test"));
        assertEquals("ca.file", e.field());
    }
}
