package com.enreach.tools.ai.anthropic.internal;

import com.enreach.tools.aidouble.anthropic.AnthropicDouble;

import java.util.HashMap;
import java.util.Map;

/** Settings pointing at a double, with overrides. */
final class Doubles {
    private Doubles() {
    }

    static Map<String, Object> config(AnthropicDouble anthropic, Object... overrides) {
        Map<String, Object> props = new HashMap<>();
        props.put("service.pid", "ai.anthropic~test");
        props.put("base.url", anthropic.url());
        props.put("model", "claude-test");
        props.put(".password", anthropic.apiKey());
        for (int i = 0; i < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                props.remove((String) overrides[i]);
            } else {
                props.put((String) overrides[i], overrides[i + 1]);
            }
        }
        return props;
    }

    static AnthropicProvider provider(AnthropicDouble anthropic, Object... overrides) {
        return new AnthropicProvider(Settings.from(config(anthropic, overrides), Map.of()));
    }
}
