package com.enreach.tools.api.spi;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a connector streams its records during {@link SourceConnector#fetch}. Implemented by the core, which
 * validates, batches and commits them. Records of one instance are keyed by their source id; emitting the same
 * source id twice in a run keeps the last one.
 */
@ProviderType
public interface RecordSink {

    /** A device (server, vm, network_device, storage, cluster...) with the interfaces, IPs and facts it carries. */
    void device(DeviceRecord device);

    /** A relationship between two devices of this instance, by their source ids. Resolved at the end of the run. */
    void relationship(RelationshipRecord relationship);

    /** A configuration text of a device of this instance; stored as a new version only when it changed. */
    void config(ConfigRecord config);

    /** A storage volume (LUN, filesystem, volume, qtree) of a storage device of this instance. */
    void volume(StorageVolumeRecord volume);

    /** The backup status of one protected client or VM. */
    void backup(BackupRecord backup);

    /**
     * A non-fatal problem with one object (a node whose config could not be fetched, an address that did not
     * parse). Recorded in the run; the run goes on.
     */
    void warn(String sourceId, String message);

    /**
     * Says that an object this source still has could not be refreshed in this run (its detail request failed):
     * the master database keeps its previous state as it is, and the run does not mark it stale. Recorded as a
     * warning of the run. An object never stored before is only warned about.
     *
     * @param entityKind {@link EntityKinds#DEVICE}, {@link EntityKinds#STORAGE_VOLUME} or {@link EntityKinds#BACKUP}
     * @param sourceId   the object's source id, as it would have been emitted
     * @param reason     why it could not be refreshed, for the run's warnings
     * @since 1.1
     */
    void notRefreshed(String entityKind, String sourceId, String reason);

    /**
     * A knowledge-base article. The default refuses: only a core of SPI 2.2 or later stores articles.
     *
     * @since 2.2
     */
    default void article(ArticleRecord article) {
        throw new UnsupportedOperationException("this sink does not take articles");
    }

    /**
     * A ticket with its comments. The default refuses: only a core of SPI 2.2 or later stores tickets.
     *
     * @since 2.2
     */
    default void ticket(TicketRecord ticket) {
        throw new UnsupportedOperationException("this sink does not take tickets");
    }

    /**
     * Says that an object is still in the source and has not changed since the revision the core holds
     * ({@link SourceContext#storedRevisions(String)}): it is kept as it is, counted as unchanged and not marked stale.
     * Unlike {@link #notRefreshed} this is no warning. Ignored for an object the core does not hold.
     *
     * @param entityKind {@link EntityKinds#ARTICLE} or {@link EntityKinds#TICKET}
     * @since 2.2
     */
    default void unchanged(String entityKind, String sourceId) {
        throw new UnsupportedOperationException("this sink does not take unchanged " + entityKind);
    }

    /** Names the current phase for progress display ("hosts", "vms page 4/12"). */
    void phase(String phase);

    /** Saves the opaque cursor returned as {@link SourceContext#previousState()} next time, if this run succeeds. */
    void state(String state);
}
