package com.enreach.tools.api.ui;

import com.enreach.tools.api.Role;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A page a plugin adds to the web UI. The UI lists every registered extension in its navigation and, when the page
 * is opened, imports {@link #moduleUrl()} as a JavaScript module and calls its exported
 * {@code render(element, context)} function; {@code context} holds {@code fetch} and {@code api} (calls with the
 * session), {@code h} (element builder), {@code session} (role, token name), {@code navigate(hash)} and {@code query} (the
 * route's query parameters: {@code #/ext/articles?id=12} gives {@code {id: "12"}}). The plugin serves the module itself (an HTTP whiteboard resource
 * under {@code /ui/ext/<id>/}), so page and code come and go with its jar.
 */
@ConsumerType
public interface UiExtension {

    /** Stable id, lower case letters, digits and dashes; also the page's route ({@code #/ext/<id>}). */
    String id();

    /** Navigation label. */
    String title();

    /** Absolute path of the page's JavaScript module on this server, e.g. {@code /ui/ext/netbox/page.js}. */
    String moduleUrl();

    /** Where the entry goes in the navigation, e.g. {@code Inventory}, {@code Knowledge}, {@code NetBox}. */
    default String section() {
        return "Plugins";
    }

    /** Sort order inside the section (lower first). */
    default int order() {
        return 100;
    }

    /** The least role that sees the entry. */
    default Role requiredRole() {
        return Role.VIEWER;
    }
}
