package com.enreach.tools.plugin.embedding.minilm;

import java.nio.FloatBuffer;

/** Sentence-transformers' pooling for MiniLM: the mean of the token vectors under the attention mask, L2-normalised. */
final class Pooling {
    private Pooling() {
    }

    /**
     * @param hidden the model's last hidden state, {@code rows x len x dim}, row-major
     * @param mask the attention mask, {@code rows x len}
     */
    static float[][] meanNormalised(FloatBuffer hidden, long[] mask, int rows, int len, int dim) {
        float[][] out = new float[rows][];
        for (int r = 0; r < rows; r++) {
            double[] sum = new double[dim];
            int count = 0;
            for (int t = 0; t < len; t++) {
                if (mask[r * len + t] == 0) {
                    continue;
                }
                count++;
                int base = (r * len + t) * dim;
                for (int d = 0; d < dim; d++) {
                    sum[d] += hidden.get(base + d);
                }
            }
            out[r] = normalise(sum, Math.max(count, 1));
        }
        return out;
    }

    private static float[] normalise(double[] sum, int count) {
        double norm = 0;
        for (int d = 0; d < sum.length; d++) {
            sum[d] /= count;
            norm += sum[d] * sum[d];
        }
        norm = Math.sqrt(norm);
        float[] v = new float[sum.length];
        for (int d = 0; d < sum.length; d++) {
            v[d] = (float) (norm == 0 ? 0 : sum[d] / norm);
        }
        return v;
    }
}
