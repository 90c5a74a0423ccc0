package com.enreach.tools.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The NetBox pipeline driven the way a user's tooling does: the platform's /api/netbox/* routes with the admin
 * token, and the NetBox double's own API to see what NetBox holds.
 */
final class NetBoxRest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Distribution dist;
    private final String target;

    NetBoxRest(Distribution dist, String target) {
        this.dist = dist;
        this.target = target;
    }

    /** A request to the platform with the admin token; status and body. */
    HttpResponse<String> call(String method, String path, Object body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(dist.baseUrl() + path)).timeout(Duration.ofMinutes(3))
                    .header("Authorization", "Bearer " + dist.adminToken()).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode expect(int status, String method, String path, Object body) {
        HttpResponse<String> r = call(method, path, body);
        assertEquals(status, r.statusCode(), method + " " + path + ": " + r.body());
        return Distribution.parse(r.body());
    }

    /** POST /api/netbox/changesets: a preview of everything for the target. */
    JsonNode preview() {
        return expect(201, "POST", "/api/netbox/changesets", Map.of("target", target));
    }

    JsonNode changeSet(long id) {
        return expect(200, "GET", "/api/netbox/changesets/" + id, null);
    }

    /** Approves every item (deletes included) bound to the hash the preview showed. */
    JsonNode approve(JsonNode changeSet) {
        return expect(200, "POST", "/api/netbox/changesets/" + changeSet.path("id").asLong() + "/approve",
                Map.of("hash", changeSet.path("hash").asText(), "include_deletes", true, "comment", "approved by the test"));
    }

    JsonNode apply(long id) {
        return expect(200, "POST", "/api/netbox/changesets/" + id + "/apply", null);
    }

    JsonNode approveAndApply(JsonNode changeSet) {
        approve(changeSet);
        return apply(changeSet.path("id").asLong());
    }

    /** Items of a change set with the given action and object kind. */
    static List<JsonNode> items(JsonNode changeSet, String action, String objectType) {
        List<JsonNode> out = new ArrayList<>();
        changeSet.path("items").forEach(i -> {
            if ((action == null || action.equals(i.path("action").asText())) && (objectType == null || objectType.equals(i.path("object_type").asText()))) {
                out.add(i);
            }
        });
        return out;
    }

    /** Every object of a NetBox endpoint, read through NetBox's API with paging. */
    static List<JsonNode> netbox(String url, String token, String endpoint) {
        HttpClient http = HttpClient.newHttpClient();
        List<JsonNode> all = new ArrayList<>();
        String next = url + "/api/" + endpoint + "/?limit=500";
        try {
            while (next != null && !next.isEmpty() && !"null".equals(next)) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(next)).header("Authorization", "Token " + token)
                        .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                assertEquals(200, r.statusCode(), next + ": " + r.body());
                JsonNode page = Distribution.parse(r.body());
                page.path("results").forEach(all::add);
                next = page.path("next").isNull() ? null : page.path("next").asText(null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return all;
    }
}
