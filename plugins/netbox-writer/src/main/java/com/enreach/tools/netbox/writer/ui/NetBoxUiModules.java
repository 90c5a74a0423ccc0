package com.enreach.tools.netbox.writer.ui;

import org.osgi.service.component.annotations.Component;

/**
 * Serves the NetBox pages' JavaScript modules and stylesheet from this bundle ({@code ui-ext/netbox/}) at
 * {@code /ui/ext/netbox/} (an HTTP whiteboard resource), one registration for the four pages.
 */
@Component(service = NetBoxUiModules.class, property = {
        "osgi.http.whiteboard.resource.pattern=/ui/ext/netbox/*",
        "osgi.http.whiteboard.resource.prefix=/ui-ext/netbox"})
public class NetBoxUiModules {
    static final String PATH = "/ui/ext/netbox/";
}
