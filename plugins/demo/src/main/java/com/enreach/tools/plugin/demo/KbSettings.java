package com.enreach.tools.plugin.demo;

/**
 * How big the demo knowledge base is: about how many wiki pages (the fixed runbooks, how-tos and architecture pages,
 * then post-mortems up to this number) and how many tickets existed when the instance was first synced.
 */
record KbSettings(int articles, int tickets) {
    static final int DEFAULT_ARTICLES = 60;
    static final int DEFAULT_TICKETS = 500;
}
