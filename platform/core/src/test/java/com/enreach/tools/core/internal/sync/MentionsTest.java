package com.enreach.tools.core.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class MentionsTest {

    private static List<String> tokens(String text) {
        return Mentions.in(text).stream().map(m -> m.kind() + ":" + m.token()).toList();
    }

    @Test
    void hostNamesFqdnsAndAddressesAreFoundNormalised() {
        assertEquals(List.of("host:web01", "host:esx-ams-0003", "fqdn:db-prod-2.example.com", "ip:10.1.2.3", "ip:2001:db8::1"),
                tokens("Restart WEB01 and esx-ams-0003, then DB-PROD-2.Example.COM. (10.1.2.3); v6 2001:0DB8:0:0:0:0:0:1 too."));
    }

    @Test
    void theFirstSpellingIsKeptAndRepeatsAreOne() {
        List<Mentions.Mention> m = Mentions.in("Web01 is down", "web01 again, web01.");
        assertEquals(1, m.size());
        assertEquals(new Mentions.Mention("web01", "host", "Web01"), m.get(0));
    }

    @Test
    void fileNamesVersionsAndWordsAreNoHosts() {
        assertEquals(List.of(), tokens("Edit config.yaml and /etc/nginx/nginx.conf, see README.md; upgrade to 1.2.3 or v2.4.1,"
                + " e.g. with Node.js; python3.11; the server is down; OPS-123 is the ticket; 2026-01-05 at 10:30:00;"
                + " MAC 00:14:4f:19:0c:01; 999.1.2.3; a-b"));
    }

    @Test
    void namesInsideUrlsCountButEmailDomainsDoNot() {
        assertEquals(List.of("fqdn:grafana.example.net"), tokens("See https://grafana.example.net:3000/d/x or mail ops@example.org"));
    }

    @Test
    void classifyRejectsWhatIsNotAHost() {
        assertNull(Mentions.classify("hello"));
        assertNull(Mentions.classify("12345"));
        assertEquals("host", Mentions.classify("db1").kind());
        assertEquals("fqdn", Mentions.classify("www.example.com.").kind());
        assertEquals("www.example.com", Mentions.classify("www.example.com.").token());
    }

    @Test
    void longRunsOfDotsAndColonsDoNotExhaustTheStack() {
        // a regex with a repeated group recursed once per label and overflowed on such a run (a pasted dump)
        assertEquals(List.of(), tokens("a.".repeat(200_000) + "_"));
        assertEquals(List.of("host:web01"), tokens("1:".repeat(200_000) + " web01"));
    }

    @Test
    void ipv6NeedsItsOwnBoundaries() {
        assertEquals(List.of("ip:fe80::1"), tokens("link local fe80::1, not xfe80::1 nor fe80::1_x"));
    }
}
