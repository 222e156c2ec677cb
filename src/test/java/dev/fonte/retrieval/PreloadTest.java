package dev.fonte.retrieval;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PreloadTest {

    @Test
    void preloadsUnlessDenseRetrievalIsExplicitlyOff() {
        assertThat(Preload.wanted(new String[0], Map.of())).isTrue();
        assertThat(Preload.wanted(new String[] {"--fonte.retrieval.mode=HYBRID"}, Map.of())).isTrue();
        assertThat(Preload.wanted(new String[] {"--fonte.retrieval.mode=bm25"}, Map.of())).isFalse();
        assertThat(Preload.wanted(new String[0], Map.of("FONTE_RETRIEVAL_MODE", "BM25"))).isFalse();
        assertThat(Preload.wanted(new String[0], Map.of("FONTE_PRELOAD", "false"))).isFalse();
        // the command line wins over the environment, as in Micronaut's own order
        assertThat(Preload.wanted(new String[] {"--fonte.retrieval.mode=DENSE"},
                Map.of("FONTE_RETRIEVAL_MODE", "BM25"))).isTrue();
    }
}
