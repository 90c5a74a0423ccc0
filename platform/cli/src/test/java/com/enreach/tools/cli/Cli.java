package com.enreach.tools.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import picocli.CommandLine;

/** Runs the CLI in-process with a chosen environment, no real sleeping, and captured stdout/stderr. */
final class Cli {
    /** What a script would see. */
    record Result(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private final Map<String, String> env = new HashMap<>();
    private final List<Duration> sleeps = new ArrayList<>();
    private boolean terminal;
    private String stdin = "";

    Cli(FakeApi api, Path home) {
        env.put("ENREACH_HOME", home.toString());
        if (api != null) {
            env.put("ENREACH_PORT", Integer.toString(api.port()));
        }
    }

    Cli env(String key, String value) {
        if (value == null) {
            env.remove(key);
        } else {
            env.put(key, value);
        }
        return this;
    }

    Cli terminal(boolean t) {
        terminal = t;
        return this;
    }

    /** What the command reads on standard input. */
    Cli stdin(String text) {
        stdin = text;
        return this;
    }

    List<Duration> sleeps() {
        return sleeps;
    }

    Result run(String... args) {
        AtomicLong clock = new AtomicLong();
        // Each clock read moves one second on, so plain progress lines appear without real waiting.
        Enreach root = new Enreach(env::get, sleeps::add, terminal, () -> clock.addAndGet(1000));
        root.stdin = new java.io.ByteArrayInputStream(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        CommandLine cl = Enreach.commandLine(root);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }
}
