package dev.fonte.widget;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class driving one headless Chromium: started once for the class where it is installed; where it is not,
 * {@link BrowserCondition} skips each test with the reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(BrowserCondition.class)
abstract class ChromiumTest {

    protected Browser browser;

    @BeforeAll
    void startBrowser() {
        browser = Browser.startIfInstalled();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }
}
