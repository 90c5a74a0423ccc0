package com.enreach.tools.plugin.embedding.minilm;

import java.util.Locale;

/** The two builds of all-MiniLM-L6-v2 this bundle carries; both give 384-dimensional vectors. */
public enum Variant {
    /** int8 dynamically quantised (23 MB), about twice as fast; the default. */
    QUANTIZED("all-MiniLM-L6-v2-q", "all-minilm-l6-v2-q"),
    /** fp32 (90 MB), the reference. */
    FULL("all-MiniLM-L6-v2", "all-minilm-l6-v2");

    private final String model;
    private final String resourceBase;

    Variant(String model, String resourceBase) {
        this.model = model;
        this.resourceBase = resourceBase;
    }

    /** The model name stored with every vector. */
    public String model() {
        return model;
    }

    String onnxResource() {
        return "/" + resourceBase + ".onnx";
    }

    String tokenizerResource() {
        return "/" + resourceBase + "-tokenizer.json";
    }

    /** Parses a configuration value: {@code quantized} or {@code full} (case-insensitive). */
    public static Variant parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        switch (v) {
            case "quantized":
            case "quantised":
            case "q":
                return QUANTIZED;
            case "full":
                return FULL;
            default:
                throw new IllegalArgumentException("variant: expected 'quantized' or 'full', got '" + value + "'");
        }
    }
}
