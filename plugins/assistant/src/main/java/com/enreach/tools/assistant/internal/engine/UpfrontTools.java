package com.enreach.tools.assistant.internal.engine;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.enreach.tools.api.ai.AnswerListener;
import com.enreach.tools.api.ai.Citation;
import com.enreach.tools.api.ai.ToolSpec;
import com.enreach.tools.assistant.internal.AssistantContext;
import com.enreach.tools.assistant.internal.tools.ToolOutcome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * For a provider that cannot call tools: the inventory facts a model would most likely have asked for, gathered before
 * the turn — the entities named in the question (words that look like host names, FQDNs or IPs, through
 * {@code find_entities}) and the details of the first few ({@code entity_detail}). Each tool's input is filled from its own schema (its first required property), so the
 * toolbox stays free to name its arguments; a failing or missing tool just adds nothing.
 */
final class UpfrontTools {
    static final String FIND = "find_entities";
    static final String DETAIL = "entity_detail";
    static final int DETAILS = 3;
    static final int NAMES = 3;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9]");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AssistantContext context;
    private final ContextBuilder data;
    private final AnswerListener listener;

    UpfrontTools(AssistantContext context, ContextBuilder data, AnswerListener listener) {
        this.context = context;
        this.data = data;
        this.listener = listener;
    }

    /** The fenced tool results, and the calls made appended to {@code toolCalls}. */
    String run(String question, String scope, boolean sensitive, List<String> toolCalls) {
        if ("knowledge".equals(scope)) {
            return "";
        }
        List<ToolSpec> specs;
        try {
            specs = context.tools().specs(scope, sensitive);
        } catch (RuntimeException e) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        List<Citation> entities = new ArrayList<>();
        for (String name : names(question)) {
            call(specs, FIND, name, sensitive, toolCalls, b).filter(o -> !o.error()).ifPresent(o -> o.sources().stream()
                    .filter(s -> "entity".equals(s.kind()) && !entities.contains(s)).forEach(entities::add));
        }
        for (Citation entity : entities.subList(0, Math.min(DETAILS, entities.size()))) {
            call(specs, DETAIL, entity, sensitive, toolCalls, b);
        }
        return b.toString();
    }

    /**
     * The words of the question that look like the names of things (host names and FQDNs: letters with a digit, dot or
     * hyphen; IPv4 addresses), at most {@link #NAMES}; dates and plain numbers are not names.
     */
    static List<String> names(String question) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = NAME.matcher(question);
        while (m.find() && out.size() < NAMES) {
            String w = m.group().replaceAll("[.-]+$", "");
            boolean named = w.matches(".*[A-Za-z].*") && w.matches(".*[0-9.-].*");
            if (w.length() >= 4 && (named || w.matches("\\d{1,3}(\\.\\d{1,3}){3}"))) {
                out.add(w);
            }
        }
        return List.copyOf(out);
    }

    private Optional<ToolOutcome> call(List<ToolSpec> specs, String name, Object value, boolean sensitive,
                                       List<String> toolCalls, StringBuilder out) {
        Optional<ToolSpec> spec = specs.stream().filter(s -> name.equals(s.name())).findFirst();
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        String input = input(spec.get(), value);
        listener.onStatus("calling tool " + name);
        toolCalls.add(Generator.describe(name, input));
        ToolOutcome outcome;
        try {
            outcome = context.tools().call(name, input, sensitive);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (outcome == null || outcome.error()) {
            return Optional.ofNullable(outcome);
        }
        out.append(data.toolResult(name, outcome)).append("\n\n");
        return Optional.of(outcome);
    }

    /**
     * {@code {"<first required property>": value}}; for an entity ({@link Citation}) its id when the property is a
     * number or an id, else its name.
     */
    static String input(ToolSpec spec, Object value) {
        ObjectNode node = JSON.createObjectNode();
        try {
            JsonNode schema = JSON.readTree(spec.inputSchemaJson() == null ? "{}" : spec.inputSchemaJson());
            String property = null;
            if (schema.path("required").isArray() && !schema.path("required").isEmpty()) {
                property = schema.path("required").get(0).asText();
            } else {
                Iterator<String> names = schema.path("properties").fieldNames();
                property = names.hasNext() ? names.next() : null;
            }
            if (property == null) {
                return "{}";
            }
            String type = schema.path("properties").path(property).path("type").asText("string");
            boolean numeric = type.equals("integer") || type.equals("number");
            if (value instanceof Citation c) {
                if (numeric) {
                    node.put(property, c.id());
                } else {
                    node.put(property, property.toLowerCase(java.util.Locale.ROOT).contains("id") ? String.valueOf(c.id()) : c.key());
                }
            } else {
                node.put(property, String.valueOf(value));
            }
            return JSON.writeValueAsString(node);
        } catch (Exception e) {
            return "{}";
        }
    }
}
