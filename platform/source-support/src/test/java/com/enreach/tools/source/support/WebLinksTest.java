package com.enreach.tools.source.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class WebLinksTest {

    @Test
    void theBaseDropsCredentialsQueryFragmentAndTrailingSlash() {
        assertEquals("https://vc.example.com:8443/prefix",
                WebLinks.base(URI.create("https://svc:S3cret%21@vc.example.com:8443/prefix/?token=abc#x")));
        assertEquals("http://[::1]:8080", WebLinks.base(URI.create("http://[::1]:8080")));
        assertEquals("https://pdb.example.com", WebLinks.base(URI.create("https://pdb.example.com")));
    }

    @Test
    void noBaseWithoutAUsableUrl() {
        assertNull(WebLinks.base(null));
        assertNull(WebLinks.base(URI.create("relative/path")));
    }

    @Test
    void aSegmentKeepsOnlyUnreservedCharacters() {
        assertEquals("web%2001%23a%3Fb%2Fc%C3%BC-._~", WebLinks.segment("web 01#a?b/cü-._~"));
    }

    @Test
    void metadataTextIsTrimmedAndBlankIsAbsent() {
        Map<String, Object> m = new HashMap<>();
        m.put("a", " x ");
        m.put("b", " ");
        m.put("n", 42);
        assertEquals("x", WebLinks.text(m, "a"));
        assertNull(WebLinks.text(m, "b"));
        assertNull(WebLinks.text(m, "missing"));
        assertEquals("42", WebLinks.text(m, "n"));
        assertNull(WebLinks.text(null, "a"));
    }
}
