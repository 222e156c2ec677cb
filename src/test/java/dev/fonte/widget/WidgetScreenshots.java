package dev.fonte.widget;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regenerates the screenshots of src/docs/WIDGET.md from the real application in headless Chromium:
 * {@code ./mvnw -q -B test -Dtest=WidgetScreenshots}. Its name is outside surefire's default test pattern, so an
 * ordinary build never runs it.
 */
@MicronautTest
class WidgetScreenshots extends ChromiumTest {

    static final Path DOCS = Path.of("src", "docs", "widget");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    EmbeddedServer server;

    private void openDemo(String scheme) {
        browser.colorScheme(scheme);
        String demo = "http://localhost:" + server.getPort() + "/";
        browser.driver.get(demo);
        browser.js("sessionStorage.clear()");
        browser.open(demo);
        browser.waitFor(d -> !d.findElements(By.cssSelector("article h1")).isEmpty(), WAIT);
    }

    private void ask(String question) {
        browser.ask(question, WAIT);
    }

    private void openFirstChip() {
        browser.in("button.chip").sendKeys(Keys.ENTER);
        browser.waitFor(d -> !browser.all(".src mark").isEmpty(), WAIT);
    }

    private Path panel(String name) {
        browser.js("document.activeElement.blur()");
        File shot = browser.in(".panel").getScreenshotAs(OutputType.FILE);
        return Browser.saveScreenshot(shot, DOCS.resolve(name + ".png"));
    }

    private Path page(String name) {
        return Browser.saveScreenshot(browser.driver.getScreenshotAs(OutputType.FILE), DOCS.resolve(name + ".png"));
    }

    @Test
    void regenerate_the_screenshots_of_the_widget_documentation() {
        browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 1280, "height", 800, "deviceScaleFactor", 1, "mobile", false));
        openDemo("light");
        ask("Qual è la ricetta della pasta alla carbonara?");
        ask("Quanto investirà Meta in spese in conto capitale nel 2025?");
        assertThat(panel("light")).exists();

        openFirstChip();
        browser.waitFor(d -> !d.findElements(By.cssSelector("article mark")).isEmpty(), WAIT);
        browser.js("document.activeElement.blur()");
        assertThat(page("demo")).exists();

        openDemo("dark");
        ask("How many GPUs will Meta have by the end of the year?");
        openFirstChip();
        assertThat(panel("dark")).exists();

        browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 375, "height", 740, "deviceScaleFactor", 2, "mobile", true));
        openDemo("light");
        browser.in(".launcher").click();
        ask("Quante GPU userà Meta entro la fine dell’anno?");
        assertThat(page("phone")).exists();
    }
}
