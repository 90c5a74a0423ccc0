package com.enreach.tools.ai.openai.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every config/examples/ai.openai-*.cfg uses known keys only and is a valid configuration. */
class ShippedExamplesTest {
    @Test
    void theExamplesAreValidConfigurations() throws IOException {
        Set<String> known = Stream.of(OpenAiConfig.class.getDeclaredMethods()).map(Method::getName)
                .map(n -> n.replace('_', '.')).collect(Collectors.toSet());
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("../../config/examples"))) {
            files = s.filter(p -> p.getFileName().toString().startsWith("ai.openai-")).sorted().toList();
        }
        assertEquals(4, files.size(), files.toString());
        for (Path f : files) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(f)) {
                p.load(r);
            }
            List<String> kv = new ArrayList<>();
            for (String k : p.stringPropertyNames()) {
                assertTrue(known.contains(k), f + ": unknown key " + k);
                kv.add(k);
                kv.add(p.getProperty(k));
            }
            String file = f.getFileName().toString();
            String name = file.substring("ai.openai-".length(), file.length() - ".cfg".length());
            Map<String, String> env = p.containsKey("api.key.env") ? Map.of(p.getProperty("api.key.env"), "k") : Map.of();
            Settings s = Settings.of(name, Configs.config(kv.toArray(String[]::new)), env);
            assertEquals("etc/ai.openai-" + name + ".cfg", s.file());
        }
    }
}
