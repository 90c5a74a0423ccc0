package com.enreach.tools.rest.internal.console;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

import org.apache.felix.inventory.InventoryPrinter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.FindHook;
import org.osgi.framework.hooks.service.ListenerHook.ListenerInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/**
 * Service hooks that give the web console the masked views of this package instead of the raw ones: the console's DS
 * plugin sees {@link MaskedComponentRuntime} and not the real runtime, the status plugin sees
 * {@link MaskedConfigurationPrinter} and not the console's own "Configurations" printer, and no other bundle sees the
 * masked runtime. A hook only hides what is registered or looked up after it: the launcher starts the console bundles
 * after this one (start levels), so they never see the raw services.
 */
@Component(service = {FindHook.class, EventListenerHook.class}, immediate = true)
public class ConsoleServiceFilter implements FindHook, EventListenerHook {
    /** Service property of the masked stand-ins registered by this bundle. */
    public static final String MASKED = "enreach.console.masked";

    static final String DS_CONSOLE = "org.apache.felix.webconsole.plugins.ds";
    /** The bundles that collect status printers (the inventory bundle, or the console when it embeds it). */
    static final Set<String> STATUS = Set.of("org.apache.felix.inventory", "org.apache.felix.webconsole");

    private long self;

    @Activate
    void activate(BundleContext context) {
        self = context.getBundle().getBundleId();
    }

    @Override
    public void find(BundleContext context, String name, String filter, boolean allServices, Collection<ServiceReference<?>> references) {
        Bundle viewer = context.getBundle();
        references.removeIf(ref -> hidden(viewer, ref));
    }

    @Override
    public void event(ServiceEvent event, Map<BundleContext, Collection<ListenerInfo>> listeners) {
        listeners.keySet().removeIf(ctx -> hidden(ctx.getBundle(), event.getServiceReference()));
    }

    boolean hidden(Bundle viewer, ServiceReference<?> ref) {
        if (viewer == null || viewer.getBundleId() == 0 || viewer.getBundleId() == self) {
            return false;
        }
        boolean masked = Boolean.TRUE.equals(ref.getProperty(MASKED)) && ref.getBundle() != null && ref.getBundle().getBundleId() == self;
        String bsn = viewer.getSymbolicName();
        if (is(ref, ServiceComponentRuntime.class)) {
            return DS_CONSOLE.equals(bsn) ? !masked : masked;
        }
        if (is(ref, InventoryPrinter.class) && STATUS.contains(bsn)) {
            return !masked && MaskedConfigurationPrinter.NAME.equals(ref.getProperty(InventoryPrinter.NAME));
        }
        return false;
    }

    private static boolean is(ServiceReference<?> ref, Class<?> type) {
        Object classes = ref.getProperty(Constants.OBJECTCLASS);
        return classes instanceof String[] names && Arrays.asList(names).contains(type.getName());
    }
}
