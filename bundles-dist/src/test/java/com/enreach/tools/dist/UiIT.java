package com.enreach.tools.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

/**
 * The web UI in a real headless Chromium against the running distribution: sign-in, the session cookie, CSP, the
 * sources page with live sync progress, sync history filters, a configuration diff, CSRF refusals (forged requests and
 * a real cross-origin form post), and a plugin page that comes and goes with its jar. Screenshots go to
 * target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UiIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Distribution dist;
    private static Browser browser;

    @BeforeAll
    static void start() throws IOException {
        dist = Distribution.copy("ui");
        // Every switch's configuration changes on every run (churn 100%): two runs give two versions to compare.
        dist.writeConfig("source.demo-ui.cfg", "size=300\nseed=7\nchurn.percent=100\nschedule.minutes=0\n");
        dist.writeConfig("source.demo-broken.cfg", "size=300\nfault.after=50\nschedule.minutes=0\n");
        // Slow enough to be seen running: about 2 s per 1,000 records.
        dist.writeConfig("source.demo-slow.cfg", "size=4000\npause.ms.per.1000=2000\nschedule.minutes=0\n");
        dist.start();
        for (String instance : List.of("demo-ui", "demo-broken", "demo-slow")) {
            dist.awaitSource(instance, s -> s.path("present").asBoolean());
        }
        browser = new Browser(dist.baseUrl());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (browser != null) {
            browser.close();
        }
        if (dist != null) {
            dist.close();
        }
    }

    private static JsonNode syncAndWait(String instance) {
        HttpResponse<String> r = dist.post("/api/sources/" + instance + "/sync");
        assertEquals(202, r.statusCode(), r.body());
        long id = Distribution.parse(r.body()).path("id").asLong();
        return Distribution.await("run " + id + " to finish", Duration.ofMinutes(3), () -> dist.get("/api/sync/runs/" + id),
                run -> !"running".equals(run.path("status").asText()));
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return HTTP.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    @Order(1)
    void aBadTokenIsRefusedAndTheAdminTokenSignsIn() {
        browser.open("/");
        browser.await(By.id("token")).sendKeys("enr_not-a-real-token");
        browser.screenshot("signin");
        browser.driver().findElement(By.id("signin-submit")).click();
        browser.awaitText(By.id("signin-error"), "unknown or revoked");
        assertTrue(browser.all(By.id("signed-in-as")).isEmpty());
        assertTrue(browser.driver().manage().getCookieNamed("enreach_session") == null, "no session for a bad token");

        browser.signIn(dist.adminToken());
        assertTrue(browser.await(By.id("signed-in-as")).getText().contains("bootstrap-admin"));
        assertTrue(browser.await(By.id("signed-in-as")).getText().contains("admin"));
    }

    @Test
    @Order(2)
    void theSessionCookieIsHttpOnlyStrictAndTheTokenIsNotInWebStorage() {
        Cookie c = browser.driver().manage().getCookieNamed("enreach_session");
        assertNotNull(c, "signed in: the session cookie is set");
        assertTrue(c.isHttpOnly());
        assertEquals("Strict", c.getSameSite());
        assertEquals("/", c.getPath());
        String token = dist.adminToken();
        assertNotEquals(token, c.getValue());
        Object stored = browser.driver().executeScript("""
                const all = [];
                for (const s of [localStorage, sessionStorage]) for (let i = 0; i < s.length; i++) all.push(s.key(i) + '=' + s.getItem(s.key(i)));
                return all.join('\\n') + '\\n' + document.cookie;""");
        assertFalse(String.valueOf(stored).contains(token), "the token is in web storage or a script-readable cookie");
        assertFalse(String.valueOf(stored).contains("enreach_session"), "the session cookie is readable by scripts");
        assertEquals(0L, browser.driver().executeScript("return localStorage.length + sessionStorage.length"));
    }

    @Test
    @Order(3)
    void uiResponsesCarryTheCspAndTheBrowserEnforcesIt() throws Exception {
        for (String path : List.of("/", "/ui/js/app.js", "/ui/ext/demo/page.js")) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(dist.baseUrl() + path)));
            assertEquals(200, r.statusCode(), path);
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"), path + ": " + csp);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), path);
            assertTrue(r.headers().firstValue("Referrer-Policy").isPresent(), path);
        }
        browser.open("/");
        browser.await(By.id("signed-in-as"));
        Object ran = browser.driver().executeScript("""
                const s = document.createElement('script');
                s.textContent = 'window.__inlineRan = true';
                document.head.appendChild(s);
                return window.__inlineRan === true;""");
        assertEquals(Boolean.FALSE, ran, "an inline script ran despite the CSP");
    }

    @Test
    @Order(4)
    void dataIsRenderedAsTextNeverAsMarkup() {
        browser.open("/");
        browser.await(By.id("signed-in-as"));
        // The page's own builders, fed what a hostile source could send as a name, a value and a link.
        @SuppressWarnings("unchecked")
        List<Object> out = (List<Object>) browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/ui/js/dom.js').then(m => {
                  const evil = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
                  const el = m.h('div', {}, m.table([{ label: 'name', render: r => m.show(r.name) }, { label: 'meta', render: r => m.kv(Object.entries(r.meta)) }],
                      [{ name: evil, meta: { [evil]: evil } }]), m.recordTable([{ value: evil }]));
                  document.body.append(el);
                  const result = [el.querySelectorAll('img, script').length, el.textContent.includes('<img src=x'), String(m.safeUrl('javascript:alert(1)')),
                        String(m.safeUrl('https://vcenter.example/ui/vm-42'))];
                  el.remove();
                  done(result);
                });""");
        assertEquals(List.of(0L, true, "null", "https://vcenter.example/ui/vm-42"), out);
        assertEquals(null, browser.driver().executeScript("return window.__xss === undefined ? null : window.__xss"));
    }

    /**
     * The inventory pages against the REST contract (api.inventory records as the API writes them), answered by a
     * stand-in for fetch: InventoryUiIT drives the same pages against the real routes.
     */
    @Test
    @Order(5)
    @SuppressWarnings("unchecked")
    void theInventoryPagesRenderTheContractsShapes() throws IOException {
        String fixtures = Files.readString(Path.of("src/test/resources/ui/contract-fixtures.json"));
        browser.open("/");
        browser.await(By.id("signed-in-as"));
        // Pictures of two pages for the docs, from the same contract-shaped answers (labelled as such in ui.md), once the
        // page's own first rendering is over (it would replace them).
        browser.await(By.cssSelector("#main > .page, #main > .error-box"));
        for (String[] page : new String[][] {{"entity.js", "1", "entity-detail-contract"}, {"conflicts.js", "", "conflicts-contract"}}) {
            Object shown = browser.driver().executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const fixtures = JSON.parse(arguments[0]);
                    const realFetch = window.fetch;
                    window.fetch = (input, init) => {
                      const body = fixtures[new URL(String(input), location.origin).pathname];
                      return body === undefined ? realFetch(input, init)
                        : Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } }));
                    };
                    import('/ui/js/pages/' + arguments[1]).then(async m => {
                      const el = document.createElement('div');
                      await m.render(el, { arg: arguments[2] || null, query: new URLSearchParams(''), go() {}, flash() {}, stale: () => false, canOperate: true,
                        session: { role: 'admin' } });
                      window.fetch = realFetch;
                      document.getElementById('main').replaceChildren(el);
                      done(true);
                    }).catch(e => { window.fetch = realFetch; done(String(e)); });""", fixtures, page[0], page[1]);
            assertEquals(Boolean.TRUE, shown);
            browser.screenshot(page[2]);
        }
        Map<String, Object> out = (Map<String, Object>) browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const fixtures = JSON.parse(arguments[0]);
                const sent = [];
                const realFetch = window.fetch;
                window.fetch = (input, init = {}) => {
                  const u = new URL(String(input), location.origin);
                  if ((init.method || 'GET') !== 'GET') {
                    sent.push({ method: init.method, path: u.pathname, csrf: new Headers(init.headers).get('X-CSRF-Token'), body: JSON.parse(init.body) });
                    return Promise.resolve(new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } }));
                  }
                  const body = fixtures[u.pathname];
                  return body === undefined ? realFetch(input, init)
                    : Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } }));
                };
                const ctx = (arg, q, flash) => ({ arg, query: new URLSearchParams(q || ''), go() {}, flash: flash || (() => {}), stale: () => false,
                  canOperate: true, session: { role: 'admin', token_name: 't' } });
                const text = el => el ? el.textContent : null;
                Promise.all([import('/ui/js/pages/entities.js'), import('/ui/js/pages/entity.js'), import('/ui/js/pages/conflicts.js'),
                    import('/ui/js/pages/reports.js'), fetch('/api/session').then(r => r.json())]).then(async ([entities, entity, conflicts, reports, session]) => {
                  const list = document.createElement('div'); await entities.render(list, ctx(null, 'sort=-last_seen'));
                  const e = document.createElement('div'); await entity.render(e, ctx('1'));
                  const c = document.createElement('div');
                  let flashed;
                  const resolved = new Promise(res => { flashed = res; });
                  await conflicts.render(c, ctx(null, '', m => flashed(m)));
                  const r = document.createElement('div'); await reports.render(r, ctx('vms-without-backup'));
                  c.querySelector('button.choose[data-value="34359738368"]').click();
                  const message = await resolved;
                  window.fetch = realFetch;
                  done({
                    entityRows: list.querySelectorAll('#entities tbody tr').length,
                    firstEntity: text(list.querySelector('#entities tbody tr')),
                    sortedHeader: text(list.querySelector('#entities th.sorted-desc')),
                    golden: e.querySelectorAll('#golden-attributes tbody tr').length,
                    memoryRow: text(e.querySelector('#golden-attributes tbody tr')),
                    conflictLink: e.querySelector('#golden-attributes a.conflict').getAttribute('href'),
                    sourceLinks: [...e.querySelectorAll('#observations a.source-link')].map(a => a.getAttribute('href')),
                    observations: e.querySelectorAll('#observations tbody tr').length,
                    relationship: text(e.querySelector('#relationships tbody tr')),
                    choices: c.querySelectorAll('button.choose').length,
                    sent, message, csrf: session.csrf_token,
                    reportRows: r.querySelectorAll('#report-rows tbody tr').length,
                    drillDown: [...r.querySelectorAll('#report-rows a.drill-down')].map(a => a.getAttribute('href')),
                    csv: r.querySelector('#report-csv').getAttribute('href'),
                    total: text(r.querySelector('#report-total')) });
                }).catch(err => { window.fetch = realFetch; done({ error: String(err && err.stack || err) }); });""", fixtures);
        assertEquals(null, out.get("error"));
        assertEquals(2L, out.get("entityRows"));
        assertTrue(String.valueOf(out.get("firstEntity")).contains("web01.prod.example.com") && String.valueOf(out.get("firstEntity")).contains("demo-vcenter"));
        assertEquals("Last seen", out.get("sortedHeader"));
        // Golden values name their source, the rule and what the other source says; conflicts link to their resolution.
        assertEquals(2L, out.get("golden"));
        String memory = String.valueOf(out.get("memoryRow"));
        assertTrue(memory.contains("68719476736") && memory.contains("demo-vcenter") && memory.contains("source_priority") && memory.contains("34359738368")
                && memory.contains("demo-puppetdb"), memory);
        assertEquals("#/conflicts?entity=1&attribute=memory_bytes", out.get("conflictLink"));
        assertEquals(2L, out.get("observations"));
        assertEquals(List.of("https://vcenter.example/ui/app/vm;nav=v/urn:vmomi:VirtualMachine:vm-42"), out.get("sourceLinks"), "only the http(s) source URL is a link");
        assertTrue(String.valueOf(out.get("relationship")).contains("esx01.example.com"));
        // Choosing a candidate is a PUT of the override with the session's CSRF token.
        assertEquals(2L, out.get("choices"));
        List<Map<String, Object>> sent = (List<Map<String, Object>>) out.get("sent");
        assertEquals(1, sent.size(), String.valueOf(sent));
        assertEquals("PUT", sent.get(0).get("method"));
        assertEquals("/api/entities/1/overrides/memory_bytes", sent.get(0).get("path"));
        assertEquals(out.get("csrf"), sent.get(0).get("csrf"));
        assertEquals(34359738368L, ((Map<String, Object>) sent.get(0).get("body")).get("value"));
        assertTrue(String.valueOf(out.get("message")).contains("manual override"));
        // Reports: the rows drill down to their entity; the CSV link asks the same report as CSV.
        assertEquals(1L, out.get("reportRows"));
        assertEquals(List.of("#/entities/1"), out.get("drillDown"));
        assertEquals("1", out.get("total"));
        assertTrue(String.valueOf(out.get("csv")).startsWith("/api/reports/vms-without-backup?") && String.valueOf(out.get("csv")).contains("format=csv"));
    }

    @Test
    @Order(6)
    void theSourcesPageChecksAConnectionAndFollowsASyncLive() {
        browser.route("#/sources");
        browser.await(By.id("sources"));
        browser.await(By.cssSelector("button.check[data-instance='demo-ui']")).click();
        browser.awaitText(By.id("progress-demo-ui"), "Connection ok");

        browser.await(By.cssSelector("button.sync-now[data-instance='demo-slow']")).click();
        // Progress while it runs: the status line shows the running run with records fetched so far.
        WebElement line = browser.await(By.cssSelector("#progress-demo-slow .sync-status"));
        browser.until("the slow run shown running with records fetched", d -> "running".equals(line.getAttribute("data-status"))
                && Long.parseLong(line.getAttribute("data-fetched")) > 0 ? Boolean.TRUE : null);
        assertTrue(browser.all(By.cssSelector("#progress-demo-slow progress")).size() == 1);
        browser.screenshot("sources-sync-running");
        browser.until("the slow run shown finished", d -> "succeeded".equals(line.getAttribute("data-status")) ? Boolean.TRUE : null);
        JsonNode last = dist.get("/api/sync/runs?instance=demo-slow&limit=1").path("results").path(0);
        assertEquals("succeeded", last.path("status").asText());
        assertEquals(last.path("fetched").asText(), line.getAttribute("data-fetched"), "the page shows the run's final count");
        assertTrue(line.getText().contains("fetched " + last.path("fetched").asText()), line.getText());
        browser.screenshot("sources");
    }

    @Test
    @Order(7)
    void syncHistoryFiltersBySourceStatusAndDate() {
        assertEquals("succeeded", syncAndWait("demo-ui").path("status").asText());
        assertEquals("failed", syncAndWait("demo-broken").path("status").asText());

        browser.route("#/syncs");
        browser.await(By.id("sync-runs"));
        new Select(browser.await(By.cssSelector("#sync-filters select[name=status]"))).selectByValue("failed");
        browser.driver().findElement(By.cssSelector("#sync-filters button[type=submit]")).click();
        browser.until("only failed runs", d -> {
            List<WebElement> statuses = d.findElements(By.cssSelector("#sync-runs .run-status"));
            return !statuses.isEmpty() && statuses.stream().allMatch(s -> s.getText().equals("failed")) ? Boolean.TRUE : null;
        });
        assertTrue(browser.all(By.cssSelector("#sync-runs .run-instance")).stream().anyMatch(e -> e.getText().equals("demo-broken")));

        browser.route("#/syncs?instance=demo-ui");
        browser.until("only demo-ui runs", d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("#sync-runs .run-instance"));
            return !rows.isEmpty() && rows.stream().allMatch(s -> s.getText().equals("demo-ui")) ? Boolean.TRUE : null;
        });
        browser.screenshot("sync-history");

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        browser.route("#/syncs?from=" + tomorrow);
        browser.awaitText(By.cssSelector(".page[data-page=syncs] .empty"), "No run matches");
        browser.route("#/syncs?from=" + today + "&to=" + today + "&status=succeeded");
        browser.until("today's succeeded runs", d -> {
            List<WebElement> statuses = d.findElements(By.cssSelector("#sync-runs .run-status"));
            return !statuses.isEmpty() && statuses.stream().allMatch(s -> s.getText().equals("succeeded")) ? Boolean.TRUE : null;
        });
    }

    @Test
    @Order(8)
    void aDeviceShowsTwoConfigurationVersionsSideBySide() {
        assertEquals("succeeded", syncAndWait("demo-ui").path("status").asText()); // second version of every switch config
        JsonNode sw = dist.get("/api/devices?source_instance=demo-ui&type=network_device&limit=1").path("results").path(0);
        browser.route("#/devices/" + sw.path("id").asText());
        browser.await(By.cssSelector("#config-diff"));
        List<WebElement> removed = browser.all(By.cssSelector("#config-diff td.del"));
        List<WebElement> added = browser.all(By.cssSelector("#config-diff td.add"));
        assertFalse(removed.isEmpty() || added.isEmpty(), "a changed line on each side");
        assertTrue(removed.get(0).getText().contains("firmware") && added.get(0).getText().contains("firmware"));
        assertNotEquals(removed.get(0).getText(), added.get(0).getText());
        browser.driver().executeScript("document.getElementById('configs').scrollIntoView()");
        browser.screenshot("device-config-diff");
    }

    @Test
    @Order(9)
    void aStateChangingRequestWithTheCookieButWithoutTheRightCsrfTokenIsRefused() throws Exception {
        String cookie = "enreach_session=" + browser.driver().manage().getCookieNamed("enreach_session").getValue();
        String url = dist.baseUrl() + "/api/sources/demo-ui/check";
        HttpResponse<String> none = send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(403, none.statusCode(), none.body());
        assertTrue(none.body().contains("X-CSRF-Token"), none.body());
        HttpResponse<String> wrong = send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).header("X-CSRF-Token", "forged")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(403, wrong.statusCode(), wrong.body());
        // The page's own request, with the token it got at sign-in, goes through.
        Object status = browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/api/session').then(r => r.json()).then(s => fetch('/api/sources/demo-ui/check',
                    {method: 'POST', headers: {'X-CSRF-Token': s.csrf_token}})).then(r => done(r.status));""");
        assertEquals(200L, status);
    }

    @Test
    @Order(10)
    void aRealCrossOriginFormPostIsRefused() throws Exception {
        long runsBefore = dist.get("/api/sync/runs?instance=demo-ui&limit=1").path("count").asLong();
        // Another origin (another port of the same host, so the browser even sends the SameSite cookie along).
        HttpServer evil = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] page = ("<!doctype html><html><body><form id='f' method='POST' action='" + dist.baseUrl()
                + "/api/sources/demo-ui/sync'><input name='x' value='1'><button id='go' type='submit'>win a prize</button></form></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        evil.createContext("/", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, page.length);
            ex.getResponseBody().write(page);
            ex.close();
        });
        evil.start();
        try {
            browser.driver().get("http://127.0.0.1:" + evil.getAddress().getPort() + "/");
            browser.await(By.id("go")).click();
            browser.until("the API's answer to the forged post", d -> d.getCurrentUrl().endsWith("/api/sources/demo-ui/sync") ? Boolean.TRUE : null);
            String body = browser.driver().findElement(By.tagName("body")).getText();
            assertTrue(body.contains("csrf_token_mismatch") || body.contains("unauthenticated"), body);
        } finally {
            evil.stop(0);
        }
        assertEquals(runsBefore, dist.get("/api/sync/runs?instance=demo-ui&limit=1").path("count").asLong(), "the forged post started a run");
        assertTrue(dist.get("/api/sources/demo-ui").path("running_run_id").isNull());
    }

    @Test
    @Order(11)
    void signOutEndsTheSession() throws Exception {
        browser.signIn(dist.adminToken());
        String cookie = "enreach_session=" + browser.driver().manage().getCookieNamed("enreach_session").getValue();
        browser.driver().findElement(By.id("sign-out")).click();
        browser.await(By.id("token"));
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(dist.baseUrl() + "/api/devices")).header("Cookie", cookie));
        assertEquals(401, r.statusCode(), "the old cookie still works after sign-out");
    }

    @Test
    @Order(12)
    void aViewerSessionHasTheViewersRightsOnlyAndEndsWhenItsTokenIsRevoked() throws Exception {
        Distribution.Result created = dist.cli("token", "create", "--name", "ui-viewer", "--role", "viewer");
        assertEquals(0, created.exit(), created.toString());
        String viewer = created.out().trim();
        browser.open("/");
        browser.until("signed out", d -> d.findElements(By.id("token")).isEmpty() ? null : Boolean.TRUE);
        browser.signIn(viewer);
        browser.awaitText(By.id("signed-in-as"), "ui-viewer (viewer)");
        browser.route("#/sources");
        browser.await(By.id("sources"));
        assertTrue(browser.all(By.cssSelector("button.sync-now")).isEmpty(), "a viewer is offered 'Sync now'");
        assertTrue(browser.all(By.cssSelector("button.check")).isEmpty(), "a viewer is offered 'Check connection'");
        // Even with the right CSRF token, the role decides: 403 forbidden, as with the viewer's Bearer token.
        Object answer = browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/api/session').then(r => r.json()).then(s => fetch('/api/sources/demo-ui/sync',
                    {method: 'POST', headers: {'X-CSRF-Token': s.csrf_token}})).then(async r => done(r.status + ' ' + (await r.json()).error.code));""");
        assertEquals("403 forbidden", answer);

        // Revoking the token ends its sessions at once: the page falls back to the sign-in form.
        String cookie = "enreach_session=" + browser.driver().manage().getCookieNamed("enreach_session").getValue();
        long id = -1;
        for (JsonNode t : dist.get("/api/tokens")) {
            if (t.path("name").asText().equals("ui-viewer")) {
                id = t.path("id").asLong();
            }
        }
        HttpResponse<String> revoked = send(HttpRequest.newBuilder(URI.create(dist.baseUrl() + "/api/tokens/" + id))
                .header("Authorization", "Bearer " + dist.adminToken()).DELETE());
        assertEquals(200, revoked.statusCode(), revoked.body());
        HttpResponse<String> after = send(HttpRequest.newBuilder(URI.create(dist.baseUrl() + "/api/devices")).header("Cookie", cookie));
        assertEquals(401, after.statusCode(), "the session of a revoked token still works");
        browser.route("#/syncs");
        browser.awaitText(By.id("signin-error"), "session ended");
    }

    @Test
    @Order(13)
    void aPluginPageAppearsWithItsJarAndDisappearsWithoutIt() throws Exception {
        Path deploy = dist.home().resolve("deploy");
        Path jar;
        try (Stream<Path> s = Files.list(deploy)) {
            jar = s.filter(p -> p.getFileName().toString().startsWith("com.enreach.tools.plugin.demo")).findFirst().orElseThrow();
        }
        Path aside = dist.home().resolve(jar.getFileName());
        browser.signIn(dist.adminToken());
        By link = By.cssSelector("nav a[data-nav='ext-demo']");

        Files.move(jar, aside, StandardCopyOption.REPLACE_EXISTING);
        Distribution.await("the demo page to be unlisted", Duration.ofSeconds(60), () -> dist.get("/api/ui/extensions"), l -> !hasExtension(l, "demo"));
        browser.open("/#/entities");
        browser.await(By.id("signed-in-as"));
        assertTrue(browser.all(link).isEmpty(), "the demo page is listed without its jar");

        Files.copy(aside, jar); // hot deploy
        Distribution.await("the demo page to be listed", Duration.ofSeconds(60), () -> dist.get("/api/ui/extensions"), l -> hasExtension(l, "demo"));
        browser.open("/#/sources");
        browser.await(link).click();
        browser.awaitText(By.id("demo-estate-title"), "Demo estate");
        browser.await(By.cssSelector(".demo-instance[data-instance='demo-ui']"));
        browser.screenshot("plugin-demo-estate");

        Files.delete(jar); // hot removal
        Distribution.await("the demo page to be unlisted again", Duration.ofSeconds(60), () -> dist.get("/api/ui/extensions"), l -> !hasExtension(l, "demo"));
        browser.open("/#/ext/demo");
        browser.await(By.id("extension-missing"));
        assertTrue(browser.all(link).isEmpty());
        HttpResponse<String> module = send(HttpRequest.newBuilder(URI.create(dist.baseUrl() + "/ui/ext/demo/page.js")));
        assertEquals(404, module.statusCode(), "the module is still served without its jar");
    }

    /** Whether the UI lists a plugin page (other plugins' pages, e.g. Knowledge, may be listed beside it). */
    private static boolean hasExtension(com.fasterxml.jackson.databind.JsonNode list, String id) {
        for (com.fasterxml.jackson.databind.JsonNode e : list) {
            if (id.equals(e.path("id").asText())) {
                return true;
            }
        }
        return false;
    }
}
