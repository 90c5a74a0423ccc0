package com.enreach.tools.plugin.embedding.minilm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;
import java.util.List;

import org.junit.jupiter.api.Test;

class MiniLmProviderTest {

    @Test
    void defaultsToTheQuantisedModel() {
        MiniLmProvider p = new MiniLmProvider(config("quantized", 1, 0));
        try {
            assertEquals("all-MiniLM-L6-v2-q", p.model());
            assertEquals(384, p.embed(List.of("disk shelf failure")).get(0).length);
        } finally {
            p.deactivate();
        }
    }

    @Test
    void badConfigurationNamesTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MiniLmProvider(config("quantized", 0, 0)));
        assertEquals("enreach.embedding.minilm: batch.size must be 1 to 256, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MiniLmProvider(config("small", 1, 0)));
        assertEquals("variant: expected 'quantized' or 'full', got 'small'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MiniLmProvider(config("full", 1, -1)));
        assertEquals("enreach.embedding.minilm: threads must be 0 (default) or more, got -1", e.getMessage());
    }

    static MiniLmConfig config(String variant, int batchSize, int threads) {
        return new MiniLmConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return MiniLmConfig.class;
            }

            @Override
            public String variant() {
                return variant;
            }

            @Override
            public int batch_size() {
                return batchSize;
            }

            @Override
            public int threads() {
                return threads;
            }
        };
    }
}
