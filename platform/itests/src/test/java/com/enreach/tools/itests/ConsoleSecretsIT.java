package com.enreach.tools.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.Test;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Nothing the web console serves, and nothing the framework writes to its storage, shows a secret of a configured
 * source instance. The console's pages are discovered from its own navigation (every plugin label, with its
 * {@code .json}, {@code .txt}, {@code .zip} and {@code .nfo} forms, and the detail page of every id or pid its JSON
 * lists), so a page added later is covered too.
 */
public class ConsoleSecretsIT extends PlatformTestSupport {
    private static final String CONSOLE = "/system/console";
    /** Each key a plugin or a person may put a secret under, with a distinct value to tell which one leaked. */
    private static final Map<String, String> SECRETS = new LinkedHashMap<>();
    private static final String BASIC_USER = "svc-reader";

    static {
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        List<String> keys = List.of(".password", "password", "api.token", ".api.token", "secret", ".token", "token", "client.secret");
        for (int i = 0; i < keys.size(); i++) {
            SECRETS.put(keys.get(i), "Sx" + run + "k" + (char) ('a' + i) + "Q9");
        }
        String basicPassword = "Sx" + run + "basicQ9";
        SECRETS.put("authorization", "Basic " + Base64.getEncoder().encodeToString((BASIC_USER + ":" + basicPassword).getBytes(StandardCharsets.UTF_8)));
        SECRETS.put("basic password (inside the Authorization value)", basicPassword);
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    public void noConsolePageNorDownloadNorStoredFileShowsASecret() throws Exception {
        // One instance of an installed plugin (a DS component gets the values) and one whose plugin is absent
        // (a configuration only).
        writeConfig("source.demo-secrets.cfg", "size=5\nseed=3\npassword.env=ENREACH_IT_UNSET\n" + secretLines());
        writeConfig("source.vcenter-absent.cfg", "url=https://vc.invalid/sdk\nusername=reader\n" + secretLines());
        awaitLive("demo-secrets");
        await("the configuration of the absent plugin in ConfigAdmin", CHANGE,
                () -> fetch(CONSOLE + "/configMgr/source.vcenter~absent.json").text(), t -> t.contains("vc.invalid"));

        Map<String, String> leaks = new LinkedHashMap<>();
        Crawl crawl = crawlConsole();
        System.out.println("ConsoleSecretsIT: " + crawl.pages.size() + " console pages fetched ("
                + crawl.pages.stream().filter(p -> p.status() == 200).count() + " answered 200); labels " + crawl.labels);
        for (Page p : crawl.pages) {
            List<String> found = findSecrets(p.text());
            if (!found.isEmpty()) {
                leaks.put(p.path, String.join(", ", found) + "\n    in: " + around(p.text(), SECRETS.values()));
            }
        }
        // Guards the crawl itself: the pages that used to show secrets were fetched, and show the instances.
        for (String label : List.of("bundles", "services", "components", "configMgr", "status-Configurations", "status-scr", "status-Services")) {
            assertTrue("the console navigation has no '" + label + "': " + crawl.labels, crawl.labels.contains(label));
        }
        assertTrue("no component page shows the demo-secrets instance", crawl.pages.stream()
                .anyMatch(p -> p.path.startsWith(CONSOLE + "/components/") && p.text().contains("demo-secrets")));
        assertTrue("the configuration status does not list the instance", crawl.pages.stream()
                .anyMatch(p -> p.path.equals(CONSOLE + "/status-Configurations.txt") && p.text().contains("source.vcenter~absent")));
        // ...and the secrets are there, masked: the pages show that a key is set, never its value.
        assertTrue("status-scr.txt does not show the masked .password of the instance", crawl.pages.stream()
                .anyMatch(p -> p.path.equals(CONSOLE + "/status-scr.txt") && p.text().contains(".password=********")));
        assertTrue("status-Configurations.txt does not show the masked .password", crawl.pages.stream()
                .anyMatch(p -> p.path.equals(CONSOLE + "/status-Configurations.txt") && p.text().contains(".password = ********")));
        assertTrue("no full zip download was fetched", crawl.pages.stream().anyMatch(p -> p.path.endsWith(".zip") && p.text().contains("Configurations")));
        assertTrue("too few console pages fetched: " + crawl.pages.size(), crawl.pages.size() > 100);

        // The framework's storage (the bundle cache with ConfigAdmin's persisted copy) and data/ hold no secret.
        Path storage = Path.of(bundleContext.getProperty(Constants.FRAMEWORK_STORAGE));
        for (Path root : List.of(storage, home().resolve("data"))) {
            assertTrue(root + " does not exist", Files.isDirectory(root));
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    for (String where : findSecrets(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1))) {
                        leaks.merge(f.toString(), where, (a, b) -> a + ", " + b);
                    }
                }
            }
        }
        assertTrue("secrets shown (" + leaks.size() + " places, " + crawl.pages.size() + " pages checked):\n"
                + String.join("\n", leaks.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList()), leaks.isEmpty());
    }

    @Test
    public void savingAConfigurationInTheConsoleKeepsItsSecrets() throws Exception {
        writeConfig("source.demo-edited.cfg", "size=5\nseed=3\n.password=" + SECRETS.get(".password") + "\n.api.token=" + SECRETS.get(".api.token") + "\n");
        awaitLive("demo-edited");
        String pid = "source.demo~edited";
        Page form = fetch(CONSOLE + "/configMgr/" + pid + ".json");
        assertTrue("the form lists a secret: " + form.text(), findSecrets(form.text()).isEmpty() && !form.text().contains("\".password\""));

        // What the console's form posts when a person changes the size: the fields it shows, not the hidden secrets.
        HttpResponse<String> saved = http.send(HttpRequest.newBuilder(URI.create(api.base() + CONSOLE + "/configMgr/" + segment(pid)))
                .header("Authorization", basic()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("apply=true&propertylist=size,seed&size=6&seed=3")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue("POST configMgr: " + saved.statusCode() + " " + saved.body(), saved.statusCode() < 400);

        // The component got the new size and still has its secrets (read from the real DS runtime, in the test).
        ServiceReference<ServiceComponentRuntime> ref = bundleContext.getServiceReference(ServiceComponentRuntime.class);
        ServiceComponentRuntime scr = bundleContext.getService(ref);
        Map<String, Object> props = await("the edited instance reconfigured with size 6", CHANGE, () -> scr.getComponentDescriptionDTOs().stream()
                .flatMap(d -> scr.getComponentConfigurationDTOs(d).stream()).map(c -> c.properties)
                .filter(p -> pid.equals(p.get("service.pid")) && "6".equals(String.valueOf(p.get("size")))).findFirst().orElse(null), p -> p != null);
        assertEquals(SECRETS.get(".password"), props.get(".password"));
        assertEquals(SECRETS.get(".api.token"), props.get(".api.token"));
    }

    private static String secretLines() {
        StringBuilder b = new StringBuilder();
        SECRETS.forEach((k, v) -> {
            if (!k.contains(" ")) {
                b.append(k).append('=').append(v).append('\n');
            }
        });
        return b.toString();
    }

    /** Where the first secret shows, with some context (test values only, so they may be printed). */
    private static String around(String text, Iterable<String> secrets) {
        for (String s : secrets) {
            int at = text.indexOf(s);
            if (at >= 0) {
                return text.substring(Math.max(0, at - 300), Math.min(text.length(), at + s.length() + 40)).replaceAll("\\s+", " ");
            }
        }
        return "(encoded only)";
    }

    /** Which secrets the text holds, as is, URL-encoded or Base64-encoded (standard and URL-safe). */
    private static List<String> findSecrets(String text) {
        List<String> found = new ArrayList<>();
        SECRETS.forEach((key, value) -> {
            Map<String, String> forms = new LinkedHashMap<>();
            forms.put("plain", value);
            forms.put("url-encoded", URLEncoder.encode(value, StandardCharsets.UTF_8));
            forms.put("url-encoded (%20)", URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            forms.put("base64", Base64.getEncoder().withoutPadding().encodeToString(bytes));
            forms.put("base64url", Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
            if (key.startsWith("authorization")) {
                forms.put("basic credentials", value.substring("Basic ".length()));
            }
            forms.forEach((form, s) -> {
                if (text.contains(s)) {
                    found.add(key + " (" + form + ")");
                }
            });
        });
        return found;
    }

    // ------------------------------------------------------------------ crawling the console

    record Page(String path, int status, String text) {
    }

    record Crawl(Set<String> labels, List<Page> pages) {
    }

    private static final Pattern HREF = Pattern.compile("(?:href|src|action)\\s*=\\s*[\"']([^\"'#?]+)");

    /**
     * Every plugin label of the navigation in every form, then the detail pages of every id and pid the JSON forms
     * list, then the full status downloads. GET only: nothing is changed.
     */
    private Crawl crawlConsole() throws IOException {
        List<Page> pages = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Page index = fetch(CONSOLE + "/bundles");
        assertEquals("the console index: " + index, 200, index.status());
        Set<String> labels = new TreeSet<>();
        Matcher m = HREF.matcher(index.text());
        while (m.find()) {
            String link = m.group(1);
            int at = link.indexOf(CONSOLE + "/");
            if (at >= 0) {
                String rest = link.substring(at + CONSOLE.length() + 1);
                String label = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
                label = java.net.URLDecoder.decode(label, StandardCharsets.UTF_8);
                if (!label.isEmpty() && !label.equals("res") && !label.contains(".")) {
                    labels.add(label);
                }
            }
        }
        Deque<String> queue = new ArrayDeque<>();
        for (String label : labels) {
            if (label.equals("logout")) {
                continue; // ends the session: nothing to show
            }
            for (String suffix : List.of("", ".json", ".txt", ".zip", ".nfo", "/.json")) {
                queue.add(CONSOLE + "/" + segment(label) + suffix);
            }
        }
        queue.add(CONSOLE + "/status/configuration-status.zip");
        queue.add(CONSOLE + "/status/configuration-status.txt");
        queue.add(CONSOLE + "/status-Configurations/configuration-status-full.zip");
        while (!queue.isEmpty() && pages.size() < 2_000) {
            String path = queue.poll();
            if (!seen.add(path)) {
                continue;
            }
            Page p = fetch(path);
            pages.add(p);
            if (p.status() == 200 && path.endsWith(".json")) {
                String label = path.substring(CONSOLE.length() + 1).replaceAll("[/.].*$", "");
                if (label.startsWith("status")) {
                    continue; // inventory JSON: no detail pages behind its ids
                }
                for (String id : ids(p.text())) {
                    String e = segment(id);
                    queue.add(CONSOLE + "/" + label + "/" + e);
                    queue.add(CONSOLE + "/" + label + "/" + e + ".json");
                }
            }
        }
        return new Crawl(labels, pages);
    }

    private static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The values of every id-like member of a JSON document (ids, pids, factory pids). */
    private Set<String> ids(String json) {
        Set<String> out = new LinkedHashSet<>();
        try {
            collectIds(mapper.readTree(json), out);
        } catch (IOException e) {
            // not JSON after all (an error page): no ids
        }
        return out;
    }

    private static void collectIds(JsonNode n, Set<String> out) {
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> {
                if (List.of("id", "pid", "fpid", "factoryPid", "factoryPID").contains(e.getKey()) && e.getValue().isValueNode()
                        && !e.getValue().asText().isBlank()) {
                    out.add(e.getValue().asText());
                }
                collectIds(e.getValue(), out);
            });
        } else if (n.isArray()) {
            n.forEach(c -> collectIds(c, out));
        }
    }

    /** GETs a console path with the admin token as Basic password; a zip's entries are unpacked into the text. */
    private String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + admin).getBytes(StandardCharsets.UTF_8));
    }

    private Page fetch(String path) {
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(api.base() + path)).header("Authorization", basic())
                    .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = r.body();
            String text = isZip(body) ? unzip(body) : new String(body, StandardCharsets.UTF_8);
            return new Page(path, r.statusCode(), text);
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static boolean isZip(byte[] b) {
        return b.length > 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }

    private static String unzip(byte[] zip) throws IOException {
        StringBuilder out = new StringBuilder();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.append("== ").append(e.getName()).append('\n').append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            }
        }
        return out.toString();
    }
}
