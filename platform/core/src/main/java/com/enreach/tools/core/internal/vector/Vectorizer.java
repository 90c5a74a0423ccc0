package com.enreach.tools.core.internal.vector;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.kb.VectorizationService.Progress;
import com.enreach.tools.api.vector.EmbeddingProvider;
import com.enreach.tools.core.internal.db.Database;

/**
 * One vectorisation of one content type: removes the vectors of contents that are gone, then chunks each pending
 * content, reuses the stored vector of every chunk whose text (SHA-256) is unchanged, sends only the new texts to the
 * model, and stores each batch of contents in one short write transaction. The model runs outside any transaction,
 * so syncs and other writers are never held up by it. A content that cannot be chunked or embedded is recorded as
 * failed with the reason and the rest go on.
 */
final class Vectorizer {
    private static final Logger LOG = LoggerFactory.getLogger(Vectorizer.class);
    /** Contents read, embedded and written together. */
    static final int CONTENTS_PER_BATCH = 16;

    private final Database db;
    private final EmbeddingProvider provider;
    private final String model;
    private final Chunker chunker;
    private final int embedBatch;
    private final java.util.function.BooleanSupplier providerPresent;

    /** What a run did; {@code touched} are the contents whose vectors or fields the index must take in. */
    record Outcome(int contents, int embedded, int reused, int removed, int failed, Set<Long> touched) {
    }

    /** @param providerPresent whether the provider is still the installed one (a plugin may go away during a run) */
    Vectorizer(Database db, EmbeddingProvider provider, int chunkTokens, int embedBatch, java.util.function.BooleanSupplier providerPresent) {
        this.db = db;
        this.providerPresent = providerPresent;
        this.provider = provider;
        this.model = KbPlugins.modelOf(provider);
        this.chunker = new Chunker(provider::countTokens, Math.min(chunkTokens, provider.maxTokens()));
        this.embedBatch = Math.max(1, embedBatch);
    }

    Outcome run(String type, boolean retryFailed, Consumer<Progress> progress) {
        Set<Long> touched = new LinkedHashSet<>();
        List<Long> gone = db.read(c -> KbContents.gone(c, type));
        int removed = 0;
        if (!gone.isEmpty()) {
            removed = db.write(c -> EmbeddingRows.remove(c, type, gone));
            touched.addAll(gone);
        }
        List<Long> pending = db.read(c -> KbContents.pending(c, type, model, retryFailed));
        int embedded = 0;
        int reused = 0;
        int failed = 0;
        progress.accept(new Progress(type, 0, pending.size(), "embedding"));
        for (int from = 0; from < pending.size(); from += CONTENTS_PER_BATCH) {
            List<Long> ids = pending.subList(from, Math.min(pending.size(), from + CONTENTS_PER_BATCH));
            stopIfGone(from, pending.size());
            Batch b = batch(type, ids);
            if (!b.failures.isEmpty()) {
                stopIfGone(from, pending.size()); // failures because the model went away are not the contents' fault
            }
            embedded += b.embedded;
            reused += b.reused;
            failed += b.failures.size();
            removed += db.write(c -> {
                int r = 0;
                for (Planned p : b.done) {
                    r += EmbeddingRows.store(c, type, p.content.id(), p.chunks, model, p.content.hash());
                }
                for (Map.Entry<KbContents.Content, String> f : b.failures.entrySet()) {
                    EmbeddingRows.failed(c, type, f.getKey().id(), f.getKey().hash(), model, f.getValue());
                }
                return r;
            });
            ids.forEach(touched::add);
            progress.accept(new Progress(type, Math.min(pending.size(), from + ids.size()), pending.size(), "embedding"));
        }
        return new Outcome(pending.size(), embedded, reused, removed, failed, touched);
    }

    /** Ends the run (what is stored stays) when the provider was removed or the run's thread is being stopped. */
    private void stopIfGone(int done, int total) {
        if (!providerPresent.getAsBoolean() || Thread.currentThread().isInterrupted()) {
            throw new ApiException(ApiException.Reason.UNAVAILABLE, "embedding_provider_gone", null, "The embedding provider went away during the"
                    + " vectorisation (" + done + " of " + total + " contents done); the rest stays pending", null);
        }
    }

    private static final class Batch {
        final List<Planned> done = new ArrayList<>();
        final Map<KbContents.Content, String> failures = new java.util.LinkedHashMap<>();
        int embedded;
        int reused;
    }

    /** A content's chunks; vectors still null are to be embedded. */
    private record Planned(KbContents.Content content, List<EmbeddingRows.Chunk> chunks) {
    }

    private Batch batch(String type, List<Long> ids) {
        List<KbContents.Content> contents = db.read(c -> KbContents.load(c, type, ids, true));
        Map<String, float[]> known = db.read(c -> EmbeddingRows.vectorsOf(c, type, ids, model));
        Batch b = new Batch();
        List<Planned> planned = new ArrayList<>();
        for (KbContents.Content content : contents) {
            try {
                planned.add(plan(content, known));
            } catch (RuntimeException e) {
                b.failures.put(content, "could not be chunked: " + reason(e));
            }
        }
        // chunk texts not stored under this model anywhere, each embedded once even when repeated
        Map<String, String> missing = new java.util.LinkedHashMap<>();
        for (Planned p : planned) {
            for (EmbeddingRows.Chunk ch : p.chunks) {
                if (ch.vector() == null) {
                    missing.putIfAbsent(ch.hash(), ch.text());
                }
            }
        }
        Map<String, float[]> fresh = new HashMap<>();
        try {
            fresh.putAll(embed(missing));
        } catch (RuntimeException e) {
            // one bad text must not fail its neighbours: embed content by content to find which failed
            LOG.debug("Embedding a batch failed; retrying content by content", e);
            for (Planned p : planned) {
                Map<String, String> own = new java.util.LinkedHashMap<>();
                p.chunks.stream().filter(ch -> ch.vector() == null).forEach(ch -> own.putIfAbsent(ch.hash(), ch.text()));
                try {
                    fresh.putAll(embed(own));
                } catch (RuntimeException e2) {
                    b.failures.put(p.content, "the embedding model failed: " + reason(e2));
                }
            }
        }
        b.embedded = fresh.size();
        for (Planned p : planned) {
            if (b.failures.containsKey(p.content)) {
                continue;
            }
            List<EmbeddingRows.Chunk> full = new ArrayList<>();
            for (EmbeddingRows.Chunk ch : p.chunks) {
                if (ch.vector() != null) {
                    b.reused++;
                    full.add(ch);
                } else {
                    full.add(new EmbeddingRows.Chunk(ch.no(), ch.text(), ch.hash(), ch.tokens(), fresh.get(ch.hash())));
                }
            }
            b.done.add(new Planned(p.content, full));
        }
        return b;
    }

    private Planned plan(KbContents.Content content, Map<String, float[]> known) {
        List<String> texts = chunker.chunks(content.prefix(), content.body());
        List<EmbeddingRows.Chunk> chunks = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            String hash = Vectors.sha256(text);
            float[] v = known.get(hash);
            if (v == null) {
                v = db.read(c -> EmbeddingRows.anyVector(c, hash, model));
            }
            chunks.add(new EmbeddingRows.Chunk(i, text, hash, 0, v));
        }
        // token counts are stored for reference; measured once per chunk text
        List<EmbeddingRows.Chunk> counted = new ArrayList<>(chunks.size());
        for (EmbeddingRows.Chunk ch : chunks) {
            counted.add(new EmbeddingRows.Chunk(ch.no(), ch.text(), ch.hash(), provider.countTokens(ch.text()), ch.vector()));
        }
        return new Planned(content, counted);
    }

    /** Embeds texts by hash in batches of the configured size; checks what the model answers. */
    private Map<String, float[]> embed(Map<String, String> byHash) {
        Map<String, float[]> out = new HashMap<>();
        List<String> hashes = new ArrayList<>(byHash.keySet());
        for (int from = 0; from < hashes.size(); from += embedBatch) {
            List<String> part = hashes.subList(from, Math.min(hashes.size(), from + embedBatch));
            List<String> texts = part.stream().map(byHash::get).toList();
            List<float[]> vectors = provider.embed(texts);
            if (vectors == null || vectors.size() != texts.size()) {
                throw new IllegalStateException("the model answered " + (vectors == null ? 0 : vectors.size()) + " vectors for " + texts.size() + " texts");
            }
            for (int i = 0; i < part.size(); i++) {
                float[] v = vectors.get(i);
                if (v == null || v.length != provider.dimension()) {
                    throw new IllegalStateException("the model answered a vector of length " + (v == null ? 0 : v.length) + ", not "
                            + provider.dimension());
                }
                out.put(part.get(i), v);
            }
        }
        return out;
    }

    private static String reason(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
