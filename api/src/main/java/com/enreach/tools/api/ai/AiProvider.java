package com.enreach.tools.api.ai;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One configured language-model endpoint (an Anthropic Messages API, an OpenAI-compatible chat-completions endpoint,
 * ...). Registered as an OSGi service per configuration instance; the assistant binds them dynamically.
 *
 * <p>Implementations never log or return the API key, and turn every transport or vendor error into an
 * {@link AiException} with a clear message.
 */
@ConsumerType
public interface AiProvider {
    /** Service property: the instance name, also returned by {@link #name()}. */
    String NAME_PROPERTY = "enreach.ai.provider";

    /** Instance name, unique: what follows the {@code -} in {@code ai.openai-<name>.cfg} ({@code offline} for the built-in). */
    String name();

    /** {@code anthropic}, {@code openai} (any OpenAI-compatible endpoint) or {@code offline}. */
    String kind();

    /** Model id sent to the endpoint (e.g. {@code claude-sonnet-4-5}, {@code gpt-4o-mini}, {@code llama3.1}). */
    String model();

    /** Base URL of the endpoint, without credentials; {@code null} for the offline provider. */
    String baseUrl();

    /** True when data sent to this provider leaves the machine (anything but the offline provider). */
    default boolean external() {
        return true;
    }

    /**
     * True when the instance is configured ({@code allow.sensitive=true}) to receive secrets and device configurations;
     * false by default, and then the assistant never sends them.
     */
    default boolean allowsSensitive() {
        return false;
    }

    /** True when the provider can call tools ({@link ChatRequest#tools()}); without it the assistant gathers context up front. */
    default boolean supportsTools() {
        return true;
    }

    /**
     * One model turn. Streams text deltas to {@code listener} as they arrive (when the endpoint streams) and returns the
     * complete turn. Blocks; honours the instance's timeout.
     *
     * @throws AiException for every failure (authentication, rate limit with retry-after, overload, timeout, malformed
     *                     or truncated stream, bad request); never another exception type
     */
    ChatResponse chat(ChatRequest request, ChatListener listener);
}
