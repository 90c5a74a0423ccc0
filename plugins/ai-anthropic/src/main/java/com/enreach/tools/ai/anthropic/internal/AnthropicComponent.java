package com.enreach.tools.ai.anthropic.internal;

import com.enreach.tools.api.ai.AiProvider;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Hashtable;
import java.util.Map;

/**
 * One instance per {@code etc/ai.anthropic-<name>.cfg}: registers an {@link AiProvider} with
 * {@code enreach.ai.provider=<name>} (and the configured {@code service.ranking}). A misconfigured file fails this
 * instance only, with a message naming the file and the field: it is registered as a misconfigured stand-in
 * ({@link AiProvider#misconfigured}), so the assistant lists it with that message and never uses it.
 */
@Component(service = {}, configurationPid = Settings.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = AnthropicConfig.class, factory = true)
public class AnthropicComponent {
    private static final Logger LOG = LoggerFactory.getLogger(AnthropicComponent.class);

    private final String name;
    private final AnthropicProvider provider;
    private final ServiceRegistration<AiProvider> registration;

    @Activate
    public AnthropicComponent(BundleContext context, Map<String, Object> properties) {
        Settings settings = null;
        String problem = null;
        try {
            settings = Settings.from(properties, System.getenv());
        } catch (IllegalArgumentException e) {
            LOG.error("Anthropic provider not started: {}", e.getMessage());
            problem = e.getMessage();
        }
        name = settings == null ? Settings.nameOf(properties) : settings.name();
        provider = settings == null ? null : new AnthropicProvider(settings);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(AiProvider.NAME_PROPERTY, name);
        if (settings != null) {
            props.put(Constants.SERVICE_RANKING, settings.ranking());
        }
        // a misconfigured file is still listed (as misconfigured, with its message), never used
        registration = context.registerService(AiProvider.class,
                provider == null ? AiProvider.misconfigured(name, "anthropic", problem) : provider, props);
        if (settings != null) {
            LOG.info("Anthropic provider '{}' ready: model {} at {} ({}{})", settings.name(), settings.model(),
                    settings.baseUrl(), settings.source(), settings.allowSensitive() ? ", sensitive data allowed" : "");
        }
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
        if (provider != null) {
            provider.close();
        }
        LOG.info("Anthropic provider '{}' stopped", name);
    }
}
