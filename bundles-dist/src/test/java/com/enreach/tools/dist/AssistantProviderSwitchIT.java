package com.enreach.tools.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.enreach.tools.aidouble.anthropic.AnthropicDouble;
import com.enreach.tools.aidouble.openai.OpenAiDouble;
import com.enreach.tools.aidouble.openai.RecordedRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Pointing a provider configuration at an endpoint switches the running distribution from the built-in offline
 * provider to generated answers, without a restart, and removing it switches back: a small demo estate with its demo
 * wiki and Jira is synced; a question is answered extractively by {@code offline}; an {@code etc/ai.openai-<name>.cfg}
 * pointing at the OpenAI double (started in this JVM; key in {@code .password}) makes that provider the default and
 * the next question is answered by it (the double saw the question and the retrieved data, fenced); then the same with
 * an {@code etc/ai.anthropic-<name>.cfg}; removing the files brings back {@code offline}. The key appears nowhere: not in
 * the logs, the provider list or the audit.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AssistantProviderSwitchIT {
    private static final Duration SWITCH = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Made up per run, so finding it anywhere can only mean this test's configuration leaked it. */
    private static final String OPENAI_KEY = "sk-it-" + UUID.randomUUID().toString().replace("-", "");
    private static final String ANTHROPIC_KEY = "sk-ant-it-" + UUID.randomUUID().toString().replace("-", "");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Distribution dist;
    private static OpenAiDouble openai;
    private static AnthropicDouble anthropic;
    private static String question;
    private static String ticketSummary;

    @BeforeAll
    static void start() throws IOException {
        dist = Distribution.copy("ai-switch");
        String estate = "size=60\nseed=23\nschedule.minutes=0\nchurn.percent=0\n";
        dist.writeConfig("source.demo-vc.cfg", "view=vcenter\n" + estate);
        dist.writeConfig("source.demo-wiki.cfg", "view=confluence\nkb.articles=10\nkb.tickets=30\n" + estate);
        dist.writeConfig("source.demo-jira.cfg", "view=jira\nkb.tickets=30\n" + estate);
        dist.start();
        dist.syncAll("demo-vc", "demo-wiki", "demo-jira");
        dist.awaitKnowledgeIndexed(); // by meaning: the knowledge is vectorised and indexed
        JsonNode ticket = dist.get("/api/kb/tickets?limit=1").path("results").path(0);
        assertFalse(ticket.isMissingNode(), "the demo Jira synced no ticket");
        ticketSummary = ticket.path("summary").asText();
        question = "How was the problem \"" + ticketSummary + "\" solved?";
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (openai != null) {
            openai.close();
        }
        if (anthropic != null) {
            anthropic.close();
        }
        if (dist != null) {
            dist.close();
        }
    }

    @Test
    @Order(1)
    void withoutAProviderConfigurationTheOfflineProviderAnswersExtractively() {
        assertEquals("offline", defaultProvider().path("name").asText());
        JsonNode answer = ask(question);
        assertEquals("offline", answer.path("provider").asText(), answer.toString());
        assertTrue(answer.path("extractive").asBoolean(), answer.toString());
        assertTrue(answer.path("error").isNull() || answer.path("error").isMissingNode(), answer.toString());
    }

    @Test
    @Order(2)
    void anOpenAiConfigurationSwitchesToGeneratedAnswersWithoutARestart() throws IOException {
        long pid = dist.process().pid();
        openai = OpenAiDouble.start(OPENAI_KEY);
        // a misconfigured file beside it fails alone, naming itself and the field
        dist.writeConfig("ai.openai-broken.cfg", "base.url=" + openai.url() + "\n.password=" + OPENAI_KEY + "\n");
        dist.writeConfig("ai.openai-itopenai.cfg", "base.url=" + openai.url() + "\nmodel=gpt-it\n.password=" + OPENAI_KEY
                + "\ntimeout=30\n");

        long written = System.nanoTime();
        JsonNode provider = Distribution.await("itopenai as the default provider", SWITCH, AssistantProviderSwitchIT::defaultProvider,
                p -> "itopenai".equals(p.path("name").asText()));
        // a figure for the docs, never asserted
        System.out.printf("ai.openai-itopenai.cfg written -> default provider in %d ms%n", (System.nanoTime() - written) / 1_000_000);
        assertEquals("openai", provider.path("kind").asText(), provider.toString());
        assertEquals("gpt-it", provider.path("model").asText(), provider.toString());
        Distribution.await("the broken file reported in the log", SWITCH, AssistantProviderSwitchIT::logs,
                l -> l.contains("etc/ai.openai-broken.cfg: model is required"));
        JsonNode broken = Distribution.await("the broken file listed as misconfigured", SWITCH, () -> dist.get("/api/ai/providers"),
                p -> provider(p, "broken") != null);
        assertEquals("misconfigured", provider(broken, "broken").path("status").asText(), broken.toString());
        assertTrue(provider(broken, "broken").path("message").asText().contains("etc/ai.openai-broken.cfg: model is required"), broken.toString());
        assertFalse(provider(broken, "broken").path("is_default").asBoolean(), "a misconfigured provider is never the default");

        long asked = System.nanoTime();
        JsonNode answer = ask(question);
        System.out.printf("question answered through the OpenAI double in %d ms%n", (System.nanoTime() - asked) / 1_000_000);
        assertEquals("itopenai", answer.path("provider").asText(), answer.toString());
        assertFalse(answer.path("extractive").asBoolean(), answer.toString());
        assertTrue(answer.path("text").asText().contains("Generated by the OpenAI double:"), answer.toString());
        assertEquals(pid, dist.process().pid(), "no restart");

        RecordedRequest sent = openai.lastRequest();
        assertEquals(OpenAiDouble.REDACTED, sent.header("authorization"), "the key was sent as a bearer token");
        String messages = messagesText(sent.json());
        assertTrue(messages.contains(question), "the question was sent: " + messages);
        assertTrue(fencedBlockWith(messages, ticketSummary), "the retrieved ticket was sent as fenced data: " + messages);
        assertFalse(sent.body().contains(OPENAI_KEY), "the key is not in the body");
    }

    @Test
    @Order(3)
    void thenAnAnthropicConfigurationTakesOver() throws IOException {
        long pid = dist.process().pid();
        Files.delete(dist.home().resolve("etc").resolve("ai.openai-itopenai.cfg"));
        anthropic = new AnthropicDouble(ANTHROPIC_KEY);
        dist.writeConfig("ai.anthropic-itclaude.cfg", "base.url=" + anthropic.url() + "\nmodel=claude-it\n.password="
                + ANTHROPIC_KEY + "\ntimeout=30\n");

        JsonNode provider = Distribution.await("itclaude as the default provider", SWITCH, AssistantProviderSwitchIT::defaultProvider,
                p -> "itclaude".equals(p.path("name").asText()));
        assertEquals("anthropic", provider.path("kind").asText(), provider.toString());

        JsonNode answer = ask(question);
        assertEquals("itclaude", answer.path("provider").asText(), answer.toString());
        assertFalse(answer.path("extractive").asBoolean(), answer.toString());
        assertTrue(answer.path("text").asText().contains(AnthropicDouble.DEFAULT_PREFIX), answer.toString());
        assertEquals(pid, dist.process().pid(), "no restart");

        com.enreach.tools.aidouble.anthropic.RecordedRequest sent = anthropic.requests().get(anthropic.requests().size() - 1);
        assertTrue(sent.keyAccepted(), "the key was sent in x-api-key");
        String messages = messagesText(sent.body());
        assertTrue(messages.contains(question), "the question was sent: " + messages);
        assertTrue(fencedBlockWith(messages, ticketSummary), "the retrieved ticket was sent as fenced data: " + messages);
        assertFalse(sent.body().toString().contains(ANTHROPIC_KEY), "the key is not in the body");
    }

    @Test
    @Order(4)
    void removingTheConfigurationsSwitchesBackToOffline() throws IOException {
        Files.deleteIfExists(dist.home().resolve("etc").resolve("ai.openai-itopenai.cfg"));
        Files.deleteIfExists(dist.home().resolve("etc").resolve("ai.anthropic-itclaude.cfg"));
        Files.deleteIfExists(dist.home().resolve("etc").resolve("ai.openai-broken.cfg"));
        Distribution.await("offline as the default provider again", SWITCH, AssistantProviderSwitchIT::defaultProvider,
                p -> "offline".equals(p.path("name").asText()));
        JsonNode answer = ask(question);
        assertEquals("offline", answer.path("provider").asText(), answer.toString());
        assertTrue(answer.path("extractive").asBoolean(), answer.toString());
    }

    @Test
    @Order(5)
    void theKeyAppearsNowhere() throws IOException {
        String audit = getRaw("/api/ai/audit?limit=100");
        assertTrue(audit.contains("itopenai"), "the call to the OpenAI double is audited: " + audit);
        assertTrue(audit.contains("itclaude"), "the call to the Anthropic double is audited: " + audit);
        String providers = getRaw("/api/ai/providers");
        String conversations = getRaw("/api/ai/conversations?limit=100");
        for (String key : new String[] {OPENAI_KEY, ANTHROPIC_KEY}) {
            assertFalse(providers.contains(key), providers);
            assertFalse(audit.contains(key), audit);
            assertFalse(conversations.contains(key), conversations);
            assertFalse(logs().contains(key), "a key is in log/");
        }
    }

    /** Everything in log/ (the platform's logs and console output). */
    private static String logs() {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> files = Files.list(dist.home().resolve("log"))) {
            for (Path log : files.filter(Files::isRegularFile).sorted().toList()) {
                b.append(Distribution.read(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toString();
    }

    /** The provider named {@code name} in a {@code /api/ai/providers} answer, or null. */
    private static JsonNode provider(JsonNode providers, String name) {
        for (JsonNode p : providers.path("results")) {
            if (name.equals(p.path("name").asText())) {
                return p;
            }
        }
        return null;
    }

    /** Whether a data fence (the assistant's Guard: {@code <<<DATA kind ref} ... {@code >>>}) holds {@code text}. */
    private static boolean fencedBlockWith(String messages, String text) {
        int at = 0;
        while ((at = messages.indexOf("<<<DATA ", at)) >= 0) {
            int end = messages.indexOf("\n>>>", at);
            if (end < 0) {
                return false;
            }
            if (messages.substring(at, end).contains(text)) {
                return true;
            }
            at = end;
        }
        return false;
    }

    /** Every message's text (string contents and text parts; OpenAI or Anthropic body), one per line. */
    private static String messagesText(JsonNode body) {
        StringBuilder b = new StringBuilder();
        if (body.path("system").isTextual()) { // Anthropic's system prompt travels beside the messages
            b.append(body.path("system").asText()).append('\n');
        }
        for (JsonNode m : body.path("messages")) {
            JsonNode content = m.path("content");
            if (content.isTextual()) {
                b.append(content.asText()).append('\n');
            }
            for (JsonNode part : content.isArray() ? content : JSON.createArrayNode()) {
                b.append(part.path("text").asText()).append('\n');
            }
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ REST helpers

    private static JsonNode defaultProvider() {
        for (JsonNode p : dist.get("/api/ai/providers").path("results")) {
            if (p.path("is_default").asBoolean() || p.path("default").asBoolean()) {
                return p;
            }
        }
        return JSON.missingNode();
    }

    private static JsonNode ask(String text) {
        HttpResponse<String> r = send("POST", "/api/ai/query", JSON.createObjectNode().put("question", text).toString());
        assertEquals(200, r.statusCode(), r.body());
        return Distribution.parse(r.body());
    }

    /** A request with a JSON body and the admin token. */
    private static HttpResponse<String> send(String method, String path, String json) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(dist.baseUrl() + path)).timeout(Duration.ofMinutes(3))
                    .header("Authorization", "Bearer " + dist.adminToken()).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String getRaw(String path) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(dist.baseUrl() + path))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + dist.adminToken()).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(200, r.statusCode(), path + ": " + r.body());
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
