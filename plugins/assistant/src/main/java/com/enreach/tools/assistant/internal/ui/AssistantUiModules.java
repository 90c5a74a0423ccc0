package com.enreach.tools.assistant.internal.ui;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import com.enreach.tools.api.Role;
import com.enreach.tools.api.ui.UiExtension;

/**
 * The assistant's pages in the web UI (section "Assistant"): serves their JavaScript modules and stylesheet from this
 * bundle ({@code ui-ext/assistant/}) at {@code /ui/ext/assistant/} (an HTTP whiteboard resource) and registers the
 * three {@link UiExtension}s while it is active, so pages and code come and go with the plugin.
 */
@Component(service = AssistantUiModules.class, immediate = true, property = {
        "osgi.http.whiteboard.resource.pattern=/ui/ext/assistant/*",
        "osgi.http.whiteboard.resource.prefix=/ui-ext/assistant"})
public class AssistantUiModules {
    static final String PATH = "/ui/ext/assistant/";
    static final String SECTION = "Assistant";
    /** Every route behind them is for viewers; drafts in the KB analysis are offered to operators only, in the page. */
    static final List<UiExtension> PAGES = List.of(
            new AssistantPage("assistant", "Ask", PATH + "ask.js", SECTION, 10, Role.VIEWER),
            new AssistantPage("assistant-resolve", "Resolve an issue", PATH + "resolve.js", SECTION, 20, Role.VIEWER),
            new AssistantPage("kb-health", "Knowledge health", PATH + "kb-health.js", SECTION, 30, Role.VIEWER));
    private final List<ServiceRegistration<UiExtension>> registrations = new ArrayList<>();

    @Activate
    void activate(BundleContext context) {
        for (UiExtension page : PAGES) {
            registrations.add(context.registerService(UiExtension.class, page, null));
        }
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<UiExtension> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException e) {
                // already gone with the bundle
            }
        }
        registrations.clear();
    }
}
