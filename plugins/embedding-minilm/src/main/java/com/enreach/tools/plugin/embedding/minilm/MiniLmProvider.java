package com.enreach.tools.plugin.embedding.minilm;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.enreach.tools.api.vector.EmbeddingProvider;

/**
 * The MiniLM model as a service. A configuration change or an update of this bundle closes the model and opens it
 * again; onnxruntime and the tokenizer's natives stay loaded in the runtime bundle.
 */
@Component(service = EmbeddingProvider.class, configurationPid = MiniLmConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = MiniLmConfig.class)
public final class MiniLmProvider implements EmbeddingProvider {
    static final int MAX_BATCH_SIZE = 256;
    private static final Logger LOG = LoggerFactory.getLogger(MiniLmProvider.class);

    private final MiniLmEmbedder embedder;

    @Activate
    public MiniLmProvider(MiniLmConfig config) {
        Variant variant = Variant.parse(config.variant());
        int batchSize = config.batch_size();
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException(MiniLmConfig.PID + ": batch.size must be 1 to " + MAX_BATCH_SIZE + ", got " + batchSize);
        }
        if (config.threads() < 0) {
            throw new IllegalArgumentException(MiniLmConfig.PID + ": threads must be 0 (default) or more, got " + config.threads());
        }
        long start = System.nanoTime();
        this.embedder = MiniLmEmbedder.open(variant, batchSize, config.threads());
        LOG.info("Embedding model {} {} loaded in {} ms (batch size {}, threads {})", embedder.model(), embedder.modelVersion(),
                (System.nanoTime() - start) / 1_000_000, batchSize, config.threads() == 0 ? "default" : config.threads());
    }

    @Deactivate
    void deactivate() {
        embedder.close();
    }

    @Override
    public String model() {
        return embedder.model();
    }

    @Override
    public String modelVersion() {
        return embedder.modelVersion();
    }

    @Override
    public int dimension() {
        return embedder.dimension();
    }

    @Override
    public int maxTokens() {
        return embedder.maxTokens();
    }

    @Override
    public int preferredTokens() {
        return embedder.preferredTokens();
    }

    @Override
    public int countTokens(String text) {
        return embedder.countTokens(text);
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        return embedder.embed(texts);
    }
}
