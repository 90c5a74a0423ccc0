package com.enreach.tools.plugin.vcenter;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.SourceException;

/**
 * Reads vim25 SOAP answers with StAX. Property pages are read object by object: each {@code <objects>} element
 * becomes a small tree that is handed over at once, so a page of thousands of VMs is never held as a DOM. A
 * document that ends early or is not well-formed always throws, so a cut-off page can never pass as complete.
 */
final class SoapReader {
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final XMLInputFactory FACTORY = factory();

    /** Called with the reader on the start of the response element; must leave it on that element's end. */
    interface BodyHandler {
        void body(XMLStreamReader r) throws XMLStreamException, SourceException;
    }

    /** Receives each object of a property page as soon as it is read. */
    interface ObjectHandler {
        void accept(VimObject object) throws SourceException;
    }

    private SoapReader() {
    }

    private static XMLInputFactory factory() {
        // the JDK's own implementation: no service lookup (which misbehaves inside OSGi), no DTDs, no external entities
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /** Reads a whole answer whose body is small (service content, login, view) as one tree. */
    static XmlNode readResponse(byte[] body, String where) throws SourceException {
        XmlNode[] out = new XmlNode[1];
        SoapFault fault = read(body, where, r -> out[0] = readTree(r));
        if (fault != null) {
            throw fault.toException(where);
        }
        return out[0];
    }

    /**
     * Reads a RetrievePropertiesEx or ContinueRetrievePropertiesEx answer, handing over each object as it is read.
     *
     * @return the continuation token, or null when this was the last page
     */
    static String readPage(byte[] body, String where, ObjectHandler handler) throws SourceException {
        String[] token = new String[1];
        SoapFault fault = read(body, where, r -> {
            if (!r.getLocalName().endsWith("Response")) {
                throw PermanentSourceException.malformed(where, "unexpected answer " + r.getLocalName(), null);
            }
            while (next(r) == XMLStreamConstants.START_ELEMENT) {
                if (!r.getLocalName().equals("returnval")) {
                    readTree(r);
                    continue;
                }
                while (next(r) == XMLStreamConstants.START_ELEMENT) {
                    switch (r.getLocalName()) {
                        case "token" -> token[0] = readTree(r).text();
                        case "objects" -> handler.accept(toObject(readTree(r), where));
                        default -> readTree(r);
                    }
                }
            }
        });
        if (fault != null) {
            throw fault.toException(where);
        }
        return token[0] == null || token[0].isEmpty() ? null : token[0];
    }

    /** The fault in a non-2xx answer, or null when the body is not a readable SOAP fault (a proxy's error page). */
    static SoapFault findFault(byte[] body) {
        try {
            return read(body, "vCenter", r -> readTree(r));
        } catch (SourceException e) {
            return null;
        }
    }

    /** Reads an envelope; returns the fault it holds, or null once the handler has read the response element. */
    private static SoapFault read(byte[] body, String where, BodyHandler handler) throws SourceException {
        XMLStreamReader r = null;
        try {
            r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
            boolean inBody = false;
            boolean handled = false;
            while (r.hasNext()) {
                if (r.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (!inBody) {
                    inBody = r.getLocalName().equals("Body");
                    continue;
                }
                if (r.getLocalName().equals("Fault")) {
                    return toFault(readTree(r));
                }
                if (handled) {
                    throw PermanentSourceException.malformed(where, "more than one element in the SOAP body", null);
                }
                handler.body(r);
                handled = true;
            }
            if (!handled) {
                throw PermanentSourceException.malformed(where, inBody ? "empty SOAP body" : "not a SOAP envelope (is url the vCenter address?)", null);
            }
            return null;
        } catch (XMLStreamException e) {
            // the parser's message and location mean nothing to the reader of a run's result
            throw PermanentSourceException.malformed(where, "the XML answer is cut off or not well-formed", e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing is held open: the body is a byte array
                }
            }
        }
    }

    /** Moves to the next start or end element; end of input inside an element is an error. */
    private static int next(XMLStreamReader r) throws XMLStreamException {
        while (true) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT || ev == XMLStreamConstants.END_ELEMENT) {
                return ev;
            }
            if (ev == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("document ended inside an element");
            }
        }
    }

    /** Reads the current element and its children; leaves the reader on its end tag. */
    static XmlNode readTree(XMLStreamReader r) throws XMLStreamException {
        String xsiType = null;
        String type = null;
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (!r.getAttributeLocalName(i).equals("type")) {
                continue;
            }
            String ns = r.getAttributeNamespace(i);
            if (XSI.equals(ns)) {
                String v = r.getAttributeValue(i);
                xsiType = v.substring(v.indexOf(':') + 1);
            } else if (ns == null || ns.isEmpty()) {
                type = r.getAttributeValue(i);
            }
        }
        XmlNode node = new XmlNode(r.getLocalName(), xsiType, type);
        StringBuilder text = new StringBuilder();
        while (true) {
            int ev = r.next();
            switch (ev) {
                case XMLStreamConstants.START_ELEMENT -> node.add(readTree(r));
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> text.append(r.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    if (node.children().isEmpty()) {
                        node.setText(text.toString().trim());
                    }
                    return node;
                }
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("document ended inside <" + node.name() + ">");
                default -> {
                    // comments, processing instructions
                }
            }
        }
    }

    private static VimObject toObject(XmlNode objects, String where) throws SourceException {
        XmlNode obj = objects.child("obj");
        if (obj == null || obj.text().isEmpty() || obj.typeAttribute() == null) {
            throw PermanentSourceException.malformed(where, "an object without its managed object reference", null);
        }
        Map<String, XmlNode> props = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (XmlNode c : objects.children()) {
            if (c.name().equals("propSet")) {
                String name = c.text("name");
                XmlNode val = c.child("val");
                if (name != null && val != null) {
                    props.put(name, val);
                }
            } else if (c.name().equals("missingSet")) {
                XmlNode fault = c.child("fault") == null ? null : c.child("fault").child("fault");
                missing.add(c.text("path") + (fault == null || fault.xsiType() == null ? "" : " (" + fault.xsiType() + ")"));
            }
        }
        return new VimObject(obj.typeAttribute(), obj.text(), props, missing);
    }

    private static SoapFault toFault(XmlNode fault) {
        String message = fault.text("faultstring");
        String type = null;
        XmlNode detail = fault.child("detail");
        if (detail != null && !detail.children().isEmpty()) {
            XmlNode d = detail.children().get(0);
            type = d.xsiType() != null ? d.xsiType() : d.name().replaceFirst("Fault$", "");
        }
        return new SoapFault(type == null ? "SOAP fault" : type, message == null ? "" : message);
    }
}
