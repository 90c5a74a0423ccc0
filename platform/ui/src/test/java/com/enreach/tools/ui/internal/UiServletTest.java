package com.enreach.tools.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which request paths map to which files of the bundle: only the UI's own files, never anything else. */
class UiServletTest {
    @Test
    void theRootAndIndexServeTheSinglePage() {
        assertEquals("/ui/index.html", UiServlet.resourceFor("/"));
        assertEquals("/ui/index.html", UiServlet.resourceFor("/index.html"));
        assertNotNull(UiServlet.class.getResource(UiServlet.resourceFor("/")));
    }

    @Test
    void uiFilesAreServedFromTheBundle() {
        assertEquals("/ui/js/app.js", UiServlet.resourceFor("/ui/js/app.js"));
        assertNotNull(UiServlet.class.getResource(UiServlet.resourceFor("/ui/js/app.js")));
        assertNotNull(UiServlet.class.getResource(UiServlet.resourceFor("/ui/app.css")));
    }

    @Test
    void nothingOutsideTheUiFolderNorTraversalNorClassFiles() {
        assertNull(UiServlet.resourceFor("/ui/../com/enreach/tools/ui/internal/UiServlet.class"));
        assertNull(UiServlet.resourceFor("/com/enreach/tools/ui/internal/UiServlet.class"));
        assertNull(UiServlet.resourceFor("/META-INF/MANIFEST.MF"));
        assertNull(UiServlet.resourceFor("/ui/js/"));
        assertNull(UiServlet.resourceFor("/ui//js/app.js"));
        assertNull(UiServlet.resourceFor("/ui/x.class"));
        assertNull(UiServlet.resourceFor("/favicon.txt"));
    }

    @Test
    void theCspForbidsInlineScriptAndFraming() {
        assertTrue(SecurityHeaders.CSP.contains("default-src 'self'"));
        assertTrue(SecurityHeaders.CSP.contains("script-src 'self';"));
        assertTrue(SecurityHeaders.CSP.contains("frame-ancestors 'none'"));
        assertTrue(!SecurityHeaders.CSP.contains("unsafe-inline") && !SecurityHeaders.CSP.contains("unsafe-eval"));
    }
}
