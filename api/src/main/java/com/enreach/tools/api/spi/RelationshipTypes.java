package com.enreach.tools.api.spi;

/** Common relationship types. Plugins may introduce others (lower-case words). */
public final class RelationshipTypes {
    public static final String RUNS_ON = "runs_on";
    public static final String MEMBER_OF = "member_of";
    public static final String CONNECTED_TO = "connected_to";
    public static final String BACKS_UP = "backs_up";
    public static final String HOSTED_ON = "hosted_on";
    public static final String PART_OF = "part_of";

    private RelationshipTypes() {
    }
}
