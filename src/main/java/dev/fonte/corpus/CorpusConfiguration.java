package dev.fonte.corpus;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;

import java.util.List;

/**
 * Where the corpus lives and what page chrome ingestion drops.
 *
 * @param path   folder of documents ({@code .md} or {@code .txt} with a front-matter header) and the glossary
 * @param chrome regular expressions (whole line, case-insensitive) for lines that are page furniture, not content:
 *               sharing and comment widgets, "source and images" credits. The repeated title and photo captions are
 *               recognised structurally, not listed here.
 */
@ConfigurationProperties(CorpusConfiguration.PREFIX)
public record CorpusConfiguration(
        @NotBlank @Bindable(defaultValue = "corpus") String path,
        @Bindable(defaultValue = "") List<String> chrome) {

    public static final String PREFIX = "fonte.corpus";
}
