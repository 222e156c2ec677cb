package dev.fonte.answer;

import dev.fonte.language.Language;
import dev.fonte.language.Languages;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Which questions lean on the previous one, and what they carry of it. */
class FollowUpsTest {

    private static final Languages LANGUAGES = Languages.standard();
    private final FollowUps followUps = new FollowUps(
            new ConversationConfiguration(100, 10, Duration.ofMinutes(30), 7, 3, 40), LANGUAGES);

    @Test
    void a_question_that_says_nothing_but_what_it_asks_for_leans_on_the_previous_one() {
        Language english = LANGUAGES.get("en");
        var previous = new ConversationMemory.LastTurn("How many flights did Delta cancel after the outage?", "en",
                "Delta cancelled about 7,000 flights over five days.");

        // "Over how many days?" names nothing and says one word beside its asking words: it asks on about Delta
        assertThat(followUps.resolve("Over how many days?", previous, english)).contains("Delta");
        // a question of the same length that says what it is about stands alone
        assertThat(followUps.resolve("How many days did the eruption last?", previous, english))
                .isEqualTo("How many days did the eruption last?");
        // and so does one that names someone
        assertThat(followUps.resolve("How old is Mark Zuckerberg?", previous, english))
                .isEqualTo("How old is Mark Zuckerberg?");
    }
}
