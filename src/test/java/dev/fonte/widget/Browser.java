package dev.fonte.widget;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One headless Debian Chromium for a test class, driven by Selenium with an explicit driver path (Selenium Manager
 * never downloads anything), plus helpers to reach into the widget's shadow root. Test classes that use it carry
 * {@code @ExtendWith(BrowserCondition.class)}, which skips each test, with the reason, where Chromium is missing.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("fonte.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("fonte.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;

    private Browser(ChromeDriver driver, ChromeDriverService service, Path profile) {
        this.driver = driver;
        this.service = service;
        this.profile = profile;
    }

    /** Why browser tests cannot run here, or empty when Debian's chromium and chromedriver are installed. */
    static Optional<String> missing() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return Optional.empty();
        }
        return Optional.of("browser tests need Debian's chromium and chromium-driver (apt-get install -y chromium "
                + "chromium-driver; .ci/run installs them): " + CHROMIUM + " or " + CHROMEDRIVER + " is missing");
    }

    /** Starts Chromium, or returns null where it is not installed (each test is then skipped by BrowserCondition). */
    static Browser startIfInstalled() {
        if (missing().isPresent()) {
            return null;
        }
        try {
            Path profile = Files.createTempDirectory("fonte-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,860", "--lang=it-IT",
                    "--hide-scrollbars");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            // the page keeps focus even after a Tab walked out of it into the browser's own controls
            driver.executeCdpCommand("Emulation.setFocusEmulationEnabled", Map.of("enabled", true));
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
        return (String) js("const a = document.querySelector('fonte-chat')?.shadowRoot?.activeElement;"
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

    /** The first widget element matching {@code css}, once there is one. */
    WebElement await(String css, Duration timeout) {
        return waitFor(d -> all(css).isEmpty() ? null : all(css).get(0), timeout);
    }

    /** Sends a question with Enter and returns its answer's bubble (or refusal notice) once it is done. */
    WebElement ask(String question, Duration timeout) {
        String answers = ".msg.bot, .msg.notice";
        int before = all(answers).size();
        in("textarea").sendKeys(question, Keys.ENTER);
        waitFor(d -> all(answers).size() > before && in(".send").isDisplayed(), timeout);
        List<WebElement> after = all(answers);
        return after.get(after.size() - 1);
    }

    /** What the widget's polite live region says now. */
    String liveText() {
        return (String) js("return document.querySelector('fonte-chat').shadowRoot.querySelector('.live').textContent");
    }

    void keys(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    void shiftTab() {
        new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
    }

    /** A desktop window of this size (CSS pixels at scale 1). */
    void desktop(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    /** A phone: this many CSS pixels at a phone's pixel ratio (3), with mobile viewport and touch rules. */
    void phone(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 3, "mobile", true));
    }

    /** Back to the window's own size. */
    void clearViewport() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** Emulates the user's light or dark colour-scheme preference. */
    void colorScheme(String scheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /**
     * What the focused widget control shows: its outline (style, width, colour), the colour it is drawn on (the
     * backgrounds behind the control's parent, composited; the page's canvas where they are all transparent), their
     * contrast ratio, and whether the control is what a pointer at its centre would hit (not under an overlay).
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> focusIndicator() {
        return (Map<String, Object>) js("""
                const root = document.querySelector('fonte-chat').shadowRoot;
                const el = root.activeElement;
                if (!el) return null;
                const rgba = c => {
                  const m = c.match(/[\\d.]+/g).map(Number);
                  return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1];
                };
                const up = n => n.parentElement || n.getRootNode().host || null;
                const layers = [];
                for (let n = up(el); n; n = up(n)) {
                  let c = rgba(getComputedStyle(n).backgroundColor);
                  // an html without a background shows body's (CSS background propagation)
                  if (n === document.documentElement && c[3] === 0) {
                    c = rgba(getComputedStyle(document.body).backgroundColor);
                  }
                  if (c[3] > 0) layers.push(c);
                  if (c[3] >= 1) break;
                }
                let bg = [255, 255, 255];
                for (const c of layers.reverse()) bg = bg.map((v, i) => c[i] * c[3] + v * (1 - c[3]));
                const cs = getComputedStyle(el);
                const ring = rgba(cs.outlineColor);
                const lum = c => c.slice(0, 3)
                  .map(v => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
                  .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
                const ratio = (Math.max(lum(ring), lum(bg)) + 0.05) / (Math.min(lum(ring), lum(bg)) + 0.05);
                const r = el.getBoundingClientRect();
                const hit = root.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                const name = el.getAttribute('aria-label') || el.textContent.trim().slice(0, 30);
                return {control: el.tagName.toLowerCase() + '.' + el.className + '[' + name + ']',
                  style: cs.outlineStyle, width: parseFloat(cs.outlineWidth), ring: cs.outlineColor,
                  background: 'rgb(' + bg.map(Math.round).join(', ') + ')', contrast: ratio,
                  unobscured: !!hit && (hit === el || el.contains(hit)), width_px: r.width, height_px: r.height};""");
    }

    /**
     * The focused control shows a ring of at least 2 px at 3:1 against what it is drawn on (WCAG 1.4.11 and 2.4.7),
     * and nothing covers the control (2.4.11).
     */
    static void assertFocusVisible(Map<String, Object> focus) {
        assertThat(focus).as("a focused widget control").isNotNull();
        Object control = focus.get("control");
        assertThat(focus.get("style")).as("outline of %s", control).isNotEqualTo("none");
        assertThat(((Number) focus.get("width")).doubleValue()).as("outline width of %s", control)
                .isGreaterThanOrEqualTo(2);
        assertThat(((Number) focus.get("contrast")).doubleValue())
                .as("ring %s on %s around %s", focus.get("ring"), focus.get("background"), control)
                .isGreaterThanOrEqualTo(3);
        assertThat(focus.get("unobscured")).as("%s is not under anything", control).isEqualTo(true);
    }

    /**
     * Presses Tab (or Shift+Tab) from the current focus until focus leaves the widget, and returns what each widget
     * control it crossed showed while focused.
     */
    List<Map<String, Object>> tabThroughWidget(boolean backwards) {
        List<Map<String, Object>> seen = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            if (backwards) {
                shiftTab();
            } else {
                keys(Keys.TAB);
            }
            Map<String, Object> report = focusIndicator();
            if (report == null) {
                break;
            }
            seen.add(report);
        }
        return seen;
    }

    Path screenshot(String name) {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        return saveScreenshot(shot, SCREENSHOTS.resolve(name + ".png"));
    }

    static Path saveScreenshot(File shot, Path target) {
        try {
            Files.createDirectories(target.getParent());
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
