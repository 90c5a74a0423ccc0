package com.enreach.tools.rest.internal.console;

import java.util.Collections;
import java.util.Dictionary;

import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationPlugin;
import org.osgi.service.component.annotations.Component;

/**
 * A secret written under a public key ({@code password=}, {@code api.token=}, {@code secret=}) is delivered masked:
 * Declarative Services copies public configuration keys into service properties, which every console page and the
 * OSGi registry show. Plugins read secrets only from private keys ({@code .password}) or {@code *.env} variables and
 * refuse a plain secret key with a configuration error, which still fires because the key stays present.
 */
@Component(property = {ConfigurationPlugin.CM_RANKING + ":Integer=500", "config.plugin.id=" + PublicSecretMasking.ID})
public class PublicSecretMasking implements ConfigurationPlugin {
    /**
     * The launcher names this plugin in {@code felix.cm.config.plugins}: ConfigAdmin delivers no configuration
     * before it is registered.
     */
    public static final String ID = "enreach.secret.masking";

    @Override
    public void modifyConfiguration(ServiceReference<?> reference, Dictionary<String, Object> properties) {
        for (String key : Collections.list(properties.keys())) {
            if (key.charAt(0) != '.' && SecretKeys.isSecret(key) && properties.get(key) != null) {
                properties.put(key, SecretKeys.MASK);
            }
        }
    }
}
