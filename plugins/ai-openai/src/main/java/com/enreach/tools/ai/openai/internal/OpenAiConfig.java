package com.enreach.tools.ai.openai.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Option;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One OpenAI-compatible chat-completions endpoint ({@code etc/ai.openai-<name>.cfg}). */
@ObjectClassDefinition(name = "Enreach AI provider: OpenAI-compatible",
        description = "A chat-completions endpoint (OpenAI, Azure OpenAI, vLLM, Ollama, llama.cpp server) the assistant "
                + "may use to generate answers.")
public @interface OpenAiConfig {
    @AttributeDefinition(name = "Base URL", description = "Up to, not including, /chat/completions: "
            + "https://api.openai.com/v1, https://<resource>.openai.azure.com/openai/deployments/<deployment>, "
            + "http://localhost:11434/v1 (Ollama), http://localhost:8000/v1 (vLLM).")
    String base_url() default "https://api.openai.com/v1";

    @AttributeDefinition(name = "Model", description = "Model id sent as 'model' (gpt-4o-mini, llama3.1, ...).")
    String model();

    @AttributeDefinition(name = "API key", type = AttributeType.PASSWORD, required = false,
            description = "The key (private .password key, never logged or shown).")
    String _password();

    @AttributeDefinition(name = "API key variable", required = false,
            description = "Name of an environment variable holding the key, instead of .password.")
    String api_key_env();

    @AttributeDefinition(name = "Authentication", description = "How the key is sent.", options = {
            @Option(label = "Authorization: Bearer <key> (OpenAI, vLLM, most servers)", value = "bearer"),
            @Option(label = "api-key: <key> (Azure OpenAI)", value = "api-key"),
            @Option(label = "No key (local Ollama, llama.cpp server)", value = "none")})
    String auth() default "bearer";

    @AttributeDefinition(name = "API version", required = false,
            description = "Azure's api-version query parameter (e.g. 2024-10-21); appended when set.")
    String api_version();

    @AttributeDefinition(name = "Timeout (seconds)", description = "Longest wait for the answer to start, and between "
            + "two pieces of a streamed answer.")
    int timeout() default 60;

    @AttributeDefinition(name = "Max tokens", description = "Answer budget when the request names none.")
    int max_tokens() default 1024;

    @AttributeDefinition(name = "Max tokens parameter", description = "max_tokens, or max_completion_tokens for "
            + "models that refuse max_tokens (OpenAI's reasoning models).", options = {
            @Option(label = "max_tokens", value = "max_tokens"),
            @Option(label = "max_completion_tokens", value = "max_completion_tokens")})
    String max_tokens_param() default "max_tokens";

    @AttributeDefinition(name = "Temperature", description = "0 to 2.")
    double temperature() default 0.2;

    @AttributeDefinition(name = "Allow sensitive data", description = "true: secrets and device configurations may be "
            + "sent to this endpoint. false (the default): the assistant redacts them first.")
    boolean allow_sensitive() default false;

    @AttributeDefinition(name = "Tools", description = "false for models or servers without function calling: the "
            + "assistant then gathers the context up front.")
    boolean tools() default true;

    @AttributeDefinition(name = "Stream usage", description = "Ask for the token usage chunk (stream_options."
            + "include_usage); false for servers that reject stream_options.")
    boolean stream_usage() default true;
}
