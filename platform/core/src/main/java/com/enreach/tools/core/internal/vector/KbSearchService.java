package com.enreach.tools.core.internal.vector;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.kb.ContentTypes;
import com.enreach.tools.api.kb.SearchHit;
import com.enreach.tools.api.kb.SearchQuery;
import com.enreach.tools.api.kb.SearchResult;
import com.enreach.tools.api.kb.SearchService;
import com.enreach.tools.api.vector.EmbeddingProvider;
import com.enreach.tools.api.vector.IndexHit;
import com.enreach.tools.api.vector.IndexQuery;
import com.enreach.tools.api.vector.VectorIndex;
import com.enreach.tools.core.internal.db.Database;

/**
 * Search over articles and tickets with whatever is installed: the vector index plugin (hybrid BM25 + kNN, or one of
 * them) with the query embedded by the provider; without a provider the index's BM25 alone; without an index (or
 * while it is rebuilt) the database's text search. Each fallback is said in the result's notes, never an error.
 * Hits are described from the tables (title, link, space/project/status), and hits whose content is no longer
 * active are left out.
 */
@Component(service = SearchService.class)
public class KbSearchService implements SearchService {
    private static final Logger LOG = LoggerFactory.getLogger(KbSearchService.class);
    static final int MAX_TEXT = 1000;
    static final Set<String> MODES = Set.of("hybrid", "bm25", "vector");
    static final String NO_INDEX = "vector index plugin not installed: database text search";
    static final String REBUILDING = "the vector index is being rebuilt: database text search";
    static final String NO_PROVIDER = "embedding provider plugin not installed: text search only (BM25)";

    private final Database db;
    private final KbPlugins plugins;
    private final VectorizationServiceImpl vectorization;

    @Activate
    public KbSearchService(@Reference Database db, @Reference KbPlugins plugins, @Reference VectorizationServiceImpl vectorization) {
        this.db = db;
        this.plugins = plugins;
        this.vectorization = vectorization;
    }

    @Override
    public SearchResult search(SearchQuery q) {
        long started = System.nanoTime();
        List<String> types = validate(q);
        String mode = q.mode() == null || q.mode().isBlank() ? "hybrid" : q.mode();
        List<String> words = TextSearch.words(q.text());
        List<String> notes = new ArrayList<>();
        VectorIndex index = plugins.index();
        if (index != null && vectorization.indexReady(index)) {
            try {
                return viaIndex(q, index, types, mode, words, notes, started);
            } catch (RuntimeException e) {
                LOG.warn("The vector index failed to answer a search; answered by the database's text search", e);
                notes.clear();
                notes.add("the vector index failed (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                        + "): database text search");
            }
        } else {
            notes.add(index == null ? NO_INDEX : REBUILDING);
        }
        if (words.isEmpty()) {
            notes.add("the text has no words to search for");
            return new SearchResult(q.text(), "database", List.of(), notes, null, took(started));
        }
        TextSearch.Filters f = new TextSearch.Filters(blank(q.space()), blank(q.project()), blank(q.status()), q.resolvedOnly());
        List<SearchHit> hits = db.read(c -> TextSearch.search(c, TextSearch.match(words, db.dialect()), types, f, q.limit()));
        return new SearchResult(q.text(), "database", hits, notes, null, took(started));
    }

    private SearchResult viaIndex(SearchQuery q, VectorIndex index, List<String> types, String mode, List<String> words, List<String> notes,
                                  long started) {
        EmbeddingProvider provider = plugins.provider();
        float[] vector = null;
        String served = mode;
        String model = null;
        if (!mode.equals("bm25")) {
            if (provider == null) {
                notes.add(NO_PROVIDER);
                served = "bm25";
            } else if (!KbPlugins.modelOf(provider).equals(IndexFeeder.modelOfMarker(index.marker())) && index.size() > 0) {
                notes.add("the index holds vectors of another model until re-vectorised (enreach kb vectorize): text search only (BM25)");
                served = "bm25";
            } else {
                try {
                    vector = provider.embed(List.of(q.text())).get(0);
                    model = KbPlugins.modelOf(provider);
                } catch (RuntimeException e) {
                    notes.add("the embedding model failed (" + e.getMessage() + "): text search only (BM25)");
                    served = "bm25";
                }
            }
        }
        if (served.equals("bm25") && words.isEmpty()) {
            notes.add("the text has no words to search for");
            return new SearchResult(q.text(), served, List.of(), notes, model, took(started));
        }
        String text = served.equals("vector") ? null : String.join(" ", words);
        String type = types.size() == 1 ? types.get(0) : null;
        // a few more than asked: hits of contents gone since the last vectorisation are dropped below
        List<IndexHit> found = index.search(new IndexQuery(text, vector, type, blank(q.space()), blank(q.project()), blank(q.status()),
                q.resolvedOnly(), Math.min(SearchQuery.MAX_LIMIT * 2, q.limit() + 10)));
        List<SearchHit> hits = describe(found, words, q.limit());
        long pending = 0;
        for (String t : types) {
            long n = vectorization.pendingCount(List.of(t));
            if (n > 0) {
                notes.add(n + " " + (t.equals(ContentTypes.ARTICLE) ? "article" : "ticket") + (n == 1 ? " is" : "s are")
                        + " not vectorised yet and cannot be found until it is (enreach " + (t.equals(ContentTypes.ARTICLE) ? "kb" : "issues")
                        + " vectorize)");
                pending += n;
            }
        }
        if (pending > 0) {
            LOG.debug("{} contents pending vectorisation during a search", pending);
        }
        return new SearchResult(q.text(), served, hits, notes, model, took(started));
    }

    /** Hits with titles, links and fields from the tables; contents no longer active are left out. */
    private List<SearchHit> describe(List<IndexHit> found, List<String> words, int limit) {
        Map<String, List<Long>> ids = new HashMap<>();
        for (IndexHit h : found) {
            ids.computeIfAbsent(h.contentType(), k -> new ArrayList<>()).add(h.contentId());
        }
        Map<String, KbContents.Content> contents = db.read(c -> {
            Map<String, KbContents.Content> m = new HashMap<>();
            for (Map.Entry<String, List<Long>> e : ids.entrySet()) {
                for (KbContents.Content content : KbContents.load(c, e.getKey(), e.getValue(), false)) {
                    m.put(e.getKey() + ":" + content.id(), content);
                }
            }
            return m;
        });
        List<SearchHit> out = new ArrayList<>();
        for (IndexHit h : found) {
            KbContents.Content m = contents.get(h.contentType() + ":" + h.contentId());
            if (m == null || out.size() == limit) {
                continue;
            }
            out.add(new SearchHit(h.contentType(), h.contentId(), m.title(), Snippets.of(h.text(), m.prefix(), words), m.url(), h.score(),
                    h.textRank(), h.vectorRank(), m.space(), m.project(), m.status(), m.updated(), h.chunk()));
        }
        return out;
    }

    /** The content types the query covers, after checking it; a filter of one type leaves the other out. */
    static List<String> validate(SearchQuery q) {
        if (q == null || q.text() == null || q.text().isBlank()) {
            throw ApiException.invalid("q", "q (the text to search for) is required");
        }
        if (q.text().length() > MAX_TEXT) {
            throw ApiException.invalid("q", "q must be at most " + MAX_TEXT + " characters, got " + q.text().length());
        }
        if (q.contentType() != null && !ContentTypes.ALL.contains(q.contentType())) {
            throw ApiException.invalid("type", "type must be article (kb) or ticket (issue), got '" + q.contentType() + "'");
        }
        if (q.mode() != null && !q.mode().isBlank() && !MODES.contains(q.mode())) {
            throw ApiException.invalid("mode", "mode must be hybrid, bm25 or vector, got '" + q.mode() + "'");
        }
        if (q.limit() < 1 || q.limit() > SearchQuery.MAX_LIMIT) {
            throw ApiException.invalid("limit", "limit must be between 1 and " + SearchQuery.MAX_LIMIT + ", got " + q.limit());
        }
        boolean articleFilter = blank(q.space()) != null;
        boolean ticketFilter = blank(q.project()) != null || blank(q.status()) != null || q.resolvedOnly();
        if (articleFilter && ticketFilter) {
            throw ApiException.invalid("space", "space filters articles and project/status/resolved filter tickets: give one kind of filter");
        }
        if (articleFilter && ContentTypes.TICKET.equals(q.contentType())) {
            throw ApiException.invalid("space", "space filters articles; this search is for tickets");
        }
        if (ticketFilter && ContentTypes.ARTICLE.equals(q.contentType())) {
            throw ApiException.invalid(blank(q.project()) != null ? "project" : blank(q.status()) != null ? "status" : "resolved",
                    "project, status and resolved filter tickets; this search is for articles");
        }
        if (articleFilter) {
            return List.of(ContentTypes.ARTICLE);
        }
        if (ticketFilter) {
            return List.of(ContentTypes.TICKET);
        }
        return q.contentType() == null ? List.of(ContentTypes.ARTICLE, ContentTypes.TICKET) : List.of(q.contentType());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static long took(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
