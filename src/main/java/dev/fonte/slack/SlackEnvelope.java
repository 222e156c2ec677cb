package dev.fonte.slack;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** What the Events API posts: a URL check ({@code url_verification}) or an {@code event_callback}. */
@Serdeable
record SlackEnvelope(String type,
                     @Nullable String challenge,
                     @Nullable @JsonProperty("event_id") String eventId,
                     @Nullable Event event) {

    /** The inner event; for {@code app_mention}, the message that mentions the app. */
    @Serdeable
    record Event(@Nullable String type,
                 @Nullable String user,
                 @Nullable String text,
                 @Nullable String ts,
                 @Nullable String channel,
                 @Nullable @JsonProperty("thread_ts") String threadTs,
                 @Nullable @JsonProperty("bot_id") String botId,
                 @Nullable String subtype) {

        boolean fromBot() {
            return (botId != null && !botId.isBlank()) || "bot_message".equals(subtype);
        }

        /** The thread the reply goes to: the thread of the mention, or a new thread under it. */
        String replyThread() {
            return threadTs != null && !threadTs.isBlank() ? threadTs : ts;
        }
    }
}
