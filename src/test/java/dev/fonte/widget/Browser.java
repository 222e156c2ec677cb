package dev.fonte.widget;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One headless Debian Chromium for a test class, driven by Selenium with an explicit driver path (Selenium Manager
 * never downloads anything), plus helpers to reach into the widget's shadow root.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;

    private Browser(ChromeDriver driver, ChromeDriverService service, Path profile) {
        this.driver = driver;
        this.service = service;
        this.profile = profile;
    }

    /** Starts Chromium, or skips the calling test class when Debian's chromium and chromedriver are not installed. */
    static Browser startOrSkip() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "SKIPPED: browser tests need Debian's chromium and chromium-driver "
                        + "(apt-get install -y chromium chromium-driver); " + CHROMIUM + " or " + CHROMEDRIVER + " is missing");
        try {
            Path profile = Files.createTempDirectory("fonte-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                    "--user-data-dir=" + profile, "--window-size=1280,860", "--lang=it-IT");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
            return new Browser(driver, service, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void open(String url) {
        driver.get(url);
        waitFor(d -> shadow() != null, Duration.ofSeconds(10));
    }

    /** The widget's shadow root (open, so that tests and assistive tech can reach it). */
    SearchContext shadow() {
        List<WebElement> hosts = driver.findElements(By.cssSelector("fonte-chat"));
        return hosts.isEmpty() ? null : hosts.get(0).getShadowRoot();
    }

    WebElement in(String css) {
        return shadow().findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return shadow().findElements(By.cssSelector(css));
    }

    /** The focused element inside the widget, described as tag.class or tag[aria-label]. */
    String focused() {
        return (String) ((JavascriptExecutor) driver).executeScript(
                "const a = document.querySelector('fonte-chat')?.shadowRoot?.activeElement;"
                        + "if (!a) return 'outside:' + document.activeElement.tagName.toLowerCase();"
                        + "return a.tagName.toLowerCase() + (a.className ? '.' + a.className.split(' ').join('.') : '')"
                        + " + (a.getAttribute('aria-label') ? '[' + a.getAttribute('aria-label') + ']' : '');");
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    <T> T waitFor(Function<WebDriver, T> condition, Duration timeout) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(50)).until(condition);
    }

    /** Emulates a device viewport of exactly this many CSS pixels (a phone), or clears the emulation with 0, 0. */
    void viewport(int width, int height) {
        if (width == 0) {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        } else {
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
        }
    }

    /** Emulates the user's light or dark colour-scheme preference. */
    void colorScheme(String scheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                // a leftover temp profile is harmless
            }
        }
    }
}
