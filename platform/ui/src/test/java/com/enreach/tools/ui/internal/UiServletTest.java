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

    @Test
    void anApiPathWithoutTheRestRuntimeIsA503InJsonNotAPage() throws Exception {
        for (String method : java.util.List.of("GET", "POST", "DELETE")) {
            jakarta.servlet.http.HttpServletRequest request = org.mockito.Mockito.mock(jakarta.servlet.http.HttpServletRequest.class);
            jakarta.servlet.http.HttpServletResponse response = org.mockito.Mockito.mock(jakarta.servlet.http.HttpServletResponse.class);
            java.io.StringWriter body = new java.io.StringWriter();
            org.mockito.Mockito.when(request.getServletPath()).thenReturn("");
            org.mockito.Mockito.when(request.getPathInfo()).thenReturn("/api/session");
            org.mockito.Mockito.when(request.getMethod()).thenReturn(method);
            org.mockito.Mockito.when(response.getWriter()).thenReturn(new java.io.PrintWriter(body));
            new UiServlet().service(request, response);
            org.mockito.Mockito.verify(response).setStatus(503);
            org.mockito.Mockito.verify(response).setHeader("Retry-After", "1");
            org.mockito.Mockito.verify(response).setContentType("application/json");
            assertTrue(body.toString().contains("\"unavailable\""), body.toString());
        }
    }
}
