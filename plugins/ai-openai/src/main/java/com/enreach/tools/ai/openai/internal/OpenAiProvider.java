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
    private final String name;
    private final String problem;
    private ServiceRegistration<AiProvider> registration;

    @Activate
    public OpenAiProvider(OpenAiConfig config, Map<String, Object> properties, BundleContext context) {
        this(validated(nameOf(properties), config, properties));
        register(context, properties, this);
        if (problem == null) {
            LOG.info("OpenAI-compatible provider '{}' ready: model {} at {} (auth {}{})", settings.name(), settings.model(),
                    settings.baseUrl(), settings.auth(), settings.allowSensitive() ? ", sensitive data allowed" : "");
        }
    }

    private void register(BundleContext context, Map<String, Object> properties, OpenAiProvider self) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(NAME_PROPERTY, name);
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        if (ranking != null && ranking.toString().trim().matches("-?\\d+")) {
            props.put(Constants.SERVICE_RANKING, ranking instanceof Integer i ? i : Integer.valueOf(ranking.toString().trim()));
        }
        // a misconfigured file is still listed (as misconfigured, with its message), never used
        registration = context.registerService(AiProvider.class, problem == null ? self : AiProvider.misconfigured(name, "openai", problem), props);
    }

    /** SCR reports a failed activation only to the OSGi log; the platform's log must name the file and field too. */
    private static Object validated(String name, OpenAiConfig config, Map<String, Object> properties) {
        try {
            Settings.refusePublicKey(name, properties);
            return Settings.of(name, config, properties, System.getenv());
        } catch (IllegalArgumentException e) {
            LOG.error("AI provider not started: {}", e.getMessage());
            return new String[] {name, e.getMessage()};
        }
    }

    private OpenAiProvider(Object validated) {
        if (validated instanceof Settings s) {
            this.settings = s;
            this.name = s.name();
            this.problem = null;
            this.client = client(s);
        } else {
            String[] failed = (String[]) validated;
            this.settings = null;
            this.name = failed[0];
            this.problem = failed[1];
            this.client = null;
        }
    }

    OpenAiProvider(Settings settings) {
        this((Object) settings);
    }

    private static OpenAiClient client(Settings settings) {
        // plain http: HTTP/1.1 straight away; the JDK's h2c upgrade attempt trips some local servers
        HttpClient http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .version("http".equals(settings.baseUrl().getScheme()) ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return new OpenAiClient(settings, http, JSON);
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
            registration = null;
            LOG.info("OpenAI-compatible provider '{}' stopped", name);
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
