package com.enreach.tools.plugin.confluence;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.SourceContext;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.plugin.confluence.Pages.Fetched;
import com.enreach.tools.plugin.confluence.Pages.Page;
import com.enreach.tools.plugin.confluence.Pages.PageRef;
import com.enreach.tools.plugin.confluence.Pages.Space;
import com.enreach.tools.source.support.Checks;
import com.enreach.tools.source.support.SourceHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Confluence Cloud REST v2: {@code /wiki/api/v2/spaces?keys=}, {@code /wiki/api/v2/pages?space-id=} followed by
 * its cursor links ({@code _links.next}), {@code /wiki/api/v2/pages/{id}?body-format=storage&include-labels=true},
 * and {@code /wiki/api/v2/users-bulk} for authors' names (v2 gives account ids only).
 */
final class CloudApi implements ConfluenceApi {
    static final String SPACES = "/wiki/api/v2/spaces";
    static final String PAGES = "/wiki/api/v2/pages";
    static final String USERS = "/wiki/api/v2/users-bulk";

    private final ConfluenceClient client;
    private final SourceContext context;
    private final int pageSize;
    private final String site;
    private final Map<String, String> names = new HashMap<>();
    private final java.util.function.Consumer<String> warn;
    private boolean namesRefused;

    CloudApi(ConfluenceClient client, SourceContext context, int pageSize, String site, java.util.function.Consumer<String> warn) {
        this.client = client;
        this.context = context;
        this.pageSize = pageSize;
        this.site = site;
        this.warn = warn;
    }

    @Override
    public List<Space> spaces(List<String> keys) throws SourceException {
        Map<String, Space> found = new HashMap<>();
        String href = SPACES + "?keys=" + SourceHttp.query(String.join(",", keys)) + "&limit=" + ConfluenceConfig.PAGE_SIZE_MAX;
        for (int n = 1; href != null; n++) {
            String h = href;
            String part = n == 1 ? null : "page " + n;
            ConfluenceClient.Answer a = context.call("GET " + SPACES + (part == null ? "" : " " + part),
                    () -> client.answer(h, part, 401, 403));
            if (!a.ok()) {
                throw refused(keys, a.status());
            }
            for (JsonNode s : Json.results(a.body(), SPACES)) {
                String key = Json.text(s, "key");
                if (key != null) {
                    found.put(key, new Space(Json.required(s, "id", SPACES), key, Json.text(s, "name")));
                }
            }
            href = next(a.body());
        }
        return Spaces.inOrder(keys, found);
    }

    static PermanentSourceException refused(List<String> keys, int status) {
        String which = "space" + (keys.size() == 1 ? " " : "s ") + String.join(", ", keys);
        return status == 401
                ? new PermanentSourceException("auth", "api.token", "Confluence rejected the credentials (HTTP 401) while "
                        + "listing " + which + ": check email and api.token", null, null)
                : new PermanentSourceException("permission", "spaces", "Confluence refused to list " + which
                        + " (HTTP 403): the account needs permission to view " + (keys.size() == 1 ? "it" : "them"), null, null);
    }

    @Override
    public List<PageRef> pages(Space space) throws SourceException {
        List<PageRef> refs = new ArrayList<>();
        String href = PAGES + "?space-id=" + SourceHttp.query(space.id()) + "&status=current&limit=" + pageSize;
        for (int n = 1; href != null; n++) {
            Checks.notCancelled(context, "Confluence run cancelled while listing space " + space.key());
            String h = href;
            String part = "space " + space.key() + " page " + n;
            JsonNode body = context.call("GET " + PAGES + " " + part, () -> client.get(h, part));
            for (JsonNode p : Json.results(body, PAGES + " " + part)) {
                JsonNode version = p.path("version");
                refs.add(new PageRef(Json.required(p, "id", PAGES), Json.text(p, "title"),
                        parent(p), version.path("number").asInt(0), null));
            }
            href = next(body);
        }
        return refs;
    }

    @Override
    public Fetched page(Space space, PageRef ref) throws SourceException {
        String path = PAGES + "/" + SourceHttp.pathSegment(ref.id());
        ConfluenceClient.Answer a = context.call("GET " + path,
                () -> client.answer(path + "?body-format=storage&include-labels=true", null, 403, 404));
        if (!a.ok()) {
            return new Fetched(null, "Confluence answered HTTP " + a.status() + " for page " + ref.id()
                    + (a.status() == 404 ? " (deleted since it was listed)" : " (this account may not read it)"));
        }
        JsonNode p = a.body();
        JsonNode version = p.path("version");
        List<String> labels = new ArrayList<>();
        for (JsonNode l : p.path("labels").path("results")) {
            String name = Json.text(l, "name");
            if (name != null) {
                labels.add(name);
            }
        }
        String authorId = Json.text(version, "authorId");
        String webui = Json.text(p.path("_links"), "webui");
        return new Fetched(new Page(Json.required(p, "id", path), Json.text(p, "title"), parent(p),
                version.path("number").asInt(0), Json.text(p.path("body").path("storage"), "value"), labels,
                authorId, authorId, Json.instant(version, "createdAt"),
                webui == null || site == null ? pageLink(ref.id()) : site + "/wiki" + webui, null), null);
    }

    /** Resolves the authors' account ids of these pages in one request; on refusal keeps the ids (warned once). */
    @Override
    public List<Page> withAuthorNames(List<Page> pages) throws SourceException {
        Set<String> unknown = new LinkedHashSet<>();
        for (Page p : pages) {
            if (p.authorId() != null && !names.containsKey(p.authorId())) {
                unknown.add(p.authorId());
            }
        }
        if (!unknown.isEmpty() && !namesRefused) {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            unknown.forEach(body.putArray("accountIds")::add);
            ConfluenceClient.Answer a = context.call("POST " + USERS, () -> client.postAnswer(USERS, body, null, 400, 403, 404));
            if (!a.ok()) {
                namesRefused = true;
                warn.accept("Confluence refused POST " + USERS + " (HTTP " + a.status() + "): authors are shown as account ids");
            } else {
                for (JsonNode u : Json.results(a.body(), USERS)) {
                    String id = Json.text(u, "accountId");
                    if (id != null) {
                        names.put(id, Json.text(u, "displayName"));
                    }
                }
            }
        }
        List<Page> named = new ArrayList<>(pages.size());
        for (Page p : pages) {
            String name = p.authorId() == null ? null : names.get(p.authorId());
            named.add(name == null ? p : p.withAuthor(name));
        }
        return named;
    }

    @Override
    public String pageLink(String id) {
        return site == null ? null : ConfluenceConnector.pageLink(Flavor.CLOUD, site, id);
    }

    /** The parent page's id; null for a top-level page or one below a folder or whiteboard (not pages we cache). */
    private static String parent(JsonNode p) {
        String type = Json.text(p, "parentType");
        return type == null || type.equals("page") ? Json.text(p, "parentId") : null;
    }

    /**
     * The next listing page: v2 gives a path on the same site ({@code /wiki/api/v2/pages?cursor=...}). Anything
     * else is refused rather than followed with the site's credentials.
     */
    private String next(JsonNode body) throws SourceException {
        String next = Json.text(body.path("_links"), "next");
        if (next == null) {
            return null;
        }
        if (next.startsWith("/") && !next.startsWith("//")) {
            return next;
        }
        URI base = client.base();
        URI u;
        try {
            u = URI.create(next);
        } catch (IllegalArgumentException e) {
            throw PermanentSourceException.malformed(ConfluenceClient.SYSTEM, "a next link is not a valid URL", e);
        }
        if (base.getScheme().equalsIgnoreCase(u.getScheme()) && base.getRawAuthority().equalsIgnoreCase(u.getRawAuthority())) {
            return next;
        }
        throw PermanentSourceException.malformed(ConfluenceClient.SYSTEM, "a next link points to another host ("
                + u.getScheme() + "://" + u.getHost() + "); not followed", null);
    }
}
