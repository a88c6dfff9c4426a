package dev.flowstage.samples.host;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium driven through chromedriver, as a person would use the demo: one per
 * test class, reused by its tests. The binary and driver paths are set explicitly, so Selenium
 * Manager never downloads anything; when they are missing the tests fail (they do not skip).
 * Screenshots go to {@code target/screenshots/}.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Dimension DESKTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(390, 844);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final List<String> FLAGS = List.of("--headless=new", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--password-store=basic", "--lang=en-US");

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private URI base;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    /** Starts Chromium against the host at {@code base}; fails the test class when Chromium cannot run here. */
    static Browser start(URI base) {
        requireChromium(CHROMIUM, CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(FLAGS);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            throw new AssertionError("Chromium could not start (" + CHROMIUM + " with " + CHROMEDRIVER
                    + "); install or repair them with: apt-get install -y chromium chromium-driver", e);
        }
        Browser browser = new Browser(driver);
        browser.base = base;
        browser.driver.manage().window().setSize(DESKTOP);
        return browser;
    }

    /** Fails (never skips) the calling test when {@code chromium} or {@code chromedriver} is not an executable file. */
    static void requireChromium(Path chromium, Path chromedriver) {
        if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
            fail("the browser tests need Debian's Chromium and its driver (" + chromium + ", " + chromedriver
                    + "); install them with: apt-get install -y chromium chromium-driver");
        }
    }

    /** Forgets every cookie (all hosts) and goes back to a desktop window: a fresh visitor. */
    void reset() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.manage().window().setSize(DESKTOP);
        driver.get("about:blank");
    }

    /** Opens {@code path} on the host. */
    void open(String path) {
        driver.get(base.resolve(path).toString());
    }

    /** Opens an absolute URL. */
    void openUrl(String url) {
        driver.get(url);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Waits until the flow page shows {@code component} and returns the flow root. */
    WebElement awaitComponent(String component) {
        By root = By.cssSelector("#flow-root[data-component='" + component + "'][aria-busy='false']");
        try {
            return wait.until(ExpectedConditions.visibilityOfElementLocated(root));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the flow page did not show " + component + "; it shows "
                    + driver.findElements(By.id("flow-root")).stream().map(el -> el.getDomAttribute("data-component")).toList()
                    + " at " + driver.getCurrentUrl() + ":\n" + text(), e);
        }
    }

    /** Waits until the browser is at a URL whose path is {@code path}. */
    void awaitPath(String path) {
        try {
            wait.until(d -> URI.create(d.getCurrentUrl()).getPath().equals(path));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("expected to arrive at " + path + " but the browser is at " + driver.getCurrentUrl()
                    + ":\n" + text(), e);
        }
    }

    /** Waits until an element matching {@code by} is visible and returns it. */
    WebElement await(By by) {
        try {
            return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no visible " + by + " at " + driver.getCurrentUrl() + ":\n" + text(), e);
        }
    }

    /** Returns the visible input labelled {@code label} (exactly, ignoring a required marker). */
    WebElement field(String label) {
        for (WebElement candidate : driver.findElements(By.tagName("label"))) {
            if (candidate.getText().replace(" *", "").strip().equals(label)) {
                return driver.findElement(By.id(candidate.getDomAttribute("for")));
            }
        }
        throw new AssertionError("no field labelled '" + label + "' on " + driver.getCurrentUrl() + ":\n" + text());
    }

    /** Types {@code value} into the field labelled {@code label}, replacing what it held. */
    void type(String label, String value) {
        WebElement field = field(label);
        field.clear();
        field.sendKeys(value);
    }

    /** Clicks the button showing {@code text}. */
    void press(String text) {
        driver.findElements(By.tagName("button")).stream().filter(b -> b.getText().strip().equals(text) && b.isDisplayed())
                .findFirst().orElseThrow(() -> new AssertionError("no button '" + text + "' on " + driver.getCurrentUrl()
                        + ":\n" + text()))
                .click();
    }

    /** Clicks the link showing {@code text}. */
    void follow(String text) {
        driver.findElement(By.linkText(text)).click();
    }

    /** Returns the page's visible text. */
    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Returns the element that has the keyboard focus. */
    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Runs {@code script} in the page and returns its result. */
    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Saves a screenshot as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Resizes the window to a phone's width. */
    void phone() {
        driver.manage().window().setSize(PHONE);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
