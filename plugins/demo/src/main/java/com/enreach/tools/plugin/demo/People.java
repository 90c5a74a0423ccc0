package com.enreach.tools.plugin.demo;

import java.util.SplittableRandom;

/** The operations team the knowledge base is written by, per Jira project, and the systems that open tickets. */
final class People {
    static final String[] OPS = {"Anna de Vries", "Lukas Becker", "Siobhan Murphy", "Tom Hughes", "Priya Raman", "Oliver Smith", "Fatima El Amrani"};
    static final String[] NET = {"Jonas Weber", "Ciara Byrne", "Piotr Nowak"};
    static final String[] STOR = {"Eva Jansen", "Marco Rossi", "Tom Hughes"};
    static final String[] ALL = {"Anna de Vries", "Lukas Becker", "Siobhan Murphy", "Tom Hughes", "Priya Raman", "Oliver Smith",
        "Fatima El Amrani", "Jonas Weber", "Ciara Byrne", "Piotr Nowak", "Eva Jansen", "Marco Rossi"};

    private People() {
    }

    static String engineer(String project, SplittableRandom r) {
        String[] team = switch (project) {
            case "NET" -> NET;
            case "STOR" -> STOR;
            default -> OPS;
        };
        return team[r.nextInt(team.length)];
    }

    static String anyone(SplittableRandom r) {
        return ALL[r.nextInt(ALL.length)];
    }

    /** The monitoring system that raises a project's alerts as incidents. */
    static String monitoring(String project) {
        return switch (project) {
            case "NET" -> "LibreNMS";
            case "STOR" -> "Active IQ Unified Manager";
            default -> "Alertmanager";
        };
    }
}
