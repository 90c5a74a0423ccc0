package com.enreach.tools.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.Role;
import com.enreach.tools.api.ui.UiExtension;

/** The navigation entries plugins contribute, as each role sees them. */
class UiExtensionResourceTest {
    private static UiExtension ext(String id, String module, String section, int order, Role role) {
        return new UiExtension() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String title() {
                return "Title " + id;
            }

            @Override
            public String moduleUrl() {
                return module;
            }

            @Override
            public String section() {
                return section;
            }

            @Override
            public int order() {
                return order;
            }

            @Override
            public Role requiredRole() {
                return role;
            }
        };
    }

    @Test
    void entriesAreFilteredByTheCallersRoleAndSortedBySectionThenOrder() {
        List<UiExtension> all = List.of(ext("netbox", "/ui/ext/netbox/page.js", "NetBox", 10, Role.VIEWER),
                ext("admin-tools", "/ui/ext/admin/page.js", "Plugins", 5, Role.ADMIN),
                ext("demo", "/ui/ext/demo/page.js", "Plugins", 50, Role.VIEWER),
                ext("ops", "/ui/ext/ops/page.js", "Plugins", 20, Role.OPERATOR));
        assertEquals(List.of("netbox", "demo"), UiExtensionResource.visible(all, Role.VIEWER).stream().map(UiExtensionResource.Entry::id).toList());
        assertEquals(List.of("netbox", "ops", "demo"), UiExtensionResource.visible(all, Role.OPERATOR).stream().map(UiExtensionResource.Entry::id).toList());
        assertEquals(List.of("netbox", "admin-tools", "ops", "demo"),
                UiExtensionResource.visible(all, Role.ADMIN).stream().map(UiExtensionResource.Entry::id).toList());
    }

    @Test
    void extensionsWithABadIdOrAModuleOnAnotherOriginAreLeftOut() {
        List<UiExtension> all = List.of(ext("Bad Id", "/ui/ext/x/page.js", "Plugins", 1, Role.VIEWER),
                ext("remote", "//evil.example/page.js", "Plugins", 1, Role.VIEWER),
                ext("abs", "https://evil.example/page.js", "Plugins", 1, Role.VIEWER),
                ext("script", "javascript:alert(1)", "Plugins", 1, Role.VIEWER),
                ext("good", "/ui/ext/good/page.js", null, 1, Role.VIEWER));
        List<UiExtensionResource.Entry> visible = UiExtensionResource.visible(all, Role.ADMIN);
        assertEquals(List.of("good"), visible.stream().map(UiExtensionResource.Entry::id).toList());
        assertEquals("Plugins", visible.get(0).section());
    }
}
