package dev.fonte.corpus.translation;

import dev.fonte.corpus.CacheFolders;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.nio.file.Path;
import java.util.List;

/**
 * Machine renderings of the corpus: each original document translated by the configured language model into the
 * other languages, paragraph by paragraph, and served beside it like a hand rendering.
 *
 * @param enabled        off by default; on, it needs a language model ({@code fonte.answer.provider} other than
 *                       extractive), else it logs that it cannot and does nothing
 * @param languages      the languages to render every original into (ISO 639-1 codes with a language pack); empty:
 *                       the languages the corpus's documents are written in
 * @param cache          folder where translations are kept between starts, one file per translated paragraph (empty:
 *                       {@code translations} in the user's cache folder, {@link CacheFolders#home()};
 *                       {@code off}: kept in memory only, so every start translates again)
 * @param maxLengthRatio a reply longer than this many times the source, or shorter than the source divided by it, is
 *                       not a translation of it (a refusal, a commentary, a summary)
 * @param maxTokens      the longest reply asked of the model for one paragraph
 */
@ConfigurationProperties(TranslationConfiguration.PREFIX)
public record TranslationConfiguration(
        @Bindable(defaultValue = "false") boolean enabled,
        @NotNull @Bindable(defaultValue = "") List<@Pattern(regexp = "[a-z]{2}|\\s*", // blank: none named
                message = "must be a two-letter ISO 639-1 code in lower case") String> languages,
        @Nullable String cache,
        @DecimalMin("1.5") @DecimalMax("10") @Bindable(defaultValue = "3") double maxLengthRatio,
        @Min(64) @Max(32768) @Bindable(defaultValue = "2048") int maxTokens) {

    public static final String PREFIX = "fonte.corpus.translate";

    public TranslationConfiguration {
        // an unset FONTE_TRANSLATE_LANGUAGES binds as one empty code: no language named
        languages = languages == null ? List.of()
                : languages.stream().map(String::strip).filter(code -> !code.isEmpty()).toList();
    }

    /** The folder translations are kept in, or null when they are kept in memory only. */
    @Nullable
    public Path cacheFolder() {
        if (cache == null || cache.isBlank()) {
            return CacheFolders.home().resolve("translations");
        }
        return cache.trim().equalsIgnoreCase("off") ? null : Path.of(cache.trim());
    }
}
