package io.ringside.tools.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class CpuWindowTest {
    private static final long SECOND = 1_000_000_000L;

    /** A server whose CPU clock advances by a fixed step at each read. */
    private static final class SteppingCpu extends ServerCpu {
        private final long stepNanos;
        private long nanos;

        SteppingCpu(long stepNanos) {
            this.stepNanos = stepNanos;
        }

        @Override
        long cpuNanos() {
            nanos += stepNanos;
            return nanos;
        }

        @Override
        String source() {
            return "stepping";
        }
    }

    @Test
    void shouldDivideTheServerCpuByThePlayerSecondsIntegratedBetweenMarks() {
        // given: 100 bots for 2 s, then 200 for 2 s: 600 player-seconds; the server uses 0.3 s in between
        CpuWindow window = new CpuWindow(new SteppingCpu(300_000_000L));
        window.open(0, 100);
        window.mark(2 * SECOND, 100);
        window.mark(2 * SECOND, 200);

        // when
        CpuUse cpu = window.close(4 * SECOND, 200);

        // then
        assertThat(cpu.seconds()).isEqualTo(4.0);
        assertThat(cpu.playerSeconds()).isEqualTo(600.0);
        assertThat(cpu.serverCpuNanos()).isEqualTo(300_000_000L);
        assertThat(cpu.serverMicrosPerPlayerSecond()).isCloseTo(500.0, within(1e-9));
        assertThat(cpu.serverCores()).isCloseTo(0.075, within(1e-9));
        assertThat(cpu.serverSource()).isEqualTo("stepping");
        assertThat(cpu.loadgenCpuNanos()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void shouldSayWhyWhenTheServerCpuBecameUnreadable() {
        // given: readable at the start, gone at the end (the server exited)
        CpuWindow window = new CpuWindow(new ServerCpu() {
            private boolean read;

            @Override
            long cpuNanos() throws IOException {
                if (read) {
                    throw new IOException("no process 7");
                }
                read = true;
                return 0;
            }

            @Override
            String source() {
                return "/proc/7/stat";
            }
        });
        window.open(0, 10);

        // when
        CpuUse cpu = window.close(SECOND, 10);

        // then
        assertThat(cpu.serverMeasured()).isFalse();
        assertThat(cpu.serverSource()).isEqualTo("unavailable: no process 7");
        assertThat(cpu.loadgenMicrosPerBotSecond()).isNotNaN();
    }

    @Test
    void shouldReportNothingWhenTheWindowNeverOpened() {
        // given
        CpuWindow window = new CpuWindow(null);

        // when
        CpuUse cpu = window.close(SECOND, 0);

        // then
        assertThat(cpu).isNull();
    }
}
