package dev.fonte.answer.provider;

import dev.fonte.answer.extractive.ExtractiveAnswerModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The provider the answer chain talks to: the configured one behind {@link ResilientChatModel}, which falls back to
 * the embedded default (given with each call) when it fails. Its clock is the system's unless a {@link Clock} bean
 * is there (tests move time by hand to walk the circuit breaker through its states).
 */
@Factory
public class ResilientModelFactory {

    @Singleton
    @Bean(preDestroy = "close")
    ResilientChatModel resilientProvider(ProviderConfiguration config, OllamaConfiguration ollama,
                                         @Nullable @Named(ModelProviderFactory.PROVIDER) ChatModel provider,
                                         @Nullable @Named(ModelProviderFactory.PROVIDER)
                                         StreamingChatModel providerStreaming,
                                         MeterRegistry meters, Optional<Clock> clock) {
        UnaryOperator<ChatRequest> fit = config.kind() == Provider.OLLAMA
                ? request -> ollama.fit(request, config.maxTokens()) : UnaryOperator.identity();
        return new ResilientChatModel(config, provider, providerStreaming, ExtractiveAnswerModel.NAME, meters,
                clock.orElseGet(Clock::systemUTC), fit);
    }
}
