package com.enreach.tools.api.kb;

import java.util.List;

/** A ticket with its description, comments (oldest first), the entities it mentions and its vectorisation state. */
public record TicketDetail(Ticket ticket, String description, List<TicketComment> comments, List<EntityMention> entities,
                           VectorState vectors) {
}
