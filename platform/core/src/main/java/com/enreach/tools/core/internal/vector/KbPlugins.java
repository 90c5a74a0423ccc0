package com.enreach.tools.core.internal.vector;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import com.enreach.tools.api.vector.EmbeddingProvider;
import com.enreach.tools.api.vector.VectorIndex;

/**
 * The installed embedding provider and vector index, if any: at most one of each, the highest ranked (greedy, so a
 * better one replaces the one in use). Both come and go with their plugins; whoever uses them reads them once per
 * operation and copes with null. Listeners hear of a newly bound index (it may need a rebuild) and of a newly bound provider (contents may wait for it).
 */
@Component(service = KbPlugins.class, immediate = true)
public class KbPlugins {
    private volatile EmbeddingProvider provider;
    private volatile VectorIndex index;
    private final List<Consumer<VectorIndex>> indexListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<EmbeddingProvider>> providerListeners = new CopyOnWriteArrayList<>();

    /** The provider in use, or null. */
    public EmbeddingProvider provider() {
        return provider;
    }

    /** The index in use, or null. */
    public VectorIndex index() {
        return index;
    }

    /** {@code name@version} of a provider: what is stored with its vectors. */
    public static String modelOf(EmbeddingProvider p) {
        return p == null ? null : p.model() + "@" + p.modelVersion();
    }

    void onIndexBound(Consumer<VectorIndex> listener) {
        indexListeners.add(listener);
    }

    void removeIndexListener(Consumer<VectorIndex> listener) {
        indexListeners.remove(listener);
    }

    /** Listeners hear of a newly bound embedding provider (contents may be waiting for it). */
    void onProviderBound(Consumer<EmbeddingProvider> listener) {
        providerListeners.add(listener);
    }

    void removeProviderListener(Consumer<EmbeddingProvider> listener) {
        providerListeners.remove(listener);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    public void bindProvider(EmbeddingProvider p) {
        this.provider = p;
        for (Consumer<EmbeddingProvider> l : providerListeners) {
            l.accept(p);
        }
    }

    public void unbindProvider(EmbeddingProvider p) {
        // DS binds a replacement before it unbinds the one replaced: only clear what is still in use
        if (this.provider == p) {
            this.provider = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    public void bindIndex(VectorIndex i) {
        this.index = i;
        for (Consumer<VectorIndex> l : indexListeners) {
            l.accept(i);
        }
    }

    public void unbindIndex(VectorIndex i) {
        if (this.index == i) {
            this.index = null;
        }
    }
}
