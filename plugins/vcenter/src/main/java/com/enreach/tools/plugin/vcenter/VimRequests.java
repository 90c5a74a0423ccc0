package com.enreach.tools.plugin.vcenter;

import java.util.List;

/**
 * The vim25 SOAP requests the plugin sends, written out by hand: seven small documents are easier to read and
 * audit than a generated binding, and keep the bundle free of JAX-WS.
 */
final class VimRequests {
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\">"
            + "<soapenv:Body>";
    private static final String TAIL = "</soapenv:Body></soapenv:Envelope>";

    private VimRequests() {
    }

    static String retrieveServiceContent() {
        return envelope("RetrieveServiceContent", ref("_this", "ServiceInstance", "ServiceInstance"));
    }

    static String login(String sessionManager, String userName, String password) {
        return envelope("Login", ref("_this", "SessionManager", sessionManager)
                + element("userName", userName) + element("password", password));
    }

    static String logout(String sessionManager) {
        return envelope("Logout", ref("_this", "SessionManager", sessionManager));
    }

    /** A recursive view of every object of the given types below the root folder. */
    static String createContainerView(String viewManager, String rootFolder, List<String> types) {
        StringBuilder b = new StringBuilder(ref("_this", "ViewManager", viewManager)).append(ref("container", "Folder", rootFolder));
        types.forEach(t -> b.append(element("type", t)));
        b.append("<recursive>true</recursive>");
        return envelope("CreateContainerView", b.toString());
    }

    static String destroyView(String view) {
        return envelope("DestroyView", ref("_this", "ContainerView", view));
    }

    /** Properties of every object of one type in the view, at most {@code maxObjects} per answer. */
    static String retrievePropertiesEx(String propertyCollector, String view, String type, List<String> paths, int maxObjects) {
        StringBuilder b = new StringBuilder(ref("_this", "PropertyCollector", propertyCollector));
        b.append("<specSet><propSet>").append(element("type", type));
        paths.forEach(p -> b.append(element("pathSet", p)));
        b.append("</propSet><objectSet>").append(ref("obj", "ContainerView", view)).append("<skip>true</skip>")
                .append("<selectSet xsi:type=\"TraversalSpec\"><name>traverseView</name><type>ContainerView</type>")
                .append("<path>view</path><skip>false</skip></selectSet></objectSet></specSet>")
                .append("<options><maxObjects>").append(maxObjects).append("</maxObjects></options>");
        return envelope("RetrievePropertiesEx", b.toString());
    }

    static String continueRetrievePropertiesEx(String propertyCollector, String token) {
        return envelope("ContinueRetrievePropertiesEx", ref("_this", "PropertyCollector", propertyCollector) + element("token", token));
    }

    private static String envelope(String method, String content) {
        return HEAD + "<" + method + " xmlns=\"urn:vim25\">" + content + "</" + method + ">" + TAIL;
    }

    private static String ref(String name, String type, String value) {
        return "<" + name + " type=\"" + escape(type) + "\">" + escape(value) + "</" + name + ">";
    }

    private static String element(String name, String value) {
        return "<" + name + ">" + escape(value) + "</" + name + ">";
    }

    /** Escapes text and attribute values; passwords with {@code &} or {@code <} must survive the trip. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
