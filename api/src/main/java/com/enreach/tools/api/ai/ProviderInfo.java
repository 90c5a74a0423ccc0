package com.enreach.tools.api.ai;

/**
 * A provider as listed to users (never its key).
 *
 * @param isDefault       the one used when a question names none
 * @param status          {@code ready}, or {@code misconfigured} with {@link #message()}
 */
public record ProviderInfo(String name, String kind, String model, String baseUrl, boolean external,
                           boolean allowsSensitive, boolean supportsTools, boolean isDefault, String status,
                           String message) {
}
