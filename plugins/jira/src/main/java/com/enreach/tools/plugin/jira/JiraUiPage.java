package com.enreach.tools.plugin.jira;

import org.osgi.service.component.annotations.Component;

import com.enreach.tools.api.ui.UiExtension;

/**
 * The "Tickets" page of the web UI (section Knowledge): cached tickets with filters, and one ticket with its
 * comments and the machines it mentions. The same service is the HTTP whiteboard resource that serves the page's
 * module from this bundle, so the page comes and goes with the Jira jar.
 */
@Component(service = UiExtension.class, property = {
        "osgi.http.whiteboard.resource.pattern=/ui/ext/tickets/*",
        "osgi.http.whiteboard.resource.prefix=/ui-ext/tickets"})
public class JiraUiPage implements UiExtension {
    @Override
    public String id() {
        return "tickets";
    }

    @Override
    public String title() {
        return "Tickets";
    }

    @Override
    public String moduleUrl() {
        return "/ui/ext/tickets/page.js";
    }

    @Override
    public String section() {
        return "Knowledge";
    }

    @Override
    public int order() {
        return 20;
    }
}
