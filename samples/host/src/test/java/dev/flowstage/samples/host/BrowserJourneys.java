package dev.flowstage.samples.host;

import dev.flowstage.api.Secret;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * The base of the browser tests: one demo host (in-memory stores) and one headless Chromium per
 * test class, started before its tests and closed after them, and a fresh visitor (no cookies,
 * desktop size) before each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserJourneys {
    /** The password of {@value DemoUsers#ADMIN} unless {@link #config()} says otherwise. */
    static final String PASSWORD = "correct horse battery";
    DemoHost host;
    Browser browser;

    /** Returns how the host runs; by default with {@link #PASSWORD} for the admin. */
    DemoHost.Config config() {
        return new DemoHost.Config(0, Secret.of(PASSWORD));
    }

    @BeforeAll
    final void startHostAndBrowser() throws IOException {
        host = DemoHost.start(config());
        browser = Browser.start(host.baseUri());
    }

    @AfterAll
    final void stopHostAndBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (host != null) {
            host.close();
        }
    }

    @BeforeEach
    final void freshVisitor() {
        browser.reset();
    }
}
