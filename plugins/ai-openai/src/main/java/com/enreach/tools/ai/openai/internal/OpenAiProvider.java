package com.enreach.tools.ai.openai.internal;

import java.net.http.HttpClient;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

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

import com.enreach.tools.api.ai.AiProvider;
import com.enreach.tools.api.ai.ChatListener;
import com.enreach.tools.api.ai.ChatRequest;
import com.enreach.tools.api.ai.ChatResponse;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One instance per {@code etc/ai.openai-<name>.cfg}: an {@link AiProvider} for an OpenAI-compatible chat-completions
 * endpoint. The component registers the provider itself, so the service carries {@code enreach.ai.provider=<name>}
 * (the name comes from the file name, which DS cannot put into static service properties). A misconfigured file fails
 * its activation with a message naming the file and field, and no provider is registered for it.
 */
@Component(service = {}, immediate = true, configurationPid = "ai.openai", configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = OpenAiConfig.class, factory = true)
public class OpenAiProvider implements AiProvider {
    private static final Logger LOG = LoggerFactory.getLogger(OpenAiProvider.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Settings settings;
    private final OpenAiClient client;
    private ServiceRegistration<AiProvider> registration;

    @Activate
    public OpenAiProvider(OpenAiConfig config, Map<String, Object> properties, BundleContext context) {
        this(validated(nameOf(properties), config, properties));
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(NAME_PROPERTY, settings.name());
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        if (ranking != null) {
            props.put(Constants.SERVICE_RANKING, ranking instanceof Integer i ? i : Integer.valueOf(ranking.toString().trim()));
        }
        registration = context.registerService(AiProvider.class, this, props);
        LOG.info("OpenAI-compatible provider '{}' ready: model {} at {} (auth {}{})", settings.name(), settings.model(),
                settings.baseUrl(), settings.auth(), settings.allowSensitive() ? ", sensitive data allowed" : "");
    }

    /** SCR reports a failed activation only to the OSGi log; the platform's log must name the file and field too. */
    private static Settings validated(String name, OpenAiConfig config, Map<String, Object> properties) {
        try {
            Settings.refusePublicKey(name, properties.keySet());
            return Settings.of(name, config, System.getenv());
        } catch (IllegalArgumentException e) {
            LOG.error("AI provider not started: {}", e.getMessage());
            throw e;
        }
    }

    OpenAiProvider(Settings settings) {
        this.settings = settings;
        // plain http: HTTP/1.1 straight away; the JDK's h2c upgrade attempt trips some local servers
        HttpClient http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .version("http".equals(settings.baseUrl().getScheme()) ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.client = new OpenAiClient(settings, http, JSON);
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
            registration = null;
            LOG.info("OpenAI-compatible provider '{}' stopped", settings.name());
        }
    }

    /** The instance name: the {@code name} property, else what follows {@code ~} in the factory pid. */
    static String nameOf(Map<String, Object> properties) {
        Object named = properties.get("name");
        if (named != null && !named.toString().isBlank()) {
            return named.toString().trim();
        }
        String pid = String.valueOf(properties.getOrDefault(Constants.SERVICE_PID, "default"));
        int tilde = pid.lastIndexOf('~');
        return tilde >= 0 ? pid.substring(tilde + 1) : pid;
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public String kind() {
        return "openai";
    }

    @Override
    public String model() {
        return settings.model();
    }

    @Override
    public String baseUrl() {
        return settings.baseUrl().toString();
    }

    @Override
    public boolean allowsSensitive() {
        return settings.allowSensitive();
    }

    @Override
    public boolean supportsTools() {
        return settings.tools();
    }

    @Override
    public ChatResponse chat(ChatRequest request, ChatListener listener) {
        return client.chat(request, listener == null ? ChatListener.NONE : listener);
    }

    @Override
    public String toString() {
        return "OpenAiProvider[" + settings + "]";
    }
}
