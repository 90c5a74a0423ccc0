package com.enreach.tools.plugin.vectorlucene;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the vector index ({@code etc/enreach.vector.lucene.cfg}); every key is optional. */
@ObjectClassDefinition(name = "Enreach vector index (Lucene)",
        description = "Hybrid index of article and ticket chunks: BM25 over the text and HNSW over the vectors.")
public @interface LuceneIndexConfig {

    @AttributeDefinition(name = "Path", required = false,
            description = "Index directory; relative paths are under the platform home. Default data/vector-index.")
    String path() default "data/vector-index";

    @AttributeDefinition(name = "Candidates per result",
            description = "Chunks each list (BM25, kNN) fetches per content asked for, before grouping and fusion.")
    int candidates_per_result() default 5;

    @AttributeDefinition(name = "Fewest candidates", description = "The fewest chunks each list fetches.")
    int candidates_min() default 50;

    @AttributeDefinition(name = "HNSW M", description = "Neighbours per graph node (applies to new segments).")
    int hnsw_m() default 16;

    @AttributeDefinition(name = "HNSW beam width",
            description = "Candidates considered when inserting into the graph (applies to new segments).")
    int hnsw_beam_width() default 100;

    @AttributeDefinition(name = "RAM buffer (MB)", description = "Indexing buffer before a segment is written.")
    double ram_buffer_mb() default 32;
}
