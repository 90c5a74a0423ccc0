package com.enreach.tools.ai.anthropic.internal;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.LogLevel;
import com.anthropic.core.Timeout;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.enreach.tools.api.ai.AiException;
import com.enreach.tools.api.ai.AiProvider;
import com.enreach.tools.api.ai.ChatListener;
import com.enreach.tools.api.ai.ChatRequest;
import com.enreach.tools.api.ai.ChatResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Iterator;

/**
 * One Anthropic Messages API endpoint, called through Anthropic's official Java SDK (OkHttp transport): every turn
 * is streamed ({@code stream: true}) so text reaches the listener as it is generated.
 *
 * <p>The SDK is set up so nothing outside this configuration changes what it does: no retries (the caller decides,
 * with {@link AiException#retryAfter()}), no credentials or headers from the environment, its own logging off, the key
 * sent as {@code x-api-key} and the configured {@code anthropic-version}. The timeout bounds the connection, the wait
 * for the answer and every wait between two stream events.
 */
public final class AnthropicProvider implements AiProvider, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AnthropicProvider.class);
    private final Settings settings;
    private final AnthropicClient client;

    public AnthropicProvider(Settings settings) {
        this.settings = settings;
        Duration t = settings.timeout();
        Duration whole = t.multipliedBy(20).compareTo(Duration.ofMinutes(10)) > 0 ? t.multipliedBy(20) : Duration.ofMinutes(10);
        this.client = AnthropicOkHttpClient.builder()
                .baseUrl(settings.baseUrl().toString())
                .putHeader("x-api-key", settings.apiKey())
                .putHeader("anthropic-version", settings.anthropicVersion())
                .maxRetries(0)
                .logLevel(LogLevel.OFF)
                .timeout(Timeout.builder().connect(t).read(t).write(t).request(whole).build())
                .build();
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public String kind() {
        return "anthropic";
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
    public ChatResponse chat(ChatRequest request, ChatListener listener) {
        MessageCreateParams params = Requests.params(settings, request);
        ListenerGuard guard = new ListenerGuard(listener == null ? ChatListener.NONE : listener);
        TurnAssembler turn = new TurnAssembler(settings, guard);
        try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(params)) {
            Iterator<RawMessageStreamEvent> events = stream.stream().iterator();
            while (events.hasNext()) {
                turn.accept(events.next());
            }
        } catch (ListenerFailure e) {
            throw e.getCause(); // the caller's own listener failed: its exception, untouched
        } catch (RuntimeException e) {
            throw logged(Failures.of(settings, e));
        }
        try {
            return turn.response();
        } catch (AiException e) {
            throw logged(e);
        }
    }

    private static AiException logged(AiException e) {
        LOG.warn("{} [{}]", e.getMessage(), e.code()); // the message names the instance and never holds the key
        return e;
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "AnthropicProvider[" + settings + "]";
    }

    /** Tells the listener's own failures apart from the endpoint's. */
    private record ListenerGuard(ChatListener listener) implements ChatListener {
        @Override
        public void onText(String delta) {
            try {
                listener.onText(delta);
            } catch (RuntimeException e) {
                throw new ListenerFailure(e);
            }
        }
    }

    private static final class ListenerFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ListenerFailure(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }
}
