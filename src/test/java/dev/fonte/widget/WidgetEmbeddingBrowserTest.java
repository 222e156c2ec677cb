package dev.fonte.widget;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The widget embedded by one tag in pages of another origin: a page with hostile CSS, and pages whose API (a scripted
 * fake) rate-limits, is unreachable or streams slowly. Real headless Chromium; skipped where none is installed.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WidgetEmbeddingBrowserTest implements TestPropertyProvider {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final HostPageServer pages = new HostPageServer();
    private Browser browser;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        // the host pages' origin is the one allowed to call the widget's endpoints cross-origin
        return Map.of("micronaut.server.cors.configurations.widget.allowed-origins", pages.origin());
    }

    @BeforeAll
    void startBrowser() {
        pages.widgetUrl.set("http://localhost:" + server.getPort() + "/widget.js");
        browser = Browser.startOrSkip();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        pages.close();
    }

    @BeforeEach
    void freshTab() {
        pages.mode.set(HostPageServer.Mode.ANSWER);
        browser.driver.get(pages.origin() + "/page/plain");
        browser.js("sessionStorage.clear()");
    }

    @Test
    void given_a_page_with_hostile_css_on_another_origin_when_the_widget_loads_then_it_renders_and_answers() {
        browser.open(pages.origin() + "/page/hostile");

        WebElement launcher = browser.in(".launcher");
        assertThat(launcher.isDisplayed()).isTrue();
        assertThat(launcher.getSize().getWidth()).isEqualTo(56);
        assertThat(launcher.getSize().getHeight()).isEqualTo(56);
        assertThat(launcher.getCssValue("background-color")).isEqualTo("rgba(124, 58, 237, 1)"); // data-accent
        int viewportWidth = ((Number) browser.js("return document.documentElement.clientWidth")).intValue();
        assertThat(launcher.getLocation().getX() + 56).isBetween(viewportWidth - 30, viewportWidth);

        launcher.click();
        WebElement panel = browser.in(".panel");
        assertThat(panel.isDisplayed()).isTrue();
        assertThat(panel.getSize().getWidth()).isEqualTo(380);
        WebElement input = browser.in("textarea");
        assertThat(input.getCssValue("font-size")).isEqualTo("15px");
        assertThat(input.getCssValue("text-transform")).isEqualTo("none");
        assertThat(browser.in("h2").getText()).isEqualTo("Ask the article");
        assertThat(browser.all(".starters button")).hasSize(3)
                .allSatisfy(b -> assertThat(b.getCssValue("font-size")).isEqualTo("13px"));
        assertThat(browser.focused()).startsWith("textarea");

        // the real API, cross-origin: the page's origin is in the CORS list
        input.sendKeys("How much will Meta spend on capital expenditure in 2025?", Keys.ENTER);
        WebElement answer = browser.waitFor(d -> browser.all(".msg.bot button.chip").isEmpty() ? null
                : browser.all(".msg.bot").get(1), WAIT);
        assertThat(answer.getText()).contains("65 billion");
        assertThat(answer.getCssValue("font-size")).isEqualTo("15px");
        browser.screenshot("hostile-css-answer");
    }

    @Test
    void given_a_rate_limited_server_when_asking_then_it_says_so_and_retries_after_the_wait() {
        pages.mode.set(HostPageServer.Mode.RATE_LIMITED);
        browser.open(pages.origin() + "/page/plain?api=fake&open=true&language=en");

        browser.all(".starters button").get(0).click();

        WebElement error = browser.waitFor(d -> browser.in(".error").isDisplayed() ? browser.in(".error") : null, WAIT);
        assertThat(error.getText()).contains("Too many requests right now.").contains("Retry in 3 s.");
        WebElement retry = browser.in(".error button");
        assertThat(retry.isEnabled()).isFalse();
        assertThat(browser.in(".send").isEnabled()).isFalse();
        browser.screenshot("rate-limited");

        pages.mode.set(HostPageServer.Mode.ANSWER);
        browser.waitFor(d -> retry.isEnabled(), Duration.ofSeconds(6));
        retry.click();

        browser.waitFor(d -> browser.all(".msg.bot").size() == 2 && browser.in(".send").isDisplayed(), WAIT);
        assertThat(browser.all(".msg.bot").get(1).getText()).contains("Frase numero 3");
        assertThat(browser.in(".error").isDisplayed()).isFalse();
        assertThat(browser.all(".msg.user")).hasSize(1);
    }

    @Test
    void given_an_unreachable_server_when_asking_then_it_offers_a_retry() {
        browser.open(pages.origin() + "/page/plain?api=http://127.0.0.1:9&open=true&language=it");

        WebElement input = browser.in("textarea");
        input.sendKeys("Quanto investe Meta?", Keys.ENTER);

        WebElement error = browser.waitFor(d -> browser.in(".error").isDisplayed() ? browser.in(".error") : null, WAIT);
        assertThat(error.getText()).contains("Non riesco a raggiungere il server").contains("Riprova");
        assertThat(error.getAttribute("role")).isEqualTo("alert");
        assertThat(browser.in(".error button").isEnabled()).isTrue();
    }

    @Test
    void given_a_slow_answer_when_stop_is_pressed_then_streaming_ends_and_the_partial_answer_stays() {
        pages.mode.set(HostPageServer.Mode.SLOW);
        browser.open(pages.origin() + "/page/plain?api=fake&open=true&language=en");

        browser.in("textarea").sendKeys("Tell me everything", Keys.ENTER);
        browser.waitFor(d -> browser.in(".log").getText().contains("Frase numero 2"), WAIT);
        WebElement stop = browser.in(".stop");
        assertThat(stop.isDisplayed()).isTrue();
        assertThat(browser.in(".send").isDisplayed()).isFalse();
        stop.click();

        browser.waitFor(d -> browser.in(".send").isDisplayed(), WAIT);
        WebElement partial = browser.all(".msg.bot").get(1);
        assertThat(partial.getText()).contains("Frase numero 2").contains("Answer stopped.").doesNotContain("Frase numero 40");
        assertThat(browser.in(".stop").isDisplayed()).isFalse();
    }

    @Test
    void given_an_answered_question_when_the_page_reloads_then_the_conversation_is_still_there() {
        browser.open(pages.origin() + "/page/plain?api=fake&language=en");
        browser.in(".launcher").click();
        browser.in("textarea").sendKeys("First question", Keys.ENTER);
        browser.waitFor(d -> browser.all(".msg.bot").size() == 2 && browser.in(".send").isDisplayed(), WAIT);

        browser.open(pages.origin() + "/page/plain?api=fake&language=en");

        assertThat(browser.in(".panel").isDisplayed()).isTrue(); // it was open before the reload
        assertThat(browser.in(".msg.user").getText()).contains("First question");
        assertThat(browser.all(".msg.bot").get(1).getText()).contains("Frase numero 3");
        assertThat((String) browser.js("return sessionStorage.getItem(Object.keys(sessionStorage)[0])"))
                .contains("\"conversationId\":\"c-1\"");
    }

    @Test
    void given_an_answer_with_a_citation_when_its_chip_is_clicked_then_the_span_shows_highlighted_with_its_original() {
        browser.open(pages.origin() + "/page/plain?api=fake&open=true&language=en");
        browser.in("textarea").sendKeys("How much?", Keys.ENTER);
        WebElement chip = browser.waitFor(d -> browser.all("button.chip").isEmpty() ? null : browser.all("button.chip").get(0), WAIT);
        assertThat(chip.getAttribute("aria-label")).isEqualTo("Source 1: A fake article");

        chip.click();

        WebElement mark = browser.waitFor(d -> browser.all(".src mark").isEmpty() ? null : browser.in(".src mark"), WAIT);
        assertThat(mark.getText()).isEqualTo("Meta will spend up to 65 billion dollars");
        assertThat(browser.in(".src p").getText())
                .isEqualTo("In a recent post, Zuckerberg said that Meta will spend up to 65 billion dollars this year.");
        assertThat(browser.in(".src h3").getText()).isEqualTo("A fake article");
        assertThat(browser.in(".src blockquote").getText()).isEqualTo("Meta spenderà fino a 65 miliardi di dollari");
        assertThat(browser.in(".src blockquote").getAttribute("lang")).isEqualTo("it");
        browser.screenshot("fake-source-view");

        browser.in(".src .back").sendKeys(Keys.ESCAPE);
        assertThat(browser.in(".src").isDisplayed()).isFalse();
        assertThat(browser.focused()).startsWith("button.chip");
    }
}
