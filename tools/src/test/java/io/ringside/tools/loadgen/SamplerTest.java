package io.ringside.tools.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SamplerTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldReportRatesAndIntervalPercentilesWhenTheClockAdvancesBySeconds() {
        // given
        Metrics metrics = new Metrics();
        Sampler sampler = new Sampler(metrics, 10, 0);
        metrics.connected.set(10);
        metrics.sentMessages.add(200);
        metrics.receivedMessages.add(100);
        metrics.sentBytes.add(6400);
        for (int i = 1; i <= 100; i++) {
            metrics.rttMicros.recordValue(i * 1000L);
        }

        // when
        Sample first = sampler.sample(2 * SECOND);
        metrics.sentMessages.add(50);
        Sample second = sampler.sample(3 * SECOND);

        // then
        assertThat(first.seconds()).isEqualTo(2.0);
        assertThat(first.sentPerSecond()).isEqualTo(100.0);
        assertThat(first.receivedPerSecond()).isEqualTo(50.0);
        assertThat(first.sentBytesPerSecond()).isEqualTo(3200.0);
        assertThat(first.rttP50Ms()).isBetween(49.9, 50.1);
        assertThat(first.rttP99Ms()).isBetween(98.9, 99.1);
        assertThat(second.sentPerSecond()).isEqualTo(50.0);
        assertThat(second.rttP99Ms()).isZero();
        assertThat(sampler.rttTotal().getTotalCount()).isEqualTo(100);
        assertThat(sampler.progress(first)).startsWith("[   2.0s] bots 10/10  sent 100 msg/s  recv 50 msg/s")
                .contains("p50 50.");
    }

    @Test
    void shouldCountErrorsAndLostMessagesInTheErrorRate() {
        // given
        Metrics metrics = new Metrics();
        metrics.connectFailed("ConnectException");
        metrics.disconnected(1006);

        // when
        RunResult result = new RunResult(null, "", "", 1, List.of(),
                new Sampler(metrics, 1, 0).rttTotal(), new Sampler(metrics, 1, 0).connectTotal(),
                new Sampler(metrics, 1, 0).jitterTotal(), 10, 90, 88,
                0, 0, 0, 2, metrics.errors.sum(), metrics.connectFailures(), metrics.disconnects(),
                metrics.connectionErrors(), null);

        // then: (2 errors + 2 lost) / (10 connects + 90 messages)
        assertThat(result.errorRate()).isEqualTo(0.04);
        assertThat(result.disconnects()).containsEntry(1006, 1L);
        assertThat(result.connectFailures()).containsEntry("ConnectException", 1L);
    }
}
