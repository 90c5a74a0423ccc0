package com.enreach.tools.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;

import org.junit.jupiter.api.Test;

import com.enreach.tools.core.internal.db.Database;

/** The core's packages depend on each other in one direction only (jdeps over the compiled classes). */
class PackageCycleTest {
    private static final String BASE = "com.enreach.tools.core.internal.";

    @Test
    void theCorePackagesHaveNoDependencyCycle() throws Exception {
        Path classes = Path.of(Database.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("jdeps is part of the JDK"));
        StringWriter out = new StringWriter();
        int rc = jdeps.run(new PrintWriter(out), new PrintWriter(out), "-verbose:package", "-filter:none", "-e", BASE.replace(".", "\\.") + ".*",
                classes.toString());
        assertEquals(0, rc, out.toString());
        Map<String, Set<String>> edges = new HashMap<>();
        for (String line : out.toString().split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 3 && f[0].startsWith(BASE) && "->".equals(f[1]) && f[2].startsWith(BASE) && !f[0].equals(f[2])) {
                edges.computeIfAbsent(f[0], k -> new TreeSet<>()).add(f[2]);
            }
        }
        assertFalse(edges.isEmpty(), "jdeps reported no package edges: " + out);
        List<String> cycles = new ArrayList<>();
        for (String from : edges.keySet()) {
            if (reaches(edges, from, from, new HashSet<>())) {
                cycles.add(from + " -> " + edges.get(from));
            }
        }
        assertTrue(cycles.isEmpty(), "package cycles: " + cycles);
    }

    private static boolean reaches(Map<String, Set<String>> edges, String target, String at, Set<String> seen) {
        for (String next : edges.getOrDefault(at, Set.of())) {
            if (next.equals(target) || (seen.add(next) && reaches(edges, target, next, seen))) {
                return true;
            }
        }
        return false;
    }
}
