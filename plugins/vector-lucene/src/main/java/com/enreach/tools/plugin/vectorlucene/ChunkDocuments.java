package com.enreach.tools.plugin.vectorlucene;

import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.VectorUtil;

import com.enreach.tools.api.vector.IndexQuery;
import com.enreach.tools.api.vector.IndexedChunk;

/** How one {@link IndexedChunk} is laid out as a Lucene document, and the filters on those fields. */
final class ChunkDocuments {
    static final String KEY = "key";
    static final String TYPE = "type";
    static final String ID = "id";
    static final String CHUNK = "chunk";
    static final String TITLE = "title";
    static final String TEXT = "text";
    static final String VECTOR = "vector";
    static final String SPACE = "space";
    static final String PROJECT = "project";
    static final String STATUS = "status";
    static final String RESOLVED = "resolved";
    static final String UPDATED = "updated";

    /**
     * Vectors are unit length (the providers' contract; normalised again here to be safe), so the dot product is
     * the cosine and saves the norms Lucene's COSINE would compute on every comparison.
     */
    static final VectorSimilarityFunction SIMILARITY = VectorSimilarityFunction.DOT_PRODUCT;

    private ChunkDocuments() {
    }

    static Document toDocument(IndexedChunk c) {
        Document d = new Document();
        d.add(new StringField(KEY, c.contentKey(), Field.Store.YES));
        // grouping chunks by content reads the key from doc values: stored fields cost a block decompression each
        d.add(new SortedDocValuesField(KEY, new BytesRef(c.contentKey())));
        d.add(new StringField(TYPE, c.contentType(), Field.Store.YES));
        d.add(new StoredField(ID, c.contentId()));
        d.add(new StoredField(CHUNK, c.chunk()));
        if (c.title() != null) {
            d.add(new StoredField(TITLE, c.title()));
        }
        d.add(new TextField(TEXT, c.text(), Field.Store.YES));
        d.add(new KnnFloatVectorField(VECTOR, unit(c.vector(), c.contentKey() + " chunk " + c.chunk()), SIMILARITY));
        filterField(d, SPACE, c.space());
        filterField(d, PROJECT, c.project());
        filterField(d, STATUS, c.status());
        d.add(new StringField(RESOLVED, Boolean.toString(c.resolved()), Field.Store.NO));
        if (c.updated() != null) {
            d.add(new LongPoint(UPDATED, c.updated().toEpochMilli()));
            d.add(new StoredField(UPDATED, c.updated().toEpochMilli()));
        }
        return d;
    }

    private static void filterField(Document d, String name, String value) {
        if (value != null && !value.isBlank()) {
            d.add(new StringField(name, value, Field.Store.YES));
        }
    }

    /** The query's filters as one Lucene filter, or null when it has none. */
    static Query filter(IndexQuery q) {
        List<Query> clauses = new ArrayList<>();
        addTerm(clauses, TYPE, q.contentType());
        addTerm(clauses, SPACE, q.space());
        addTerm(clauses, PROJECT, q.project());
        addTerm(clauses, STATUS, q.status());
        if (q.resolvedOnly()) {
            clauses.add(new TermQuery(new Term(RESOLVED, "true")));
        }
        if (clauses.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        clauses.forEach(c -> b.add(c, Occur.FILTER));
        return b.build();
    }

    private static void addTerm(List<Query> clauses, String field, String value) {
        if (value != null && !value.isBlank()) {
            clauses.add(new TermQuery(new Term(field, value)));
        }
    }

    /** A unit-length copy of {@code v}; a zero or non-finite vector is an error naming {@code what}. */
    static float[] unit(float[] v, String what) {
        double sum = 0;
        for (float x : v) {
            if (!Float.isFinite(x)) {
                throw new IllegalArgumentException("vector of " + what + " has a non-finite component");
            }
            sum += (double) x * x;
        }
        if (v.length == 0 || sum == 0) {
            throw new IllegalArgumentException("vector of " + what + " is empty or all zeros");
        }
        return VectorUtil.l2normalize(v.clone());
    }
}
