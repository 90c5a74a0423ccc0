package com.enreach.tools.core.internal.vector;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import com.enreach.tools.api.vector.EmbeddingProvider;

/**
 * A deterministic embedding model for tests: one token per word plus two special tokens; a vector is the normalised
 * bag of its words hashed into {@link #DIM} buckets (so texts sharing words are close). Records every text it embeds
 * and fails on texts containing {@link #POISON}.
 */
class FakeProvider implements EmbeddingProvider {
    static final int DIM = 64;
    static final String POISON = "POISONPILL";
    final List<String> embedded = new CopyOnWriteArrayList<>();
    volatile String version = "1";
    volatile boolean poison = true;

    @Override
    public String model() {
        return "fake-bow";
    }

    @Override
    public String modelVersion() {
        return version;
    }

    @Override
    public int dimension() {
        return DIM;
    }

    @Override
    public int maxTokens() {
        return 512;
    }

    @Override
    public int countTokens(String text) {
        String t = text.strip();
        return (t.isEmpty() ? 0 : t.split("\\s+").length) + 2;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        List<float[]> out = new ArrayList<>();
        for (String text : texts) {
            if (poison && text.contains(POISON)) {
                throw new EmbeddingException("cannot embed a poisoned text", null);
            }
            out.add(vector(text));
        }
        embedded.addAll(texts);
        return out;
    }

    static float[] vector(String text) {
        float[] v = new float[DIM];
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                v[Math.floorMod(w.hashCode(), DIM)] += 1;
            }
        }
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        n = Math.sqrt(n);
        for (int i = 0; i < DIM; i++) {
            v[i] = n == 0 ? 0 : (float) (v[i] / n);
        }
        return v;
    }
}
