package com.enreach.tools.assistant.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The assistant's settings ({@code etc/enreach.assistant.cfg}, optional: every value has a default). */
@ObjectClassDefinition(name = "Enreach assistant", description = "Which provider answers, and how much context it gets.")
public @interface AssistantConfig {
    @AttributeDefinition(name = "Default provider", required = false, description = "Provider instance used when a "
            + "question names none. Empty: the first configured generating provider (by service ranking, then name), "
            + "else the built-in offline provider.")
    String provider();

    @AttributeDefinition(name = "Context budget (tokens)", description = "Most tokens of retrieved context per question.")
    int context_tokens() default 6000;

    @AttributeDefinition(name = "Answer budget (tokens)", description = "Most tokens per answer, unless the provider "
            + "instance sets less.")
    int answer_tokens() default 1024;

    @AttributeDefinition(name = "Tool rounds", description = "Most tool-calling rounds per question.")
    int tool_rounds() default 6;
}
