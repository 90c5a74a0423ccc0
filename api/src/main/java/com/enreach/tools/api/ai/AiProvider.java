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
     * Why this instance cannot be used, or null when it can: a provider plugin registers an instance whose configuration
     * file is wrong anyway (see {@link #misconfigured}), so the assistant lists it as misconfigured with this message
     * (naming the file and the field) and never picks it as the default.
     */
    default String problem() {
        return null;
    }

    /**
     * A stand-in for an instance whose configuration is wrong: it answers nothing, and every {@link #chat} fails with
     * {@link AiException.Kind#BAD_REQUEST} and {@code problem}.
     */
    static AiProvider misconfigured(String name, String kind, String problem) {
        return new AiProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String kind() {
                return kind;
            }

            @Override
            public String model() {
                return null;
            }

            @Override
            public String baseUrl() {
                return null;
            }

            @Override
            public String problem() {
                return problem;
            }

            @Override
            public ChatResponse chat(ChatRequest request, ChatListener listener) {
                throw new AiException(AiException.Kind.BAD_REQUEST, name, "Provider '" + name + "' is misconfigured: " + problem);
            }

            @Override
            public String toString() {
                return "misconfigured " + kind + " provider '" + name + "'";
            }
        };
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
