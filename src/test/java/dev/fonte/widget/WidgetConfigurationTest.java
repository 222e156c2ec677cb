package dev.fonte.widget;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WidgetConfigurationTest {

    @Test
    void binds_the_cache_max_age_from_configuration() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("fonte.widget.cache-max-age", "10m"))) {
            assertThat(context.getBean(WidgetConfiguration.class).cacheMaxAge()).isEqualTo(Duration.ofMinutes(10));
        }
    }

    @Test
    void refuses_a_negative_cache_max_age() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("fonte.widget.cache-max-age", "-5s"))) {
            assertThatThrownBy(() -> context.getBean(WidgetConfiguration.class))
                    .hasStackTraceContaining("cache-max-age must be zero or positive");
        }
    }
}
