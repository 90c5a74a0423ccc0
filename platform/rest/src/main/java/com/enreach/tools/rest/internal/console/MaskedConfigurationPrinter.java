package com.enreach.tools.rest.internal.console;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.felix.inventory.Format;
import org.apache.felix.inventory.InventoryPrinter;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import com.enreach.tools.api.plugin.SecretKeys;

/**
 * The console's "Configurations" status printer (page, .txt, .json and every zip), with secret values masked. It
 * stands in for the web console's own printer of that name, which masks only metatype PASSWORD attributes and
 * {@link ConsoleServiceFilter} hides from the status plugin.
 */
@Component(property = {InventoryPrinter.NAME + "=" + MaskedConfigurationPrinter.NAME, InventoryPrinter.TITLE + "=" + MaskedConfigurationPrinter.NAME,
    InventoryPrinter.FORMAT + "=TEXT", ConsoleServiceFilter.MASKED + ":Boolean=true"})
public class MaskedConfigurationPrinter implements InventoryPrinter {
    static final String NAME = "Configurations";

    @Reference
    ConfigurationAdmin configAdmin;

    @Override
    public void print(PrintWriter w, Format format, boolean isZip) {
        Configuration[] configs;
        try {
            configs = configAdmin.listConfigurations(null);
        } catch (IOException | InvalidSyntaxException e) {
            w.println("Status: Configuration Admin Service not accessible: " + e.getMessage());
            return;
        }
        if (configs == null || configs.length == 0) {
            w.println("Status: No Configurations available");
            return;
        }
        long factories = Arrays.stream(configs).map(Configuration::getFactoryPid).filter(f -> f != null).distinct().count();
        w.println("Status: " + configs.length + " configurations" + (factories == 0 ? "" : " with " + factories + " different factories") + " available");
        w.println("Secret values (private .keys and keys named like password, token, secret) are shown as " + SecretKeys.MASK + ".");
        w.println();
        Arrays.sort(configs, Comparator.comparing(Configuration::getPid));
        for (Configuration c : configs) {
            w.println("PID = " + c.getPid());
            if (c.getFactoryPid() != null) {
                w.println("  Factory PID = " + c.getFactoryPid());
            }
            if (c.getBundleLocation() != null) {
                w.println("  BundleLocation = " + c.getBundleLocation());
            }
            Map<String, Object> props = new TreeMap<>(SecretKeys.masked(c.getProperties()));
            props.keySet().removeAll(List.of("service.pid", "service.factoryPid", "service.bundleLocation")); // printed above
            props.forEach((k, v) -> w.println("  " + k + " = " + text(v)));
            w.println();
        }
    }

    private static String text(Object v) {
        if (v instanceof Object[] a) {
            return Arrays.toString(a);
        }
        if (v != null && v.getClass().isArray()) {
            int n = Array.getLength(v);
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < n; i++) {
                b.append(i == 0 ? "" : ", ").append(Array.get(v, i));
            }
            return b.append(']').toString();
        }
        return String.valueOf(v);
    }
}
