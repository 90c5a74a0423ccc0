package com.enreach.tools.plugin.vcenter;

import java.util.List;
import java.util.Map;

/**
 * One object of a property page: its managed object reference, the properties vCenter returned (by property
 * path) and the paths it could not return, each with its fault type.
 */
record VimObject(String type, String moref, Map<String, XmlNode> properties, List<String> missing) {

    /** A property's value node, or null when vCenter left it out (unset values are not sent). */
    XmlNode property(String path) {
        return properties.get(path);
    }

    /** A simple property's text, or null when absent or blank. */
    String text(String path) {
        XmlNode n = properties.get(path);
        return n == null || n.text().isEmpty() ? null : n.text();
    }
}
