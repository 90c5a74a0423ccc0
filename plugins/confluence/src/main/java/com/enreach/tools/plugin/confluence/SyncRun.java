package com.enreach.tools.plugin.confluence;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.enreach.tools.api.spi.ArticleRecord;
import com.enreach.tools.api.spi.EntityKinds;
import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.SourceContext;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.plugin.confluence.Pages.Fetched;
import com.enreach.tools.plugin.confluence.Pages.Page;
import com.enreach.tools.plugin.confluence.Pages.PageRef;
import com.enreach.tools.plugin.confluence.Pages.Space;
import com.enreach.tools.source.support.Checks;

/**
 * One run: lists every current page of each space without bodies, reports those whose revision (version, parent,
 * space, ancestors' titles) the core already holds as unchanged, and fetches and emits only the others. Pages no
 * longer listed are simply not emitted: the core marks them stale at the end of the run, within the delete budget.
 */
final class SyncRun {
    private final ConfluenceApi api;
    private final SourceContext context;
    private final RecordSink sink;
    private final List<String> keys;
    private final int batch;

    SyncRun(ConfluenceApi api, SourceContext context, RecordSink sink, List<String> keys, int batch) {
        this.api = api;
        this.context = context;
        this.sink = sink;
        this.keys = keys;
        this.batch = batch;
    }

    void run() throws SourceException {
        sink.phase("spaces");
        List<Space> spaces = api.spaces(keys);
        Map<String, String> stored = context.storedRevisions(EntityKinds.ARTICLE);
        for (Space space : spaces) {
            Checks.notCancelled(context, "Confluence run cancelled while reading space " + space.key());
            sink.phase("space " + space.key() + ": listing pages");
            List<PageRef> refs = api.pages(space);
            Map<String, PageRef> byId = refs.stream().collect(Collectors.toMap(PageRef::id, Function.identity(), (a, b) -> a));
            List<PageRef> changed = new ArrayList<>();
            for (PageRef ref : refs) {
                List<String> path = ref.ancestors() != null ? ref.ancestors() : ancestors(ref.parentId(), byId);
                if (PageRef.revision(ref.version(), ref.parentId(), space.key(), path).equals(stored.get(ref.id()))) {
                    sink.unchanged(EntityKinds.ARTICLE, ref.id());
                } else {
                    changed.add(ref);
                }
            }
            if (changed.isEmpty()) {
                continue;
            }
            Set<String> wanted = changed.stream().map(PageRef::id).collect(Collectors.toCollection(HashSet::new));
            sink.phase("space " + space.key() + ": " + changed.size() + " pages new or changed (" + (refs.size()
                    - changed.size()) + " unchanged)");
            // many changes (a first run): listing the space with bodies costs fewer requests, where the dialect can
            if (api.listInFull(space, refs.size(), wanted, pages -> emit(space, pages, byId, wanted))) {
                for (PageRef ref : changed) {
                    if (wanted.contains(ref.id())) {
                        missing(ref, "Confluence page " + ref.id() + " was no longer listed when its body was read"
                                + " (deleted or moved meanwhile)", stored);
                    }
                }
                continue;
            }
            for (int from = 0; from < changed.size(); from += batch) {
                Checks.notCancelled(context, "Confluence run cancelled while reading space " + space.key());
                int to = Math.min(changed.size(), from + batch);
                sink.phase("space " + space.key() + ": pages " + (from + 1) + "-" + to + " of " + changed.size()
                        + " new or changed");
                List<Page> pages = new ArrayList<>();
                for (PageRef ref : changed.subList(from, to)) {
                    Fetched f = api.page(space, ref);
                    if (f.page() != null) {
                        pages.add(f.page());
                    } else {
                        missing(ref, f.missingReason(), stored);
                    }
                }
                emit(space, pages, byId, wanted);
            }
        }
    }

    private void emit(Space space, List<Page> pages, Map<String, PageRef> byId, Set<String> wanted) throws SourceException {
        Checks.notCancelled(context, "Confluence run cancelled while reading space " + space.key());
        for (Page page : api.withAuthorNames(pages)) {
            sink.article(record(space, page, byId));
            wanted.remove(page.id());
        }
    }

    /** A listed page that could not be read: kept as it is when stored (not stale), else only warned about. */
    private void missing(PageRef ref, String reason, Map<String, String> stored) {
        if (stored.containsKey(ref.id())) {
            sink.notRefreshed(EntityKinds.ARTICLE, ref.id(), reason);
        } else {
            sink.warn(ref.id(), reason);
        }
    }

    private static ArticleRecord record(Space space, Page page, Map<String, PageRef> listed) {
        StorageFormat.Converted body = StorageFormat.convert(page.storage());
        List<String> ancestors = page.ancestors() != null ? page.ancestors() : ancestors(page.parentId(), listed);
        return ArticleRecord.of(page.id(), page.title() == null ? "(untitled " + page.id() + ")" : page.title())
                .space(space.key(), space.name())
                .body(body.html(), body.text())
                .url(page.url())
                .version(page.version(), PageRef.revision(page.version(), page.parentId(), space.key(), ancestors))
                .lastUpdated(page.updated(), page.author())
                .labels(page.labels())
                .ancestors(ancestors, page.parentId());
    }

    /** Titles from the space's root to the parent, from the listing (v2 pages carry only their parent's id). */
    static List<String> ancestors(String parentId, Map<String, PageRef> listed) {
        LinkedList<String> titles = new LinkedList<>();
        Set<String> seen = new HashSet<>();
        for (PageRef p = parentId == null ? null : listed.get(parentId); p != null && seen.add(p.id());
             p = p.parentId() == null ? null : listed.get(p.parentId())) {
            titles.addFirst(p.title() == null ? p.id() : p.title());
        }
        return titles;
    }
}
