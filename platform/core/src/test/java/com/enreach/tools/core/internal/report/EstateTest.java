package com.enreach.tools.core.internal.report;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Base of the report tests: a fresh database with an empty {@link Estate} per test. */
abstract class EstateTest {
    @TempDir
    Path dir;

    Estate estate;

    @BeforeEach
    void open() {
        estate = new Estate(dir);
    }

    @AfterEach
    void close() {
        estate.close();
    }
}
