package com.enreach.tools.ai.anthropic.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One Anthropic Messages API endpoint ({@code etc/ai.anthropic-<name>.cfg}); read by {@link Settings}. */
@ObjectClassDefinition(name = "Enreach AI provider: Anthropic",
        description = "A model behind the Anthropic Messages API (or a compatible proxy) the assistant may use.")
public @interface AnthropicConfig {
    @AttributeDefinition(name = "Base URL", description = "Without /v1/messages; a proxy or compatible endpoint may be given.")
    String base_url() default Settings.DEFAULT_BASE_URL;

    @AttributeDefinition(name = "Model", description = "Model id, e.g. claude-sonnet-4-5.")
    String model();

    @AttributeDefinition(name = "API key", type = AttributeType.PASSWORD, required = false,
            description = "The x-api-key (private .password key, never shown or logged).")
    String _password();

    @AttributeDefinition(name = "API key variable", required = false,
            description = "Name of an environment variable holding the key, instead of .password.")
    String api_key_env();

    @AttributeDefinition(name = "Timeout (seconds)", description = "Longest wait for the answer to start and between two stream events.")
    int timeout() default Settings.DEFAULT_TIMEOUT_SECONDS;

    @AttributeDefinition(name = "Max tokens", description = "Answer budget when the request gives none.")
    int max_tokens() default Settings.DEFAULT_MAX_TOKENS;

    @AttributeDefinition(name = "Temperature", description = "0 to 1; when the request gives none.")
    double temperature() default Settings.DEFAULT_TEMPERATURE;

    @AttributeDefinition(name = "Allow sensitive data", description = "Send secrets and device configurations to this "
            + "endpoint (false: the assistant redacts them).")
    boolean allow_sensitive() default false;

    @AttributeDefinition(name = "anthropic-version", description = "The API version header.")
    String anthropic_version() default Settings.DEFAULT_VERSION;

    @AttributeDefinition(name = "Service ranking", required = false, description = "Higher is preferred as the default provider.")
    int service_ranking() default 0;

    @AttributeDefinition(name = "Name", required = false, description = "Instance name; default: what follows ai.anthropic- in the file name.")
    String name();
}
