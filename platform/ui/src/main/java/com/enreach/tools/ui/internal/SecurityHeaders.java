package com.enreach.tools.ui.internal;

import jakarta.servlet.http.HttpServletResponse;

/** The headers every web UI response carries: what the browser may load, run and frame. */
final class SecurityHeaders {
    /**
     * Scripts, styles and everything else from this origin only: no inline script or style, no eval, no plugin
     * objects, never framed (clickjacking), forms post only here.
     */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    static void apply(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    }
}
