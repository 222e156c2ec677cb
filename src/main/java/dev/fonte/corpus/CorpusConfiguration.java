package dev.fonte.corpus;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import java.util.List;

/**
 * Where the corpus lives and what page chrome ingestion drops.
 *
 * @param path            folder of documents ({@code .md} or {@code .txt} with a front-matter header) and the glossary
 * @param chrome          regular expressions (whole line, case-insensitive) for lines that are page furniture, not
 *                        content: sharing and comment widgets, "source and images" credits. The repeated title and
 *                        photo captions are recognised structurally, not listed here.
 * @param paragraphWindow the longest paragraph in characters: a longer one (a file without blank lines) is cut between
 *                        sentences into windows of at most this size, each read as a paragraph ({@link Segmenter})
 */
@ConfigurationProperties(CorpusConfiguration.PREFIX)
public record CorpusConfiguration(
        @NotBlank @Bindable(defaultValue = "corpus") String path,
        @Bindable(defaultValue = "") List<String> chrome,
        @Min(200) @Max(100_000) @Bindable(defaultValue = "1500") int paragraphWindow) {

    public static final String PREFIX = "fonte.corpus";

    /** The loader of this configuration. */
    public CorpusLoader loader() {
        return new CorpusLoader(chrome, paragraphWindow);
    }
}
