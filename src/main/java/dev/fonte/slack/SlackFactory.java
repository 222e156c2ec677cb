package dev.fonte.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The Slack SDK client and the bounded pool that answers after Slack got its acknowledgement. */
@Factory
@Requires(beans = SlackConfiguration.class)
class SlackFactory {

    static final String EXECUTOR = "slack";

    @Singleton
    @Bean(preDestroy = "close")
    Slack slack(SlackConfiguration configuration) {
        SlackConfig config = new SlackConfig();
        // The SDK's rate-limit statistics call auth.test behind our back to learn the team id: not needed here.
        config.setStatsEnabled(false);
        if (configuration.apiUrl() != null) {
            config.setMethodsEndpointUrlPrefix(configuration.apiUrl());
        }
        return Slack.getInstance(config);
    }

    /** Never the event loop: answering may take seconds (retrieval, a model). Bounded threads and queue. */
    @Singleton
    @Named(EXECUTOR)
    @Bean(preDestroy = "shutdownNow")
    ExecutorService slackExecutor(SlackConfiguration configuration) {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(configuration.workers(), configuration.workers(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(configuration.queueCapacity()),
                runnable -> {
                    Thread thread = new Thread(runnable, "slack-answer-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.AbortPolicy());
    }
}
