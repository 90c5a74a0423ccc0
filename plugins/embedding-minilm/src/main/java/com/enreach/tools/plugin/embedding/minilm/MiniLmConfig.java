package com.enreach.tools.plugin.embedding.minilm;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the MiniLM embedding provider ({@code etc/enreach.embedding.minilm.cfg}, optional). */
@ObjectClassDefinition(name = "Enreach embeddings: all-MiniLM-L6-v2",
        description = "The in-process sentence-embedding model (384 dimensions, up to 512 tokens per input). Changing "
                + "the variant re-embeds everything, as vectors of different models are not comparable.")
public @interface MiniLmConfig {
    String PID = "enreach.embedding.minilm";

    @AttributeDefinition(name = "Variant", description = "quantized (int8, 23 MB, faster; default) or full (fp32, 90 MB).")
    String variant() default "quantized";

    @AttributeDefinition(name = "Batch size", description = "Texts per model call, 1 to 256. 1 (default) keeps a "
            + "text's vector independent of the other texts and was fastest on CPU at chunk lengths.")
    int batch_size() default MiniLmEmbedder.DEFAULT_BATCH_SIZE;

    @AttributeDefinition(name = "Threads", description = "onnxruntime threads per model call, 0 (default) = one per core.")
    int threads() default 0;
}
