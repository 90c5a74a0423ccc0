package com.enreach.tools.plugin.confluence;

import java.util.ArrayList;
import java.util.HashMap;
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

/**
 * Confluence Data Center / Server REST v1: {@code /rest/api/space/{key}}, {@code /rest/api/content?type=page&spaceKey=}
 * paged by {@code start}/{@code limit} (listing with {@code expand=version,ancestors} only; with bodies when that
 * saves requests), and
 * {@code /rest/api/content/{id}?expand=body.storage,version,space,ancestors,metadata.labels} for one page.
 */
final class DataCenterApi implements ConfluenceApi {
    static final String SPACE = "/rest/api/space";
    static final String CONTENT = "/rest/api/content";
    static final String LIST_EXPAND = "version,ancestors";
    static final String PAGE_EXPAND = "body.storage,version,space,ancestors,metadata.labels";

    private final ConfluenceClient client;
    private final SourceContext context;
    private final int pageSize;
    private final String base;

    DataCenterApi(ConfluenceClient client, SourceContext context, int pageSize, String base) {
        this.client = client;
        this.context = context;
        this.pageSize = pageSize;
        this.base = base;
    }

    @Override
    public List<Space> spaces(List<String> keys) throws SourceException {
        Map<String, Space> found = new HashMap<>();
        for (String key : keys) {
            String path = SPACE + "/" + SourceHttp.pathSegment(key);
            ConfluenceClient.Answer a = context.call("GET " + path, () -> client.answer(path, null, 401, 403, 404));
            if (a.status() == 401 || a.status() == 403) {
                throw a.status() == 401
                        ? new PermanentSourceException("auth", "api.token", "Confluence rejected the personal access "
                                + "token (HTTP 401) while reading space " + key + ": check api.token", null, null)
                        : CloudApi.refused(List.of(key), 403);
            }
            if (a.status() == 404) {
                throw Spaces.missing(key);
            }
            found.put(key, new Space(Json.text(a.body(), "id"), Json.required(a.body(), "key", path), Json.text(a.body(), "name")));
        }
        return Spaces.inOrder(keys, found);
    }

    @Override
    public List<PageRef> pages(Space space) throws SourceException {
        List<PageRef> refs = new ArrayList<>();
        list(space, LIST_EXPAND, "", results -> {
            for (JsonNode p : results) {
                refs.add(new PageRef(Json.required(p, "id", CONTENT), Json.text(p, "title"), parent(p),
                        p.path("version").path("number").asInt(0), ancestors(p)));
            }
        });
        return refs;
    }

    /**
     * v1 lists with any expansion: when more pages changed than listing pages it takes to read the whole space with
     * bodies, the space is listed again with {@value #PAGE_EXPAND} (a first run costs a request per listing page,
     * not per page).
     */
    @Override
    public boolean listInFull(Space space, int listed, Set<String> wanted, PageBatch batch) throws SourceException {
        if (wanted.size() <= (listed + pageSize - 1) / pageSize) {
            return false;
        }
        list(space, PAGE_EXPAND, " with bodies", results -> {
            List<Page> pages = new ArrayList<>();
            for (JsonNode p : results) {
                if (wanted.contains(Json.required(p, "id", CONTENT))) {
                    pages.add(page(p, CONTENT));
                }
            }
            batch.accept(pages);
        });
        return true;
    }

    private interface Results {
        void accept(JsonNode results) throws SourceException;
    }

    /** Lists a space's current pages page by page with an expansion, following start/limit. */
    private void list(Space space, String expand, String what, Results consumer) throws SourceException {
        int start = 0;
        for (int n = 1; ; n++) {
            Checks.notCancelled(context, "Confluence run cancelled while listing space " + space.key());
            String href = CONTENT + "?type=page&spaceKey=" + SourceHttp.query(space.key()) + "&status=current&expand="
                    + expand + "&start=" + start + "&limit=" + pageSize;
            String part = "space " + space.key() + what + " page " + n;
            JsonNode body = context.call("GET " + CONTENT + " " + part, () -> client.get(href, part));
            JsonNode results = Json.results(body, CONTENT + " " + part);
            consumer.accept(results);
            // the server may cap limit below ours: follow its next link's existence, advance by what came
            if (Json.text(body.path("_links"), "next") == null || results.isEmpty()) {
                return;
            }
            start += results.size();
        }
    }

    @Override
    public Fetched page(Space space, PageRef ref) throws SourceException {
        String path = CONTENT + "/" + SourceHttp.pathSegment(ref.id());
        ConfluenceClient.Answer a = context.call("GET " + path,
                () -> client.answer(path + "?expand=" + PAGE_EXPAND, null, 403, 404));
        if (!a.ok()) {
            return new Fetched(null, "Confluence answered HTTP " + a.status() + " for page " + ref.id()
                    + (a.status() == 404 ? " (deleted since it was listed, or hidden from this account)" : " (this account may not read it)"));
        }
        return new Fetched(page(a.body(), path), null);
    }

    /** A page with body, labels, version and ancestors expanded. */
    private Page page(JsonNode p, String where) throws SourceException {
        JsonNode version = p.path("version");
        List<String> labels = new ArrayList<>();
        for (JsonNode l : p.path("metadata").path("labels").path("results")) {
            String name = Json.text(l, "name");
            if (name != null) {
                labels.add(name);
            }
        }
        JsonNode by = version.path("by");
        String author = Json.text(by, "displayName");
        String id = Json.required(p, "id", where);
        String webui = Json.text(p.path("_links"), "webui");
        return new Page(id, Json.text(p, "title"), parent(p), version.path("number").asInt(0),
                Json.text(p.path("body").path("storage"), "value"), labels,
                author == null ? Json.text(by, "username") : author, Json.text(by, "userKey"), Json.instant(version, "when"),
                webui == null || base == null ? pageLink(id) : base + webui, ancestors(p));
    }

    @Override
    public String pageLink(String id) {
        return base == null ? null : ConfluenceConnector.pageLink(Flavor.DATACENTER, base, id);
    }

    /** v1 lists ancestors root first; the last is the parent. */
    private static List<String> ancestors(JsonNode p) {
        List<String> titles = new ArrayList<>();
        for (JsonNode a : p.path("ancestors")) {
            String t = Json.text(a, "title");
            if (t != null) {
                titles.add(t);
            }
        }
        return titles;
    }

    private static String parent(JsonNode p) {
        JsonNode ancestors = p.path("ancestors");
        return ancestors.isArray() && ancestors.size() > 0 ? Json.text(ancestors.get(ancestors.size() - 1), "id") : null;
    }
}
