package com.enreach.tools.plugin.confluence;

import org.osgi.service.component.annotations.Component;

import com.enreach.tools.api.ui.UiExtension;

/**
 * The "Articles" page of the web UI (section Knowledge): cached pages with filters, and the view of one
 * ({@code #/ext/articles?id=<id>}). The same service is the HTTP whiteboard resource serving the page's module from
 * this bundle, so the page comes and goes with the Confluence plugin.
 */
@Component(service = UiExtension.class, property = {
        "osgi.http.whiteboard.resource.pattern=/ui/ext/articles/*",
        "osgi.http.whiteboard.resource.prefix=/ui-ext/articles"})
public class ArticlesUiPage implements UiExtension {
    @Override
    public String id() {
        return "articles";
    }

    @Override
    public String title() {
        return "Articles";
    }

    @Override
    public String moduleUrl() {
        return "/ui/ext/articles/page.js";
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
