package dev.fonte.widget;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The widget embedded by one tag in pages of another origin: a page with hostile CSS, a page whose body is
 * transformed, an origin the server does not allow, and pages whose API (a scripted fake) rate-limits, is
 * unreachable, holds a stream half-way or withdraws what it streamed. Real headless Chromium; each test is skipped,
 * with the reason, where none is installed.
 */
@MicronautTest
class WidgetEmbeddingBrowserTest extends ChromiumTest implements TestPropertyProvider {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final HostPageServer pages = new HostPageServer();
    /** Another origin, one the server's CORS list does not name. */
    private final HostPageServer stranger = new HostPageServer();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        // the host pages' origin is the one allowed to call the widget's endpoints cross-origin
        return Map.of("micronaut.server.cors.configurations.widget.allowed-origins", pages.origin());
    }

    @BeforeAll
    void pointThePagesAtTheWidget() {
        String widget = "http://localhost:" + server.getPort() + "/widget.js";
        pages.widgetUrl.set(widget);
        stranger.widgetUrl.set(widget);
    }

    @AfterAll
    void stopThePages() {
        pages.close();
        stranger.close();
    }

    @BeforeEach
    void freshTab() {
        pages.reset(HostPageServer.Mode.ANSWER);
        browser.clearViewport();
        browser.colorScheme("light");
        for (HostPageServer origin : List.of(pages, stranger)) {
            browser.driver.get(origin.origin() + "/page/plain");
            browser.js("sessionStorage.clear()");
        }
    }

    /** Asks the fake API in HELD mode and waits until the first half of the answer shows. */
    private void askAndHold(String language, String question) {
        pages.reset(HostPageServer.Mode.HELD);
        openFake(language);
        browser.in("textarea").sendKeys(question, Keys.ENTER);
        waitForText("Frase numero 2");
    }

    private void openFake(String language) {
        browser.open(pages.origin() + "/page/plain?api=fake&open=true&language=" + language);
    }

    private WebElement lastBot() {
        List<WebElement> bots = browser.all(".msg.bot");
        return bots.get(bots.size() - 1);
    }

    private void waitForText(String text) {
        browser.waitFor(d -> browser.in(".log").getText().contains(text), WAIT);
    }

    private void waitUntilIdle() {
        browser.waitFor(d -> browser.in(".send").isDisplayed(), WAIT);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> stored() {
        return (Map<String, Object>) browser.js(
                "const key = Object.keys(sessionStorage).find(k => k.startsWith('fonte-widget:'));"
                        + "return JSON.parse(sessionStorage.getItem(key))");
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
    void given_a_page_whose_body_is_transformed_when_it_scrolls_then_the_launcher_stays_in_the_corner() {
        browser.open(pages.origin() + "/page/transformed");
        int width = ((Number) browser.js("return document.documentElement.clientWidth")).intValue();
        int height = ((Number) browser.js("return innerHeight")).intValue();

        browser.js("scrollTo(0, 2000)");

        Map<String, Number> launcher = viewportBox(".launcher");
        assertThat(launcher.get("right").intValue()).isEqualTo(width - 20);
        assertThat(launcher.get("bottom").intValue()).isEqualTo(height - 20);
        assertThat(browser.js("return document.querySelector('fonte-chat').parentElement.tagName")).isEqualTo("HTML");

        browser.in(".launcher").click();
        Map<String, Number> panel = viewportBox(".panel");
        assertThat(panel.get("top").intValue()).isBetween(0, height);
        assertThat(panel.get("bottom").intValue()).isEqualTo(height - 88);
    }

    /** Where a widget element is in the viewport (Selenium's rectangles are in page coordinates). */
    @SuppressWarnings("unchecked")
    private Map<String, Number> viewportBox(String css) {
        return (Map<String, Number>) browser.js("const r = document.querySelector('fonte-chat').shadowRoot"
                + ".querySelector(arguments[0]).getBoundingClientRect();"
                + "return {top: r.top, right: r.right, bottom: r.bottom};", css);
    }

    @Test
    void given_a_document_whose_metadata_has_a_source_url_and_a_date_then_the_demo_page_bylines_them() {
        browser.open(pages.origin() + "/fake/");

        WebElement byline = browser.waitFor(d -> d.findElements(By.cssSelector("article .meta")).isEmpty() ? null
                : d.findElement(By.cssSelector("article .meta")), WAIT);
        assertThat(byline.getText()).isEqualTo("news.example · 24 gennaio 2025");
        assertThat(byline.findElement(By.tagName("a")).getAttribute("href"))
                .isEqualTo("https://www.news.example/2025/01/24/prova");
        assertThat(byline.findElement(By.tagName("time")).getAttribute("datetime")).isEqualTo("2025-01-24");
        assertThat(browser.driver.findElements(By.cssSelector("article p[data-start]"))).extracting(WebElement::getText)
                .containsExactly("Primo paragrafo dell’articolo di prova.",
                        "Secondo paragrafo, con la frase citata.");
    }

    @Test
    void given_an_origin_the_server_does_not_allow_when_asking_then_it_says_the_site_is_not_allowed_without_retry() {
        browser.open(stranger.origin() + "/page/plain?open=true&language=en");

        browser.in("textarea").sendKeys("How much will Meta spend?", Keys.ENTER);

        WebElement error = browser.await(".msg.error", WAIT);
        assertThat(error.getText()).isEqualTo("This site is not allowed to use the Fonte assistant.");
        assertThat(error.getAttribute("role")).isEqualTo("alert");
        assertThat(error.findElements(By.tagName("button"))).as("no Retry: it could never succeed").isEmpty();
        browser.screenshot("refused-origin");
    }

    @Test
    void given_an_unreachable_server_when_asking_then_it_offers_a_retry() {
        browser.open(pages.origin() + "/page/plain?api=http://127.0.0.1:9&open=true&language=it");

        browser.in("textarea").sendKeys("Quanto investe Meta?", Keys.ENTER);

        WebElement error = browser.await(".msg.error", WAIT);
        assertThat(error.getText()).contains("Non riesco a raggiungere il server").contains("Riprova")
                .doesNotContain("non è autorizzato");
        assertThat(error.getAttribute("role")).isEqualTo("alert");
        assertThat(error.findElement(By.tagName("button")).isEnabled()).isTrue();
    }

    @Test
    void given_a_rate_limited_server_when_asking_then_it_says_so_under_the_question_and_retries_after_the_wait() {
        pages.reset(HostPageServer.Mode.RATE_LIMITED);
        openFake("en");

        browser.all(".starters button").get(0).click();

        WebElement error = browser.await(".msg.error", WAIT);
        assertThat(error.getText()).startsWith("Too many requests right now.");
        assertThat(browser.js("return document.querySelector('fonte-chat').shadowRoot.querySelector('.msg.error')"
                + ".previousElementSibling.className")).as("the error sits under the failed question")
                .isEqualTo("msg user");
        WebElement retry = error.findElement(By.tagName("button"));
        assertThat(retry.isEnabled()).as("Retry waits for Retry-After").isFalse();
        assertThat(browser.in(".send").isEnabled()).isFalse();
        browser.screenshot("rate-limited");

        pages.mode.set(HostPageServer.Mode.ANSWER);
        browser.waitFor(d -> retry.isEnabled(), WAIT);
        retry.sendKeys(Keys.ENTER);

        waitForText("Frase numero 3");
        waitUntilIdle();
        assertThat(browser.all(".msg.error")).isEmpty();
        assertThat(browser.all(".msg.user")).as("Retry does not repeat the question in the conversation").hasSize(1);
        assertThat(pages.questions).hasSize(2).allSatisfy(q -> assertThat(q).contains("capital expenditure"));
        assertThat(browser.focused()).as("focus leaves the vanished Retry for the question box").startsWith("textarea");
    }

    @Test
    void given_a_streaming_answer_then_its_text_shows_before_it_is_done_and_its_chips_when_it_is() {
        askAndHold("it", "Dimmi tutto");

        WebElement streaming = lastBot();
        assertThat(streaming.getAttribute("aria-busy")).isEqualTo("true");
        assertThat(streaming.findElements(By.cssSelector("span.chip"))).as("markers as placeholders while streaming")
                .hasSize(2);
        assertThat(streaming.findElements(By.cssSelector("button.chip"))).isEmpty();
        assertThat(browser.in(".stop").isDisplayed()).isTrue();
        int inputWidth = browser.in("textarea").getSize().getWidth();

        pages.release();

        browser.waitFor(d -> !lastBot().findElements(By.cssSelector("button.chip")).isEmpty(), WAIT);
        WebElement answer = lastBot();
        assertThat(answer.getText()).contains("Frase numero 4");
        assertThat(browser.in(".log").getText()).doesNotContain("null").doesNotContain("undefined");
        assertThat(answer.findElements(By.cssSelector("span.chip"))).isEmpty();
        assertThat(answer.findElements(By.cssSelector(".nw"))).as("each chip on one line with its word and full stop")
                .hasSize(4).allSatisfy(nw -> assertThat(nw.getText()).matches("\\d+\\s*1\\."));
        assertThat(browser.in("textarea").getSize().getWidth()).as("Stop and Send take the same room")
                .isEqualTo(inputWidth);
        assertThat(browser.liveText())
                .isEqualTo("Risposta: Frase numero 1. Frase numero 2. Frase numero 3. Frase numero 4.");
    }

    @Test
    void given_a_streaming_answer_when_the_panel_is_closed_and_reopened_then_the_answer_is_still_there() {
        askAndHold("it", "Dimmi tutto");

        browser.keys(Keys.ESCAPE);
        assertThat(browser.in(".panel").isDisplayed()).isFalse();
        browser.keys(Keys.ENTER); // on the launcher, where Escape left the focus
        assertThat(browser.in(".panel").isDisplayed()).isTrue();
        assertThat(lastBot().getText()).as("reopened while streaming").contains("Frase numero 2");

        browser.keys(Keys.ESCAPE);
        pages.release();
        browser.waitFor(d -> pages.finished.get() == 1 && stored().get("pending") == null, WAIT);
        browser.in(".launcher").sendKeys(Keys.ENTER);

        assertThat(browser.all(".msg.bot")).as("the greeting and the answer").hasSize(2);
        assertThat(lastBot().getText()).contains("Frase numero 4");
        assertThat(lastBot().findElements(By.cssSelector("button.chip"))).hasSize(4);
        assertThat(browser.all(".msg.user")).hasSize(1);
    }

    @Test
    void given_an_answered_question_when_the_page_reloads_then_the_conversation_and_the_open_panel_are_still_there() {
        browser.open(pages.origin() + "/page/plain?api=fake&language=en");
        browser.in(".launcher").click();
        browser.in("textarea").sendKeys("First question", Keys.ENTER);
        waitForText("Frase numero 3");
        waitUntilIdle();

        browser.open(pages.origin() + "/page/plain?api=fake&language=en");

        assertThat(browser.in(".panel").isDisplayed()).as("the reader opened it before the reload").isTrue();
        assertThat(browser.in(".msg.user").getText()).contains("First question");
        assertThat(lastBot().getText()).contains("Frase numero 3");
        assertThat(stored().get("conversationId")).isEqualTo("c-1");
        assertThat(pages.questions).as("nothing asked again").hasSize(1);
    }

    @Test
    void given_a_streaming_answer_when_the_page_reloads_then_the_question_is_asked_again_visibly_and_answered() {
        askAndHold("en", "Tell me everything");

        browser.open(pages.origin() + "/page/plain?api=fake&open=true&language=en");

        waitForText("The page was reloaded during the answer: asking for it again.");
        assertThat(browser.all(".msg.user")).hasSize(1);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> messages = (List<Map<String, Object>>) stored().get("messages");
        assertThat(messages).as("the half answer was never kept").hasSize(1)
                .allSatisfy(m -> assertThat(m.get("role")).isEqualTo("user"));
        assertThat(stored().get("pending")).isNotNull();
        browser.waitFor(d -> pages.questions.size() == 2, WAIT);
        assertThat(pages.questions.get(1)).isEqualTo(pages.questions.get(0));

        pages.release();

        browser.waitFor(d -> !lastBot().findElements(By.cssSelector("button.chip")).isEmpty(), WAIT);
        assertThat(lastBot().getText()).contains("Frase numero 4").doesNotContain("reloaded");
        assertThat(browser.all(".msg.user")).hasSize(1);
        assertThat(stored().get("pending")).isNull();
        assertThat(stored().get("conversationId")).isEqualTo("c-1");
    }

    @Test
    void given_a_streaming_answer_when_stop_is_pressed_then_streaming_ends_and_the_partial_answer_stays_marked() {
        askAndHold("en", "Tell me everything");

        browser.keys(Keys.TAB);
        assertThat(browser.focused()).startsWith("button.stop");
        Browser.assertFocusVisible(browser.focusIndicator());
        browser.keys(Keys.ENTER);

        waitUntilIdle();
        WebElement partial = lastBot();
        assertThat(partial.getText()).contains("Frase numero 2").contains("Answer stopped.").doesNotContain("[1]")
                .doesNotContain(" .");
        assertThat(partial.findElements(By.cssSelector(".chip"))).isEmpty();
        assertThat(browser.focused()).as("focus moves from Stop to Send, in the same place").startsWith("button.send");
        pages.release();
    }

    @Test
    void given_a_stream_that_sends_reset_then_the_deltas_shown_so_far_are_discarded_for_the_fallback() {
        pages.reset(HostPageServer.Mode.RESET);
        openFake("it");
        browser.js("""
                const log = document.querySelector('fonte-chat').shadowRoot.querySelector('.log');
                window.__states = [];
                new MutationObserver(() => window.__states.push(log.lastElementChild.textContent))
                  .observe(log, {childList: true, subtree: true, characterData: true});""");
        browser.in("textarea").sendKeys("Dimmi tutto", Keys.ENTER);
        waitForText("Risposta da scartare");

        pages.release();

        browser.waitFor(d -> !lastBot().findElements(By.cssSelector("button.chip")).isEmpty(), WAIT);
        assertThat(lastBot().getText()).contains("Frase numero 2").doesNotContain("scartare");
        @SuppressWarnings("unchecked")
        List<String> states = (List<String>) browser.js("return window.__states");
        assertThat(states).anyMatch(s -> s.contains("scartare"))
                .noneMatch(s -> s.contains("scartare") && s.contains("Frase numero"));
    }

    @Test
    void given_an_answer_when_its_chip_is_opened_then_the_span_shows_highlighted_with_its_original_right_under_it() {
        openFake("en");
        browser.in("textarea").sendKeys("How much?", Keys.ENTER);
        WebElement chip = browser.await("button.chip", WAIT);
        assertThat(chip.getAttribute("aria-label")).isEqualTo("Source 1: A fake article");
        assertThat(chip.getSize().getWidth()).isGreaterThanOrEqualTo(24);
        assertThat(chip.getSize().getHeight()).isGreaterThanOrEqualTo(24);

        chip.sendKeys(Keys.ENTER);

        WebElement mark = browser.await(".src mark", WAIT);
        assertThat(mark.getText()).isEqualTo("Meta will spend up to 65 billion dollars");
        assertThat(browser.in(".src .ttl").getText()).isEqualTo("Source 1 · A fake article");
        assertThat(browser.in(".src .body").getText()).doesNotContain("null");
        assertThat(browser.in(".src .body").getText())
                .startsWith("In a recent post, Zuckerberg said that Meta will spend")
                .endsWith("\nthis year.");
        WebElement original = browser.in(".src blockquote");
        assertThat(original.getText()).endsWith("Meta spenderà fino a 65 miliardi di dollari");
        assertThat(original.getAttribute("lang")).isEqualTo("it");
        assertThat(browser.js("return document.querySelector('fonte-chat').shadowRoot.querySelector('.src mark')"
                + ".parentElement.nextElementSibling.tagName")).as("the original right under the span")
                .isEqualTo("BLOCKQUOTE");
        assertThat(browser.focused()).startsWith("button.back");
        Browser.assertFocusVisible(browser.focusIndicator());
        browser.screenshot("fake-source-view");

        browser.shiftTab();
        assertThat(browser.focused()).as("Shift+Tab goes to the header, not behind the source view")
                .startsWith("button.icon");
        Browser.assertFocusVisible(browser.focusIndicator());
        browser.keys(Keys.TAB);
        assertThat(browser.focused()).startsWith("button.back");
        browser.keys(Keys.TAB);
        assertThat(browser.focused()).as("nothing behind the source view takes focus").startsWith("button.launcher");

        browser.in(".src .back").sendKeys(Keys.ESCAPE);
        assertThat(browser.in(".src").isDisplayed()).isFalse();
        assertThat(browser.focused()).startsWith("button.chip");
    }

    @Test
    void given_a_source_that_fails_to_load_then_focus_stays_in_the_view_and_escape_closes_it() {
        openFake("en");
        browser.in("textarea").sendKeys("How much?", Keys.ENTER);
        WebElement chip = browser.await("button.chip", WAIT);
        pages.citationsFail.set(true);

        chip.sendKeys(Keys.ENTER);

        browser.waitFor(d -> browser.in(".src .body").getText().contains("Could not open the source."), WAIT);
        assertThat(browser.focused()).startsWith("button.back");
        browser.keys(Keys.ESCAPE);
        assertThat(browser.in(".src").isDisplayed()).isFalse();
        assertThat(browser.focused()).startsWith("button.chip");
    }
}
