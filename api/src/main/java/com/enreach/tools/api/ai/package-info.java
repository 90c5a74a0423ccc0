/**
 * The AI assistant: language-model providers, cited answers over the inventory and the knowledge base, issue
 * resolution suggestions and knowledge-base maintenance.
 *
 * <p>{@link com.enreach.tools.api.ai.AiProvider} is implemented by provider plugins (one service per configuration
 * instance: {@code ai.anthropic-<name>.cfg}, {@code ai.openai-<name>.cfg}) and found through the service registry, so a
 * provider configured or removed while the platform runs is used or dropped without a restart.
 * {@link com.enreach.tools.api.ai.AssistantService} is provided by the assistant plugin (REST answers 503 naming the
 * plugin when it is absent); it holds the built-in offline provider, which needs no model and no network.
 * {@link com.enreach.tools.api.ai.AssistantStore} is provided by the core, which owns the tables.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package com.enreach.tools.api.ai;
