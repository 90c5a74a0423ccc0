package com.enreach.tools.rest.internal.console;

import java.util.Collection;
import java.util.Dictionary;

import org.apache.felix.webconsole.spi.ConfigurationHandler;
import org.osgi.service.component.annotations.Component;
import com.enreach.tools.api.plugin.SecretKeys;

/**
 * The console's configuration editor (Configuration tab and its JSON) leaves secret properties out. The console keeps
 * the values of properties a handler hides when a form is saved, so editing other fields never drops a secret.
 */
@Component
public class ConsoleConfigurationFilter implements ConfigurationHandler {
    @Override
    public void filterProperties(String factoryPid, String pid, Collection<String> propertyNames) {
        propertyNames.removeIf(SecretKeys::isSecret);
    }

    @Override
    public void createConfiguration(String pid) {
        // allowed
    }

    @Override
    public void createFactoryConfiguration(String factoryPid, String name) {
        // allowed
    }

    @Override
    public void deleteConfiguration(String factoryPid, String pid) {
        // allowed
    }

    @Override
    public void updateConfiguration(String factoryPid, String pid, Dictionary<String, Object> props) {
        // allowed: the console puts the hidden secrets back after this call
    }
}
