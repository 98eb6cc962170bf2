package io.ringside.tools.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ServerCpuTest {

    @Test
    void shouldAddUtimeAndStimeAfterTheLastParenthesisWhenTheCommandNameHasSpacesAndParentheses()
            throws IOException {
        // given: fields 14 (utime) = 250 ticks and 15 (stime) = 50 ticks; the name holds ") 7 8 ("
        String line = "4242 (java) 7 8 (x) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 30 0 1234"
                + " 5000000 3000 18446744073709551615\n";

        // when
        long nanos = ServerCpu.parseProcStat(line);

        // then: 300 ticks of 10 ms
        assertThat(nanos).isEqualTo(3_000_000_000L);
    }

    @Test
    void shouldReadTheOwnProcessFromProc() throws IOException {
        // given
        ServerCpu self = ServerCpu.ofPid(ProcessHandle.current().pid());

        // when
        long first = self.cpuNanos();
        long second = self.cpuNanos();

        // then: a JVM that got this far has used CPU, and the figure never goes back
        assertThat(first).isPositive();
        assertThat(second).isGreaterThanOrEqualTo(first);
        assertThat(self.source()).isEqualTo("/proc/" + ProcessHandle.current().pid() + "/stat");
    }

    @Test
    void shouldReadTheUnlabelledProcessCpuSampleFromAMetricsPage() throws IOException {
        // given
        String page = "# HELP process_cpu_seconds_total CPU\n# TYPE process_cpu_seconds_total counter\n"
                + "process_cpu_seconds_total_created 1.7E9\nprocess_cpu_seconds_total 12.5\n"
                + "ringside_connections_open 3.0\n";

        // when
        long nanos = ServerCpu.parseMetrics(page, "http://h/metrics");

        // then
        assertThat(nanos).isEqualTo(12_500_000_000L);
    }

    @Test
    void shouldNameThePageAndTheFamilyWhenTheSampleIsMissing() {
        // given
        String page = "ringside_connections_open 3.0\n";

        // when / then
        assertThatThrownBy(() -> ServerCpu.parseMetrics(page, "http://h/metrics"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("http://h/metrics has no process_cpu_seconds_total sample");
    }
}
