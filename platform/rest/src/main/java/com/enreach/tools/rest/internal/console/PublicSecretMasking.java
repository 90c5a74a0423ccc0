package com.enreach.tools.rest.internal.console;

import java.util.Collections;
import java.util.Dictionary;
import java.util.List;

import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationPlugin;
import org.osgi.service.component.annotations.Component;
import com.enreach.tools.api.plugin.SecretKeyFile;
import com.enreach.tools.api.plugin.SecretKeys;

/**
 * A secret written under a public key ({@code password=}, {@code api.token=}, {@code secret=}) is delivered masked:
 * Declarative Services copies public configuration keys into service properties, which every console page and the
 * OSGi registry show. Plugins read secrets only from private keys ({@code .password}) or {@code *.env} variables and
 * refuse a plain secret key with a configuration error, which still fires because the key stays present. Applies to
 * the platform's plugins, not to the configurations of the libraries it runs on. An encrypted value
 * ({@code password=ENC(...)}) is delivered as it is: ciphertext is not a secret, the plugin decrypts it with the key
 * file, and every console view still masks it by its key name.
 */
@Component(property = {ConfigurationPlugin.CM_RANKING + ":Integer=500", "config.plugin.id=" + PublicSecretMasking.ID})
public class PublicSecretMasking implements ConfigurationPlugin {
    /**
     * The launcher names this plugin in {@code felix.cm.config.plugins}: ConfigAdmin delivers no configuration
     * before it is registered.
     */
    public static final String ID = "enreach.secret.masking";

    /**
     * Configurations of the libraries the platform runs on (Jetty's keystore password, the console's own settings):
     * left alone, their bundles read public keys.
     */
    private static final List<String> LIBRARY_PIDS = List.of("org.apache.", "org.eclipse.", "org.osgi.", "Jakartars");

    @Override
    public void modifyConfiguration(ServiceReference<?> reference, Dictionary<String, Object> properties) {
        Object pid = properties.get(Constants.SERVICE_PID);
        if (pid != null && LIBRARY_PIDS.stream().anyMatch(String.valueOf(pid)::startsWith)) {
            return;
        }
        for (String key : Collections.list(properties.keys())) {
            Object value = properties.get(key);
            if (key.charAt(0) != '.' && SecretKeys.isSecret(key) && value != null && !SecretKeyFile.isEncrypted(String.valueOf(value))) {
                properties.put(key, SecretKeys.MASK);
            }
        }
    }
}
