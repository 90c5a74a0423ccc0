package com.enreach.tools.api.spi;

/** Names of the record kinds a connector may declare in {@link SourceDescriptor#entityKinds()}. */
public final class EntityKinds {
    public static final String DEVICE = "device";
    public static final String RELATIONSHIP = "relationship";
    public static final String INTERFACE = "interface";
    public static final String IP_ADDRESS = "ip_address";
    public static final String SERVER_FACTS = "server_facts";
    public static final String DEVICE_CONFIG = "device_config";
    public static final String STORAGE_VOLUME = "storage_volume";
    public static final String BACKUP = "backup";
    /** A knowledge-base article ({@link ArticleRecord}). @since 2.2 */
    public static final String ARTICLE = "article";
    /** An issue-tracker ticket ({@link TicketRecord}). @since 2.2 */
    public static final String TICKET = "ticket";

    private EntityKinds() {
    }
}
