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
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Settings settings;
    private final OpenAiClient client;
    private ServiceRegistration<AiProvider> registration;

    @Activate
    public OpenAiProvider(OpenAiConfig config, Map<String, Object> properties, BundleContext context) {
        this(Settings.of(nameOf(properties), config, System.getenv()));
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(NAME_PROPERTY, settings.name());
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        if (ranking != null) {
            props.put(Constants.SERVICE_RANKING, ranking instanceof Integer i ? i : Integer.valueOf(ranking.toString().trim()));
        }
        registration = context.registerService(AiProvider.class, this, props);
    }

    OpenAiProvider(Settings settings) {
        this.settings = settings;
        HttpClient http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.client = new OpenAiClient(settings, http, JSON);
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
            registration = null;
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
