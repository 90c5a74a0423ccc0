package com.enreach.tools.netbox.writer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.Role;
import com.enreach.tools.api.ui.UiExtension;

/** The four NetBox pages: their routes and section, the role that sees them, and modules that this bundle really serves. */
class NetBoxUiPagesTest {
    private static final List<UiExtension> PAGES = List.of(new ValidationUiPage(), new ChangeSetsUiPage(), new ConflictsUiPage(), new HistoryUiPage());
    private static final Pattern IMPORT = Pattern.compile("from\\s+'\\./([a-z-]+\\.js)'");

    @Test
    void pagesAreTheContractsRoutesInTheNetBoxSection() {
        assertEquals(List.of("netbox-validation", "netbox-changesets", "netbox-conflicts", "netbox-history"), PAGES.stream().map(UiExtension::id).toList());
        for (UiExtension p : PAGES) {
            assertEquals("NetBox", p.section());
            assertTrue(p.moduleUrl().startsWith("/ui/ext/netbox/"), p.moduleUrl());
        }
        // Validation reads production NetBox: operators, like GET /api/netbox/validation; the rest is for every reader.
        assertEquals(Role.OPERATOR, PAGES.get(0).requiredRole());
        for (UiExtension p : PAGES.subList(1, 4)) {
            assertEquals(Role.VIEWER, p.requiredRole());
        }
        assertTrue(PAGES.get(0).order() < PAGES.get(1).order() && PAGES.get(1).order() < PAGES.get(2).order() && PAGES.get(2).order() < PAGES.get(3).order());
    }

    /** The whiteboard serves /ui/ext/netbox/* from ui-ext/netbox in this bundle: every module, and every module it imports, is there. */
    @Test
    void everyModuleAndWhatItImportsIsInTheBundleAndExportsRender() throws IOException {
        assertEquals("/ui/ext/netbox/", NetBoxUiModules.PATH);
        for (UiExtension p : PAGES) {
            String file = p.moduleUrl().substring(NetBoxUiModules.PATH.length());
            String js = resource(file);
            assertTrue(js.contains("export async function render(element, context)"), file + " exports render(element, context)");
            Matcher m = IMPORT.matcher(js);
            while (m.find()) {
                assertNotNull(resource(m.group(1)), file + " imports " + m.group(1));
            }
        }
        assertTrue(resource("common.js").contains("'/ui/ext/netbox/netbox.css'"));
        assertNotNull(resource("netbox.css"));
    }

    @Test
    void modulesBuildElementsWithContextHNeverMarkup() throws IOException {
        for (String f : List.of("common.js", "validation.js", "changesets.js", "conflicts.js", "history.js")) {
            String js = resource(f);
            assertTrue(!js.contains("innerHTML") && !js.contains("insertAdjacentHTML") && !js.contains("document.write"), f + " writes no markup");
        }
    }

    private static String resource(String file) throws IOException {
        try (InputStream in = NetBoxUiPagesTest.class.getClassLoader().getResourceAsStream("ui-ext/netbox/" + file)) {
            assertNotNull(in, "ui-ext/netbox/" + file + " is in the bundle");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
