package com.enreach.tools.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code /metrics} scraped by a real Prometheus (Debian's {@code prometheus}), configured as docs/metrics.md says:
 * a viewer token in a credentials file, and the shipped alerting rules (examples/prometheus-alerts.yml) loaded. A
 * second job without the token must fail its scrape. The rules are also unit-tested with {@code promtool test rules}
 * (src/test/resources/prometheus/alerts-test.yml), and every metric they use must exist in the real scrape.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrometheusScrapeIT {
    private static final String INSTANCE = "demo-prom";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Distribution dist;
    private static Process prometheus;
    private static Path work;
    private static String prometheusUrl;
    private static Path rules;

    @BeforeAll
    static void start() throws Exception {
        dist = Distribution.copy("prometheus");
        dist.start();
        dist.writeConfig("source." + INSTANCE + ".cfg", "size=200\nseed=6\nchurn.percent=0\nschedule.minutes=0\n");
        dist.awaitSource(INSTANCE, s -> s.path("present").asBoolean());
        dist.syncAll(INSTANCE);

        Distribution.Result token = dist.cli("token", "create", "--name", "prometheus", "--role", "viewer");
        assertEquals(0, token.exit(), token.toString());
        work = Files.createDirectories(dist.home().resolve("prometheus"));
        Path credentials = work.resolve("enreach.token");
        Files.writeString(credentials, token.out().strip());
        Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-------"));
        rules = dist.home().resolve("examples").resolve("prometheus-alerts.yml");
        assertTrue(Files.isRegularFile(rules), "the distribution ships the alerting rules as " + rules);

        String target = "127.0.0.1:" + dist.port();
        Files.writeString(work.resolve("prometheus.yml"), String.join("\n",
                "global:",
                "  scrape_interval: 1s",
                "  evaluation_interval: 1s",
                "rule_files:",
                "  - " + rules,
                "scrape_configs:",
                "  - job_name: enreach",
                "    metrics_path: /metrics",
                "    scheme: http",
                "    authorization:",
                "      type: Bearer",
                "      credentials_file: " + credentials,
                "    static_configs:",
                "      - targets: ['" + target + "']",
                "  - job_name: enreach-without-token",
                "    metrics_path: /metrics",
                "    static_configs:",
                "      - targets: ['" + target + "']",
                ""));
        int port = Distribution.freePort();
        prometheusUrl = "http://127.0.0.1:" + port;
        prometheus = new ProcessBuilder("prometheus", "--config.file=" + work.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + work.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(work.resolve("prometheus.log").toFile()).start();
        Distribution.await("Prometheus ready", Duration.ofMinutes(1), () -> status("/-/ready"), s -> s == 200 || !prometheus.isAlive());
        assertTrue(prometheus.isAlive(), "prometheus exited:\n" + Distribution.read(work.resolve("prometheus.log")));
    }

    @AfterAll
    static void stop() throws Exception {
        if (prometheus != null) {
            prometheus.destroy();
            if (!prometheus.waitFor(30, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly();
            }
        }
        if (dist != null) {
            dist.close();
        }
    }

    @Test
    @Order(1)
    void theDocumentedScrapeConfigScrapesWithTheTokenAndFailsWithoutIt() {
        JsonNode up = Distribution.await("both jobs scraped", Duration.ofMinutes(1), () -> query("up"), r -> r.size() == 2);
        for (JsonNode series : up) {
            String job = series.at("/metric/job").asText();
            String value = series.at("/value/1").asText();
            assertEquals("enreach".equals(job) ? "1" : "0", value, "up of job " + job + ": " + up);
        }
        JsonNode targets = get("/api/v1/targets").at("/data/activeTargets");
        for (JsonNode t : targets) {
            if ("enreach-without-token".equals(t.at("/labels/job").asText())) {
                assertTrue(t.path("lastError").asText().contains("401"), "scraped without the token: " + t);
            } else {
                assertEquals("up", t.path("health").asText(), t.toString());
            }
        }
    }

    @Test
    @Order(2)
    void syncFiguresArriveWithTheSourceInstanceBesideTheTargetsInstanceLabel() {
        JsonNode runs = Distribution.await("the sync run in Prometheus", Duration.ofMinutes(1),
                () -> query("enreach_sync_runs_total{job=\"enreach\",source_instance=\"" + INSTANCE + "\"}"), r -> r.size() > 0);
        JsonNode metric = runs.get(0).path("metric");
        assertEquals("succeeded", metric.path("outcome").asText(), runs.toString());
        assertEquals("1", runs.get(0).at("/value/1").asText(), runs.toString());
        assertEquals("127.0.0.1:" + dist.port(), metric.path("instance").asText(), "the target's own instance label");
        assertTrue(metric.path("exported_instance").isMissingNode(), "no label clash with Prometheus' instance: " + metric);
        JsonNode fetched = query("enreach_sync_records_fetched_total{job=\"enreach\",source_instance=\"" + INSTANCE + "\"}");
        assertEquals("200", fetched.get(0).at("/value/1").asText(), fetched.toString());
    }

    @Test
    @Order(3)
    void theShippedAlertingRulesLoadEvaluateAndUseOnlyMetricsTheScrapeHas() throws IOException {
        JsonNode group = Distribution.await("the rules evaluated", Duration.ofMinutes(1), () -> {
            for (JsonNode g : get("/api/v1/rules").at("/data/groups")) {
                if ("enreach".equals(g.path("name").asText())) {
                    return g;
                }
            }
            return null;
        }, g -> g != null && !g.path("lastEvaluation").asText().startsWith("0001"));
        assertEquals(11, group.path("rules").size(), group.toString());
        for (JsonNode rule : group.path("rules")) {
            assertEquals("ok", rule.path("health").asText(), rule.path("name").asText() + ": " + rule.path("lastError").asText());
            assertEquals("inactive", rule.path("state").asText(), "nothing is wrong with a healthy platform: " + rule);
        }

        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\b(enreach_[a-z_]+|jvm_[a-z_]+)\\{").matcher(Files.readString(rules));
        while (m.find()) {
            names.add(m.group(1));
        }
        assertTrue(names.size() >= 8, names.toString());
        for (String name : names) {
            JsonNode r = query("count(" + name + "{job=\"enreach\"})");
            assertFalse(r.isEmpty(), name + " is used by an alert but absent from the scrape");
        }
    }

    @Test
    @Order(4)
    void theAlertingRulesPassTheirPromtoolUnitTests() throws Exception {
        Path dir = Files.createDirectories(work.resolve("promtool"));
        Files.copy(rules, dir.resolve("prometheus-alerts.yml"));
        Files.copy(Path.of("src/test/resources/prometheus/alerts-test.yml"), dir.resolve("alerts-test.yml"));
        Process p = new ProcessBuilder("promtool", "test", "rules", "alerts-test.yml").directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "promtool did not end");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("SUCCESS"), out);
    }

    // ---------------------------------------------------------------- Prometheus' HTTP API

    /** The result vector of an instant query. */
    private static JsonNode query(String promql) {
        JsonNode r = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        if (!"success".equals(r.path("status").asText())) {
            fail("query " + promql + ": " + r);
        }
        return r.at("/data/result");
    }

    private static JsonNode get(String path) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(prometheusUrl + path)).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int status(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(prometheusUrl + path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
