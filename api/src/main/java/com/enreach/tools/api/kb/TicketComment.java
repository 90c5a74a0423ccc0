package com.enreach.tools.api.kb;

import java.time.Instant;

/** A comment of a ticket, plain text. */
public record TicketComment(String id, String author, Instant created, Instant updated, String body) {
}
