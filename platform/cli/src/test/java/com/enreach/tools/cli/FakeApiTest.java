package com.enreach.tools.cli;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Base of the command tests: a fresh fake REST API and a CLI pointed at it with a token, per test. */
abstract class FakeApiTest {
    @TempDir
    Path home;

    FakeApi api;
    Cli cli;

    @BeforeEach
    void startFakeApi() throws IOException {
        api = new FakeApi();
        cli = new Cli(api, home).env("ENREACH_TOKEN", "tok-1");
    }

    @AfterEach
    void stopFakeApi() {
        api.close();
    }
}
