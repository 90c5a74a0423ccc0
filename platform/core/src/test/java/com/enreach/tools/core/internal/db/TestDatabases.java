package com.enreach.tools.core.internal.db;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import com.enreach.tools.testkit.PostgresCluster;

/**
 * The master database a core test runs on: SQLite in the test's file by default; with {@code -Denreach.test.db=postgresql}
 * a database of a throwaway PostgreSQL server (one per test JVM), so the same tests check both engines (the
 * {@code postgresql} executions of the build). Each SQLite file maps to its own PostgreSQL database, created from a
 * migrated template, so a test that reopens its file reopens the same data; the oldest are dropped as tests move on.
 */
public final class TestDatabases {
    public static final String PROPERTY = "enreach.test.db";
    /** Databases kept before the oldest is dropped (with its connections): tests use one or two at a time. */
    private static final int KEEP = 6;
    private static PostgresCluster cluster;
    private static final Map<Path, String> NAMES = new HashMap<>();
    private static final Deque<String> CREATED = new ArrayDeque<>();
    private static int counter;

    private TestDatabases() {
    }

    /** True when this run's tests run on PostgreSQL. */
    public static boolean postgres() {
        return "postgresql".equalsIgnoreCase(System.getProperty(PROPERTY, "sqlite"));
    }

    public static Database open(Path file) {
        return open(file, Database.DEFAULT_READERS, Database.DEFAULT_READ_BUDGET, Duration.ofSeconds(5));
    }

    public static Database open(Path file, int readers, Duration readBudget) {
        return open(file, readers, readBudget, Duration.ofSeconds(5));
    }

    public static Database open(Path file, int readers, Duration readBudget, Duration borrowWait) {
        if (!postgres()) {
            return new Database(file, readers, readBudget, borrowWait);
        }
        return Database.postgres(url(file), PostgresCluster.USER, null, readers, readBudget, borrowWait);
    }

    /** The JDBC URL of the PostgreSQL database standing for this file (created on first use). */
    public static synchronized String url(Path file) {
        try {
            if (cluster == null) {
                cluster = PostgresCluster.start();
                cluster.createDatabase("enreach_template");
                // migrate once; every test database is a copy of it (CREATE DATABASE ... TEMPLATE: milliseconds)
                Database.postgres(cluster.jdbcUrl("enreach_template"), PostgresCluster.USER, null).close();
            }
            Path key = file.toAbsolutePath().normalize();
            String name = NAMES.get(key);
            if (name == null) {
                name = "t" + (++counter);
                cluster.createDatabase(name, "enreach_template");
                NAMES.put(key, name);
                CREATED.add(name);
                while (CREATED.size() > KEEP) {
                    String old = CREATED.removeFirst();
                    NAMES.values().remove(old);
                    cluster.dropDatabase(old);
                }
            }
            return cluster.jdbcUrl(name);
        } catch (Exception e) {
            throw new IllegalStateException("cannot provide a PostgreSQL test database: " + e.getMessage(), e);
        }
    }
}
