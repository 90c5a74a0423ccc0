package com.enreach.tools.plugin.vectorlucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

import com.enreach.tools.api.vector.IndexHit;
import com.enreach.tools.api.vector.IndexQuery;

/**
 * One search over one point-in-time searcher: the BM25 top chunks and the kNN top chunks (filters applied inside
 * both, so kNN pre-filters rather than dropping hits afterwards), each reduced to a ranking of contents by their best
 * chunk, fused by reciprocal rank ({@code Σ 1/(60 + rank)}).
 */
final class HybridSearch {
    static final int RRF_K = 60;

    private final IndexSearcher searcher;
    private final Analyzer analyzer;
    private final IndexSettings settings;

    HybridSearch(IndexSearcher searcher, Analyzer analyzer, IndexSettings settings) {
        this.searcher = searcher;
        this.analyzer = analyzer;
        this.settings = settings;
    }

    /** A content's place in one list: its 1-based rank and the Lucene doc of its best chunk there. */
    private record Ranked(int rank, int doc) {
    }

    List<IndexHit> search(IndexQuery q) throws IOException {
        if (q.limit() < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + q.limit());
        }
        int n = settings.candidates(q.limit());
        Query filter = ChunkDocuments.filter(q);
        Map<String, Ranked> text = Map.of();
        if (q.text() != null && !q.text().isBlank()) {
            Query bm25 = textQuery(q.text());
            if (bm25 != null) {
                text = byContent(searcher.search(filtered(bm25, filter), n).scoreDocs);
            }
        }
        Map<String, Ranked> vector = Map.of();
        if (q.vector() != null) {
            int dim = indexDimension();
            if (dim != 0 && q.vector().length != dim) {
                throw new IllegalArgumentException("query vector has " + q.vector().length
                        + " dimensions, the index holds " + dim + " (embedded with another model?)");
            }
            if (dim != 0) {
                float[] v = ChunkDocuments.unit(q.vector(), "the query");
                vector = byContent(searcher.search(new KnnFloatVectorQuery(ChunkDocuments.VECTOR, v, n, filter), n)
                        .scoreDocs);
            }
        }
        return fuse(text, vector, q.limit());
    }

    /** The words of {@code text} as a disjunction of terms (no query syntax: user text is never parsed). */
    private Query textQuery(String text) throws IOException {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream(ChunkDocuments.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && terms.size() < IndexSearcher.getMaxClauseCount()) {
                terms.add(term.toString());
            }
            ts.end();
        }
        if (terms.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String t : terms) {
            b.add(new TermQuery(new Term(ChunkDocuments.TEXT, t)), Occur.SHOULD);
        }
        return b.build();
    }

    private static Query filtered(Query query, Query filter) {
        if (filter == null) {
            return query;
        }
        return new BooleanQuery.Builder().add(query, Occur.MUST).add(filter, Occur.FILTER).build();
    }

    private int indexDimension() {
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            FieldInfo fi = leaf.reader().getFieldInfos().fieldInfo(ChunkDocuments.VECTOR);
            if (fi != null && fi.getVectorDimension() > 0) {
                return fi.getVectorDimension();
            }
        }
        return 0;
    }

    /** Chunks in score order -> contents in order of their best chunk. */
    private Map<String, Ranked> byContent(ScoreDoc[] hits) throws IOException {
        String[] keys = keys(hits);
        Map<String, Ranked> ranked = new LinkedHashMap<>();
        for (int i = 0; i < hits.length; i++) {
            ranked.putIfAbsent(keys[i], new Ranked(ranked.size() + 1, hits[i].doc));
        }
        return ranked;
    }

    /** The content keys of the hits, read from doc values in doc order (as doc values iterate), per segment. */
    private String[] keys(ScoreDoc[] hits) throws IOException {
        Integer[] byDoc = new Integer[hits.length];
        Arrays.setAll(byDoc, i -> i);
        Arrays.sort(byDoc, Comparator.comparingInt(i -> hits[i].doc));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        String[] keys = new String[hits.length];
        int leafIndex = -1;
        SortedDocValues values = null;
        LeafReaderContext leaf = null;
        for (int i : byDoc) {
            int doc = hits[i].doc;
            int li = ReaderUtil.subIndex(doc, leaves);
            if (li != leafIndex) {
                leafIndex = li;
                leaf = leaves.get(li);
                values = DocValues.getSorted(leaf.reader(), ChunkDocuments.KEY);
            }
            if (!values.advanceExact(doc - leaf.docBase)) {
                throw new IllegalStateException("chunk without a content key in " + leaf);
            }
            keys[i] = values.lookupOrd(values.ordValue()).utf8ToString();
        }
        return keys;
    }

    private List<IndexHit> fuse(Map<String, Ranked> text, Map<String, Ranked> vector, int limit) throws IOException {
        record Fused(String key, double score, int best, Ranked text, Ranked vector) {
        }
        Map<String, Fused> all = new HashMap<>();
        Set<String> keys = new LinkedHashSet<>(text.keySet());
        keys.addAll(vector.keySet());
        for (String key : keys) {
            Ranked t = text.get(key);
            Ranked v = vector.get(key);
            double score = (t == null ? 0 : 1.0 / (RRF_K + t.rank())) + (v == null ? 0 : 1.0 / (RRF_K + v.rank()));
            int best = Math.min(t == null ? Integer.MAX_VALUE : t.rank(), v == null ? Integer.MAX_VALUE : v.rank());
            all.put(key, new Fused(key, score, best, t, v));
        }
        List<Fused> order = new ArrayList<>(all.values());
        order.sort(Comparator.comparingDouble(Fused::score).reversed()
                .thenComparingInt(Fused::best).thenComparing(Fused::key));
        StoredFields stored = searcher.storedFields();
        List<IndexHit> hits = new ArrayList<>(Math.min(limit, order.size()));
        for (Fused f : order.subList(0, Math.min(limit, order.size()))) {
            // the best chunk: from the list that ranks the content higher (text on a tie)
            Ranked from = f.text() != null && (f.vector() == null || f.text().rank() <= f.vector().rank())
                    ? f.text() : f.vector();
            Document d = stored.document(from.doc());
            hits.add(new IndexHit(d.get(ChunkDocuments.TYPE), d.getField(ChunkDocuments.ID).numericValue().longValue(),
                    d.getField(ChunkDocuments.CHUNK).numericValue().intValue(), d.get(ChunkDocuments.TEXT), f.score(),
                    f.text() == null ? 0 : f.text().rank(), f.vector() == null ? 0 : f.vector().rank()));
        }
        return hits;
    }
}
