package com.enreach.tools.plugin.vcenter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One element of a vim25 answer with its children: the value of a single property (a VM's NIC list, a host's
 * system info), never a whole page. Names are local names; {@code xsiType} is the element's xsi:type without prefix.
 */
final class XmlNode {
    private final String name;
    private final String xsiType;
    private final String typeAttribute;
    private final List<XmlNode> children = new ArrayList<>();
    private String text = "";

    XmlNode(String name, String xsiType, String typeAttribute) {
        this.name = name;
        this.xsiType = xsiType;
        this.typeAttribute = typeAttribute;
    }

    void add(XmlNode child) {
        children.add(child);
    }

    void setText(String value) {
        this.text = value;
    }

    String name() {
        return name;
    }

    /** The xsi:type (VirtualVmxnet3, ArrayOfGuestNicInfo...), or null. */
    String xsiType() {
        return xsiType;
    }

    /** The plain {@code type} attribute a ManagedObjectReference carries (HostSystem...), or null. */
    String typeAttribute() {
        return typeAttribute;
    }

    /** The element's text, trimmed; empty for elements with children. */
    String text() {
        return text;
    }

    List<XmlNode> children() {
        return Collections.unmodifiableList(children);
    }

    /** The first child of that name, or null. */
    XmlNode child(String childName) {
        for (XmlNode c : children) {
            if (c.name.equals(childName)) {
                return c;
            }
        }
        return null;
    }

    List<XmlNode> children(String childName) {
        List<XmlNode> out = new ArrayList<>();
        for (XmlNode c : children) {
            if (c.name.equals(childName)) {
                out.add(c);
            }
        }
        return out;
    }

    /** Text of a descendant reached by child names, or null when any step is missing or the text is blank. */
    String text(String... path) {
        XmlNode n = this;
        for (String p : path) {
            n = n.child(p);
            if (n == null) {
                return null;
            }
        }
        return n.text.isEmpty() ? null : n.text;
    }
}
