package com.enreach.tools.netbox.sandbox;

import java.util.Map;

/** The page at the double's root: says plainly that this is a sandbox, not a real NetBox, and where the API is. */
final class LandingPage {
    private LandingPage() {
    }

    static NetBoxResponse answer(String baseUrl) {
        String api = escape(baseUrl) + "/api/";
        String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Sandbox NetBox (Enreach Tools)</title></head>"
                + "<body><h1>Sandbox NetBox</h1><p>This is the Enreach Tools NetBox double: an in-memory imitation of the "
                + "NetBox 4.2 REST API for demos and tests. It is <strong>not a real NetBox</strong>; nothing written here "
                + "reaches production.</p><p>API: <a href=\"" + api + "\">" + api + "</a> (token required, "
                + "<code>Authorization: Token &lt;key&gt;</code>).</p></body></html>";
        return new NetBoxResponse(200, Map.of("Content-Type", "text/html; charset=utf-8"), html);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
