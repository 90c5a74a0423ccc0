package com.enreach.tools.itests;

import java.sql.SQLException;

import com.enreach.tools.testkit.PostgresCluster;

/**
 * The container tests' PostgreSQL, when the run asks for it ({@code -Denreach.test.db=postgresql}, the build's
 * {@code postgresql} execution): one throwaway server per test JVM (the driver's), a new database per container home.
 */
final class Postgres {
    private static PostgresCluster cluster;
    private static int databases;

    private Postgres() {
    }

    static boolean enabled() {
        return "postgresql".equalsIgnoreCase(System.getProperty("enreach.test.db", "sqlite"));
    }

    /** Creates an empty database and returns its JDBC URL (the platform migrates it on start). */
    static synchronized String newDatabase() {
        try {
            if (cluster == null) {
                cluster = PostgresCluster.start();
            }
            return cluster.createDatabase("it" + (++databases));
        } catch (java.io.IOException | SQLException e) {
            throw new IllegalStateException("cannot provide a PostgreSQL database for the container: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting PostgreSQL", e);
        }
    }
}
