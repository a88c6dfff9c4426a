package dev.flowstage.samples.host;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The browser tests fail, with the install command, when Chromium is missing; they never skip. */
class BrowserPreconditionTest {
    @Test
    void missingChromium_failsWithTheInstallCommand() {
        assertThatThrownBy(() -> Browser.requireChromium(Path.of("/nonexistent/chromium"), Browser.CHROMEDRIVER))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("apt-get install -y chromium chromium-driver");
        assertThatThrownBy(() -> Browser.requireChromium(Browser.CHROMIUM, Path.of("/nonexistent/chromedriver")))
                .isInstanceOf(AssertionFailedError.class);
    }

    @Test
    void debianChromium_isInstalledHere() {
        assertThatCode(() -> Browser.requireChromium(Browser.CHROMIUM, Browser.CHROMEDRIVER)).doesNotThrowAnyException();
    }
}
