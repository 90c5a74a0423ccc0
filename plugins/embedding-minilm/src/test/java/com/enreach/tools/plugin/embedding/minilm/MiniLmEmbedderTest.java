package com.enreach.tools.plugin.embedding.minilm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.enreach.tools.api.vector.EmbeddingProvider.EmbeddingException;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

class MiniLmEmbedderTest {
    static final List<String> SENTENCES = List.of(
            "The backup of the database server failed last night.",
            "Restart the NFS export on the storage cluster after the firmware upgrade.",
            "ESXi host esx-prod-07 lost its management network; vMotion all VMs away before maintenance.",
            "Hello",
            "");

    static MiniLmEmbedder quantized;

    @BeforeAll
    static void open() {
        quantized = MiniLmEmbedder.open(Variant.QUANTIZED);
    }

    @AfterAll
    static void close() {
        quantized.close();
    }

    @Test
    void sameVectorsAsLangchain4jQuantizedModel() {
        EmbeddingModel reference = new AllMiniLmL6V2QuantizedEmbeddingModel();
        for (String s : SENTENCES.subList(0, 4)) {
            float[] ours = quantized.embed(List.of(s)).get(0);
            float[] theirs = reference.embed(s).content().vector();
            assertTrue(cosine(ours, theirs) > 0.9999, "cosine with langchain4j for '" + s + "': " + cosine(ours, theirs));
        }
    }

    @Test
    void describesTheModel() {
        assertEquals("all-MiniLM-L6-v2-q", quantized.model());
        assertEquals("1.19.0-beta29", quantized.modelVersion());
        assertEquals(384, quantized.dimension());
        assertEquals(512, quantized.maxTokens());
        assertEquals(256, quantized.preferredTokens());
    }

    @Test
    void vectorsAreUnitLengthAndIdenticalTextGivesCosineOne() {
        List<float[]> v = quantized.embed(List.of(SENTENCES.get(0), SENTENCES.get(0)));
        assertEquals(384, v.get(0).length);
        assertEquals(1.0, cosine(v.get(0), v.get(0)), 1e-5);
        assertEquals(1.0, Math.sqrt(dot(v.get(1), v.get(1))), 1e-5);
        assertEquals(1.0, cosine(v.get(0), v.get(1)), 1e-5);
    }

    @Test
    void paraphraseIsCloserThanUnrelatedText() {
        List<float[]> v = quantized.embed(List.of(
                "How do I reset my password?",
                "What are the steps to change a forgotten password?",
                "The storage array reports a failed disk in shelf 2."));
        assertTrue(cosine(v.get(0), v.get(1)) > cosine(v.get(0), v.get(2)) + 0.3,
                "paraphrase " + cosine(v.get(0), v.get(1)) + " vs unrelated " + cosine(v.get(0), v.get(2)));
    }

    @Test
    void countsTokensWithTheModelsTokenizerIncludingSpecialTokens() {
        assertEquals(4, quantized.countTokens("Hello world"));      // [CLS] hello world [SEP]
        assertEquals(2, quantized.countTokens(""));
        // beyond the tokenizer.json's own 128-token truncation: counting sees the whole text
        assertEquals(302, quantized.countTokens("cat ".repeat(300)));
    }

    @Test
    void longInputsAreCutByTokensAtMaxTokens() {
        String head = "cat ".repeat(510);
        List<float[]> v = quantized.embed(List.of(head + "dog ".repeat(200), head, head + "storage ".repeat(90)));
        assertEquals(712, quantized.countTokens(head + "dog ".repeat(200)));
        // everything past token 511 is ignored: the three texts share their first 510 tokens
        assertArrayEquals(v.get(1), v.get(0), 1e-5f);
        assertArrayEquals(v.get(1), v.get(2), 1e-5f);
    }

    @Test
    void byDefaultAVectorDoesNotDependOnTheOtherTextsOfTheCall() {
        List<float[]> all = quantized.embed(SENTENCES);
        for (int i = 0; i < SENTENCES.size(); i++) {
            assertArrayEquals(quantized.embed(List.of(SENTENCES.get(i))).get(0), all.get(i), 1e-6f, "sentence " + i);
        }
    }

    @Test
    void batchesKeepTheCallersOrder() {
        List<float[]> single = quantized.embed(SENTENCES);
        try (MiniLmEmbedder batched = MiniLmEmbedder.open(Variant.QUANTIZED, 3, 0)) {
            List<float[]> batch = batched.embed(SENTENCES);
            for (int i = 0; i < SENTENCES.size(); i++) {
                for (int j = 0; j < SENTENCES.size(); j++) {
                    if (j != i) {
                        assertTrue(cosine(single.get(i), batch.get(i)) > cosine(single.get(i), batch.get(j)), i + " vs " + j);
                    }
                }
                assertTrue(cosine(single.get(i), batch.get(i)) > 0.95, "sentence " + i + ": " + cosine(single.get(i), batch.get(i)));
            }
        }
    }

    @Test
    void isSafeToUseFromSeveralThreads() throws Exception {
        List<float[]> expected = quantized.embed(SENTENCES);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<float[]>>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> quantized.embed(SENTENCES)));
            }
            for (Future<List<float[]>> f : futures) {
                List<float[]> got = f.get();
                for (int i = 0; i < expected.size(); i++) {
                    assertTrue(cosine(expected.get(i), got.get(i)) > 0.9999);
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void rejectsBadInputNamingIt() {
        List<String> withNull = new ArrayList<>(List.of("a"));
        withNull.add(null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> quantized.embed(withNull));
        assertEquals("texts[1] is null", e.getMessage());
        assertEquals(List.of(), quantized.embed(List.of()));
        assertThrows(IllegalArgumentException.class, () -> MiniLmEmbedder.open(Variant.QUANTIZED, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Variant.parse("large"));
        assertEquals(Variant.FULL, Variant.parse(" Full "));
    }

    @Test
    void aClosedEmbedderFailsClearly() {
        MiniLmEmbedder e = MiniLmEmbedder.open(Variant.QUANTIZED, 8, 1);
        e.close();
        e.close();
        EmbeddingException ex = assertThrows(EmbeddingException.class, () -> e.embed(List.of("x")));
        assertTrue(ex.getMessage().contains("closed"), ex.getMessage());
    }

    static double cosine(float[] a, float[] b) {
        return dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b));
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
