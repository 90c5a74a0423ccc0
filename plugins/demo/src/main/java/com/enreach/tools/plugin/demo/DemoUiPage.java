package com.enreach.tools.plugin.demo;

import org.osgi.service.component.annotations.Component;

import com.enreach.tools.api.ui.UiExtension;

/**
 * The demo's page in the web UI ("Demo estate"): its instances and their settings. The same service is the HTTP
 * whiteboard resource that serves the page's module from this bundle, so the page comes and goes with the demo jar.
 */
@Component(service = UiExtension.class, property = {
        "osgi.http.whiteboard.resource.pattern=/ui/ext/demo/*",
        "osgi.http.whiteboard.resource.prefix=/ui-ext/demo"})
public class DemoUiPage implements UiExtension {
    @Override
    public String id() {
        return "demo";
    }

    @Override
    public String title() {
        return "Demo estate";
    }

    @Override
    public String moduleUrl() {
        return "/ui/ext/demo/page.js";
    }

    @Override
    public String section() {
        return "Plugins";
    }

    @Override
    public int order() {
        return 50;
    }
}
