package dev.fonte.retrieval;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An exit and the embedded model's native load: the exit waits for a load in progress and keeps new ones from
 * starting, since the ONNX runtime does not survive the process exiting under it.
 */
class NativeModelLoadingTest {

    @AfterEach
    void letLoadsBeginAgain() {
        NativeModelLoading.reset();
    }

    @Test
    void an_exit_waits_for_a_load_in_progress_and_no_load_begins_after_it() throws Exception {
        // given a load in progress on another thread
        CountDownLatch begun = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread load = new Thread(() -> {
            assertThat(NativeModelLoading.begin()).isTrue();
            begun.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                NativeModelLoading.end();
            }
        });
        load.start();
        assertThat(begun.await(10, TimeUnit.SECONDS)).isTrue();

        // when the process prepares to exit
        CountDownLatch exited = new CountDownLatch(1);
        Thread exit = new Thread(() -> {
            NativeModelLoading.beforeExit(Duration.ofMinutes(1));
            exited.countDown();
        });
        exit.start();

        // then the exit is held while the load runs, and no new load may begin
        assertThat(exited.await(200, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(NativeModelLoading.loading()).isTrue();
        assertThat(NativeModelLoading.begin()).isFalse();
        // and once the load ends, the exit goes on
        release.countDown();
        assertThat(exited.await(10, TimeUnit.SECONDS)).isTrue();
        load.join();
        exit.join();
        assertThat(NativeModelLoading.loading()).isFalse();
    }
}
