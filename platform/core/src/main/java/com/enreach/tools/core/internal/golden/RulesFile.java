package com.enreach.tools.core.internal.golden;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.enreach.tools.api.inventory.ResolutionRules;
import com.enreach.tools.api.plugin.FieldError;
import com.enreach.tools.core.internal.db.Times;

/**
 * The rules in force, read from {@code etc/inventory-rules.json}. {@link #check()} looks at the file's modification
 * time and size (a stat, cheap enough to run every few seconds) and reads it again only when they moved; a file with
 * problems is rejected with its field errors and the previous valid rules stay in force. Without a file the built-in
 * defaults apply.
 */
final class RulesFile {
    static final String NAME = "inventory-rules.json";
    private static final Logger LOG = LoggerFactory.getLogger(RulesFile.class);

    /** What a check found. */
    enum Outcome { UNCHANGED, APPLIED, REJECTED }

    private record Stamp(Instant modified, long size, Object fileKey) {
    }

    private final Path file;
    private volatile RuleSet rules = RuleSet.defaults();
    private volatile Instant loadedAt = Times.now();
    private volatile List<FieldError> errors = List.of();
    private volatile String source = "built-in defaults";
    private Stamp stamp;

    RulesFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    RuleSet rules() {
        return rules;
    }

    /** The rules in force and the problems of the file on disk, for the API. */
    ResolutionRules describe() {
        return new ResolutionRules(source, loadedAt, rules.toApi(), errors);
    }

    /** Reads the file again if it changed since the last check; APPLIED when the rules in force changed. */
    synchronized Outcome check() {
        Stamp now = stamp();
        if (Objects.equals(now, stamp)) {
            return Outcome.UNCHANGED;
        }
        stamp = now;
        if (now == null) {
            errors = List.of();
            source = "built-in defaults";
            return apply(RuleSet.defaults(), "no " + file + ": the built-in defaults apply");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return reject(List.of(FieldError.of(null, "unreadable", "cannot read " + file + ": " + e.getMessage())));
        }
        RulesParser.Result r = RulesParser.parse(text);
        if (!r.ok()) {
            return reject(r.errors());
        }
        errors = List.of();
        source = file.toString();
        return apply(r.rules(), "golden-record rules read from " + file);
    }

    /**
     * At start, when the file is rejected, the rules in force before the restart (as stored with the values they
     * chose) stay in force rather than the built-in defaults.
     */
    synchronized void keepPrevious(RuleSet previous) {
        if (!errors.isEmpty() && previous != null) {
            rules = previous;
            source = file + " (rejected: the rules in force before the restart apply)";
            LOG.warn("{} has errors: the rules in force before the restart apply", file);
        }
    }

    private Outcome apply(RuleSet next, String message) {
        if (next.fingerprint().equals(rules.fingerprint())) {
            return Outcome.UNCHANGED;
        }
        rules = next;
        loadedAt = Times.now();
        LOG.info("{}", message);
        return Outcome.APPLIED;
    }

    private Outcome reject(List<FieldError> problems) {
        errors = List.copyOf(problems);
        LOG.error("{} rejected, the previous rules stay in force: {}", file, problems.stream()
                .map(e -> (e.field() == null ? "" : e.field() + ": ") + e.message()).toList());
        return Outcome.REJECTED;
    }

    private Stamp stamp() {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(a.lastModifiedTime().toInstant(), a.size(), a.fileKey());
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return new Stamp(Instant.EPOCH, -1, null);
        }
    }
}
