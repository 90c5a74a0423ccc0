package com.enreach.tools.core.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/** Links asked of the connector of the observing instance; anything that goes wrong is no link, never an error. */
class ObjectLinksTest {
    private final SourceRegistry registry = new SourceRegistry();
    private final ObjectLinks links = new ObjectLinks(registry);

    /** A connector whose objectUrl answers with {@code answer}, keeping what it was asked. */
    private static final class LinkingConnector extends Fixtures.ScriptedConnector {
        final AtomicReference<List<Object>> asked = new AtomicReference<>();
        volatile java.util.function.Supplier<String> answer;

        LinkingConnector(String kind, java.util.function.Supplier<String> answer) {
            super(kind, (ctx, sink) -> { });
            this.answer = answer;
        }

        @Override
        public String objectUrl(String entityKind, String sourceId, Map<String, Object> metadata) {
            asked.set(List.of(entityKind, sourceId, metadata));
            return answer.get();
        }
    }

    private LinkingConnector bind(String kind, String name, java.util.function.Supplier<String> answer) {
        LinkingConnector c = new LinkingConnector(kind, answer);
        registry.bindConnector(c, Map.of("service.pid", "source." + kind + "~" + name));
        return c;
    }

    @Test
    void theInstancesConnectorBuildsTheLinkFromWhatIsStored() {
        LinkingConnector prod = bind("vcenter", "prod", () -> "https://vc-prod.example.com/ui/app/vm;nav=v/urn:vmomi:VirtualMachine:vm-1:u/summary");
        LinkingConnector dr = bind("vcenter", "dr", () -> "https://vc-dr.example.com/x");
        Map<String, Object> metadata = Map.of("vcenter_urn", "urn:vmomi:VirtualMachine:vm-1:u");

        assertEquals("https://vc-prod.example.com/ui/app/vm;nav=v/urn:vmomi:VirtualMachine:vm-1:u/summary",
                links.urlOf("vcenter-prod", "vm", "4200-1", metadata));
        assertEquals(List.of("vm", "4200-1", metadata), prod.asked.get());
        assertNull(dr.asked.get(), "only the observing instance is asked");
    }

    @Test
    void theConnectorGetsReadOnlyMetadataAndAnEmptyMapForNull() {
        LinkingConnector c = bind("foreman", "main", () -> null);
        links.urlOf("foreman-main", "server", "42", new HashMap<>(Map.of("fqdn", "web01")));
        @SuppressWarnings("unchecked")
        Map<String, Object> seen = (Map<String, Object>) c.asked.get().get(2);
        assertThrows(UnsupportedOperationException.class, () -> seen.put("x", 1));
        links.urlOf("foreman-main", "server", "42", null);
        assertEquals(Map.of(), c.asked.get().get(2));
    }

    @Test
    void aPluginWithoutLinksAnUnknownOrRemovedInstanceGiveNoLink() {
        Fixtures.ScriptedConnector plain = new Fixtures.ScriptedConnector("demo", (ctx, sink) -> { });
        registry.bindConnector(plain, Map.of("service.pid", "source.demo~estate"));
        assertNull(links.urlOf("demo-estate", "server", "s1", Map.of()), "the SPI's default");
        assertNull(links.urlOf("nowhere-1", "server", "s1", Map.of()));
        assertNull(links.urlOf(null, "server", "s1", Map.of()));

        LinkingConnector c = bind("oxidized", "net", () -> "https://ox.example.com/node/show/sw1");
        assertEquals("https://ox.example.com/node/show/sw1", links.urlOf("oxidized-net", "network_device", "sw1", Map.of()));
        registry.unbindConnector(c, Map.of());
        assertNull(links.urlOf("oxidized-net", "network_device", "sw1", Map.of()));
    }

    @Test
    void aFailingPluginGivesNoLinkInsteadOfAnError() {
        bind("ontap", "cl01", () -> {
            throw new IllegalStateException("boom");
        });
        assertNull(links.urlOf("ontap-cl01", "storage_volume", "v1", Map.of()));
        bind("dorado", "a1", () -> {
            throw new NoClassDefFoundError("com/example/Gone");
        });
        assertNull(links.urlOf("dorado-a1", "storage", "a1", Map.of()));
    }

    @Test
    void answersThatAreNotPlainWebUrlsAreRefused() {
        AtomicReference<String> answer = new AtomicReference<>();
        bind("puppetdb", "main", answer::get);
        for (String bad : List.of("https://admin:Hunter2@pdb.example.com/pdb/query/v4/nodes/n1", "javascript:alert(1)",
                "ftp://pdb.example.com/n1", "/pdb/query/v4/nodes/n1", "https://", "http://bad host/")) {
            answer.set(bad);
            assertNull(links.urlOf("puppetdb-main", "server", "n1", Map.of()), bad);
        }
        answer.set("HTTP://pdb.example.com:8080/pdb/query/v4/nodes/n1");
        assertEquals("HTTP://pdb.example.com:8080/pdb/query/v4/nodes/n1", links.urlOf("puppetdb-main", "server", "n1", Map.of()));
    }
}
