package dev.fonte.widget;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo page and its widget against the real application (corpus, index, extractive answers, SSE), in real
 * headless Chromium: reading, asking, sources, keyboard, phone, both colour schemes, axe-core. Screenshots land in
 * target/screenshots. Each test is skipped, with the reason, where Chromium (or, for the axe scans, axe-core) is not
 * installed.
 */
@MicronautTest
class WidgetBrowserTest extends ChromiumTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    EmbeddedServer server;

    @BeforeEach
    void freshDemoPage() {
        browser.desktop(1280, 860);
        browser.colorScheme("light");
        browser.driver.get(demo());
        browser.js("sessionStorage.clear()");
        openDemo();
    }

    private String demo() {
        return "http://localhost:" + server.getPort() + "/";
    }

    private void openDemo() {
        browser.open(demo());
        browser.waitFor(d -> !d.findElements(By.cssSelector("article h1")).isEmpty(), WAIT);
    }

    private WebElement ask(String question) {
        return browser.ask(question, WAIT);
    }

    private WebElement article() {
        return browser.driver.findElement(By.cssSelector("article"));
    }

    private boolean inViewport(WebElement element) {
        Rectangle r = element.getRect();
        int height = ((Number) browser.js("return innerHeight")).intValue();
        return r.getY() >= 0 && r.getY() + r.getHeight() <= height;
    }

    @Test
    void demo_page_shows_the_article_with_what_its_metadata_says_beside_the_open_widget() {
        WebElement h1 = browser.driver.findElement(By.cssSelector("article h1"));
        assertThat(h1.getText()).contains("Zuckerberg").contains("65 miliardi");
        assertThat(browser.driver.findElements(By.cssSelector("article p")).size()).isGreaterThan(5);
        // the shipped article's metadata has no source URL and no date: no byline rather than an internal id
        assertThat(browser.driver.findElement(By.tagName("body")).getText()).doesNotContain("seed article")
                .doesNotContain("000_").doesNotContain("publisher not recorded");
        assertThat(browser.in("h2").getText()).isEqualTo("Chiedi all’articolo");
        assertThat(browser.all(".starters button")).hasSize(3);
        WebElement panel = browser.waitFor(d -> browser.in(".panel").isDisplayed() ? browser.in(".panel") : null, WAIT);
        assertThat(article().getRect().getX() + article().getRect().getWidth()).isLessThan(panel.getRect().getX());
        assertThat(browser.in(".launcher").getAttribute("aria-label")).as("the open launcher closes")
                .isEqualTo("Chiudi la chat");
        browser.screenshot("demo-desktop");
    }

    @Test
    void at_1024_by_768_the_article_keeps_a_readable_column_beside_the_open_panel() {
        browser.desktop(1024, 768);
        openDemo();

        WebElement panel = browser.waitFor(d -> browser.in(".panel").isDisplayed() ? browser.in(".panel") : null, WAIT);
        Rectangle article = article().getRect();
        assertThat(article.getX() + article.getWidth()).isLessThan(panel.getRect().getX());
        assertThat(article.getWidth()).isGreaterThanOrEqualTo(480);
        browser.screenshot("demo-1024");
    }

    @Test
    void italian_answer_chip_opens_the_highlighted_span_in_the_panel_and_in_the_article_beside_it() {
        WebElement answer = ask("Quanto investirà Meta in spese in conto capitale nel 2025?");

        assertThat(answer.getAttribute("class")).contains("bot").doesNotContain("notice");
        assertThat(answer.getAttribute("lang")).isEqualTo("it");
        assertThat(answer.getText()).contains("65 miliardi")
                .contains("Tocca un numero per leggere il passaggio citato.");
        assertThat(browser.liveText())
                .startsWith("Risposta: ").contains("65 miliardi").doesNotContain(" .").doesNotContain("[");
        List<WebElement> chips = answer.findElements(By.cssSelector("button.chip"));
        assertThat(chips).isNotEmpty();
        assertThat(chips.get(0).getAttribute("aria-label")).startsWith("Fonte 1: ");
        browser.js("scrollTo(0, document.body.scrollHeight)"); // the passage is not in view before the chip
        browser.screenshot("italian-answer");

        chips.get(0).sendKeys(Keys.ENTER);

        WebElement mark = browser.await(".src mark", WAIT);
        assertThat(mark.getText()).isNotBlank();
        assertThat(browser.in(".src .body").getText()).contains(mark.getText())
                .hasSizeGreaterThan(mark.getText().length());
        assertThat(browser.in(".src .ttl").getText()).startsWith("Fonte 1 · Zuckerberg");
        assertThat(browser.in(".src .ttl").getSize().getHeight()).as("the title once, on one small line")
                .isLessThan(20);
        assertThat(browser.focused()).startsWith("button.back");
        assertThat(browser.all(".msg.bot").get(1).getText()).as("the hint goes once a source was opened")
                .doesNotContain("Tocca un numero");

        WebElement inArticle = browser.waitFor(d -> d.findElements(By.cssSelector("article mark")).isEmpty() ? null
                : d.findElement(By.cssSelector("article mark")), WAIT);
        assertThat(inArticle.getText()).isEqualTo(mark.getText());
        browser.waitFor(d -> inViewport(inArticle), WAIT);
        browser.screenshot("italian-source");
    }

    @Test
    void english_answer_source_shows_the_italian_original_and_the_article_highlights_it() {
        WebElement answer = ask("How many GPUs will Meta have by the end of the year?");

        assertThat(answer.getAttribute("lang")).isEqualTo("en");
        assertThat(answer.getText()).containsIgnoringCase("GPU").contains("1.3 million");
        answer.findElement(By.cssSelector("button.chip")).sendKeys(Keys.ENTER);

        WebElement original = browser.await(".src blockquote", WAIT);
        assertThat(original.getAttribute("lang")).isEqualTo("it");
        assertThat(original.getText()).startsWithIgnoringCase("Testo originale (italiano)").contains("GPU");
        assertThat(browser.in(".src mark").getText()).isNotBlank();
        WebElement inArticle = browser.waitFor(d -> d.findElements(By.cssSelector("article mark")).isEmpty() ? null
                : d.findElement(By.cssSelector("article mark")), WAIT);
        assertThat(original.getText()).contains(inArticle.getText());
        browser.screenshot("english-source-with-original");
    }

    @Test
    void question_outside_the_article_is_refused_as_a_notice_not_an_answer() {
        WebElement refusal = ask("Qual è la ricetta della pasta alla carbonara?");

        assertThat(refusal.getAttribute("class")).contains("notice");
        assertThat(refusal.getAttribute("role")).isEqualTo("note");
        assertThat(refusal.getText()).containsIgnoringCase("Non c’è nell’articolo");
        assertThat(refusal.findElements(By.cssSelector("button.chip"))).isEmpty();
        browser.screenshot("refusal");
    }

    @Test
    void the_widget_works_with_the_keyboard_alone() {
        int tabs = 0;
        while (!browser.focused().startsWith("textarea") && tabs++ < 30) {
            browser.keys(Keys.TAB);
        }
        assertThat(browser.focused()).as("Tab reaches the question box").startsWith("textarea");

        browser.keys("Quanto è grande");
        browser.in("textarea").sendKeys(Keys.chord(Keys.SHIFT, Keys.ENTER));
        browser.keys("il nuovo data center?");
        assertThat(browser.in("textarea").getAttribute("value")).isEqualTo("Quanto è grande\nil nuovo data center?");
        browser.keys(Keys.ENTER);
        browser.waitFor(d -> !browser.all(".log button.chip").isEmpty() && browser.in(".send").isDisplayed(), WAIT);
        assertThat(browser.in(".msg.user").getText()).contains("il nuovo data center?");
        assertThat(browser.focused()).as("the box keeps the focus while the answer comes").startsWith("textarea");

        browser.shiftTab();
        assertThat(browser.focused()).as("Shift+Tab from the box reaches the last source chip")
                .startsWith("button.chip");
        browser.keys(Keys.ENTER);
        browser.waitFor(d -> !browser.all(".src mark").isEmpty(), WAIT);
        assertThat(browser.focused()).startsWith("button.back");

        browser.keys(Keys.ESCAPE);
        assertThat(browser.in(".src").isDisplayed()).isFalse();
        assertThat(browser.focused()).as("Escape closes the source and returns to its chip").startsWith("button.chip");

        browser.keys(Keys.ESCAPE);
        assertThat(browser.in(".panel").isDisplayed()).isFalse();
        assertThat(browser.focused()).as("Escape closes the panel and returns to the launcher")
                .startsWith("button.launcher");
        assertThat(browser.in(".launcher").getAttribute("aria-expanded")).isEqualTo("false");

        browser.keys(Keys.ENTER);
        assertThat(browser.in(".panel").isDisplayed()).isTrue();
        assertThat(browser.focused()).startsWith("textarea");
        assertThat(browser.all(".msg.user")).as("the conversation is still there").hasSize(1);
    }

    @Test
    void on_a_phone_the_article_is_readable_and_the_panel_opens_full_screen_only_when_asked() {
        browser.phone(375, 740);
        openDemo();
        int width = ((Number) browser.js("return document.documentElement.clientWidth")).intValue();
        int height = ((Number) browser.js("return innerHeight")).intValue();

        assertThat(browser.in(".panel").isDisplayed()).as("data-open waits for a wide screen").isFalse();
        assertThat(inViewport(browser.driver.findElement(By.cssSelector("article h1")))).isTrue();
        assertThat(((Number) browser.js("return document.documentElement.scrollWidth")).intValue()).isEqualTo(width);
        browser.screenshot("phone-article");

        browser.in(".launcher").click();
        WebElement panel = browser.in(".panel");
        assertThat(panel.getRect().getX()).isZero();
        assertThat(panel.getRect().getY()).isZero();
        assertThat(panel.getRect().getWidth()).isEqualTo(width);
        assertThat(panel.getRect().getHeight()).isEqualTo(height);
        assertThat(browser.in(".launcher").isDisplayed()).as("the launcher hides under a full-screen panel").isFalse();

        WebElement answer = ask("Quante GPU userà Meta entro la fine dell’anno?");
        assertThat(answer.findElements(By.cssSelector("button.chip"))).isNotEmpty();
        assertThat(answer.getRect().getX() + answer.getRect().getWidth()).isLessThanOrEqualTo(width);
        browser.screenshot("phone-answer");

        browser.in(".icon[aria-label='Chiudi la chat']").click();
        assertThat(browser.in(".launcher").isDisplayed()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"light", "dark"})
    void every_control_shows_a_visible_unobscured_focus_ring(String scheme) {
        browser.colorScheme(scheme);
        browser.waitFor(d -> browser.in(".panel").isDisplayed(), WAIT);
        List<Map<String, Object>> seen = new ArrayList<>();
        browser.in("textarea").sendKeys(""); // WebDriver focuses it as a user would
        seen.add(browser.focusIndicator());
        seen.addAll(browser.tabThroughWidget(true));  // starters, close, reset
        browser.in("textarea").sendKeys(""); // WebDriver focuses it as a user would
        seen.addAll(browser.tabThroughWidget(false)); // send, launcher

        browser.in("textarea").sendKeys("Quanto investirà Meta nel 2025?", Keys.ENTER);
        browser.waitFor(d -> !browser.all(".log button.chip").isEmpty() && browser.in(".send").isDisplayed(), WAIT);
        browser.shiftTab();
        seen.add(browser.focusIndicator()); // a chip
        browser.keys(Keys.ENTER);
        browser.waitFor(d -> !browser.all(".src mark").isEmpty(), WAIT);
        seen.add(browser.focusIndicator()); // back, in the source view
        seen.addAll(browser.tabThroughWidget(true)); // the header's buttons, over the source view

        assertThat(seen).allSatisfy(Browser::assertFocusVisible);
        assertThat(seen.stream().map(f -> (String) f.get("control")))
                .anyMatch(c -> c.startsWith("textarea")).anyMatch(c -> c.startsWith("button.send"))
                .anyMatch(c -> c.startsWith("button.launcher")).anyMatch(c -> c.startsWith("button.chip"))
                .anyMatch(c -> c.startsWith("button.back")).anyMatch(c -> c.contains("[Nuova conversazione]"))
                .anyMatch(c -> c.contains("[Chiudi la chat]")).anyMatch(c -> c.contains("Quanto investirà Meta"));
    }

    private void assertNoAxeViolations() {
        assertThat(Axe.violations(browser)).as("axe-core violations").isEmpty();
    }

    @Axe.Needed
    @ParameterizedTest
    @ValueSource(strings = {"light", "dark"})
    void axe_finds_no_violation_on_the_demo_page_with_an_answer_and_a_source(String scheme) {
        browser.colorScheme(scheme);
        browser.waitFor(d -> browser.in(".panel").isDisplayed(), WAIT);
        assertNoAxeViolations();

        ask("How many GPUs will Meta have by the end of the year?");
        ask("Qual è la ricetta della pasta alla carbonara?");
        assertNoAxeViolations();

        browser.in("button.chip").sendKeys(Keys.ENTER);
        browser.waitFor(d -> !browser.all(".src mark").isEmpty(), WAIT);
        assertNoAxeViolations();
        browser.screenshot("axe-" + scheme);
    }

    @Axe.Needed
    @Test
    void axe_finds_no_violation_on_a_phone() {
        browser.phone(375, 740);
        openDemo();
        assertNoAxeViolations();

        browser.in(".launcher").click();
        ask("Quante GPU userà Meta entro la fine dell’anno?");
        assertNoAxeViolations();
    }
}
