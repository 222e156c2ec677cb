package dev.fonte.slack;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanInstantiationException;
import io.micronaut.context.exceptions.DependencyInjectionException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Slack app is off unless both secrets are set, and refuses to start with a value that cannot be a bot token. */
class SlackConfigurationTest {

    @Test
    void without_the_secrets_no_slack_bean_exists() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("fonte.slack.bot-token", "xoxb-" + "x".repeat(50)))) {
            assertThat(context.containsBean(SlackConfiguration.class)).isFalse();
            assertThat(context.containsBean(SlackEventsController.class)).isFalse();
            assertThat(context.containsBean(SlackCommandController.class)).isFalse();
        }
    }

    @Test
    void with_both_secrets_the_slack_endpoints_exist() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "fonte.slack.signing-secret", "s3cr3t", "fonte.slack.bot-token", "xoxb-" + "x".repeat(50)))) {
            assertThat(context.getBean(SlackConfiguration.class).timestampWindow()).hasMinutes(5);
            assertThat(context.containsBean(SlackEventsController.class)).isTrue();
        }
    }

    @Test
    void a_bot_token_that_is_not_a_slack_token_stops_the_context() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "fonte.slack.signing-secret", "s3cr3t", "fonte.slack.bot-token", "hunter2"))) {
            assertThatThrownBy(() -> context.getBean(SlackConfiguration.class))
                    .isInstanceOfAny(BeanInstantiationException.class, DependencyInjectionException.class)
                    .hasMessageContaining("botToken");
        }
    }
}
